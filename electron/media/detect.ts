import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Refusal } from '../../shared/import-types.ts';
import { SOP_CLASS } from '../../shared/imaging.ts';
import dicomParser from 'dicom-parser';
import { dicomEncoding } from '../dicom/header.ts';

/** Enough to recognise any format and, for nearly every DICOM file, to read its whole header. */
export const HEAD_BYTES = 256 * 1024;

export type ImageMediaType = 'image/png' | 'image/jpeg' | 'image/tiff' | 'image/heic' | 'image/webp';

export type Detected =
  | { readonly kind: 'pdf'; readonly mediaType: 'application/pdf'; readonly note?: string }
  | { readonly kind: 'image'; readonly mediaType: ImageMediaType; readonly note?: string }
  | { readonly kind: 'dicom' }
  /** A disc's index of its images. */
  | { readonly kind: 'dicomdir' }
  | { readonly kind: 'zip' }
  /** A portal download's structured record: a C-CDA document or FHIR resources. */
  | { readonly kind: 'records'; readonly format: 'ccda' | 'fhir' }
  /** The index of an IHE XDM download (METADATA.XML), listing the documents it holds. */
  | { readonly kind: 'xdm-index' }
  /** Not a record, and nothing wrong: viewer programs and their files on a disc, programs anywhere. */
  | { readonly kind: 'skip'; readonly reason: string };

export type ImportKind = 'pdf' | 'image';

const SUPPORTED: Readonly<Record<string, Detected>> = {
  pdf: { kind: 'pdf', mediaType: 'application/pdf' },
  png: { kind: 'image', mediaType: 'image/png' },
  jpg: { kind: 'image', mediaType: 'image/jpeg' },
  tif: { kind: 'image', mediaType: 'image/tiff' },
  heic: { kind: 'image', mediaType: 'image/heic' },
  webp: { kind: 'image', mediaType: 'image/webp' },
};

/** What the name's extension promises, in words. */
const NAMED: Readonly<Record<string, string>> = {
  '.pdf': 'a PDF',
  '.png': 'a PNG image',
  '.jpg': 'a JPEG photo',
  '.jpeg': 'a JPEG photo',
  '.tif': 'a TIFF image',
  '.tiff': 'a TIFF image',
  '.heic': 'an iPhone photo (HEIC)',
  '.heif': 'an iPhone photo (HEIC)',
  '.webp': 'a WebP image',
  '.dcm': 'a DICOM image',
  '.zip': 'a ZIP archive',
};

const CONTENT_NAMES: Readonly<Record<string, string>> = {
  pdf: 'a PDF',
  png: 'a PNG image',
  jpg: 'a JPEG photo',
  tif: 'a TIFF image',
  heic: 'an iPhone photo (HEIC)',
  webp: 'a WebP image',
  dcm: 'a DICOM image',
  zip: 'a ZIP archive',
};

/** Programs and installers: never records, never run, never imported. */
const PROGRAMS = new Set(['exe', 'elf', 'macho', 'jar', 'msi', 'cab', 'class', 'wasm', 'apk', 'dmg', 'deb', 'rpm', 'dex', 'lnk', 'swf']);

const PROGRAM_REASON = 'A program (a disc viewer or an installer). Casebinder never runs programs and does not import them.';
const VIEWER_REASON = "Part of the disc's viewer software, not a medical record.";
const VIEWER_ART_REASON = "A small picture that belongs to the disc's viewer (an icon or artwork), not a medical record.";
const AUTORUN_REASON = 'Instructions for Windows to start a program from the disc. Casebinder never runs them.';

/** Pictures this small on a disc are its viewer's icons and artwork; scans and key images are larger. */
const VIEWER_ART_MAX_SIDE = 512;

/** Files we recognise but cannot import yet, each with what the person can do instead. */
function unsupportedReason(ext: string, mime: string): string {
  switch (ext) {
    case 'docx':
    case 'doc':
    case 'odt':
    case 'rtf':
      return 'This is a word-processor document, which Casebinder cannot import. Open it and save or print it as a PDF, then import the PDF.';
    case 'xlsx':
    case 'xls':
    case 'ods':
      return 'This is a spreadsheet, which Casebinder cannot import. Save or print it as a PDF, then import the PDF.';
    case '7z':
    case 'rar':
    case 'gz':
    case 'tar':
    case 'bz2':
    case 'xz':
      return `This is a ${ext.toUpperCase()} archive, which Casebinder cannot open (it opens ZIP archives). Unpack it and import the folder it contains.`;
    case 'avif':
    case 'gif':
    case 'bmp':
      return `This is a ${ext.toUpperCase()} image, which Casebinder cannot import yet. Save it as JPEG or PNG, or print it as a PDF, and import that.`;
    case 'xml':
      return XML_REASON;
    default:
      return `This kind of file (${mime}) is not something Casebinder imports. Import PDFs, photos and scans (JPEG, PNG, HEIC, TIFF), imaging discs (DICOM) or ZIP archives of them.`;
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

function textReason(kind: string): string {
  switch (kind) {
    case 'html':
      return 'This file is a web page, not a document. If it came from a patient portal, the download probably failed: download the document again and import the PDF.';
    case 'json':
      return 'This is a JSON data file but not a FHIR health record (it has no "resourceType"), so Casebinder cannot import it. Ask the portal for its FHIR or C-CDA download, or for a PDF copy.';
    case 'xml':
      return XML_REASON;
    default:
      return 'This is a plain text file, which Casebinder does not import. Print it as a PDF and import that.';
  }
}

const XML_REASON =
  'This XML file is not a health record Casebinder reads (it reads C-CDA documents and IHE XDM downloads from patient portals). Ask the portal for one of those, or for a PDF copy.';
const APPLE_HEALTH_REASON =
  "Apple Health's record of the phone's own measurements (steps, heart rate, sleep…), not records from a clinic. The clinic records in the same export (its clinical-records folder) are imported.";
const XDM_PAGE_REASON = "The download's own index page or read-me, not a record; the documents it lists are imported.";

/** Portal downloads: C-CDA documents, FHIR resources, an XDM download's index; Apple Health's own data. */
function structuredRecord(head: Uint8Array, kind: string, name: string): Detected | undefined {
  const start = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 16 * 1024));
  const lower = name.toLowerCase();
  if (kind === 'xml') {
    if (/<HealthData\b/.test(start) || lower === 'export_cda.xml') return { kind: 'skip', reason: APPLE_HEALTH_REASON };
    if (/<([\w-]+:)?ClinicalDocument\b/.test(start)) return { kind: 'records', format: 'ccda' };
    if (/<([\w-]+:)?SubmitObjectsRequest\b/.test(start) || (lower === 'metadata.xml' && /ebxml-regrep/.test(start))) return { kind: 'xdm-index' };
  }
  if (kind === 'json' && /"resourceType"\s*:/.test(start)) return { kind: 'records', format: 'fhir' };
  if ((kind === 'html' && /^index\.html?$/.test(lower)) || (kind === 'text' && /^readme\.txt$/.test(lower))) {
    return /IHE_XDM|SUBSET01|XDM/i.test(start) ? { kind: 'skip', reason: XDM_PAGE_REASON } : undefined;
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
    return {
      code: 'empty',
      reason: 'This file is empty (0 bytes), so there is nothing to import. If it came from a download or an email, download it again.',
    };
  }
  const ext = path.extname(name).toLowerCase();
  const lower = name.toLowerCase();
  if (lower === 'autorun.inf' || lower === 'autorun.exe' || lower === 'autoplay.inf') return { kind: 'skip', reason: AUTORUN_REASON };

  if (dicomEncoding(head)) {
    return mediaStorageClass(head) === SOP_CLASS.mediaStorageDirectory ? { kind: 'dicomdir' } : { kind: 'dicom' };
  }
  const found = await fileTypeFromBuffer(head);
  if (found && PROGRAMS.has(found.ext)) return { kind: 'skip', reason: PROGRAM_REASON };
  if (found?.ext === 'zip') return { kind: 'zip' };
  const supported = found && SUPPORTED[found.ext];
  if (found && supported) {
    if (options.onDisc && supported.kind === 'image' && smallPicture(head)) return { kind: 'skip', reason: VIEWER_ART_REASON };
    const named = NAMED[ext];
    if (named && named !== CONTENT_NAMES[found.ext] && !(ext === '.heif' && found.ext === 'heic')) {
      return { ...supported, note: `The file is named "${ext}" but it is ${CONTENT_NAMES[found.ext]}; it was imported as what it really is.` } as Detected;
    }
    return supported;
  }

  // file-type names XML itself; other text formats have no magic number and are sniffed.
  const text = found ? (found.ext === 'xml' ? 'xml' : undefined) : sniffText(head);
  const structured = text ? structuredRecord(head, text, name) : undefined;
  if (structured) return structured;
  if (!found && !text && looksLikeDamagedDicom(head)) {
    return {
      code: 'damaged',
      reason:
        'This looks like a DICOM image file, but it does not start the way DICOM files do, so it is probably damaged. ' +
        'If it came from an imaging disc, ask the imaging center for a new copy of the disc.',
    };
  }
  if (options.onDisc) return { kind: 'skip', reason: VIEWER_REASON };
  const named = NAMED[ext];
  if (named) {
    const actually = found
      ? `it holds something else (${found.mime})`
      : text === 'html'
        ? 'it holds a web page'
        : text
          ? `it holds ${text === 'text' ? 'plain text' : `${text.toUpperCase()} data`}`
          : 'its content is not readable as one';
    return {
      code: 'mislabeled',
      reason:
        `This file is named like ${named} (${ext}) but ${actually}. ` +
        (text === 'html' ? 'It is probably a failed download: download the document again.' : 'It may be damaged or a failed download: ask the sender for a new copy.'),
    };
  }
  if (found) return { code: 'unsupported', reason: unsupportedReason(found.ext, found.mime) };
  if (text) return { code: 'unsupported', reason: textReason(text) };
  return {
    code: 'unsupported',
    reason:
      'Casebinder cannot tell what kind of file this is: it is not a PDF, a photo or scan, a DICOM image or a ZIP archive. ' +
      'If it should be one of those, it may be damaged; ask the sender for a new copy.',
  };
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
      return { code: 'not-found', reason: 'This file is no longer there (it was moved or deleted). Find it again and import it from where it is now.' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'unreadable', reason: 'Casebinder is not allowed to read this file. Check its permissions, or copy it somewhere you can open it and import the copy.' };
    case 'EISDIR':
      return { code: 'unreadable', reason: 'This is a folder, not a file.' };
    case 'ENOSPC':
      return { code: 'unreadable', reason: 'The disk that holds the library is full. Free some space and import this file again.' };
    case 'EIO':
      return { code: 'unreadable', reason: 'The disk could not read this file (an input/output error). If it is on a CD or USB stick, copy it to the computer first.' };
    default:
      return { code: 'unreadable', reason: `This file could not be read (${(error as Error).message}).` };
  }
}

export function isRefusal(value: Detected | Refusal): value is Refusal {
  return 'code' in value;
}
