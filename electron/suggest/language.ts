import type { DocumentEdit, MedicalDocument } from '../../shared/library-types.ts';
import type { Library } from '../library/library.ts';
import { closestLanguage } from './franc-index.ts';

/**
 * The languages a document is written in, read from its text with franc's models (trigram profiles of
 * 187 languages, offline; `closestLanguage` gives franc's answer, faster). The text is read in pieces
 * (a page, or a long page's paragraphs, about 1,500 characters each) so a document in two languages (an
 * English letter with a Spanish report behind it) is seen as both; a language is named when it holds at least a fifth of the letters
 * read and a few sentences' worth (200 letters: below that, a language was named wrong about one time in
 * thirty on the sentences it was tuned on). Too little text (a study, a photo not yet read, a table of
 * numbers) names none: no language is better than a wrong one.
 *
 * The answer is BCP 47 (`es`, `fa`, `zh`), the primary language first.
 */
export function detectLanguages(pageTexts: readonly string[]): string[] {
  const letters = new Map<string, number>();
  let total = 0;
  for (const piece of pieces(pageTexts)) {
    const count = letterCount(piece);
    if (count < MIN_PIECE_LETTERS) continue;
    const code = closestLanguage(piece, MIN_PIECE_LETTERS);
    if (code === 'und') continue;
    const language = bcp47(code);
    if (!language) continue;
    letters.set(language, (letters.get(language) ?? 0) + count);
    total += count;
  }
  if (total < MIN_DOCUMENT_LETTERS) return [];
  const [main, ...others] = [...letters].sort((a, b) => b[1] - a[1]);
  return [main!, ...others.filter(([, count]) => count >= MIN_LANGUAGE_LETTERS && count / total >= MIN_SHARE)].map(([language]) => language);
}

/** Fewer letters than this in a piece say too little about its language (a heading, a table row). */
const MIN_PIECE_LETTERS = 60;
/** A document with fewer letters than this in all is not given a language. */
const MIN_DOCUMENT_LETTERS = 200;
/** A second language counts from a few sentences and a fifth of the text; the main one needs only MIN_DOCUMENT_LETTERS. */
const MIN_LANGUAGE_LETTERS = 200;
const MIN_SHARE = 0.2;
/** How much of a page is read as one piece, and how much of a document in all (spread over its pages). */
const PIECE_CHARS = 1500;
const MAX_PIECES = 12;

/** The text in pieces of about PIECE_CHARS, paragraphs kept whole where they fit, spread over the pages. */
function pieces(pageTexts: readonly string[]): string[] {
  const all: string[] = [];
  for (const text of pageTexts) {
    let current = '';
    for (const paragraph of clean(text).split(/\n\s*\n/)) {
      if (current && current.length + paragraph.length > PIECE_CHARS) {
        all.push(current);
        current = '';
      }
      current = current ? `${current}\n${paragraph}` : paragraph;
      while (current.length > PIECE_CHARS * 1.5) {
        const cut = current.lastIndexOf(' ', PIECE_CHARS);
        const at = cut > PIECE_CHARS / 2 ? cut : PIECE_CHARS;
        all.push(current.slice(0, at));
        current = current.slice(at);
      }
    }
    if (current.trim()) all.push(current);
  }
  if (all.length <= MAX_PIECES) return all;
  // A long document: pieces from its whole length, not only its first pages.
  const step = all.length / MAX_PIECES;
  return Array.from({ length: MAX_PIECES }, (_, i) => all[Math.floor(i * step)]!);
}

/** Leaves out what says nothing of a language: web and mail addresses, numbers, codes, table rules. */
function clean(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/[\p{N}_=|*#~<>[\]{}\\/+-]+/gu, ' ')
    .replace(/[ \t]+/g, ' ');
}

/** Letters (with the vowel signs of Indic scripts, which are marks), a Chinese, Japanese or Korean character counting as much as a short word (about three letters). */
function letterCount(text: string): number {
  const letters = text.match(/[\p{L}\p{M}]/gu)?.length ?? 0;
  const ideographic = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  return letters + 2 * ideographic;
}

/** ISO 639-3 (franc's answer) as BCP 47: `spa` is `es`, Standard Arabic `arb` is `ar`, Iranian Persian `pes` is `fa`. */
function bcp47(code: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    return canonical ? canonical.split('-')[0]! : null;
  } catch {
    return null;
  }
}

/**
 * Reads the languages of documents not read yet (a library older than language reading), at most
 * `limit` of them, only `ids` when given; returns how many it read. The app reads a few at a time after
 * the library opens; exports and `show` read those they are about to describe, `list --language` all.
 */
export function readUnreadLanguages(library: Library, limit: number, ids?: readonly number[]): number {
  const unread = library.documents.languagesUnread(limit, ids);
  for (const id of unread) library.documents.setLanguages(id, detectLanguages(library.documents.pageTexts(id)));
  return unread.length;
}

/**
 * Applies what a person changed on a document (the window's details, `casebinder edit`); languages
 * given back to the text (`languages: null`) are read from it again at once.
 */
export function editDocument(library: Library, id: number, edit: DocumentEdit): MedicalDocument {
  const doc = library.documents.edit(id, edit);
  if (edit.languages !== null) return doc;
  readUnreadLanguages(library, 1, [id]);
  return library.documents.get(id);
}
