/**
 * node tests/corpus/hostile/huge-image-pdf.ts
 *
 * Writes tests/fixtures/bad/huge_image_30000px.pdf.gz: a one-page PDF (about 0.9 MB) whose page shows
 * one 30,000 x 30,000 grey image (900 million pixels, Flate-compressed zeros with a few grey bands),
 * written object by object with its cross-reference table. Kept gzipped; the tests unzip it.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIDE = 30_000;
const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures');

const deflate = zlib.createDeflate({ level: 9 });
const parts: Buffer[] = [];
deflate.on('data', (chunk: Buffer) => parts.push(chunk));
const row = Buffer.alloc(SIDE, 0xff);
const band = Buffer.alloc(SIDE, 0x40);
for (let y = 0; y < SIDE; y++) {
  if (!deflate.write(y % 1000 < 20 ? band : row)) await new Promise((resolve) => deflate.once('drain', resolve));
}
deflate.end();
await new Promise((resolve) => deflate.on('end', resolve));
const image = Buffer.concat(parts);

const content = Buffer.from('q 612 0 0 792 0 0 cm /Im1 Do Q\n', 'latin1');
const objects: Buffer[] = [
  Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
  Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
  Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>'),
  Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
  Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${SIDE} /Height ${SIDE} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`), image, Buffer.from('\nendstream')]),
];
const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
let offset = chunks[0]!.length;
const offsets: number[] = [];
objects.forEach((body, i) => {
  offsets.push(offset);
  const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
  chunks.push(object);
  offset += object.length;
});
const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
const pdf = Buffer.concat(chunks);
fs.writeFileSync(path.join(FIXTURES, 'bad', 'huge_image_30000px.pdf.gz'), zlib.gzipSync(pdf, { level: 9 }));
console.log(`${pdf.length} bytes of PDF, one ${SIDE} x ${SIDE} image`);
