/**
 * pdf-lib writes each stream's bytes into the file one byte at a time, in JavaScript: for a packet of
 * scanned pages and photos (70 MB) that was most of the time spent writing. Streams are copied here
 * with one block copy instead, into the same place, so the file is byte for byte what pdf-lib writes
 * (the packet's tests and `npm run bench -- export` compare). Installed once, by the packet's module.
 */
import { PDFStream } from '@cantoo/pdf-lib';

const STREAM = Buffer.from('\nstream\n', 'latin1');
const END = Buffer.from('\nendstream', 'latin1');
let installed = false;

export function installBlockStreamCopy(): void {
  if (installed) return;
  installed = true;
  type Writable = { updateDict(): void; dict: { copyBytesInto(buffer: Uint8Array, offset: number): number }; getContents(): Uint8Array };
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
