/**
 * A folder of DICOM files as a CD export or a PACS download gives them: several CT studies of
 * 512 x 512 slices, each file a distinct instance. Made from a real CT file of the fixtures (its
 * header kept; its 128 x 128 image enlarged to 512 x 512; its study, series and instance UIDs
 * renumbered in place, same length), so every byte of structure is what a scanner wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import dicomParser from 'dicom-parser';

const SIDE = 512;
const SLICES_PER_STUDY = 500;

/** Overwrites a UID's last component with a number of the same width, keeping its length. */
function renumber(bytes: Buffer, element: { dataOffset: number; length: number }, n: number): void {
  const value = bytes.toString('latin1', element.dataOffset, element.dataOffset + element.length).replace(/\0+$/, '');
  const prefix = value.slice(0, value.lastIndexOf('.') + 1);
  const width = element.length - prefix.length;
  const digits = String(n);
  if (width < digits.length + 1) throw new Error(`bench: UID ${value} has no room for ${digits}`);
  bytes.write(prefix + '1' + digits.padStart(width - 1, '0'), element.dataOffset, 'latin1');
}

export function writeDicomFolder(
  dir: string,
  source: string,
  totalBytes: number,
  shape: { readonly slicesPerStudy?: number; readonly seriesPerStudy?: number; readonly firstUid?: number; readonly files?: number } = {},
): { files: number; bytes: number } {
  const slicesPerStudy = shape.slicesPerStudy ?? SLICES_PER_STUDY;
  const slicesPerSeries = Math.ceil(slicesPerStudy / (shape.seriesPerStudy ?? 1));
  const original = fs.readFileSync(source);
  const parsed = dicomParser.parseDicom(original);
  const pixels = parsed.elements['x7fe00010']!;
  const rows = parsed.elements['x00280010']!;
  const columns = parsed.elements['x00280011']!;
  const from = parsed.uint16('x00280010')!;
  if (parsed.uint16('x00280100') !== 16) throw new Error('bench: the source must be a 16-bit image');
  // What follows the pixels (CT_small.dcm ends with trailing padding) is kept after the larger image.
  const tail = original.subarray(pixels.dataOffset + pixels.length);

  // The header with the new size, then the image enlarged four times each way.
  const header = Buffer.from(original.subarray(0, pixels.dataOffset));
  header.writeUInt16LE(SIDE, rows.dataOffset);
  header.writeUInt16LE(SIDE, columns.dataOffset);
  header.writeUInt32LE(SIDE * SIDE * 2, pixels.dataOffset - 4);
  const image = Buffer.alloc(SIDE * SIDE * 2);
  const scale = SIDE / from;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const at = (Math.floor(y / scale) * from + Math.floor(x / scale)) * 2;
      image.writeUInt16LE(original.readUInt16LE(pixels.dataOffset + at), (y * SIDE + x) * 2);
    }
  }
  const uid = (tag: string) => parsed.elements[tag]!;

  let bytes = 0;
  let files = 0;
  while (shape.files !== undefined ? files < shape.files : bytes < totalBytes) {
    const study = Math.floor(files / slicesPerStudy);
    const series = study * 1000 + Math.floor((files % slicesPerStudy) / slicesPerSeries);
    const file = Buffer.concat([header, image, tail]);
    // Folders written with different firstUid values hold different instances, studies and series.
    const first = shape.firstUid ?? 0;
    renumber(file, uid('x00020003'), first + files);
    renumber(file, uid('x00080018'), first + files);
    renumber(file, uid('x0020000d'), first + study);
    renumber(file, uid('x0020000e'), first + series);
    const out = path.join(dir, `STUDY${String(study + 1).padStart(3, '0')}`, `IM${String(files % slicesPerStudy).padStart(5, '0')}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, file);
    bytes += file.length;
    files++;
  }
  return { files, bytes };
}
