import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Refusal } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal, skipping } from '../../shared/import-types.ts';
import type { Said } from '../../shared/said.ts';
import { SOP_CLASS } from '../../shared/imaging.ts';
import dicomParser from 'dicom-parser';
import { dicomEncoding } from '../dicom/header.ts';

/** Enough to recognise any format and, for nearly every DICOM file, to read its whole header. */
export const HEAD_BYTES = 256 * 1024;

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/tiff' | 'image/heic' | 'image/webp';

export type Detected =
  | { readonly kind: 'pdf'; readonly mediaType: 'application/pdf'; readonly note?: Said }
  | { readonly kind: 'image'; readonly mediaType: ImageMediaType; readonly note?: Said }
  | { readonly kind: 'dicom' }
  /** A disc's index of its images. */
  | { readonly kind: 'dicomdir' }
  | { readonly kind: 'zip' }
  /** A portal download's structured record: a C-CDA document or FHIR resources. */
  | { readonly kind: 'records'; readonly format: 'ccda' | 'fhir' }
  /** The index of an IHE XDM download (METADATA.XML), listing the documents it holds. */
  | { readonly kind: 'xdm-index' }
  /** Not a record, and nothing wrong: viewer programs and their files on a disc, programs anywhere. */
  | ({ readonly kind: 'skip' } & ReturnType<typeof skipping>);

export type ImportKind = 'pdf' | 'image';

const SUPPORTED: Readonly<Record<string, Detected>> = {
  pdf: { kind: 'pdf', mediaType: 'application/pdf' },
  png: { kind: 'image', mediaType: 'image/png' },
  jpg: { kind: 'image', mediaType: 'image/jpeg' },
  tif: { kind: 'image', mediaType: 'image/tiff' },
  heic: { kind: 'image', mediaType: 'image/heic' },
  webp: { kind: 'image', mediaType: 'image/webp' },
};

/** What the name's extension promises: the kind of file it names (said by `shared/import-words.ts`). */
const NAMED: Readonly<Record<string, string>> = {
  '.pdf': 'pdf',
  '.png': 'png',
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.tif': 'tif',
  '.tiff': 'tif',
  '.heic': 'heic',
  '.heif': 'heic',
  '.webp': 'webp',
  '.dcm': 'dcm',
  '.zip': 'zip',
};

/** Programs and installers: never records, never run, never imported. */
const PROGRAMS = new Set(['exe', 'elf', 'macho', 'jar', 'msi', 'cab', 'class', 'wasm', 'apk', 'dmg', 'deb', 'rpm', 'dex', 'lnk', 'swf']);

const PROGRAM_REASON = skipping(said('program'));
const VIEWER_REASON = skipping(said('viewer'));
const VIEWER_ART_REASON = skipping(said('viewer-art'));
const AUTORUN_REASON = skipping(said('autorun'));

/** Pictures this small on a disc are its viewer's icons and artwork; scans and key images are larger. */
const VIEWER_ART_MAX_SIDE = 512;

/** Files we recognise but cannot import yet, each with what the person can do instead. */
function unsupportedReason(ext: string, mime: string): Said {
  switch (ext) {
    case 'docx':
    case 'doc':
    case 'odt':
    case 'rtf':
      return said('word-processor');
    case 'xlsx':
    case 'xls':
    case 'ods':
      return said('spreadsheet');
    case '7z':
    case 'rar':
    case 'gz':
    case 'tar':
    case 'bz2':
    case 'xz':
      return said('other-archive', { format: ext.toUpperCase() });
    case 'avif':
    case 'gif':
    case 'bmp':
      return said('other-image', { format: ext.toUpperCase() });
    case 'xml':
      return said('other-xml');
    default:
      return said('other-kind', { mime });
  }
}

/** A look at the start of a file that file-type could not name: text formats have no magic number. */
function sniffText(head: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 4100)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<head|^<body/.test(text)) return 'html';
  if (text.startsWith('<?xml') || text.startsWith('<clinicaldocument')) return 'xml';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  // Printable text with no NUL bytes and few control characters.
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  if (text.length > 0 && !head.subarray(0, 4100).includes(0) && controls / text.length < 0.01) return 'text';
  return undefined;
}

function textReason(kind: string): Said {
  switch (kind) {
    case 'html':
      return said('web-page');
    case 'json':
      return said('json-not-fhir');
    case 'xml':
      return said('other-xml');
    default:
      return said('plain-text');
  }
}

const APPLE_HEALTH_REASON = skipping(said('apple-health'));
const XDM_PAGE_REASON = skipping(said('xdm-page'));

/** Portal downloads: C-CDA documents, FHIR resources, an XDM download's index; Apple Health's own data. */
function structuredRecord(head: Uint8Array, kind: string, name: string): Detected | undefined {
  const start = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 16 * 1024));
  const lower = name.toLowerCase();
  if (kind === 'xml') {
    if (/<HealthData\b/.test(start) || lower === 'export_cda.xml') return { kind: 'skip', ...APPLE_HEALTH_REASON };
    if (/<([\w-]+:)?ClinicalDocument\b/.test(start)) return { kind: 'records', format: 'ccda' };
    if (/<([\w-]+:)?SubmitObjectsRequest\b/.test(start) || (lower === 'metadata.xml' && /ebxml-regrep/.test(start))) return { kind: 'xdm-index' };
  }
  if (kind === 'json' && /"resourceType"\s*:/.test(start)) return { kind: 'records', format: 'fhir' };
  if ((kind === 'html' && /^index\.html?$/.test(lower)) || (kind === 'text' && /^readme\.txt$/.test(lower))) {
    return /IHE_XDM|SUBSET01|XDM/i.test(start) ? { kind: 'skip', ...XDM_PAGE_REASON } : undefined;
  }
  return undefined;
}

/** The Media Storage SOP Class a Part 10 file declares in its file meta information. */
function mediaStorageClass(head: Uint8Array): string | undefined {
  try {
    const meta = dicomParser.readPart10Header(head);
    return meta.string('x00020002')?.replace(/\0/g, '').trim();
  } catch {
    return undefined;
  }
}

function smallPicture(head: Uint8Array): boolean {
  try {
    const { width, height } = imageSize(head);
    return width !== undefined && height !== undefined && Math.max(width, height) < VIEWER_ART_MAX_SIDE;
  } catch {
    return false;
  }
}

export interface DetectOptions {
  /** The file lies on a DICOM disc: its viewer's files are skipped instead of refused. */
  readonly onDisc?: boolean;
}

/**
 * Decides what a file is from its first bytes, never its name, and what to tell the person when it
 * cannot be imported. A file named .pdf that holds a PNG is imported as the image it is, with a note.
 */
export async function detectBytes(head: Uint8Array, name: string, size: number, options: DetectOptions = {}): Promise<Detected | Refusal> {
  if (size === 0 || head.length === 0) {
    return refusal('empty', said('empty'));
  }
  const ext = path.extname(name).toLowerCase();
  const lower = name.toLowerCase();
  if (lower === 'autorun.inf' || lower === 'autorun.exe' || lower === 'autoplay.inf') return { kind: 'skip', ...AUTORUN_REASON };

  if (dicomEncoding(head)) {
    return mediaStorageClass(head) === SOP_CLASS.mediaStorageDirectory ? { kind: 'dicomdir' } : { kind: 'dicom' };
  }
  const found = await fileTypeFromBuffer(head);
  if (found && PROGRAMS.has(found.ext)) return { kind: 'skip', ...PROGRAM_REASON };
  if (found?.ext === 'zip') return { kind: 'zip' };
  const supported = found && SUPPORTED[found.ext];
  if (found && supported) {
    if (options.onDisc && supported.kind === 'image' && smallPicture(head)) return { kind: 'skip', ...VIEWER_ART_REASON };
    const named = NAMED[ext];
    if (named && named !== found.ext) return { ...supported, note: said('renamed', { ext, kind: found.ext }) } as Detected;
    return supported;
  }

  // file-type names XML itself; other text formats have no magic number and are sniffed.
  const text = found ? (found.ext === 'xml' ? 'xml' : undefined) : sniffText(head);
  const structured = text ? structuredRecord(head, text, name) : undefined;
  if (structured) return structured;
  if (!found && !text && looksLikeDamagedDicom(head)) {
    return refusal('damaged', said('dicom-looking'));
  }
  if (options.onDisc) return { kind: 'skip', ...VIEWER_REASON };
  const named = NAMED[ext];
  if (named) {
    const actually: Record<string, string> = found ? { actually: 'mime', mime: found.mime } : text === 'html' || text === 'text' ? { actually: text } : text ? { actually: 'data', data: text.toUpperCase() } : { actually: 'none' };
    return refusal('mislabeled', said('mislabeled', { named, ext, ...actually }));
  }
  if (found) return refusal('unsupported', unsupportedReason(found.ext, found.mime));
  if (text) return refusal('unsupported', textReason(text));
  return refusal('unsupported', said('unknown'));
}

/** DICOM's own identifiers (1.2.840.10008...) or its character-set names near the start of the bytes. */
function looksLikeDamagedDicom(head: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  return text.includes('1.2.840.10008.') || /ISO_IR \d{2,3}/.test(text);
}

/** Reads a file's first bytes and detects it (for callers holding a path, and for tests). */
export async function detect(file: string, options: DetectOptions = {}): Promise<Detected | Refusal> {
  let head: Uint8Array;
  let size: number;
  try {
    const handle = await fsp.open(file, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return readFailure(error);
  }
  return detectBytes(head, path.basename(file), size, options);
}

/** Turns an operating-system error on reading a file into words a person can act on. */
export function readFailure(error: unknown): Refusal {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return refusal('not-found', said('gone'));
    case 'EACCES':
    case 'EPERM':
      return refusal('unreadable', said('not-allowed'));
    case 'EISDIR':
      return refusal('unreadable', said('folder'));
    case 'ENOSPC':
      return refusal('unreadable', said('disk-full'));
    case 'EIO':
      return refusal('unreadable', said('io-error'));
    default:
      return refusal('unreadable', said('unreadable', { detail: (error as Error).message }));
  }
}

export function isRefusal(value: Detected | Refusal): value is Refusal {
  return 'code' in value;
}
