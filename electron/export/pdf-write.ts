/**
 * Writing the packet's PDF. pdf-lib writes each stream's bytes into the file one byte at a time, in JavaScript: for a packet of
 * scanned pages and photos (70 MB) that was most of the time spent writing. Streams are copied here
 * with one block copy instead, into the same place, so the file is byte for byte what pdf-lib writes
 * (the packet's tests and `npm run bench -- export` compare). Installed once, by the packet's module.
 */
import { PDFStream, PDFStreamWriter } from '@cantoo/pdf-lib';
import type { PDFDocument, PDFRef } from '@cantoo/pdf-lib';

const STREAM = Buffer.from('\nstream\n', 'latin1');
const END = Buffer.from('\nendstream', 'latin1');
let installed = false;

/** The parts of a pdf-lib stream its writer uses. */
type Writable = { updateDict(): void; dict: Sized; getContents(): Uint8Array };

export function installBlockStreamCopy(): void {
  if (installed) return;
  installed = true;
  PDFStream.prototype.copyBytesInto = function copyBytesInto(this: PDFStream, buffer: Uint8Array, offset: number): number {
    const stream = this as unknown as Writable;
    stream.updateDict();
    const start = offset;
    offset += stream.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, offset);
    offset += STREAM.length;
    const contents = stream.getContents();
    buffer.set(contents, offset);
    offset += contents.length;
    buffer.set(END, offset);
    return offset + END.length - start;
  };
}

/** What pdf-lib's writers know how to measure and copy into a buffer. */
interface Sized {
  sizeInBytes(): number;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
}

/** The parts of pdf-lib's stream writer (PDFWriter.serializeToBuffer) that lay a file out, as it uses them. */
interface WriterInternals {
  computeBufferSize(incremental: boolean): Promise<{ size: number; header: Sized; indirectObjects: [PDFRef, Sized][]; xref?: Sized; trailerDict?: Sized; trailer: Sized }>;
  shouldSave(incremental: boolean, objectNumber: number, objects: [PDFRef, Sized][]): boolean;
  shouldSkipCopiedObjectStream(object: Sized): boolean;
}

/** Copies pieces (pdf-lib objects, or ASCII text) into one new buffer. */
function piece(...parts: (Sized | string)[]): Uint8Array {
  const size = parts.reduce((n, p) => n + (typeof p === 'string' ? p.length : p.sizeInBytes()), 0);
  const buffer = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    if (typeof p === 'string') {
      buffer.set(Buffer.from(p, 'latin1'), offset);
      offset += p.length;
    } else offset += p.copyBytesInto(buffer, offset);
  }
  return offset === size ? buffer : buffer.subarray(0, offset);
}

/**
 * Writes a new document (not an incremental update) as `doc.save({ useObjectStreams: true })` would, byte
 * for byte, but object by object to `write`, so the whole file is never in memory at once (a packet of
 * photos and scans is 70 MB and more). The layout is pdf-lib's own (its stream writer computes every
 * offset); only the copying is done here, in the order pdf-lib's serializeToBuffer copies. Returns the
 * bytes written; a layout that does not add up to pdf-lib's own size is an error, never a bad file.
 */
export async function streamPdf(doc: PDFDocument, write: (chunk: Uint8Array) => Promise<void>): Promise<number> {
  await (doc as unknown as { prepareForSave(options: object): Promise<void> }).prepareForSave({ addDefaultPage: true, updateFieldAppearances: true });
  const writer = PDFStreamWriter.forContext(doc.context, 50) as unknown as WriterInternals;
  const { size, header, indirectObjects, xref, trailerDict, trailer } = await writer.computeBufferSize(false);
  let written = 0;
  const out = async (chunk: Uint8Array) => {
    written += chunk.length;
    await write(chunk);
  };
  await out(piece(header, '\n\n'));
  for (const [ref, object] of indirectObjects) {
    if (!writer.shouldSave(false, ref.objectNumber, indirectObjects) || writer.shouldSkipCopiedObjectStream(object)) continue;
    const opening = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
    if (object instanceof PDFStream) {
      // A stream's bytes (a scanned page, a photo) go out as they are, not copied into a new buffer
      // first: those copies were 70 MB of garbage for a packet of scans and most of the write's peak.
      const stream = object as unknown as Writable;
      stream.updateDict();
      await out(piece(opening, stream.dict, '\nstream\n'));
      await out(stream.getContents());
      await out(piece('\nendstream\nendobj\n\n'));
    } else await out(piece(opening, object, '\nendobj\n\n'));
  }
  if (xref) await out(piece(xref, '\n'));
  if (trailerDict) await out(piece(trailerDict, '\n\n'));
  await out(piece(trailer));
  if (written !== size) throw new Error(`the packet's PDF came out at ${written} bytes where pdf-lib laid out ${size}`);
  return written;
}
