import { useEffect, useState } from 'react';
import { LOW_OCR_CONFIDENCE } from '../../../shared/library-types.ts';
import type { PageInfo } from '../../../shared/library-types.ts';
import { say } from '../../../shared/said.ts';
import { invoke, messageOf } from '../api.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import './PageText.css';

/**
 * For a page whose text was read by OCR: how sure the reading is (marked when it may be wrong), and
 * the text itself on request, since a scan has no text to select.
 */
export function PageText({ documentId, page }: { documentId: number; page: PageInfo | undefined }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const { t, language } = useT();
  const number = page?.number;
  const ocr = page?.ocr;
  useEffect(() => {
    setText(null);
    if (!open || number === undefined) return;
    let live = true;
    invoke('documents:page-text', documentId, number).then(
      (t) => live && setText(t),
      (e: unknown) => live && setText(currentTranslator().t('pageText.failed', { message: messageOf(e) })),
    );
    return () => {
      live = false;
    };
  }, [open, documentId, number, ocr]);
  if (!page?.ocr) return null;

  const low = page.ocr === 'done' && page.confidence !== null && page.confidence < LOW_OCR_CONFIDENCE;
  let status: string;
  if (page.ocr === 'pending') status = t('pageText.pending');
  else if (page.ocr === 'failed') status = page.problem ? say(page.problem, language) : t('pageText.notRead');
  else if (page.confidence === null) status = t('pageText.noText');
  else status = t(low ? 'pageText.low' : 'pageText.read', { confidence: page.confidence / 100 });

  return (
    <div className={`page-text${low || page.ocr === 'failed' ? ' warn' : ''}`}>
      <p role="status">{status}</p>
      {page.ocr === 'done' && page.confidence !== null && (
        <>
          <button type="button" className="small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? t('pageText.hide') : t('pageText.show')}
          </button>
          {open && (
            // Focusable so the text can be scrolled from the keyboard.
            <pre className="page-text-body" tabIndex={0} aria-label={t('pageText.label', { page: page.number })}>
              {text ?? t('cases.loading')}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
