import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import { readOriginal } from '../pdf.ts';
import './viewer.css';
import './ImageView.css';

/** Pictures the window cannot decode itself (HEIC, TIFF) are shown from the upright previews the library made. */
const PREVIEWED = new Set(['image/heic', 'image/tiff']);

interface Props {
  readonly document: MedicalDocument;
  readonly page: number;
  readonly onPage: (page: number) => void;
  /** Shown under the toolbar for the current page (how its text was read). */
  readonly notice?: ReactNode;
  readonly onError: (message: string) => void;
}

/**
 * A photo or scan, fitted to the window (or at full size), upright as its EXIF orientation says; a
 * multi-page scan one page at a time.
 */
export function ImageView({ document: doc, page, onPage, notice, onError }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  const [fit, setFit] = useState(true);
  const { t, dir } = useT();
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    setUrl(null);
    const bytes = PREVIEWED.has(doc.mediaType)
      ? invoke('documents:preview', doc.id, page).then((b) => new Blob([b as BlobPart], { type: 'image/jpeg' }))
      : readOriginal(doc).then((b) => new Blob([b as BlobPart], { type: doc.mediaType }));
    bytes.then(
      (blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
        performance.measure('casebinder:image-shown');
      },
      (e: unknown) => onError(currentTranslator().t('image.failed', { message: messageOf(e) })),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [doc, page, onError]);
  return (
    <div className="image-view">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('image.toolbar')}>
        {doc.pages > 1 && (
          <span className="page-step">
            <button type="button" onClick={() => onPage(page - 1)} disabled={page <= 1} aria-label={t('redact.previous')}>
              {/* The previous page is behind, where the line of text starts: to the right in Arabic. */}
              {dir === 'rtl' ? '→' : '←'}
            </button>
            <span aria-live="polite">
              {t('redact.pageOf', { page, count: doc.pages, redacted: 'no' })}
            </span>
            <button type="button" onClick={() => onPage(page + 1)} disabled={page >= doc.pages} aria-label={t('redact.next')}>
              {dir === 'rtl' ? '←' : '→'}
            </button>
          </span>
        )}
        <button type="button" onClick={() => setFit(!fit)} aria-pressed={!fit}>
          {fit ? t('image.actualSize') : t('image.fit')}
        </button>
      </div>
      {notice}
      <div className={`image-frame${fit ? ' fit' : ''}`} tabIndex={0} aria-label={t('image.label', { title: doc.title, page: doc.pages > 1 ? page : 0 })}>
        {url && <img src={url} alt={doc.pages > 1 ? t('image.label', { title: doc.title, page }) : doc.title} />}
      </div>
    </div>
  );
}
