import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { invoke, messageOf } from '../api.ts';
import { useT } from '../i18n/index.ts';
import { openPdf } from '../pdf.ts';
import type { PdfSource } from '../pdf.ts';
import './viewer.css';

interface Props {
  readonly source: PdfSource;
  readonly initialPage?: number;
  readonly initialFind?: string;
  /** Told the page shown, as the person scrolls. */
  readonly onPage?: (page: number) => void;
  /** Shown under the toolbar for the current page (how its text was read, for a scan). */
  readonly notice?: ReactNode;
  readonly onError: (message: string) => void;
}

/** Small pictures of every page, drawn as they scroll into view; a click goes to that page. */
function PageThumbnails({ pdf, current, onSelect }: { pdf: PDFDocumentProxy; current: number; onSelect: (page: number) => void }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const drawn = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const canvas = entry.target as HTMLCanvasElement;
          const number = Number(canvas.dataset.page);
          if (!entry.isIntersecting || drawn.has(number)) continue;
          drawn.add(number);
          void pdf.getPage(number).then(async (page) => {
            const viewport = page.getViewport({ scale: 1 });
            const scaled = page.getViewport({ scale: 160 / viewport.width });
            canvas.width = Math.round(scaled.width);
            canvas.height = Math.round(scaled.height);
            await page.render({ canvas, viewport: scaled }).promise;
          }).catch(() => {
            // Closing the document cancels drawings still under way; a page that cannot be drawn stays
            // blank here, and the viewer beside it says what is wrong with it.
            drawn.delete(number);
          });
        }
      },
      { root: list.current, rootMargin: '200px' },
    );
    list.current?.querySelectorAll('canvas').forEach((c) => observer.observe(c));
    return () => observer.disconnect();
  }, [pdf]);
  useEffect(() => {
    list.current?.querySelector(`[data-thumb="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const { t } = useT();
  return (
    <ol className="page-thumbnails" ref={list} aria-label={t('redact.pages')}>
      {Array.from({ length: pdf.numPages }, (_, i) => i + 1).map((n) => (
        <li key={n} data-thumb={n}>
          <button type="button" onClick={() => onSelect(n)} aria-current={n === current ? 'page' : undefined} aria-label={t('redact.page', { page: n })}>
            <canvas data-page={n} width={80} height={104} />
            <span>{n}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** pdf.js's viewer reads every page up front only below this many pages (its FORCE_LAZY_PAGE_INIT). */
const EAGER_PAGES_LIMIT = 5000;

/**
 * Closes a document the viewer showed. pdf.js's viewer asks for the first page as soon as it is given a
 * document, and for every other page once one is drawn; it does not notice the document being taken
 * away until those answers come, and destroying the document under them makes it log "Unable to
 * initialize viewer". So the document is closed once the pages it asked for have come back.
 */
async function closeWhenSettled(task: PDFDocumentLoadingTask | undefined, shown: PDFDocumentProxy | null | undefined, drawn: boolean): Promise<void> {
  if (shown) {
    const asked = drawn && shown.numPages <= EAGER_PAGES_LIMIT ? shown.numPages : 1;
    await Promise.allSettled(Array.from({ length: asked }, (_, i) => shown.getPage(i + 1)));
  }
  await task?.destroy();
}

/**
 * A PDF with pdf.js's own viewer: every page with selectable text, zoom, page thumbnails and find in
 * the document. It opens at the page a search pointed to, with the searched words highlighted.
 */
export function PdfView({ source, initialPage, initialFind, onPage, notice, onError }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const viewerElement = useRef<HTMLDivElement>(null);
  const viewer = useRef<PDFViewer | null>(null);
  const bus = useRef<EventBus | null>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(initialPage ?? 1);
  const [find, setFind] = useState(initialFind ?? '');
  const [matches, setMatches] = useState<{ current: number; total: number } | null>(null);
  const pageListener = useRef(onPage);
  const { t } = useT();
  pageListener.current = onPage;

  useEffect(() => {
    const started = performance.now();
    const eventBus = new EventBus();
    const linkService = new PDFLinkService({ eventBus });
    const findController = new PDFFindController({ eventBus, linkService });
    const pdfViewer = new PDFViewer({ container: container.current!, viewer: viewerElement.current!, eventBus, linkService, findController });
    linkService.setViewer(pdfViewer);
    viewer.current = pdfViewer;
    bus.current = eventBus;
    let firstRendered = false;
    eventBus.on('pagesinit', () => {
      pdfViewer.currentScaleValue = 'page-width';
      if (initialPage && initialPage > 1) pdfViewer.currentPageNumber = initialPage;
      if (initialFind) eventBus.dispatch('find', { source: null, type: '', query: initialFind, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: false, matchDiacritics: false });
    });
    eventBus.on('pagerendered', () => {
      if (firstRendered) return;
      firstRendered = true;
      // For the bench: from opening the document to its first page on screen.
      performance.measure('casebinder:pdf-first-page', { start: started, end: performance.now() });
    });
    eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) => {
      setPage(pageNumber);
      pageListener.current?.(pageNumber);
    });
    eventBus.on('updatefindmatchescount', ({ matchesCount }: { matchesCount: { current: number; total: number } }) => setMatches(matchesCount));
    eventBus.on('updatefindcontrolstate', ({ matchesCount }: { matchesCount: { current: number; total: number } }) => setMatches(matchesCount));

    // As pdf.js's own viewer does on resize: a page fitted to the width stays fitted when the window
    // (or the pane, as the layout settles) changes width.
    const resized = new ResizeObserver(() => {
      // A pane being taken away (the viewer leaving the screen) has nothing to fit to.
      if (!container.current?.offsetParent) return;
      const value = pdfViewer.currentScaleValue;
      if (pdfViewer.pagesCount && (value === 'page-width' || value === 'page-fit' || value === 'auto')) pdfViewer.currentScaleValue = value;
    });
    resized.observe(container.current!);

    let task: PDFDocumentLoadingTask | undefined;
    let cancelled = false;
    void openPdf(source)
      .then((t) => {
        task = t;
        return t.promise;
      })
      .then((loaded) => {
        if (cancelled) return;
        pdfViewer.setDocument(loaded);
        linkService.setDocument(loaded);
        setPdf(loaded);
      })
      .catch((e: unknown) => {
        if (!cancelled) onError(`This PDF could not be shown: ${messageOf(e)}`);
      });
    return () => {
      cancelled = true;
      resized.disconnect();
      const shown = pdfViewer.pdfDocument;
      pdfViewer.setDocument(null);
      viewer.current = null;
      void closeWhenSettled(task, shown, firstRendered);
    };
    // The viewer is made once per document; the page and the words to find only set where it opens.
  }, [source.key]);

  // Links inside a PDF never open in the window: they go to the person's browser, after they agree.
  useEffect(() => {
    const element = container.current;
    const click = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.getAttribute('href')?.startsWith('#')) return;
      event.preventDefault();
      event.stopPropagation();
      void invoke('shell:open-external', link.href).catch((e: unknown) => onError(messageOf(e)));
    };
    element?.addEventListener('click', click, true);
    return () => element?.removeEventListener('click', click, true);
  }, [onError]);

  const runFind = useCallback((query: string, findPrevious = false, again = false) => {
    bus.current?.dispatch('find', { source: null, type: again ? 'again' : '', query, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious, matchDiacritics: false });
  }, []);

  useEffect(() => {
    const focus = () => findInput.current?.focus();
    window.addEventListener('casebinder:find', focus);
    return () => window.removeEventListener('casebinder:find', focus);
  }, []);

  const goTo = (n: number) => {
    if (viewer.current && pdf && n >= 1 && n <= pdf.numPages) viewer.current.currentPageNumber = n;
  };

  return (
    <div className="pdf-view">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('pdf.toolbar')}>
        <label className="page-jump">
          {t('redact.pageRegion')}{' '}
          <input
            type="number"
            min={1}
            max={pdf?.numPages ?? 1}
            value={page}
            onChange={(e) => {
              setPage(Number(e.target.value));
              goTo(Number(e.target.value));
            }}
            aria-label={t('pdf.pageNumber')}
          />{' '}
          {pdf ? t('pdf.ofPages', { count: pdf.numPages }) : t('pdf.ofUnknown')}
        </label>
        <button type="button" onClick={() => viewer.current?.decreaseScale()} aria-label={t('pdf.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => viewer.current?.increaseScale()} aria-label={t('pdf.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => viewer.current && (viewer.current.currentScaleValue = 'page-width')}>
          {t('pdf.fitWidth')}
        </button>
        <div className="find" role="search">
          <label htmlFor="find-input" className="visually-hidden">
            {t('pdf.find')}
          </label>
          <input
            id="find-input"
            ref={findInput}
            type="search"
            placeholder={t('pdf.findPlaceholder')}
            value={find}
            onChange={(e) => {
              setFind(e.target.value);
              runFind(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') runFind(find, e.shiftKey, true);
            }}
          />
          <span className="find-count" aria-live="polite">
            {find && matches ? (matches.total ? t('export.of', { done: matches.current, total: matches.total }) : t('pdf.noMatches')) : ''}
          </span>
          <button type="button" onClick={() => runFind(find, true, true)} aria-label={t('pdf.previousMatch')} disabled={!find}>
            ↑
          </button>
          <button type="button" onClick={() => runFind(find, false, true)} aria-label={t('pdf.nextMatch')} disabled={!find}>
            ↓
          </button>
        </div>
      </div>
      {notice}
      <div className="viewer-body">
        {pdf && <PageThumbnails pdf={pdf} current={page} onSelect={goTo} />}
        <div className="viewer-frame">
          {/* pdf.js requires its scrolling container to be absolutely positioned. */}
          <div className="viewer-scroller" ref={container} tabIndex={0} role="region" aria-label={t('pdf.pages', { title: source.title })}>
            <div className="pdfViewer" ref={viewerElement} />
          </div>
        </div>
      </div>
    </div>
  );
}
