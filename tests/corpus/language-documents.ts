/**
 * Documents in other languages for the language tests: real sentences (tests/fixtures/languages, from
 * the Leipzig corpora by way of lingua-rs; see the fixtures' README) set on pages by pdfkit, not by
 * Casebinder's own PDF writer.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { fixture } from '../helpers/paths.ts';

/** The real sentences of one language (BCP 47 code), in the file's order. */
export function sentences(language: string): string[] {
  return fs.readFileSync(fixture('languages', `${language}.txt`), 'utf8').split('\n').filter(Boolean);
}

/** A PDF with a heading and each page's paragraphs (Helvetica: Latin scripts only). */
export async function writeTextPdf(file: string, heading: string, pages: readonly (readonly string[])[]): Promise<void> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 60, autoFirstPage: false });
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  for (const [i, paragraphs] of pages.entries()) {
    doc.addPage();
    if (i === 0) doc.font('Helvetica-Bold').fontSize(14).text(heading).moveDown();
    doc.font('Helvetica').fontSize(11);
    for (const p of paragraphs) doc.text(p, { align: 'left' }).moveDown(0.6);
  }
  doc.end();
  await done;
}
