import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linesOf, looksTruncated, readPdfText, withPdf } from '../../electron/media/pdf-text.ts';
import type { PdfOptions } from '../../electron/media/pdf-text.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const bytes = (file: string) => new Uint8Array(fs.readFileSync(file));

describe('reading PDF text', () => {
  it('reads every page of a text PDF, including a rotated one', async () => {
    const read = await readPdfText((fixture('pdf/pdfjs/rotation.pdf')));
    expect(read).toHaveProperty('pageTexts');
    if (!('pageTexts' in read)) return;
    expect(read.pageTexts).toHaveLength(2);
    expect(read.pageTexts[0]).toContain('This is my first page with normal layout.');
    expect(read.pageTexts[1]).toContain('This is my second page. It will have a landscape layout.');
  });

  it('reads Arabic and Japanese, normalised to the letters people type', async () => {
    const arabic = await readPdfText((fixture('pdf/pdfjs/ArabicCIDTrueType.pdf')));
    const japanese = await readPdfText((fixture('pdf/pdfjs/vertical.pdf')));
    expect('pageTexts' in arabic && arabic.pageTexts[0]).toContain('العربية');
    expect('pageTexts' in japanese && japanese.pageTexts[0]).toContain('日本語');
  });

  it('opens PDFs encrypted without a user password, and recovers a broken xref', async () => {
    for (const name of ['empty_protected.pdf', 'issue7665.pdf', 'xref_command_missing.pdf', 'scan-bad.pdf']) {
      const read = await readPdfText((fixture('pdf/pdfjs', name)));
      expect(read, name).toHaveProperty('pageTexts');
    }
    const xref = await readPdfText((fixture('pdf/pdfjs/xref_command_missing.pdf')));
    expect('pageTexts' in xref && xref.pageTexts[0]).toBe('Reduced test-case');
  });

  it('gives image-only pages empty text (OCR comes later)', async () => {
    const read = await readPdfText((fixture('pdf/ocrmypdf/cardinal.pdf')));
    expect('pageTexts' in read && read.pageTexts).toEqual(['', '', '', '']);
  });

  it('says which textless pages show a picture for OCR, and which are blank or only a form\'s boxes', async () => {
    const { PDFDocument, StandardFonts, rgb } = await import('@cantoo/pdf-lib');
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([612, 792]).drawText('Patient intake form', { x: 50, y: 700, size: 14, font });
    doc.addPage([612, 792]);
    const form = doc.addPage([612, 792]);
    for (let i = 0; i < 12; i++) form.drawRectangle({ x: 60, y: 650 - i * 45, width: 480, height: 30, borderColor: rgb(0, 0, 0), borderWidth: 1 });
    form.drawLine({ start: { x: 60, y: 80 }, end: { x: 300, y: 80 }, thickness: 1 });
    const scan = doc.addPage([612, 792]);
    scan.drawImage(await doc.embedJpg(fs.readFileSync(fixture('images/MWG.jpg'))), { x: 0, y: 0, width: 612, height: 792 });
    const file = `${tempDir()}/intake.pdf`;
    fs.writeFileSync(file, await doc.save());
    const read = await readPdfText(file);
    if ('code' in read) throw new Error(read.reason);
    expect(read.pageTexts.map((t) => t.length > 0)).toEqual([true, false, false, false]);
    expect(read.picturePages).toEqual([4]);
    // A scanned PDF's pages are pictures.
    const scanned = await readPdfText(fixture('pdf/ocrmypdf/cardinal.pdf'));
    expect('picturePages' in scanned && scanned.picturePages).toEqual([1, 2, 3, 4]);
  });

  it('refuses password-protected, damaged and truncated files, each with its own reason', async () => {
    expect(await readPdfText((fixture('pdf/pdfjs/issue6010_1.pdf')))).toMatchObject({ code: 'password-protected' });
    expect(await readPdfText((fixture('pdf/ocrmypdf/invalid.pdf')))).toMatchObject({ code: 'damaged' });
    expect(await readPdfText((fixture('bad/truncated_rotation.pdf')))).toMatchObject({ code: 'truncated' });
    expect(await readPdfText((fixture('bad/actually_png.pdf')))).toMatchObject({ code: 'damaged' });
  });

  it('tells a cut-off file from one with trailing garbage', () => {
    expect(looksTruncated(bytes(fixture('bad/truncated_rotation.pdf')))).toBe(true);
    expect(looksTruncated(bytes(fixture('pdf/pdfjs/scan-bad.pdf')))).toBe(false);
    expect(looksTruncated(bytes(fixture('pdf/pdfjs/rotation.pdf')))).toBe(false);
  });
});

/** Every page's text runs as pdf.js gives them (characters, place, width, line ends), or the refusal's code. */
async function runsRead(file: string, options: PdfOptions): Promise<string> {
  const read = await withPdf(file, async (pdf) => {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const { items } = await page.getTextContent();
      pages.push(items.map((item) => ('str' in item ? `${item.str}|${item.transform.join(',')}|${item.width}|${item.height}|${item.hasEOL}` : '')).join('\n'));
      page.cleanup();
    }
    return pages.join('\f');
  }, options);
  return typeof read === 'string' ? read : `refused: ${read.code}`;
}

describe('reading text without the standard fonts\' outlines', () => {
  it('reads the same characters at the same places from every PDF of the fixtures and from each of the fourteen standard fonts (pdf-lib\'s and Ghostscript\'s)', async () => {
    const { PDFDocument, StandardFonts } = await import('@cantoo/pdf-lib');
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    let y = 760;
    for (const name of Object.values(StandardFonts)) {
      const font = await doc.embedFont(name);
      const text = name === StandardFonts.Symbol ? 'αβγ ≤ ± ∞' : name === StandardFonts.ZapfDingbats ? '✓ ✔ ✗ ➔' : `${name}: Café résumé — “naïve” final 5.4 mmol/L`;
      page.drawText(text, { x: 40, y, size: 11, font });
      y -= 40;
    }
    const dir = tempDir();
    const fourteen = `${dir}/fourteen-fonts.pdf`;
    fs.writeFileSync(fourteen, await doc.save());
    const pdfs = [fourteen, ...fs.readdirSync(fixture('.'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.pdf')).map((name) => fixture(name))];
    expect(pdfs.length).toBeGreaterThan(100);
    const differ: string[] = [];
    let runs = 0;
    for (const file of pdfs) {
      const [textOnly, drawn] = [await runsRead(file, { textOnly: true }), await runsRead(file, {})];
      if (textOnly !== drawn) differ.push(file);
      runs += textOnly.split('\n').length;
    }
    expect(differ).toEqual([]);
    expect(runs).toBeGreaterThan(5_000);
    const read = await readPdfText(fourteen);
    expect('pageTexts' in read && read.pageTexts[0]).toContain('Times-Roman: Café résumé — “naïve” final 5.4 mmol/L');
    expect('pageTexts' in read && read.pageTexts[0]).toContain('αβγ ≤ ± ∞');
    // The same fonts named by another writer (Ghostscript), ZapfDingbats with its ToUnicode map.
    const ghostscript = await readPdfText(fixture('pdf/ghostscript/std14.pdf'));
    expect('pageTexts' in ghostscript && ghostscript.pageTexts[0]!.split('\n').slice(-4)).toEqual(['Courier-BoldOblique: PSA 4.1 ng/mL', 'αβγ ≤ ±', '✔ ✘ ✓', 'Diabetes, Hypertension']);
  });
});

describe('rebuilding lines from text runs', () => {
  const run = (str: string, x: number, y: number, width: number, hasEOL = false) => ({
    str, dir: 'ltr', transform: [10, 0, 0, 10, x, y], width, height: 10, fontName: 'f', hasEOL,
  });

  it('keeps label and value on one line, separates far columns by two spaces, ignores space-only runs', () => {
    const text = linesOf([run('Collected:', 50, 700, 50), run(' ', 100, 700, 3), run('03/14/2024', 104, 700, 50), run(' ', 154, 700, 3), run('Status: Final', 300, 700, 60)]);
    expect(text).toBe('Collected: 03/14/2024  Status: Final');
  });

  it('puts footer lines after the body when the page box is known', () => {
    const items = [run('Printed 03/02/2025 page 1', 50, 30, 100), run('Quest Diagnostics', 50, 740, 80), run('GLUCOSE 92', 50, 600, 60)];
    expect(linesOf(items, { bottom: 0, height: 792 })).toBe('Quest Diagnostics\nGLUCOSE 92\nPrinted 03/02/2025 page 1');
  });
});
