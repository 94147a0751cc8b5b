import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import type { DocumentRedactions, FoundText, RedactionBox, RedactionPreview, SuggestedRedaction } from '../../../shared/redaction-types.ts';
import { say } from '../../../shared/said.ts';
import { canRedact } from '../../../shared/redaction-types.ts';
import { ApiError, invoke, messageOf, on } from '../api.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { formatDate } from '../format.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import { openPdf, readWhole, vaultSource } from '../pdf.ts';
import type { PdfSource } from '../pdf.ts';
import type { Route } from '../route.ts';
import './RedactScreen.css';

interface Props {
  readonly route: Extract<Route, { name: 'redact' }>;
  readonly navigate: (route: Route) => void;
  readonly onError: (message: string) => void;
}

/** Pictures the window cannot decode itself are shown from the library's upright previews. */
const PREVIEWED = new Set(['image/heic', 'image/tiff']);
/** A box smaller than this (a click, not a drag) is not one. */
const MIN_BOX = 0.004;

/** Which file the screen shows: the original, or the redacted copy exports send. */
type Showing = 'original' | 'redacted';

/** One page drawn for the screen, as a picture the boxes are laid over. */
function usePagePicture(doc: MedicalDocument | null, showing: Showing, current: DocumentRedactions['current'], page: number, onError: (m: string) => void) {
  const [url, setUrl] = useState<string | null>(null);
  const [pages, setPages] = useState<number | null>(null);
  const source = useMemo((): { source: PdfSource; mediaType: string } | null => {
    if (!doc) return null;
    if (showing === 'redacted' && current) {
      return {
        mediaType: current.mediaType,
        source: { key: `redaction:${current.id}`, title: doc.title, size: current.size, read: (offset, length) => invoke('redactions:read', doc.id, offset, length) },
      };
    }
    return { mediaType: doc.mediaType, source: vaultSource(doc) };
  }, [doc, showing, current]);

  useEffect(() => {
    if (!doc || !source) return;
    let live = true;
    let made: string | null = null;
    setUrl(null);
    const draw = async (): Promise<Blob> => {
      if (source.mediaType === 'application/pdf') {
        const task = await openPdf(source.source);
        try {
          const pdf = await task.promise;
          if (live) setPages(pdf.numPages);
          const p = await pdf.getPage(Math.min(page, pdf.numPages));
          const natural = p.getViewport({ scale: 1 });
          // Sharp enough to read small print on a large screen, and to place a box between two words.
          const viewport = p.getViewport({ scale: Math.min(3, 1600 / natural.width) });
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(viewport.width);
          canvas.height = Math.round(viewport.height);
          // Annotations drawn into the picture (a filled form's values), as the redacted copy draws them.
          await p.render({ canvas, viewport, annotationMode: 1 }).promise;
          return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(currentTranslator().t('redact.notDrawn')))), 'image/png'));
        } finally {
          void task.destroy();
        }
      }
      if (live) setPages(showing === 'redacted' ? 1 : doc.pages);
      if (showing === 'original' && PREVIEWED.has(doc.mediaType)) return new Blob([(await invoke('documents:preview', doc.id, page)) as BlobPart], { type: 'image/jpeg' });
      return new Blob([(await readWhole(source.source.size, source.source.read)) as BlobPart], { type: source.mediaType });
    };
    draw().then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      },
      (e: unknown) => live && onError(messageOf(e)),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc, source, page, showing, onError]);
  return { url, pages };
}

/** Rounds a fraction for display and for the request (a hundredth of a percent is finer than a pixel). */
const round = (v: number) => Math.round(v * 10_000) / 10_000;

function boxStyle(b: RedactionBox) {
  return { left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.width * 100}%`, height: `${b.height * 100}%` };
}

/**
 * Redacting a document for sending: the person draws boxes on its pages, finds text to remove (every
 * match), and accepts or rejects what the app suggests (Social Security and insurance numbers, others'
 * phone numbers and addresses). "Make the redacted copy" draws every page again with all of it burned
 * in; exports then send that copy, and the original stays as it is.
 */
export function RedactScreen({ route, navigate, onError }: Props) {
  const [doc, setDoc] = useState<MedicalDocument | null>(null);
  const [redactions, setRedactions] = useState<DocumentRedactions | null>(null);
  const [preview, setPreview] = useState<RedactionPreview | null>(null);
  const [page, setPage] = useState(1);
  const [showing, setShowing] = useState<Showing>('original');
  const [drawn, setDrawn] = useState<RedactionBox[]>([]);
  const [finds, setFinds] = useState<FoundText[]>([]);
  const [accepted, setAccepted] = useState<ReadonlySet<number>>(new Set());
  const [findText, setFindText] = useState('');
  const [findNote, setFindNote] = useState<string | null>(null);
  const [dragging, setDragging] = useState<{ x: number; y: number; box: RedactionBox } | null>(null);
  const [work, setWork] = useState<{ jobId: string | null; done: number; total: number } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const jobRef = useRef<string | null>(null);
  const tr = useT();
  const { t } = tr;

  /** The suggestions: at once for pages with text, then again once OCR has read the pages that are pictures. */
  const suggest = useCallback(async (id: number) => {
    const quick = await invoke('redactions:preview', id, [], false);
    setPreview(quick);
    if (quick.pagesWithoutText.length) setPreview(await invoke('redactions:preview', id, []));
  }, []);

  const load = useCallback(async () => {
    const d = await invoke('documents:get', route.id);
    setDoc(d);
    if (!canRedact(d.mediaType) || !d.sha256) return;
    setRedactions(await invoke('redactions:get', d.id));
    await suggest(d.id);
  }, [route.id, suggest]);

  useEffect(() => {
    load().catch((e: unknown) => onError(messageOf(e)));
  }, [load, onError]);

  useEffect(
    () =>
      on('job:progress', (event) => {
        if (event.kind === 'redaction' && event.jobId === jobRef.current) setWork({ jobId: event.jobId, done: event.progress.done, total: event.progress.total });
      }),
    [],
  );

  const { url, pages } = usePagePicture(doc, showing, redactions?.current ?? null, page, onError);
  const pageCount = pages ?? doc?.pages ?? 1;
  const suggestions = preview?.suggestions ?? [];
  const acceptedBoxes = suggestions.filter((_, i) => accepted.has(i)).flatMap((s) => s.boxes);
  const foundBoxes = finds.flatMap((f) => f.boxes);
  const pending = drawn.length + foundBoxes.length + acceptedBoxes.length;
  const onPage = (b: RedactionBox) => b.page === page;

  const fraction = (e: ReactPointerEvent) => {
    const rect = surface.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width)), y: Math.min(1, Math.max(0, (e.clientY - rect.top) / rect.height)) };
  };
  const startDrag = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (showing !== 'original' || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const at = fraction(e);
    setDragging({ ...at, box: { page, x: at.x, y: at.y, width: 0, height: 0 } });
  };
  const moveDrag = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!dragging) return;
    const at = fraction(e);
    const x = Math.min(at.x, dragging.x);
    const y = Math.min(at.y, dragging.y);
    setDragging({ ...dragging, box: { page, x, y, width: Math.abs(at.x - dragging.x), height: Math.abs(at.y - dragging.y) } });
  };
  const endDrag = () => {
    if (dragging && dragging.box.width > MIN_BOX && dragging.box.height > MIN_BOX) {
      const b = dragging.box;
      setDrawn((d) => [...d, { page: b.page, x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) }]);
      setStatus(null);
    }
    setDragging(null);
  };

  const find = async () => {
    const text = findText.trim();
    if (!text || !doc) return;
    setFindNote(null);
    try {
      const result = await invoke('redactions:preview', doc.id, [text]);
      const found = result.found[0]!;
      if (found.boxes.length === 0) {
        const pictures = result.pagesWithoutText;
        const where = pictures.length === 0 ? 'none' : pictures.length === result.pages ? 'all' : 'some';
        setFindNote(t('redact.notFound', { text, where, count: pictures.length, pages: tr.list(pictures.map(String)) }));
        return;
      }
      setFinds((f) => [...f.filter((x) => x.text.toLowerCase() !== text.toLowerCase()), found]);
      setFindText('');
      setStatus(null);
      const first = found.boxes[0]!.page;
      if (!found.boxes.some(onPage)) setPage(first);
    } catch (e) {
      onError(messageOf(e));
    }
  };

  const make = async () => {
    if (!doc) return;
    setStatus(null);
    setWork({ jobId: null, done: 0, total: doc.pages });
    try {
      const { jobId } = await invoke('redactions:start', { documentId: doc.id, boxes: [...drawn, ...acceptedBoxes], find: finds.map((f) => f.text), suggested: false });
      jobRef.current = jobId;
      setWork({ jobId, done: 0, total: doc.pages });
      const made = await invoke('redactions:result', jobId);
      setDrawn([]);
      setFinds([]);
      setAccepted(new Set());
      setFindNote(null);
      setRedactions(await invoke('redactions:get', doc.id));
      await suggest(doc.id);
      setShowing('redacted');
      setStatus(t('redact.made', { areas: made.boxes.length, words: made.wordsRemoved }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'cancelled') setStatus(t('redact.stopped'));
      else onError(messageOf(e));
    } finally {
      jobRef.current = null;
      setWork(null);
    }
  };

  const undo = async () => {
    if (!doc) return;
    try {
      const r = await invoke('redactions:undo', doc.id);
      setRedactions(r);
      setAccepted(new Set());
      await suggest(doc.id);
      if (!r.current) setShowing('original');
      setStatus(t(r.current ? 'redact.undoneNewest' : 'redact.undone'));
    } catch (e) {
      onError(messageOf(e));
    }
  };

  if (!doc) return <p className="screen-loading" role="status">{t('document.opening')}</p>;
  if (!canRedact(doc.mediaType) || !doc.sha256) {
    return (
      <main className="document-missing">
        <p role="alert">{t('redact.cannot', { title: doc.title })}</p>
        <a href={`#/document/${doc.id}`}>{t('redact.backToDocument')}</a>
      </main>
    );
  }

  const current = redactions?.current ?? null;
  const pictures = preview?.pagesWithoutText ?? [];
  return (
    <div className="redact-screen">
      <ScreenHeader back={{ href: `#/document/${doc.id}`, label: t('document.view') }} title={t('redact.title', { title: doc.title })} subtitle={t('redact.subtitle')}>
        {current && (
          <div className="redact-showing" role="group" aria-label={t('redact.showWhich')}>
            <button type="button" aria-pressed={showing === 'original'} onClick={() => setShowing('original')}>
              {t('redact.original')}
            </button>
            <button type="button" aria-pressed={showing === 'redacted'} onClick={() => setShowing('redacted')}>
              {t('redact.redactedCopy')}
            </button>
          </div>
        )}
      </ScreenHeader>
      <div className="redact-body">
        <main className="redact-view" aria-label={t('redact.pageRegion')}>
          <nav className="redact-pager" aria-label={t('redact.pages')}>
            <button type="button" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1}>
              {t('redact.previous')}
            </button>
            <span aria-live="polite">
              {t('redact.pageOf', { page, count: pageCount, redacted: showing === 'redacted' ? 'yes' : 'no' })}
            </span>
            <button type="button" onClick={() => setPage((p) => Math.min(pageCount, p + 1))} disabled={page >= pageCount}>
              {t('redact.next')}
            </button>
          </nav>
          {showing === 'original' && <p className="redact-hint">{t('redact.dragHint', { picture: pictures.includes(page) ? 'yes' : 'no' })}</p>}
          {/* Focusable, so the page scrolls with the keyboard too. */}
          <div className="redact-page-frame" tabIndex={0} role="region" aria-label={t('redact.page', { page })}>
            <div
              className={`redact-page${showing === 'original' ? ' drawing' : ''}`}
              ref={surface}
              onPointerDown={startDrag}
              onPointerMove={moveDrag}
              onPointerUp={endDrag}
              onPointerCancel={() => setDragging(null)}
              data-testid="redact-page"
            >
              {url ? <img src={url} alt={t('redact.pageAlt', { page, title: doc.title, redacted: showing === 'redacted' ? 'yes' : 'no' })} draggable={false} /> : <p className="screen-loading" role="status">{t('redact.drawing')}</p>}
              {url && showing === 'original' && (
                <>
                  {current?.boxes.filter(onPage).map((b, i) => <div key={`c${i}`} className="redact-box done" style={boxStyle(b)} title={t('redact.already')} />)}
                  {drawn.filter(onPage).map((b, i) => <div key={`d${i}`} className="redact-box drawn" style={boxStyle(b)} />)}
                  {foundBoxes.filter(onPage).map((b, i) => <div key={`f${i}`} className="redact-box found" style={boxStyle(b)} />)}
                  {suggestions.map((s, i) =>
                    s.boxes.filter(onPage).map((b, j) => <div key={`s${i}-${j}`} className={`redact-box ${accepted.has(i) ? 'found' : 'suggested'}`} style={boxStyle(b)} title={say(s.words, tr.language)} />),
                  )}
                  {dragging && <div className="redact-box drawn" style={boxStyle(dragging.box)} />}
                </>
              )}
            </div>
          </div>
        </main>
        <aside className="redact-panel" aria-label={t('redact.whatToRemove')}>
          <section>
            <h2>{t('redact.findAndRemove')}</h2>
            <form
              className="redact-find"
              onSubmit={(e) => {
                e.preventDefault();
                void find();
              }}
            >
              <label htmlFor="redact-find">{t('redact.findLabel')}</label>
              <div>
                <input id="redact-find" value={findText} onChange={(e) => setFindText(e.target.value)} placeholder={t('redact.findExample')} />
                <button type="submit" disabled={!findText.trim()}>
                  {t('redact.find')}
                </button>
              </div>
            </form>
            {findNote && <p className="redact-note" role="status">{findNote}</p>}
            {finds.length > 0 && (
              <ul className="redact-list">
                {finds.map((f) => (
                  <li key={f.text}>
                    <span>
                      {t('redact.found', { text: f.text, places: f.boxes.length, count: new Set(f.boxes.map((b) => b.page)).size, pages: tr.list([...new Set(f.boxes.map((b) => String(b.page)))]) })}
                    </span>
                    <button type="button" className="link" onClick={() => setFinds((all) => all.filter((x) => x !== f))} aria-label={t('redact.keepText', { text: f.text })}>
                      {t('redact.keep')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section>
            <h2>{t('redact.suggested')}</h2>
            {preview && !preview.picturesRead && preview.pagesWithoutText.length > 0 && (
              <p className="redact-note" role="status">
                {t('redact.readingPictures', { count: preview.pagesWithoutText.length })}
              </p>
            )}
            {suggestions.length === 0 ? (
              <p className="redact-note">{!preview ? t('redact.readingPages') : preview.picturesRead || preview.pagesWithoutText.length === 0 ? t('redact.nothingSuggested') : ''}</p>
            ) : (
              <>
                <ul className="redact-list">
                  {suggestions.map((s: SuggestedRedaction, i) => (
                    <li key={`${s.page}-${i}`}>
                      <label title={say(s.words, tr.language)}>
                        <input
                          type="checkbox"
                          checked={accepted.has(i)}
                          onChange={(e) => {
                            const next = new Set(accepted);
                            if (e.target.checked) next.add(i);
                            else next.delete(i);
                            setAccepted(next);
                            setStatus(null);
                          }}
                        />
                        <span>
                          <strong>{t('redact.kind', { kind: s.kind.replace('-', '_') })}</strong> {s.text} <span className="muted">· {t('redact.page', { page: s.page }).toLocaleLowerCase(tr.language)}</span>
                        </span>
                      </label>
                      {s.page !== page && (
                        <button type="button" className="link" onClick={() => setPage(s.page)} aria-label={t('redact.showPage', { page: s.page })}>
                          {t('redact.show')}
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
                <button type="button" className="link" onClick={() => setAccepted(new Set(suggestions.map((_, i) => i)))} disabled={accepted.size === suggestions.length}>
                  {t('redact.removeAll', { count: suggestions.length })}
                </button>
              </>
            )}
          </section>
          {drawn.length > 0 && (
            <section>
              <h2>{t('redact.areasDrawn')}</h2>
              <ul className="redact-list">
                {drawn.map((b, i) => (
                  <li key={i}>
                    <span>{t('redact.area', { page: b.page, area: i + 1 })}</span>
                    <button type="button" className="link" onClick={() => setDrawn((d) => d.filter((_, k) => k !== i))} aria-label={t('redact.removeArea', { page: b.page, area: i + 1 })}>
                      {t('record.remove')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="redact-actions">
            {work ? (
              <div role="status" className="redact-progress">
                <progress max={work.total} value={work.done} aria-label={t('redact.pagesDrawn')} />
                <span>{t('redact.drawingPage', { page: Math.min(work.done + 1, work.total), count: work.total })}</span>
                <button type="button" disabled={!work.jobId} onClick={() => work.jobId && void invoke('redactions:cancel', work.jobId)}>
                  {t('ocr.stop')}
                </button>
              </div>
            ) : (
              <button type="button" className="primary" disabled={pending === 0} onClick={() => void make()}>
                {t('redact.make', { current: current ? 'yes' : 'no', pending })}
              </button>
            )}
            {status && (
              <p role="status" className="redact-status">
                {status}
              </p>
            )}
            {current && !work && (
              <div className="redact-current">
                <p>{t('redact.current', { date: formatDate(current.createdAt.slice(0, 10)), times: redactions?.history.length ?? 1 })}</p>
                <button type="button" onClick={() => void undo()}>
                  {t('redact.undo')}
                </button>
              </div>
            )}
            <button type="button" className="link" onClick={() => navigate({ name: 'document', id: doc.id })}>
              {t('redact.done')}
            </button>
          </section>
        </aside>
      </div>
    </div>
  );
}
