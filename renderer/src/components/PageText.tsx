import { useEffect, useState } from 'react';
import { LOW_OCR_CONFIDENCE } from '../../../shared/library-types.ts';
import type { PageInfo } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import './PageText.css';

/**
 * For a page whose text was read by OCR: how sure the reading is (marked when it may be wrong), and
 * the text itself on request, since a scan has no text to select.
 */
export function PageText({ documentId, page }: { documentId: number; page: PageInfo | undefined }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const number = page?.number;
  const ocr = page?.ocr;
  useEffect(() => {
    setText(null);
    if (!open || number === undefined) return;
    let live = true;
    invoke('documents:page-text', documentId, number).then(
      (t) => live && setText(t),
      (e: unknown) => live && setText(`The text could not be read: ${messageOf(e)}`),
    );
    return () => {
      live = false;
    };
  }, [open, documentId, number, ocr]);
  if (!page?.ocr) return null;

  const low = page.ocr === 'done' && page.confidence !== null && page.confidence < LOW_OCR_CONFIDENCE;
  let status: string;
  if (page.ocr === 'pending') status = 'This page is a picture of text. Its words are being read (OCR); until then search cannot find them.';
  else if (page.ocr === 'failed') status = page.problem ?? 'The text of this page could not be read.';
  else if (page.confidence === null) status = 'OCR found no text on this page.';
  else if (low) status = `OCR read this page but is not sure of it (${page.confidence}% confident): the text found may be wrong. Check it against the picture.`;
  else status = `The text of this page was read by OCR (${page.confidence}% confident).`;

  return (
    <div className={`page-text${low || page.ocr === 'failed' ? ' warn' : ''}`}>
      <p role="status">{status}</p>
      {page.ocr === 'done' && page.confidence !== null && (
        <>
          <button type="button" className="small" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Hide the text' : 'Show the text read'}
          </button>
          {open && (
            // Focusable so the text can be scrolled from the keyboard.
            <pre className="page-text-body" tabIndex={0} aria-label={`Text read from page ${page.number}`}>
              {text ?? 'Loading…'}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
