/**
 * What a stranger holding a library or backup folder could recognise of a patient, for the tests that
 * prove an encrypted one shows none of it; and a library filled with real files nobody here wrote.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { casebinder } from './cli.ts';
import { fixture, tempDir } from './paths.ts';

export const PATIENT = 'Philippa Quennell-Oyelaran';
export const PASSPHRASE = 'plum orchard under snow';
/** Words of one imported PDF (document-corpus/blind/urology recommendation.pdf). */
const WORDS = ['robotic-assisted radical', 'Columbia River Urology', 'Okonkwo'];
const SOURCES = [
  fixture('images', 'MWG.jpg'),
  fixture('images', 'typewriter.png'),
  fixture('dicom', 'hospital_cd'),
  fixture('dicom', 'single', 'CT_small.dcm'),
  fixture('ccda', 'HL7_Consultation_Note.xml'),
  fixture('document-corpus', 'blind'),
];

export function secretFile(text: string): string {
  const file = path.join(tempDir(), 'secret.txt');
  fs.writeFileSync(file, `${text}\n`);
  return file;
}

export function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Each original file a library was given: its bytes. */
export function originals(): Buffer[] {
  return SOURCES.flatMap((s) => (fs.statSync(s).isDirectory() ? allFiles(s) : [s])).filter((f) => !f.endsWith('DICOMDIR')).map((f) => fs.readFileSync(f));
}

/**
 * The first 48 bytes from `from` on that could only come from this file: varied bytes, not a run of
 * zeros or padding (a DICOM file's 128-byte preamble of zeros is in any database page too).
 */
function tellingSlice(bytes: Buffer, from: number): { at: number; bytes: Buffer } | null {
  for (let at = from; at + 48 <= bytes.length; at += 16) {
    const slice = bytes.subarray(at, at + 48);
    if (new Set(slice).size >= 24) return { at, bytes: slice };
  }
  return null;
}

/**
 * What a stranger holding the folder could recognise: the patient's name (UTF-8 and UTF-16), a
 * document's words, the signatures that begin a JPEG, PNG, PDF or DICOM file, and slices of every original.
 */
export function plaintextFound(dir: string): string[] {
  const needles: [string, Buffer][] = [
    ['the patient\'s name', Buffer.from(PATIENT)],
    ['the patient\'s name in UTF-16', Buffer.from(PATIENT, 'utf16le')],
    ...WORDS.map((w): [string, Buffer] => [`the words "${w}"`, Buffer.from(w)]),
    ['a JPEG signature', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46])],
    ['a PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['a PDF signature', Buffer.from('%PDF-1.')],
    ['a DICOM signature', Buffer.from([0x44, 0x49, 0x43, 0x4d, 0x02, 0x00])],
    ['SQLite\'s plain header', Buffer.from('SQLite format 3\0')],
  ];
  for (const [i, bytes] of originals().entries()) {
    for (const from of [0, Math.floor(bytes.length / 2)]) {
      const slice = tellingSlice(bytes, from);
      if (slice) needles.push([`48 bytes of original #${i} from byte ${slice.at}`, slice.bytes]);
    }
  }
  const found: string[] = [];
  for (const file of allFiles(dir)) {
    const content = fs.readFileSync(file);
    for (const [what, needle] of needles) if (content.includes(needle)) found.push(`${path.relative(dir, file)}: ${what}`);
  }
  return found;
}

export function snapshot(dir: string): Map<string, string> {
  return new Map(allFiles(dir).map((f) => [path.relative(dir, f), `${fs.statSync(f).ino}:${createHash('sha256').update(fs.readFileSync(f)).digest('hex')}`]));
}

/** Adds the patient and imports the real files (and `extra` paths) into a library. */
export function fillLibrary(library: string, env: NodeJS.ProcessEnv, extra: string[] = []): void {
  const added = casebinder(library, ['patient', 'add', PATIENT, '--dob', '1961-07-30', '--json'], env);
  expect(added.code, added.stderr).toBe(0);
  const imported = casebinder(library, ['import', '--patient', '1', '--json', ...SOURCES, ...extra], env);
  expect(imported.code, imported.stderr).toBe(0);
}

