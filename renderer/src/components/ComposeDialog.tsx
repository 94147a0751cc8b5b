import { useEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { ComposePage, Crop, QuarterTurn } from '../../../shared/compose-types.ts';
import type { DocumentSummary } from '../../../shared/ipc-contract.ts';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate } from '../format.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import { readOriginal } from '../pdf.ts';
import './ComposeDialog.css';

const PREVIEWED = new Set(['image/heic', 'image/tiff']);

interface PageChoice {
  readonly key: string;
  readonly photo: DocumentSummary;
  readonly page: number;
  readonly rotation: QuarterTurn;
  readonly crop: Crop | null;
}

const pictures = new Map<string, Promise<ImageBitmap>>();

/** A page of a photo, upright by its EXIF orientation (the browser applies it), decoded once. */
function picture(photo: DocumentSummary, page: number): Promise<ImageBitmap> {
  const key = `${photo.id}:${page}`;
  let found = pictures.get(key);
  if (!found) {
    const blob = PREVIEWED.has(photo.mediaType)
      ? invoke('documents:preview', photo.id, page).then((b) => new Blob([b as BlobPart], { type: 'image/jpeg' }))
      : readOriginal(photo).then((b) => new Blob([b as BlobPart], { type: photo.mediaType }));
    found = blob.then((b) => createImageBitmap(b));
    pictures.set(key, found);
  }
  return found;
}

/** Draws a picture turned by a quarter turn into a canvas no larger than `side`, optionally cropped. */
function drawTurned(canvas: HTMLCanvasElement, bitmap: ImageBitmap, rotation: QuarterTurn, side: number, crop: Crop | null): void {
  const turned = rotation === 90 || rotation === 270;
  const w = turned ? bitmap.height : bitmap.width;
  const h = turned ? bitmap.width : bitmap.height;
  const c = crop ?? { left: 0, top: 0, width: 1, height: 1 };
  const scale = Math.min(side / (w * c.width), side / (h * c.height));
  canvas.width = Math.max(1, Math.round(w * c.width * scale));
  canvas.height = Math.max(1, Math.round(h * c.height * scale));
  const context = canvas.getContext('2d')!;
  context.save();
  context.scale(scale, scale);
  context.translate(-c.left * w, -c.top * h);
  context.translate(w / 2, h / 2);
  context.rotate((rotation * Math.PI) / 180);
  context.drawImage(bitmap, -bitmap.width / 2, -bitmap.height / 2);
  context.restore();
}

/** A page as it will be composed. Without a label it is decoration beside text that already names it. */
function PagePicture({ choice, side, label }: { choice: Pick<PageChoice, 'photo' | 'page' | 'rotation' | 'crop'>; side: number; label?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let live = true;
    void picture(choice.photo, choice.page).then((bitmap) => {
      if (live && canvas.current) drawTurned(canvas.current, bitmap, choice.rotation, side, choice.crop);
    });
    return () => {
      live = false;
    };
  }, [choice.photo, choice.page, choice.rotation, choice.crop, side]);
  return label === undefined ? (
    <canvas ref={canvas} className="compose-picture" aria-hidden="true" width={side} height={side} />
  ) : (
    <canvas ref={canvas} className="compose-picture" role="img" aria-label={label} width={side} height={side} />
  );
}

/** Drag a rectangle over the page to keep only that part; or trim each edge by a percentage. */
function CropEditor({ choice, onDone }: { choice: PageChoice; onDone: (crop: Crop | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [crop, setCrop] = useState<Crop>(choice.crop ?? { left: 0, top: 0, width: 1, height: 1 });
  const start = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    void picture(choice.photo, choice.page).then((bitmap) => canvas.current && drawTurned(canvas.current, bitmap, choice.rotation, 520, null));
  }, [choice]);

  const at = (e: ReactPointerEvent) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  };
  const trim = (edge: 'left' | 'top' | 'right' | 'bottom', percent: number) => {
    const v = Math.min(45, Math.max(0, percent)) / 100;
    setCrop((c) => {
      const right = 1 - c.left - c.width;
      const bottom = 1 - c.top - c.height;
      const next = { left: c.left, top: c.top, right, bottom, [edge]: v };
      return { left: next.left, top: next.top, width: Math.max(0.05, 1 - next.left - next.right), height: Math.max(0.05, 1 - next.top - next.bottom) };
    });
  };
  const edges = { left: crop.left, top: crop.top, right: 1 - crop.left - crop.width, bottom: 1 - crop.top - crop.height };
  const { t } = useT();
  return (
    <div className="crop-editor">
      <p className="hint">{t('compose.dragHint')}</p>
      <div className="crop-stage">
        <canvas
          ref={canvas}
          onPointerDown={(e) => {
            start.current = at(e);
            (e.target as Element).setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            if (!start.current) return;
            const p = at(e);
            const s = start.current;
            if (Math.abs(p.x - s.x) < 0.02 || Math.abs(p.y - s.y) < 0.02) return;
            setCrop({ left: Math.min(s.x, p.x), top: Math.min(s.y, p.y), width: Math.abs(p.x - s.x), height: Math.abs(p.y - s.y) });
          }}
          onPointerUp={() => (start.current = null)}
          role="img"
          aria-label={t('compose.pageLabel')}
        />
        <div
          className="crop-box"
          aria-hidden="true"
          style={{ left: `${crop.left * 100}%`, top: `${crop.top * 100}%`, width: `${crop.width * 100}%`, height: `${crop.height * 100}%` }}
        />
      </div>
      <fieldset className="crop-edges">
        <legend>{t('compose.trim')}</legend>
        {(['left', 'top', 'right', 'bottom'] as const).map((edge) => (
          <label key={edge}>
            {t('compose.edge', { edge })}
            <input type="number" min={0} max={45} value={Math.round(edges[edge] * 100)} onChange={(e) => trim(edge, Number(e.target.value))} />
          </label>
        ))}
      </fieldset>
      <div className="panel-actions">
        <button type="button" className="primary" onClick={() => onDone(crop.width > 0.999 && crop.height > 0.999 ? null : crop)}>
          {t('compose.usePart')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('compose.wholePage')}
        </button>
      </div>
    </div>
  );
}

/**
 * Several photos of one paper document made into one document: choose the photos, put the pages in
 * order, turn and crop them, give it a title. The photos stay in the library as they are.
 */
export function ComposeDialog({
  patientId,
  initial,
  onClose,
  onMade,
}: {
  patientId: number;
  initial: readonly number[];
  onClose: () => void;
  onMade: (doc: MedicalDocument) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [photos, setPhotos] = useState<DocumentSummary[] | null>(null);
  const [pages, setPages] = useState<PageChoice[]>([]);
  const [title, setTitle] = useState('');
  const [cropping, setCropping] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useT();

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  // The photos once, when the dialog opens: the library changing meanwhile (OCR finishing in the
  // background) must not undo the person's choices, and the parent's `initial` is a new array each time.
  const firstChoice = useRef(initial);
  useEffect(() => {
    let live = true;
    void invoke('documents:list', { patientId }).then(
      (list) => {
        if (!live) return;
        const pictures = list.filter((d) => d.kind === 'file' && d.mediaType.startsWith('image/'));
        setPhotos(pictures);
        setPages(pictures.filter((p) => firstChoice.current.includes(p.id)).flatMap((p) => pagesOf(p)));
      },
      (e: unknown) => setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [patientId]);

  const chosen = useMemo(() => new Set(pages.map((p) => p.photo.id)), [pages]);
  const toggle = (photo: DocumentSummary) =>
    setPages((list) => (chosen.has(photo.id) ? list.filter((p) => p.photo.id !== photo.id) : [...list, ...pagesOf(photo)]));
  const update = (key: string, change: Partial<PageChoice>) => setPages((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const move = (index: number, by: number) =>
    setPages((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item!);
      return next;
    });

  async function make() {
    setError(null);
    setBusy(true);
    try {
      const request: { title: string; pages: ComposePage[] } = {
        title,
        pages: pages.map((p) => ({ documentId: p.photo.id, page: p.page, rotation: p.rotation, crop: p.crop })),
      };
      onMade(await invoke('documents:compose', request));
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  }

  const editing = pages.find((p) => p.key === cropping);
  return (
    <dialog ref={ref} className="modal compose" aria-labelledby="compose-title" onClose={onClose} onCancel={onClose}>
      <h2 id="compose-title">{t('compose.title')}</h2>
      <p className="hint">{t('compose.hint')}</p>
      {editing ? (
        <CropEditor
          choice={editing}
          onDone={(crop) => {
            update(editing.key, { crop });
            setCropping(null);
          }}
        />
      ) : (
        <div className="compose-body">
          <section aria-labelledby="compose-photos">
            <h3 id="compose-photos">{t('compose.photos')}</h3>
            {photos === null ? (
              <p role="status">{t('cases.loading')}</p>
            ) : photos.length === 0 ? (
              <p>{t('compose.noPhotos')}</p>
            ) : (
              <ul className="compose-photos">
                {photos.map((photo) => (
                  <li key={photo.id}>
                    <label>
                      <input type="checkbox" checked={chosen.has(photo.id)} onChange={() => toggle(photo)} />
                      <PagePicture choice={{ photo, page: 1, rotation: 0, crop: null }} side={72} />
                      <span>
                        {photo.title}
                        <small>{describe(photo)}</small>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="compose-pages">
            <h3 id="compose-pages">{t('compose.pages')}</h3>
            {pages.length === 0 ? (
              <p className="hint">{t('compose.tick')}</p>
            ) : (
              <ol className="compose-pages">
                {pages.map((p, i) => (
                  <li key={p.key}>
                    <PagePicture choice={p} side={120} label={t('compose.pagePicture', { n: i + 1, title: p.photo.title, page: p.photo.pages > 1 ? p.page : 0 })} />
                    <div className="compose-page-actions">
                      <span className="compose-page-number">{t('redact.page', { page: i + 1 })}</span>
                      <button type="button" className="small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('compose.up', { n: i + 1 })}>
                        ↑
                      </button>
                      <button type="button" className="small" onClick={() => move(i, 1)} disabled={i === pages.length - 1} aria-label={t('compose.down', { n: i + 1 })}>
                        ↓
                      </button>
                      <button type="button" className="small" onClick={() => update(p.key, { rotation: (((p.rotation + 90) % 360) as QuarterTurn), crop: null })} aria-label={t('compose.turnLabel', { n: i + 1 })}>
                        {t('compose.turn')}
                      </button>
                      <button type="button" className="small" onClick={() => setCropping(p.key)} aria-label={t('compose.cropLabel', { n: i + 1 })}>
                        {t('compose.crop')}
                        {p.crop ? ' ✓' : ''}
                      </button>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      )}
      {!editing && (
        <form
          className="compose-finish"
          onSubmit={(e) => {
            e.preventDefault();
            void make();
          }}
        >
          <label htmlFor="compose-name">{t('compose.name')}</label>
          <input id="compose-name" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('compose.nameExample')} required />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="panel-actions">
            <button type="submit" className="primary" disabled={busy || pages.length === 0 || !title.trim()}>
              {busy ? t('compose.making') : t('compose.make', { count: pages.length })}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

function describe(photo: DocumentSummary): string {
  const date = photo.dateOfService ?? photo.suggested.dateOfService;
  const { t } = currentTranslator();
  return [date ? formatDate(date) : t('compose.noDate'), photo.pages > 1 ? t('compose.pageCount', { count: photo.pages }) : ''].filter(Boolean).join(' · ');
}

function pagesOf(photo: DocumentSummary): PageChoice[] {
  return Array.from({ length: photo.pages }, (_, i) => ({ key: `${photo.id}:${i + 1}`, photo, page: i + 1, rotation: 0, crop: null }));
}
