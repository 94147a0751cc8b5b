/**
 * Reads what a DICOM file says about itself (patient, study, series, instance, how its image is
 * encoded) without reading its image: dicom-parser stops at the pixel data, so a 500 KB CT slice costs
 * its first few kilobytes. Text is decoded in the file's own character set (dicom-character-set).
 */
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';
import { convertBytes } from 'dicom-character-set';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { dicomDate, SOP_CLASS } from '../../shared/imaging.ts';
import type { DicomHeader } from '../../shared/imaging.ts';
import { openOriginal, originalChunks } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';
import { INFLATED_TOO_LARGE, unreadableProblem } from '../../shared/dicom-problems.ts';
import { MAX_INFLATED_BYTES } from '../../shared/limits.ts';

const PIXEL_DATA = 'x7fe00010';
const IMPLICIT_LE = '1.2.840.10008.1.2';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const DEFLATED = '1.2.840.10008.1.2.1.99';
const BIG_ENDIAN = '1.2.840.10008.1.2.2';
/** Color Palette Storage: a palette a viewer may apply; it belongs to no patient and no study. */
const COLOR_PALETTE = '1.2.840.10008.5.1.4.39.1';

export type HeaderRead =
  | { readonly ok: true; readonly header: DicomHeader }
  /** The bytes given end before the header does: read more of the file and try again. */
  | { readonly ok: false; readonly needMore: true }
  | { readonly ok: false; readonly needMore: false; readonly problem: string; readonly notInAStudy?: true };

/** How a file holds its data set: the Part 10 wrapper, or a bare data set in one of three encodings. */
type Encoding = 'part10' | 'raw-explicit' | 'raw-implicit' | 'raw-explicit-big';

/** The transfer syntax a bare data set is read in. */
const RAW_TRANSFER_SYNTAX: Readonly<Record<Exclude<Encoding, 'part10'>, string>> = {
  'raw-explicit': EXPLICIT_LE,
  'raw-implicit': IMPLICIT_LE,
  'raw-explicit-big': BIG_ENDIAN,
};

const VRS = new Set('AE AS AT CS DA DS DT FL FD IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(' '));

/**
 * How a file holds DICOM, judged by its first bytes: the Part 10 wrapper ("DICM" after a 128-byte
 * preamble), or a bare data set as old systems wrote it, which begins with an element of group 0008.
 */
export function dicomEncoding(head: Uint8Array): Encoding | null {
  if (head.length >= 132 && head[128] === 0x44 && head[129] === 0x49 && head[130] === 0x43 && head[131] === 0x4d) return 'part10';
  if (head.length < 16) return null;
  // Explicit VR big endian (retired, but valid and still on old discs): the group reads 00 08.
  if (head[0] === 0x00 && head[1] === 0x08 && head[2] === 0x00 && VRS.has(String.fromCharCode(head[4]!, head[5]!))) return 'raw-explicit-big';
  if (head[0] !== 0x08 || head[1] !== 0x00 || head[3] !== 0x00) return null;
  const vr = String.fromCharCode(head[4]!, head[5]!);
  if (VRS.has(vr)) return 'raw-explicit';
  const length = head[4]! | (head[5]! << 8) | (head[6]! << 16) | (head[7]! << 24);
  // An implicit element: a small even length, then the next element of group 0008 or 0010.
  if (length > 0 && length < 256 && length % 2 === 0 && head.length >= 8 + length + 2) {
    const next = head[8 + length]! | (head[9 + length]! << 8);
    if (next === 0x0008 || next === 0x0010) return 'raw-implicit';
  }
  return null;
}


class InflatedTooLarge extends Error {
  constructor() {
    super(INFLATED_TOO_LARGE);
  }
}

export function isDeflated(header: DicomHeader): boolean {
  return header.transferSyntaxUid === DEFLATED;
}

/**
 * Whether a deflated file's data set stays under MAX_INFLATED_BYTES, learnt by unpacking it as a
 * stream and keeping nothing: the file's own size says nothing about what it unpacks to.
 */
export async function deflatedWithinLimit(file: OriginalRef): Promise<boolean> {
  const handle = await openOriginal(file);
  let start: number;
  try {
    const head = await handle.read(0, 64 * 1024);
    // The data set starts where the file meta group's last element ends.
    const meta = dicomParser.readPart10Header(head);
    start = Math.max(...Object.values(meta.elements).map((e) => e.dataOffset + e.length));
  } finally {
    await handle.close();
  }
  let unpacked = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      unpacked += chunk.length;
      done(unpacked > MAX_INFLATED_BYTES ? new InflatedTooLarge() : null);
    },
  });
  try {
    await pipeline(Readable.from(originalChunks(file, undefined, start)), zlib.createInflateRaw({ finishFlush: zlib.constants.Z_SYNC_FLUSH }), counter);
  } catch (error) {
    if (error instanceof InflatedTooLarge) return false;
    // Damaged deflate data is not this check's to judge: reading the file says what is wrong with it.
  }
  return true;
}

/** dicom-parser's own inflater needs a whole file; this one also inflates the start of one, up to a limit. */
function inflater(bytes: Uint8Array, position: number): Uint8Array {
  let inflated: Buffer;
  try {
    inflated = zlib.inflateRawSync(bytes.subarray(position), { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED_BYTES - position });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflatedTooLarge();
    throw error;
  }
  const whole = new Uint8Array(position + inflated.length);
  whole.set(bytes.subarray(0, position), 0);
  whole.set(inflated, position);
  return whole;
}

function parse(bytes: Uint8Array, encoding: Encoding, untilPixels: boolean): DataSet {
  return dicomParser.parseDicom(bytes, {
    ...(untilPixels ? { untilTag: PIXEL_DATA } : {}),
    ...(encoding === 'part10' ? {} : { TransferSyntaxUID: RAW_TRANSFER_SYNTAX[encoding] }),
    inflater: inflater as unknown as (arr: Uint8Array, position: number) => void,
  });
}

const NO_TRANSFER_SYNTAX = /missing required meta header attribute 0002,0010/;

/**
 * Parses a file; a Part 10 file whose meta header leaves out its transfer syntax (Type 1, yet some
 * writers omit it) is read in the one its data set is plainly written in, as other readers do.
 * `shift` is how many bytes longer the filled-in meta header is than the file's own.
 */
function parseWithSyntax(bytes: Uint8Array, encoding: Encoding, untilPixels: boolean): { dataSet: DataSet; shift: number } {
  try {
    return { dataSet: parse(bytes, encoding, untilPixels), shift: 0 };
  } catch (error) {
    const filled = encoding === 'part10' && NO_TRANSFER_SYNTAX.test(errorText(error)) ? withInferredSyntax(bytes) : null;
    if (!filled) throw error;
    return { dataSet: parse(filled.bytes, 'part10', untilPixels), shift: filled.shift };
  }
}

/**
 * What is wrong with a file dicom-parser could not read, in words, with the parser's own message
 * after them for whoever looks into it.
 */
function unreadable(what: 'its header' | 'it', error: unknown): string {
  const raw = errorText(error);
  const how = NO_TRANSFER_SYNTAX.test(raw) ? 'syntax' : /cannot be greater than or equal to|past (the )?end|buffer overrun|beyond the end|out of range/i.test(raw) ? 'end' : 'format';
  return unreadableProblem(what, how, raw);
}

/**
 * The transfer syntax a data set is written in, from its first element: explicit VR little or big
 * endian when a value representation follows the tag, implicit little endian when the tag is a
 * plausible group; null when the bytes say neither (deflated data, or not a data set at all).
 */
function sniffedSyntax(data: Uint8Array): string | null {
  if (data.length < 8) return null;
  const vr = String.fromCharCode(data[4]!, data[5]!);
  const groupLe = data[0]! | (data[1]! << 8);
  if (VRS.has(vr)) return data[0] === 0x00 && data[1] !== 0x00 ? BIG_ENDIAN : EXPLICIT_LE;
  return groupLe >= 0x0004 && groupLe <= 0x0028 && groupLe % 2 === 0 ? IMPLICIT_LE : null;
}

/** The preamble and a file meta group rebuilt with `syntax` as its transfer syntax (and its group length). */
function metaWithSyntax(bytes: Uint8Array, meta: DataSet, syntax: string): Buffer {
  const kept = Object.values(meta.elements)
    .filter((e) => e.tag !== 'x00020000' && e.tag !== 'x00020010')
    .map((e) => {
      const headerBytes = e.vr && LONG_VRS.has(e.vr) ? 12 : 8;
      return Buffer.from(bytes.subarray(e.dataOffset - headerBytes, e.dataOffset + e.length));
    });
  return Buffer.concat([bytes.subarray(0, 132), metaGroup([...kept, metaElement(0x0010, 'UI', uidValue(syntax))])]);
}

/** A file meta element (group 0002, explicit VR little endian, as Part 10 writes them). */
function metaElement(element: number, vr: string, value: Uint8Array): Buffer {
  const long = LONG_VRS.has(vr);
  const head = Buffer.alloc(long ? 12 : 8);
  head.writeUInt16LE(0x0002, 0);
  head.writeUInt16LE(element, 2);
  head.write(vr, 4, 'latin1');
  if (long) head.writeUInt32LE(value.length, 8);
  else head.writeUInt16LE(value.length, 6);
  return Buffer.concat([head, value]);
}

/** A UID as a value: padded with a NUL to an even length. */
function uidValue(value: string): Buffer {
  return Buffer.from(value.length % 2 ? `${value}\0` : value, 'latin1');
}

/** The file meta group: its group length element, then its elements. */
function metaGroup(elements: readonly Buffer[]): Buffer {
  const body = Buffer.concat(elements);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length, 0);
  return Buffer.concat([metaElement(0x0000, 'UL', length), body]);
}

/** The file meta of a Part 10 file and where its data set starts; null when the meta cannot be read. */
function fileMeta(bytes: Uint8Array): { meta: DataSet; start: number } | null {
  try {
    const meta = dicomParser.readPart10Header(bytes);
    return { meta, start: Math.max(...Object.values(meta.elements).map((e) => e.dataOffset + e.length)) };
  } catch {
    return null;
  }
}

/**
 * A Part 10 file whose meta leaves out its transfer syntax, with the one its data set is written in
 * filled in (in memory only); null when the data set's first bytes do not say.
 */
function withInferredSyntax(bytes: Uint8Array): { bytes: Uint8Array; shift: number } | null {
  const found = fileMeta(bytes);
  if (!found || uid(found.meta, 'x00020010')) return null;
  const syntax = sniffedSyntax(bytes.subarray(found.start, found.start + 16));
  if (!syntax) return null;
  const head = metaWithSyntax(bytes, found.meta, syntax);
  return { bytes: Buffer.concat([head, bytes.subarray(found.start)]), shift: head.length - found.start };
}

function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && 'exception' in error) return String((error as { exception: unknown }).exception);
  return error instanceof Error ? error.message : String(error);
}

/** The dataset's text decoded in its Specific Character Set; trailing padding removed. */
export class DicomText {
  private readonly charset: string | undefined;
  readonly dataSet: DataSet;

  constructor(dataSet: DataSet, inheritedCharset?: string) {
    this.dataSet = dataSet;
    this.charset = latin1(dataSet, 'x00080005') ?? inheritedCharset;
  }

  get specificCharacterSet(): string | undefined {
    return this.charset;
  }

  /** A text value (PN, LO, SH, ST, LT, UT, CS...) or null when absent or empty. */
  text(tag: string, vr = 'LO'): string | null {
    const element = this.dataSet.elements[tag];
    if (!element || element.length <= 0) return null;
    const bytes = this.dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length);
    let value: string;
    try {
      value = this.charset ? convertBytes(this.charset, bytes, { vr }) : decodeLatin1(bytes);
    } catch {
      value = decodeLatin1(bytes);
    }
    // eslint-disable-next-line no-control-regex -- DICOM pads values with spaces or NUL
    const trimmed = value.replace(/[\u0000\s]+$/u, '').replace(/^\s+/u, '');
    return trimmed || null;
  }

  number(tag: string): number | null {
    const value = this.dataSet.intString(tag);
    return value === undefined || Number.isNaN(value) ? null : value;
  }

  uint16(tag: string): number | null {
    return this.dataSet.elements[tag] ? (this.dataSet.uint16(tag) ?? null) : null;
  }
}

/** A decimal string (DS) as a number, or null. */
function decimal(value: string | null): number | null {
  const n = value === null ? NaN : Number(value.split('\\')[0]);
  return Number.isFinite(n) ? n : null;
}

function decodeLatin1(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes);
}

function latin1(dataSet: DataSet, tag: string): string | undefined {
  const element = dataSet.elements[tag];
  if (!element || element.length <= 0) return undefined;
  // Multi-valued CS: keep the backslashes; the character-set library reads them.
  return decodeLatin1(dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length)).replace(/[\0 ]+$/, '');
}

function uid(dataSet: DataSet, tag: string): string | null {
  const value = latin1(dataSet, tag)?.replace(/\0/g, '').trim();
  return value ? value : null;
}

/**
 * Reads the header of a DICOM file from its first bytes (`bytes`), knowing the file is `fileSize`
 * long. Says when more bytes are needed, and what is wrong with a file that is not readable DICOM.
 */
export function readDicomHeader(bytes: Uint8Array, fileSize: number): HeaderRead {
  const encoding = dicomEncoding(bytes);
  if (!encoding) return { ok: false, needMore: false, problem: 'it does not start the way DICOM files do' };
  const whole = bytes.length >= fileSize;
  let dataSet: DataSet;
  /** Bytes the file meta grew by when its missing transfer syntax was filled in (offsets are the file's own). */
  let shift: number;
  try {
    ({ dataSet, shift } = parseWithSyntax(bytes, encoding, true));
  } catch (error) {
    if (error instanceof InflatedTooLarge) return { ok: false, needMore: false, problem: error.message };
    if (!whole) return { ok: false, needMore: true };
    return { ok: false, needMore: false, problem: unreadable('its header', error) };
  }
  const pixels = dataSet.elements[PIXEL_DATA];
  // Without the pixel data element in view, the header may go on past these bytes.
  if (!pixels && !whole) return { ok: false, needMore: true };

  const transferSyntaxUid = uid(dataSet, 'x00020010') ?? (encoding === 'part10' ? EXPLICIT_LE : RAW_TRANSFER_SYNTAX[encoding]);
  const sopInstanceUid = uid(dataSet, 'x00080018') ?? uid(dataSet, 'x00020003');
  const studyInstanceUid = uid(dataSet, 'x0020000d');
  const seriesInstanceUid = uid(dataSet, 'x0020000e');
  const sopClassUid = uid(dataSet, 'x00080016') ?? uid(dataSet, 'x00020002');
  if (sopClassUid === SOP_CLASS.mediaStorageDirectory) {
    return { ok: false, needMore: false, problem: 'it is a DICOMDIR (the index of a disc), not an image' };
  }
  // Valid DICOM that is no part of a patient's study (a colour palette, a template, a settings file):
  // left out for that reason, never called damaged.
  if (sopClassUid === COLOR_PALETTE) return { ok: false, needMore: false, notInAStudy: true, problem: 'it is a colour palette (a display setting shared by viewers), not part of a study' };
  if (!studyInstanceUid || !seriesInstanceUid) {
    const missing = [!studyInstanceUid && 'study', !seriesInstanceUid && 'series'].filter(Boolean).join(' or ');
    const holds = dataSet.elements[PIXEL_DATA] ? 'it holds an image, but' : 'it holds no image and';
    return { ok: false, needMore: false, notInAStudy: true, problem: `${holds} names no ${missing}, so it belongs to no imaging study and cannot be filed with one` };
  }
  if (!sopInstanceUid) return { ok: false, needMore: false, problem: 'it does not say which image it is (its instance identifier is missing)' };
  const t = new DicomText(dataSet);
  const frames = t.number('x00280008');
  return {
    ok: true,
    header: {
      transferSyntaxUid,
      sopClassUid,
      sopInstanceUid,
      studyInstanceUid,
      seriesInstanceUid,
      patientName: t.text('x00100010', 'PN'),
      patientId: t.text('x00100020'),
      patientBirthDate: dicomDate(t.text('x00100030', 'DA')),
      patientSex: t.text('x00100040', 'CS'),
      studyDate: dicomDate(t.text('x00080020', 'DA')),
      studyTime: t.text('x00080030', 'TM'),
      studyDescription: t.text('x00081030'),
      accessionNumber: t.text('x00080050', 'SH'),
      institution: t.text('x00080080'),
      referringPhysician: t.text('x00080090', 'PN'),
      studyId: t.text('x00200010', 'SH'),
      modality: t.text('x00080060', 'CS'),
      seriesNumber: t.number('x00200011'),
      seriesDescription: t.text('x0008103e'),
      seriesDate: dicomDate(t.text('x00080021', 'DA')),
      bodyPart: t.text('x00180015', 'CS'),
      instanceNumber: t.number('x00200013'),
      rows: t.uint16('x00280010'),
      columns: t.uint16('x00280011'),
      frames,
      pixelData: pixels ? { offset: pixels.dataOffset - shift, length: pixels.hadUndefinedLength || pixels.length === 0xffffffff ? null : pixels.length } : null,
      raw: encoding !== 'part10',
      imageType: t.text('x00080008', 'CS'),
      lossyCompression: t.text('x00282110', 'CS'),
      sliceThickness: decimal(t.text('x00180050', 'DS')),
    },
  };
}

/**
 * Whether image data of a stated length fits in the file. (Compressed data has no stated length; a
 * FragmentWalker follows it instead. A deflated file's offsets count inflated bytes, so it is not checked.)
 */
export function pixelDataProblem(header: DicomHeader, fileSize: number): string | null {
  const pixels = header.pixelData;
  if (!pixels || pixels.length === null || header.transferSyntaxUid === DEFLATED) return null;
  const missing = pixels.offset + pixels.length - fileSize;
  return missing > 0 ? `Its image data is cut short: the file ends ${missing.toLocaleString('en-US')} bytes before the image does.` : null;
}

/** Where compressed fragments start, when the file has them and they can be followed as it streams. */
export function fragmentStart(header: DicomHeader): { readonly offset: number; readonly bigEndian: boolean } | null {
  const pixels = header.pixelData;
  if (!pixels || pixels.length !== null || header.transferSyntaxUid === DEFLATED) return null;
  return { offset: pixels.offset, bigEndian: header.transferSyntaxUid === BIG_ENDIAN };
}

export interface FullDataSet {
  readonly text: DicomText;
}

/** Parses a whole file (for the few that need more than the header: reports, DICOMDIRs). */
export function readWholeDataSet(bytes: Uint8Array): FullDataSet | { readonly problem: string } {
  const encoding = dicomEncoding(bytes);
  if (!encoding) return { problem: 'it does not start the way DICOM files do' };
  try {
    return { text: new DicomText(parseWithSyntax(bytes, encoding, false).dataSet) };
  } catch (error) {
    if (error instanceof InflatedTooLarge) return { problem: error.message };
    return { problem: unreadable('it', error) };
  }
}

/**
 * A file without the Part 10 wrapper (a bare data set) gets one, in memory only, so the renderer
 * (and the viewer) can read it; the stored original is not touched.
 */
export function withFileMeta(bytes: Uint8Array): Uint8Array {
  const encoding = dicomEncoding(bytes);
  if (encoding === 'part10' || encoding === null) return bytes;
  const read = readDicomHeader(bytes, bytes.length);
  if (!read.ok) return bytes;
  const h = read.header;
  const group = metaGroup([
    metaElement(0x0001, 'OB', Buffer.from([0, 1])),
    metaElement(0x0002, 'UI', uidValue(h.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.7')),
    metaElement(0x0003, 'UI', uidValue(h.sopInstanceUid)),
    metaElement(0x0010, 'UI', uidValue(h.transferSyntaxUid)),
  ]);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), group, bytes]);
}

/** Value representations whose explicit-VR element header is 12 bytes (a 4-byte length after 2 reserved bytes). */
export const LONG_VRS: ReadonlySet<string> = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/**
 * A deflated file as the viewer can read it: its data set inflated (up to MAX_INFLATED_BYTES) and its
 * file meta saying explicit VR little endian, which is what inflating gives. In memory only; the
 * stored original is not touched. Null when the file is not deflated Part 10 or does not inflate.
 */
function inflatedForViewing(bytes: Uint8Array): Uint8Array | null {
  const found = fileMeta(bytes);
  if (!found || uid(found.meta, 'x00020010') !== DEFLATED) return null;
  let inflated: Uint8Array;
  try {
    inflated = inflater(bytes, found.start).subarray(found.start);
  } catch {
    return null;
  }
  return Buffer.concat([metaWithSyntax(bytes, found.meta, EXPLICIT_LE), inflated]);
}

/**
 * A DICOM file as the window's viewer reads it: a bare data set gets its Part 10 wrapper, a deflated
 * one is inflated, one whose meta leaves out its transfer syntax gets it filled in; anything else is
 * the original's bytes unchanged.
 */
export function forViewing(bytes: Uint8Array): Uint8Array {
  return inflatedForViewing(bytes) ?? withInferredSyntax(bytes)?.bytes ?? withFileMeta(bytes);
}
