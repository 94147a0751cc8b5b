/**
 * The words of a page that is a picture (a scan, a photo), as Tesseract read them, in the form the
 * rest of redaction uses (page-words.ts): found by a search, pointed at by suggestions, and written again
 * in the redacted copy's text layer (less the covered ones), so a scanned page stays searchable.
 */
import type { OcrWord } from '../media/ocr-engine.ts';
import type { PageWord, PageWords } from './page-words.ts';

/**
 * `image` is the picture Tesseract read (pixels); `shown` the page's size in points as it is shown
 * (for a PDF page, its size; for a photo, its size at 300 dpi).
 */
export function pageWordsFromOcr(page: number, words: readonly OcrWord[], image: { readonly width: number; readonly height: number }, shown: { readonly width: number; readonly height: number }): PageWords {
  const out: PageWord[] = words.map((w) => {
    const width = Math.max(1, w.x1 - w.x0);
    const chars = [...w.text];
    // Each letter's left edge, and the last one's right edge, along the word; none when Tesseract's
    // letters do not match the word's (a ligature, a letter it split).
    const edges = w.letters.length === chars.length && w.letters.length > 0 ? [...w.letters.map(([l]) => Math.min(1, Math.max(0, (l - w.x0) / width))), 1] : null;
    const baselineY = ((w.y1 - (w.y1 - w.y0) * 0.2) / image.height) * shown.height;
    return {
      text: w.text,
      box: { page, x: w.x0 / image.width, y: w.y0 / image.height, width: width / image.width, height: Math.max(1, w.y1 - w.y0) / image.height },
      line: w.line,
      size: ((w.y1 - w.y0) * 0.85) / image.height,
      edges,
      baseline: [(w.x0 / image.width) * shown.width, baselineY, (w.x1 / image.width) * shown.width, baselineY],
    };
  });
  return { page, width: shown.width, height: shown.height, words: out };
}
