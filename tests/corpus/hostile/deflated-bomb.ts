/**
 * node tests/corpus/hostile/deflated-bomb.ts
 *
 * Writes tests/fixtures/bad/deflated_bomb_3GB.dcm.gz: pydicom's `image_dfl.dcm` (a real DICOM file in
 * the Deflated Explicit VR Little Endian transfer syntax) with ~3 GB of zeros added inside its deflated
 * data set as trailing padding (FFFC,FFFC). The DICOM file is 2.9 MB and unpacks to 3 GB; it is kept
 * gzipped (a few KB), and the tests unzip it to a temporary folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures');
const PADDING_BYTES = 3_000_000_000;

const original = fs.readFileSync(path.join(FIXTURES, 'dicom', 'single', 'image_dfl.dcm'));
// The file meta group starts after the preamble and "DICM"; its first element, (0002,0000) UL, is its length.
const metaEnd = 132 + 12 + original.readUInt32LE(132 + 8);
const dataSet = zlib.inflateRawSync(original.subarray(metaEnd));

const deflate = zlib.createDeflateRaw({ level: 9 });
const out: Buffer[] = [];
deflate.on('data', (chunk: Buffer) => out.push(chunk));
const write = async (chunk: Buffer) => {
  if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
};
await write(dataSet);
const padding = Buffer.alloc(12);
padding.writeUInt16LE(0xfffc, 0);
padding.writeUInt16LE(0xfffc, 2);
padding.write('OB', 4, 'latin1');
padding.writeUInt32LE(PADDING_BYTES, 8);
await write(padding);
const zeros = Buffer.alloc(16 * 1024 * 1024);
for (let left = PADDING_BYTES; left > 0; left -= zeros.length) await write(left >= zeros.length ? zeros : zeros.subarray(0, left));
deflate.end();
await new Promise((resolve) => deflate.on('end', resolve));

const bomb = Buffer.concat([original.subarray(0, metaEnd), ...out]);
fs.writeFileSync(path.join(FIXTURES, 'bad', 'deflated_bomb_3GB.dcm.gz'), zlib.gzipSync(bomb, { level: 9 }));
console.log(`${bomb.length} bytes of DICOM, unpacking to ${metaEnd + dataSet.length + 12 + PADDING_BYTES}`);
