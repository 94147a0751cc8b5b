/**
 * The packet's PDF writer (electron/export/pdf-write.ts), against pdf-lib's own `save` and the receiving
 * side's tools (qpdf, pdftotext, pdftoppm): the originals' pages and photos go out as soon as each is in,
 * and the file is the same document as the one pdf-lib lays out whole.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, StandardFonts } from '@cantoo/pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { installBlockStreamCopy, PdfOut } from '../../../electron/export/pdf-write.ts';

installBlockStreamCopy();
const fixtures = path.join(import.meta.dirname, '..', '..', 'fixtures');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-write-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A packet in small: a page of our own, two real PDFs' pages copied in, a photo, and a footer on every page. */
async function makeDocument(out: PdfOut | null): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Cover of the packet', { x: 72, y: 700, font, size: 18 });
  for (const name of ['pdfjs/rotation.pdf', 'ocrmypdf/multipage.pdf']) {
    const source = await PDFDocument.load(fs.readFileSync(path.join(fixtures, 'pdf', name)), { updateMetadata: false });
    for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
    await out?.streams(doc);
  }
  const photo = await doc.embedJpg(fs.readFileSync(path.join(fixtures, 'images', 'derived', 'phone_photo_orientation6.jpg')));
  await photo.embed();
  doc.addPage().drawImage(photo, { x: 36, y: 36, width: 300, height: 400 });
  await out?.streams(doc);
  for (const [i, page] of doc.getPages().entries()) page.drawText(`page ${i + 1} of ${doc.getPageCount()}`, { x: 72, y: 20, font, size: 8 });
  doc.setCreationDate(new Date('2026-01-02T03:04:05Z'));
  doc.setModificationDate(new Date('2026-01-02T03:04:05Z'));
  return doc;
}

async function written(early: boolean): Promise<{ file: string; beforeFinish: number }> {
  const chunks: Uint8Array[] = [];
  const out = new PdfOut(async (chunk) => {
    chunks.push(chunk);
  }, early);
  const doc = await makeDocument(out);
  const beforeFinish = chunks.reduce((n, c) => n + c.length, 0);
  await out.finish(doc);
  const file = path.join(tmp, `${early ? 'early' : 'whole'}.pdf`);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return { file, beforeFinish };
}

const pngs = (file: string) => {
  const prefix = path.join(tmp, path.basename(file, '.pdf'));
  execFileSync('pdftoppm', ['-r', '30', '-png', file, prefix]);
  return fs.readdirSync(tmp).filter((f) => f.startsWith(path.basename(prefix) + '-')).sort().map((f) => fs.readFileSync(path.join(tmp, f)));
};

describe('the packet written as it is made', () => {
  it('without early streams, is byte for byte what pdf-lib saves', async () => {
    const { file, beforeFinish } = await written(false);
    expect(beforeFinish).toBe(0);
    const saved = await (await makeDocument(null)).save({ useObjectStreams: true });
    expect(fs.readFileSync(file).equals(Buffer.from(saved))).toBe(true);
  });

  it('with early streams, writes the originals and the photo before the end and is the same document', async () => {
    const whole = await written(false);
    const early = await written(true);
    // The copied pages' and the photo's bytes went out before the document was finished.
    const photoSize = fs.statSync(path.join(fixtures, 'images', 'derived', 'phone_photo_orientation6.jpg')).size;
    expect(early.beforeFinish).toBeGreaterThan(photoSize);
    for (const file of [whole.file, early.file]) expect(execFileSync('qpdf', ['--check', file]).toString()).toMatch(/No syntax or stream encoding errors/);
    expect(execFileSync('pdftotext', [early.file, '-']).toString()).toBe(execFileSync('pdftotext', [whole.file, '-']).toString());
    const [a, b] = [pngs(whole.file), pngs(early.file)];
    expect(b.length).toBe(a.length);
    expect(b.length).toBeGreaterThan(4);
    b.forEach((png, i) => expect(png.equals(a[i]!), `page ${i + 1} looks the same`).toBe(true));
  });

  it('refuses to finish when an early stream was changed after it was written', async () => {
    const out = new PdfOut(async () => {}, true);
    const doc = await makeDocument(out);
    const stream = doc.context.enumerateIndirectObjects().find(([, o]) => o instanceof PDFRawStream)![1] as PDFRawStream;
    stream.dict.set(PDFName.of('Changed'), PDFName.of('Later'));
    await expect(out.finish(doc)).rejects.toThrow(/changed object \d+ after it was written/);
  });
});
