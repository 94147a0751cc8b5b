/**
 * Finding what to remove on pages whose words are known (page-words.ts): a text the person typed,
 * wherever it occurs, and identifiers the app suggests (Social Security numbers, insurance member and
 * group numbers beside their labels, phone numbers and street addresses that are neither the patient's
 * nor a clinic's). Each match becomes the boxes that cover it, one per line.
 */
import type { FoundText, IdentifierKind, RedactionBox, SuggestedRedaction } from '../../shared/redaction-types.ts';
import { said, say } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import { coverOf } from './page-words.ts';
import type { PageWord, PageWords } from './page-words.ts';

/** One line of a page as text, each character knowing its word (null for the spaces put between words). */
interface Line {
  readonly text: string;
  readonly at: readonly ({ readonly word: PageWord; readonly char: number } | null)[];
}

/** Words closer than this (in fractions of their height) are one run of text ("123-45-" "6789"). */
const JOINED_GAP = 0.12;

function linesOf(page: PageWords): Line[] {
  const byLine = new Map<number, PageWord[]>();
  for (const word of page.words) {
    const list = byLine.get(word.line) ?? [];
    list.push(word);
    byLine.set(word.line, list);
  }
  return [...byLine.values()].map((words) => {
    let text = '';
    const at: Line['at'][number][] = [];
    words.forEach((word, i) => {
      const prev = words[i - 1];
      if (prev) {
        const gap = (word.box.x - (prev.box.x + prev.box.width)) * page.width;
        const joined = word.edges && prev.edges && Math.abs(gap) < JOINED_GAP * prev.box.height * page.height;
        if (!joined) {
          text += ' ';
          at.push(null);
        }
      }
      [...word.text].forEach((ch, char) => {
        text += ch;
        for (let k = 0; k < ch.length; k++) at.push({ word, char });
      });
    });
    return { text, at };
  });
}

/** The part of a word from character `from` to `to` (exclusive), as a box. */
function partOf(word: PageWord, from: number, to: number): RedactionBox {
  const edges = word.edges;
  if (!edges || (from === 0 && to >= edges.length - 1)) return word.box;
  const x0 = edges[from] ?? 0;
  const x1 = edges[Math.min(to, edges.length - 1)] ?? 1;
  return { ...word.box, x: word.box.x + word.box.width * x0, width: word.box.width * (x1 - x0) };
}

/** The covering box of characters `start`..`end` (exclusive) of a line. */
function cover(page: PageWords, line: Line, start: number, end: number): RedactionBox | null {
  const parts = new Map<PageWord, { from: number; to: number }>();
  for (let i = start; i < end; i++) {
    const at = line.at[i];
    if (!at) continue;
    const part = parts.get(at.word);
    if (part) part.to = at.char + 1;
    else parts.set(at.word, { from: at.char, to: at.char + 1 });
  }
  if (!parts.size) return null;
  return coverOf([...parts].map(([word, { from, to }]) => partOf(word, from, to)), page.height / page.width);
}

/** Letters without accents, in lower case, for comparing what a person typed with what a page says. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const WORDISH = /[\p{L}\p{N}]/u;

/**
 * Every place a text occurs on these pages, case, accents and spacing ignored ("123-45-6789" is found
 * where a PDF drew "123-45-" and "6789" apart). A match starts and ends at a word's edge or at
 * punctuation, so "Ann" does not take the start of "Annual" but "6789" is found in "123-45-6789".
 */
export function findText(pages: readonly PageWords[], wanted: string): FoundText {
  const term = fold(wanted).replace(/\s+/g, '');
  const boxes: RedactionBox[] = [];
  if (!term) return { text: wanted, boxes };
  for (const page of pages) {
    for (const line of linesOf(page)) {
      // The line squashed: folded, without spaces; each character knows where it was in the line.
      let squashed = '';
      const from: number[] = [];
      [...line.text].forEach((ch, index) => {
        if (/\s/.test(ch)) return;
        for (const c of fold(ch)) {
          squashed += c;
          from.push(index);
        }
      });
      // Indexes above count code units of line.text; it holds no surrogate pairs in practice, and a pair
      // only moves a box by a letter, which the covering box's margin (PAD_SIDEWAYS) covers.
      let at = squashed.indexOf(term);
      while (at >= 0) {
        const start = from[at]!;
        const end = from[at + term.length - 1]! + 1;
        const before = line.text[start - 1];
        const after = line.text[end];
        if ((!before || !WORDISH.test(before) || !WORDISH.test(line.text[start]!)) && (!after || !WORDISH.test(after) || !WORDISH.test(line.text[end - 1]!))) {
          const box = cover(page, line, start, end);
          if (box) boxes.push(box);
          at = squashed.indexOf(term, at + term.length);
        } else at = squashed.indexOf(term, at + 1);
      }
    }
  }
  return { text: wanted, boxes };
}

/**
 * Words that say a line is a clinic's (its letterhead, its phone line). A phone number or an address on
 * such a line, or a few lines below one (a letterhead's), is the clinic's.
 */
const CLINIC_WORDS =
  /\b(clinics?|hospitals?|medical|medicine|center|centre|health|healthcare|physicians?|associates|partners|laborator(y|ies)|labs?|radiology|imaging|diagnostics|pathology|oncology|cardiology|neurology|urology|dermatology|orthopa?edics?|spine|surgery|surgical|surgeons?|care|rehabilitation|therapy|hospice|department|dept|office|suite|fax|pharmacy|university|institute|practice|MD|DO|PC|PA|LLC|Inc)\b/i;

/** A line naming someone else's details (a relative, a guarantor, an employer). */
const SOMEONE_ELSES = /\b(emergency|contact|spouse|wife|husband|partner|mother|father|parent|daughter|son|sister|brother|guardian|guarantor|employer|relative|next of kin|caregiver|friend|neighbou?r)\b/i;

/** How many lines above a phone number or address are read for the clinic's name (a letterhead's). */
const LETTERHEAD_LINES = 3;

interface Pattern {
  readonly kind: IdentifierKind;
  readonly pattern: RegExp;
  /** The capture group holding the identifier (0: the whole match). */
  readonly group: number;
  /** Why it is suggested (shared/redaction-words.ts). */
  readonly words: Said;
  /** Left out when the line is a clinic's, or the text is the patient's own. */
  readonly notClinics?: boolean;
}

const PATTERNS: readonly Pattern[] = [
  {
    kind: 'ssn',
    // Area 000, 666 and 900-999, group 00 and serial 0000 are never issued (SSA), so such a number is something else.
    pattern: /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g,
    group: 0,
    words: said('redact-ssn'),
  },
  {
    kind: 'ssn',
    pattern: /\b(?:SSN|SS#|Social Security(?: (?:No\.?|Number|#))?)\s*[:#]?\s*((?!000|666|9\d\d)\d{3}[- ]?\d{2}[- ]?\d{4}|[X*]{3}[- ]?[X*]{2}[- ]?\d{4})\b/gi,
    group: 1,
    words: said('redact-ssn-labelled'),
  },
  {
    kind: 'member-id',
    pattern: /\b(?:member|subscriber|policy|insured|medicaid|medicare|MBI|insurance|beneficiary|ins\.?)\s*(?:ID|I\.D\.|#|No\.?|Number|Num)\s*[:#.]?\s*([A-Z0-9][A-Z0-9-]{3,24}[A-Z0-9])\b/gi,
    group: 1,
    words: said('redact-member'),
  },
  {
    kind: 'group-number',
    pattern: /\b(?:group|grp)\s*(?:ID|#|No\.?|Number|Num)?\s*[:#.]\s*([A-Z0-9][A-Z0-9-]{2,24}[A-Z0-9])\b/gi,
    group: 1,
    words: said('redact-group'),
  },
  {
    kind: 'phone',
    pattern: /(?<![\d-])(?:\+?1[\s.-]?)?\(?[2-9]\d{2}\)?[\s.-]?[2-9]\d{2}[\s.-]\d{4}(?![\d-])/g,
    group: 0,
    words: said('redact-phone'),
    notClinics: true,
  },
  {
    kind: 'address',
    pattern: /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][A-Za-z'-]+\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy)\b\.?(?:,?\s+(?:Apt|Unit|#)\s*[A-Z0-9-]+)?/g,
    group: 0,
    words: said('redact-address'),
    notClinics: true,
  },
];

/** Digits only, for comparing phone numbers and addresses written differently. */
function digitsAndLetters(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Identifiers on these pages a person may not want to send. `own` is what the patient's own contact
 * details and the document's facility say: a phone number or address found there is not suggested.
 */
export function suggestIdentifiers(pages: readonly PageWords[], own: readonly string[]): SuggestedRedaction[] {
  const ownText = own.map(digitsAndLetters).join('|');
  const found: SuggestedRedaction[] = [];
  const taken = new Set<string>();
  for (const page of pages) {
    const lines = linesOf(page);
    for (const [lineIndex, line] of lines.entries()) {
      // A letterhead's lines (its name, address, phone, fax) are the clinic's, unless the line says whose it is.
      const clinics =
        !SOMEONE_ELSES.test(line.text) &&
        lines.slice(Math.max(0, lineIndex - LETTERHEAD_LINES), lineIndex + 1).some((l) => CLINIC_WORDS.test(l.text) || (digitsAndLetters(l.text).length >= 4 && ownText.includes(digitsAndLetters(l.text))));
      for (const p of PATTERNS) {
        if (p.notClinics && clinics) continue;
        for (const match of line.text.matchAll(p.pattern)) {
          const text = match[p.group]!;
          const start = match.index + (p.group ? match[0].indexOf(text) : 0);
          // The two patterns for a Social Security number can find the same one.
          const key = `${page.page}:${lineIndex}:${start}`;
          if (taken.has(key)) continue;
          if (p.notClinics && ownText && ownText.includes(digitsAndLetters(text))) continue;
          const box = cover(page, line, start, start + text.length);
          if (!box) continue;
          taken.add(key);
          found.push({ kind: p.kind, text, page: page.page, reason: say(p.words), words: p.words, boxes: [box] });
        }
      }
    }
  }
  return found;
}

