/**
 * What is wrong with a DICOM file, in words. The header reader states a problem as an English sentence
 * (kept with a study's files in the library, and printed by the command line as it is); `dicomProblem`
 * reads such a sentence back as what was said, so the window says it in its own language. Every
 * sentence the reader writes is made here, so the two cannot drift apart.
 */
import { MAX_INFLATED_BYTES } from './limits.ts';
import { asWritten, said } from './said.ts';
import type { Said } from './said.ts';

/** Said when a header goes on past what is read of it. */
export const DICOM_HEADER_TOO_LARGE = 'its header is larger than Casebinder reads';

/** Why a deflated file past MAX_INFLATED_BYTES is not read. */
export const INFLATED_TOO_LARGE = `its compressed (deflated) data unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB, far more than a DICOM object of its kind holds (a file built to exhaust memory looks like this)`;

/** How a file the DICOM parser could not read is wrong. */
export type UnreadableHow = 'syntax' | 'end' | 'format';

const UNREADABLE: Readonly<Record<UnreadableHow, string>> = {
  syntax: 'does not say how its data is encoded (the transfer syntax every DICOM file must state), and its data is in no encoding Casebinder can recognise',
  end: 'runs past the end of the file: the file is cut short, or one of its elements states a length it does not have',
  format: 'does not follow the DICOM format where Casebinder reads it',
};

/** A file (or its header) the parser could not read, with the parser's own message after it. */
export function unreadableProblem(what: 'its header' | 'it', how: UnreadableHow, message: string): string {
  return `${what} ${UNREADABLE[how]} (the reader's message: ${message})`;
}

const FIXED_PROBLEMS: Readonly<Record<string, Said>> = {
  'it does not start the way DICOM files do': said('dicom-bad-start'),
  'it is a DICOMDIR (the index of a disc), not an image': said('dicom-is-index'),
  'it is a colour palette (a display setting shared by viewers), not part of a study': said('dicom-palette'),
  'it does not say which image it is (its instance identifier is missing)': said('dicom-no-instance'),
  [DICOM_HEADER_TOO_LARGE]: said('dicom-header-large'),
  'Its compressed image data is damaged (an image fragment is not where the file says it is)': said('fragments-misplaced'),
  'Its compressed image data is damaged (an unexpected marker among the image fragments)': said('fragments-marker'),
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const UNREADABLE_SENTENCE = new RegExp(
  `^(its header|it) (${Object.values(UNREADABLE).map(escape).join('|')}) \\(the reader's message: ([\\s\\S]*)\\)$`,
);

/**
 * What is wrong with a DICOM file, as said, from the sentence the header reader stated: the fixed ones
 * are looked up, the ones with a number or the parser's message are read apart; anything else stays
 * as written.
 */
export function dicomProblem(stated: string): Said {
  // Said without its full stop: the messages that name a problem end the sentence themselves.
  const problem = stated.replace(/\.$/, '');
  const fixed = FIXED_PROBLEMS[problem];
  if (fixed) return fixed;
  const bomb = /^its compressed \(deflated\) data unpacks to more than (\d+) MB, far more than a DICOM object of its kind holds \(a file built to exhaust memory looks like this\)$/.exec(problem);
  if (bomb) return said('dicom-bomb', { mb: Number(bomb[1]) });
  const short = /^Its (compressed )?image data is cut short: the file ends ([\d,]+) bytes before the (last image fragment|image) does$/.exec(problem);
  if (short) return said(short[1] ? 'fragments-short' : 'pixels-short', { bytes: Number(short[2]!.replace(/,/g, '')) });
  const noStudy = /^it holds (an image, but|no image and) names no (study or series|study|series), so it belongs to no imaging study and cannot be filed with one$/.exec(problem);
  if (noStudy) return said('dicom-no-study', { image: noStudy[1]!.startsWith('an') ? 'yes' : 'no', missing: noStudy[2] === 'study or series' ? 'both' : noStudy[2]! });
  const unreadable = UNREADABLE_SENTENCE.exec(stated);
  if (unreadable) {
    const how = (Object.keys(UNREADABLE) as UnreadableHow[]).find((k) => UNREADABLE[k] === unreadable[2])!;
    return said('dicom-unreadable', { what: unreadable[1] === 'its header' ? 'header' : 'file', how, message: unreadable[3]! });
  }
  return asWritten(problem);
}
