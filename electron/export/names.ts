/**
 * Names of what an export writes: readable (date, type, title), valid on Windows, macOS and Linux, and
 * never two alike in one folder.
 */
import type { IsoDate } from '../../shared/dates.ts';

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/tiff': '.tif',
  'image/heic': '.heic',
  'image/webp': '.webp',
  'application/json': '.json',
  'application/fhir+json': '.json',
  'application/xml': '.xml',
  'text/xml': '.xml',
  'text/plain': '.txt',
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Characters no file name may carry: control characters (C0, DEL, C1), path separators and what Windows
 * reserves, and the invisible marks that change the direction text is shown in (U+202E makes
 * "report<U+202E>fdp.exe" show as "reportexe.pdf"), line separators and the byte order mark. The
 * joiners Arabic, Persian and Indic names need (U+200C, U+200D) stay.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what file names must not have
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]+/g;

/** A file or folder name any system accepts and shows as it is: nothing unsafe (above), not too long. */
export function safeName(text: string, maxLength = 100): string {
  let name = text
    .normalize('NFC')
    .replace(UNSAFE_IN_NAMES, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if ([...name].length > maxLength) name = [...name].slice(0, maxLength).join('').trim();
  if (!name || WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return name;
}

/** "2026-03-03 Consult note - Spine surgery consult.pdf", made unique within `used`. */
export function originalName(date: IsoDate | null, typeLabel: string, title: string, extension: string, mediaType: string, used: Set<string>): string {
  const ext = (/^\.[A-Za-z0-9]{1,8}$/.test(extension) ? extension : (EXTENSIONS[mediaType] ?? '.bin')).toLowerCase();
  const stem = safeName(`${date ?? 'undated'} ${typeLabel} - ${title}`);
  return unique(stem, ext, used);
}

export function unique(stem: string, ext: string, used: Set<string>): string {
  let name = `${stem}${ext}`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
  used.add(name.toLowerCase());
  return name;
}

/** The bundle's folder: "Casebinder - Ana Müller - L4-L5 fusion - 2026-11-22". */
export function bundleName(patientName: string, caseTitle: string, today: IsoDate): string {
  return safeName(`Casebinder - ${patientName} - ${caseTitle} - ${today}`, 140);
}

/** The packet's file name inside the bundle. */
export function packetName(patientName: string): string {
  return `${safeName(`Case packet - ${patientName}`)}.pdf`;
}
