import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../shared/ipc-contract.ts';
import { formatDate, typeLabel } from '../format.ts';
import { routeHash } from '../route.ts';
import { Thumbnail } from './Thumbnail.tsx';
import { dragDocument } from './CaseDrop.tsx';
import { currentTranslator, useT } from '../i18n/index.ts';
import { languageNames } from '../../../shared/languages.ts';
import './DocumentList.css';

const ROW_REM = 5;

/** A value the person confirmed, or the library's suggestion marked as one. */
function Value({ confirmed, suggested, format = (v: string) => v }: { confirmed: string | null; suggested: string | null; format?: (v: string) => string }) {
  const { t } = useT();
  if (confirmed) return <>{format(confirmed)}</>;
  if (!suggested) return null;
  return (
    <span className="suggested" title={t('list.suggestedTitle')}>
      {format(suggested)}
      <span className="visually-hidden"> {t('list.suggested')}</span>
    </span>
  );
}

/** Words for how big a document is: its pages, or a study's series and images. */
function sizeOf(doc: Pick<DocumentSummary, 'imaging' | 'pages'>): string {
  const { t } = currentTranslator();
  return doc.imaging ? t('list.study', { series: doc.imaging.series, images: doc.imaging.instances }) : t('compose.pageCount', { count: doc.pages });
}

/**
 * What a person should know at a glance: text still being read, text that may be wrong, a document made
 * from photos, one written in a language other than the window's.
 */
function Badges({ doc }: { doc: DocumentSummary }) {
  const { t, language } = useT();
  const badges: { text: string; tone: string; title: string }[] = [];
  if (doc.languages?.some((code) => code !== language)) badges.push({ text: languageNames(doc.languages, language), tone: 'info', title: t('list.languageTitle') });
  if (doc.ocr?.pending) badges.push({ text: t('list.reading'), tone: 'pending', title: t('list.readingTitle') });
  if (doc.ocr && !doc.ocr.pending && doc.ocr.lowConfidence) {
    badges.push({ text: t('list.mayBeWrong'), tone: 'warn', title: t('list.mayBeWrongTitle') });
  }
  if (doc.madeFrom.length) badges.push({ text: t('list.fromPhotos', { count: doc.madeFrom.length }), tone: 'info', title: t('list.fromPhotosTitle') });
  if (doc.patientMatch === 'other') {
    badges.push({ text: t('list.someoneElse'), tone: 'warn', title: t('list.someoneElseTitle') });
  }
  if (badges.length === 0) return null;
  return (
    <span className="doc-badges">
      {badges.map((b) => (
        <span key={b.text} className={`badge badge-${b.tone}`} title={b.title}>
          {b.text}
        </span>
      ))}
    </span>
  );
}

/** How a click or key chose rows: one more or less, or every row from the last one chosen to this. */
export type SelectGesture = 'toggle' | 'range';

/** Rows chosen for a bulk action, and how the list tells its owner of a gesture on row `index`. */
export interface Selection {
  readonly selected: ReadonlySet<number>;
  readonly onSelect: (index: number, gesture: SelectGesture) => void;
}

function DocumentRow({ doc, index, selection }: { doc: DocumentSummary; index: number; selection: Selection | undefined }) {
  const { t } = useT();
  const chosen = selection?.selected.has(doc.id) ?? false;
  const choose = (shift: boolean) => selection?.onSelect(index, shift ? 'range' : 'toggle');
  return (
    <div className={`doc-line${chosen ? ' selected' : ''}`}>
      {selection && (
        <input type="checkbox" className="doc-select" aria-label={t('list.select', { title: doc.title })} checked={chosen} onChange={() => undefined} onClick={(e) => choose(e.shiftKey)} />
      )}
      <a
        className="doc-row"
        href={routeHash({ name: 'document', id: doc.id })}
        data-document-id={doc.id}
        {...dragDocument(doc.id)}
        onClick={(e) => {
          // Ctrl/Cmd-click and Shift-click choose rows, as in a file manager; a plain click opens.
          if (!selection || !(e.ctrlKey || e.metaKey || e.shiftKey)) return;
          e.preventDefault();
          choose(e.shiftKey);
        }}
        onKeyDown={(e) => {
          if (!selection || e.key !== ' ') return;
          e.preventDefault();
          choose(e.shiftKey);
        }}
      >
        <Thumbnail source={doc} />
        <span className="doc-main">
          <span className="doc-title">{doc.title}</span>
          <span className="doc-meta">
            <span className="doc-type">
              <Value confirmed={doc.type && typeLabel(doc.type)} suggested={doc.suggested.type && typeLabel(doc.suggested.type)} />
            </span>
            <span className="doc-facility">
              <Value confirmed={doc.facility} suggested={doc.suggested.facility} />
            </span>
            <Badges doc={doc} />
          </span>
        </span>
        <span className="doc-date">
          <Value confirmed={doc.dateOfService} suggested={doc.suggested.dateOfService} format={formatDate} />
        </span>
        <span className="doc-pages">{sizeOf(doc)}</span>
      </a>
    </div>
  );
}

/**
 * Every document of the patient, newest care first, virtualized so 10,000 rows scroll smoothly. Rows are
 * links; arrow keys move between them, and screen readers hear each row's place in the whole list. With
 * a selection, each row has a checkbox; Ctrl/Cmd-click or Space chooses a row, Shift-click a run of rows.
 */
export function DocumentList({ documents, selection }: { documents: readonly DocumentSummary[]; selection?: Selection }) {
  const scroller = useRef<HTMLDivElement>(null);
  const { t } = useT();
  // The row the keyboard is on; kept here because focus moves a frame after the key press.
  const cursor = useRef(-1);
  const rowHeight = ROW_REM * parseFloat(getComputedStyle(document.documentElement).fontSize || '16');
  const virtualizer = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  useLayoutEffect(() => {
    // For the bench: when the rows for new data are on screen.
    requestAnimationFrame(() => performance.mark('casebinder:library-rendered'));
  }, [documents]);

  function move(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const index = cursor.current;
    const next =
      event.key === 'Home' ? 0 : event.key === 'End' ? documents.length - 1 : Math.max(0, Math.min(documents.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    cursor.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"] a`)?.focus());
  }

  return (
    <div
      ref={scroller}
      className="list-scroller"
      onKeyDown={move}
      onFocus={(e) => {
        const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
        if (row) cursor.current = Number(row.dataset.index);
      }}
    >
      <ul className="doc-list" style={{ height: virtualizer.getTotalSize() }} aria-label={t('list.label', { count: documents.length })}>
        {virtualizer.getVirtualItems().map((item) => {
          const doc = documents[item.index]!;
          return (
            <li
              key={doc.id}
              data-index={item.index}
              className="doc-item"
              aria-setsize={documents.length}
              aria-posinset={item.index + 1}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <DocumentRow doc={doc} index={item.index} selection={selection} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
