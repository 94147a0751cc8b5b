import { fileTypeFromBuffer } from 'file-type';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Refusal } from '../../shared/import-types.ts';

export type ImportKind = 'pdf' | 'image';

export interface Detected {
  readonly kind: ImportKind;
  readonly mediaType: 'application/pdf' | 'image/png' | 'image/jpeg';
  /** Set when the file's name promised another kind than its content. */
  readonly note?: string;
}

const SUPPORTED: Readonly<Record<string, Detected>> = {
  pdf: { kind: 'pdf', mediaType: 'application/pdf' },
  png: { kind: 'image', mediaType: 'image/png' },
  jpg: { kind: 'image', mediaType: 'image/jpeg' },
};

/** What the name's extension promises, in words. */
const NAMED: Readonly<Record<string, string>> = {
  '.pdf': 'a PDF',
  '.png': 'a PNG image',
  '.jpg': 'a JPEG photo',
  '.jpeg': 'a JPEG photo',
};

const CONTENT_NAMES: Readonly<Record<string, string>> = {
  pdf: 'a PDF',
  png: 'a PNG image',
  jpg: 'a JPEG photo',
};

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
    case 'zip':
    case '7z':
    case 'rar':
    case 'gz':
    case 'tar':
      return 'This is a compressed archive. Unpack it (double-click it, or "Extract all") and import the folder it contains.';
    case 'dcm':
      return 'This is a DICOM medical image (the format of scans on a hospital CD). Casebinder cannot import imaging studies yet; keep the CD or folder, and import its written report as a PDF.';
    case 'heic':
    case 'avif':
      return 'This is an iPhone photo in HEIC format, which Casebinder cannot read yet. Export it as JPEG (in Photos, share it as "Most Compatible") and import that.';
    case 'tif':
    case 'gif':
    case 'bmp':
    case 'webp':
      return `This is a ${ext.toUpperCase()} image, which Casebinder cannot import yet. Save it as PNG or JPEG, or print it as a PDF, and import that.`;
    case 'xml':
      return 'This is an XML file (perhaps a health record download), which Casebinder cannot import yet. Ask the portal for a PDF copy, or print the record as a PDF.';
    default:
      return `This kind of file (${mime}) is not something Casebinder imports. Import PDFs, or photos and scans as JPEG or PNG.`;
  }
}

/** A look at the start of a file that file-type could not name: text formats have no magic number. */
function sniffText(head: Uint8Array): string | undefined {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || /^<head|^<body/.test(text)) return 'html';
  if (text.startsWith('<?xml') || text.startsWith('<clinicaldocument')) return 'xml';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  // Printable text with no NUL bytes and few control characters.
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  if (text.length > 0 && !head.includes(0) && controls / text.length < 0.01) return 'text';
  return undefined;
}

function textReason(kind: string): string {
  switch (kind) {
    case 'html':
      return 'This file is a web page, not a document. If it came from a patient portal, the download probably failed: download the document again and import the PDF.';
    case 'json':
      return 'This is a JSON data file (perhaps a health record download), which Casebinder cannot import yet.';
    case 'xml':
      return 'This is an XML file (perhaps a health record download), which Casebinder cannot import yet. Ask the portal for a PDF copy, or print the record as a PDF.';
    default:
      return 'This is a plain text file, which Casebinder does not import. Print it as a PDF and import that.';
  }
}

const HEAD_BYTES = 4100;

/**
 * Decides what a file is from its content, never its name, and what to tell the person when we
 * cannot import it. A file named .pdf that holds a PNG is imported as the image it is, with a note.
 */
export async function detect(file: string): Promise<Detected | Refusal> {
  let head: Uint8Array;
  let size: number;
  try {
    const handle = await fsp.open(file, 'r');
    try {
      size = (await handle.stat()).size;
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
      await handle.read(buffer, 0, buffer.length, 0);
      head = buffer;
    } finally {
      await handle.close();
    }
  } catch (error) {
    return readFailure(error);
  }
  if (size === 0) {
    return {
      code: 'empty',
      reason: 'This file is empty (0 bytes), so there is nothing to import. If it came from a download or an email, download it again.',
    };
  }

  const ext = path.extname(file).toLowerCase();
  const named = NAMED[ext];
  const found = isDicom(head) ? { ext: 'dcm', mime: 'application/dicom' } : await fileTypeFromBuffer(head);
  const supported = found && SUPPORTED[found.ext];
  if (found && supported) {
    if (named && named !== CONTENT_NAMES[found.ext]) {
      return { ...supported, note: `The file is named "${ext}" but it is ${CONTENT_NAMES[found.ext]}; it was imported as what it really is.` };
    }
    return supported;
  }

  const what = found ? unsupportedReason(found.ext, found.mime) : undefined;
  const text = found ? undefined : sniffText(head);
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
        (text === 'html'
          ? 'It is probably a failed download: download the document again.'
          : 'It may be damaged or a failed download: ask the sender for a new copy.'),
    };
  }
  if (what) return { code: 'unsupported', reason: what };
  if (text) return { code: 'unsupported', reason: textReason(text) };
  return {
    code: 'unsupported',
    reason: 'Casebinder cannot tell what kind of file this is: it is not a PDF, a JPEG or a PNG. If it should be one of those, it may be damaged; ask the sender for a new copy.',
  };
}

/** DICOM Part 10 files carry "DICM" after a 128-byte preamble, whatever they are named. */
function isDicom(head: Uint8Array): boolean {
  return head.length >= 132 && head[128] === 0x44 && head[129] === 0x49 && head[130] === 0x43 && head[131] === 0x4d;
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
