/**
 * Writing the packet's PDF. pdf-lib writes each stream's bytes into the file one byte at a time, in JavaScript: for a packet of
 * scanned pages and photos (70 MB) that was most of the time spent writing. Streams are copied here
 * with one block copy instead, into the same place, so the file is byte for byte what pdf-lib writes
 * (the packet's tests and `npm run bench -- export` compare). Installed once, by the packet's module.
 */
import { PDFName, PDFRawStream, PDFStream, PDFStreamWriter } from '@cantoo/pdf-lib';
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
  computeBufferSize(incremental: boolean): Promise<{ size: number; header: Sized; indirectObjects: [PDFRef, Sized][]; trailer: Sized }>;
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

/** The parts of pdf-lib's cross-reference stream used here (its entries are kept in object number order). */
interface CrossReference {
  addUncompressedEntry(ref: PDFRef, offset: number): void;
  readonly entries: readonly { type: number; ref: PDFRef; offset?: number }[];
}

/** Marks a flushed stream whose bytes have been written and let go. */
const EMPTY = new Uint8Array(0);

/**
 * Writes a new PDF (not an incremental update) object by object to `write`, so the whole file is never
 * in memory at once; a packet of scans and photos is 70 MB and more.
 *
 * While the document is being made, `streams` writes the raw streams made so far (the pages copied from
 * original PDFs, the photos) and lets go of their bytes: those are most of a packet, and are never changed
 * once copied in. `finish` writes everything else with pdf-lib's own stream writer, which lays out the
 * rest after what was written (its "snapshot" of what is already in the file) and whose cross-reference
 * stream is given the early streams' places. Without early streams the file is byte for byte what
 * `doc.save({ useObjectStreams: true })` writes. Every object's place is checked against the
 * cross-reference as it is written, and an early stream changed after it was written is an error:
 * a mistake here is never a bad file.
 */
export class PdfOut {
  private written = 0;
  private started = false;
  /** Early streams by object number: where each starts, and its dictionary as written. */
  private readonly early = new Map<number, { ref: PDFRef; offset: number; stream: PDFRawStream; dict: string }>();

  private readonly write: (chunk: Uint8Array) => Promise<void>;
  /** Whether raw streams may go out before the end (not for an encrypted file: its streams are encrypted at the end). */
  private readonly streamsEarly: boolean;

  constructor(write: (chunk: Uint8Array) => Promise<void>, streamsEarly: boolean) {
    this.write = write;
    this.streamsEarly = streamsEarly;
  }

  private async out(chunk: Uint8Array): Promise<void> {
    this.written += chunk.length;
    await this.write(chunk);
  }

  /** One stream object, its bytes written as they are rather than copied into a new buffer first. */
  private async stream(ref: PDFRef, stream: Writable): Promise<void> {
    stream.updateDict();
    await this.out(piece(`${ref.objectNumber} ${ref.generationNumber} obj\n`, stream.dict, '\nstream\n'));
    await this.out(stream.getContents());
    await this.out(piece('\nendstream\nendobj\n\n'));
  }

  private async start(doc: PDFDocument): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.out(piece(doc.context.header, '\n\n'));
  }

  /** Writes the raw streams made so far and lets go of their bytes. */
  async streams(doc: PDFDocument): Promise<void> {
    if (!this.streamsEarly) return;
    await this.start(doc);
    for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFRawStream) || ref.generationNumber !== 0 || this.early.has(ref.objectNumber)) continue;
      const type = object.dict.lookup(PDFName.of('Type'));
      if (type === PDFName.of('XRef') || type === PDFName.of('ObjStm')) continue;
      const offset = this.written;
      await this.stream(ref, object as unknown as Writable);
      this.early.set(ref.objectNumber, { ref, offset, stream: object, dict: object.dict.toString() });
      (object as unknown as { contents: Uint8Array }).contents = EMPTY;
    }
  }

  /** Writes the rest of the document, its cross-reference stream and trailer; returns the file's size. */
  async finish(doc: PDFDocument): Promise<number> {
    await (doc as unknown as { prepareForSave(options: object): Promise<void> }).prepareForSave({ addDefaultPage: true, updateFieldAppearances: true });
    for (const [n, e] of this.early) {
      if (doc.context.lookup(e.ref) !== e.stream || e.stream.dict.toString() !== e.dict) throw new Error(`the packet's PDF changed object ${n} after it was written`);
    }
    await this.start(doc);
    const headerSize = doc.context.header.sizeInBytes() + 2;
    const early = this.early;
    const snapshot = {
      pdfSize: this.written - headerSize,
      prevStartXRef: 0,
      deletedCount: 0,
      shouldSave: (objectNumber: number) => !early.has(objectNumber),
    };
    const writer = (early.size ? PDFStreamWriter.forContextWithSnapshot(doc.context, 50, snapshot as never) : PDFStreamWriter.forContext(doc.context, 50)) as unknown as WriterInternals;
    const { indirectObjects, trailer } = await writer.computeBufferSize(false);
    const xref = indirectObjects.at(-1)![1] as unknown as CrossReference;
    for (const e of early.values()) xref.addUncompressedEntry(e.ref, e.offset);
    const places = new Map(xref.entries.flatMap((e) => (e.type === 1 ? [[e.ref.objectNumber, e.offset] as const] : [])));
    for (const [ref, object] of indirectObjects) {
      if (!writer.shouldSave(false, ref.objectNumber, indirectObjects) || writer.shouldSkipCopiedObjectStream(object)) continue;
      if (places.get(ref.objectNumber) !== this.written) throw new Error(`the packet's PDF put object ${ref.objectNumber} at ${this.written} where its cross-reference says ${places.get(ref.objectNumber)}`);
      if (object instanceof PDFStream) await this.stream(ref, object as unknown as Writable);
      else await this.out(piece(`${ref.objectNumber} ${ref.generationNumber} obj\n`, object, '\nendobj\n\n'));
    }
    await this.out(piece(trailer));
    return this.written;
  }
}
