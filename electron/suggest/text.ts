/** Shared helpers for reading a document's text the way a person skims it: top of page one first. */

export interface Line {
  readonly text: string;
  /** 1-based page number. */
  readonly page: number;
  /** Position among the non-empty lines read, from 0. */
  readonly index: number;
  /** A fax machine's banner, a print stamp or a page counter: not part of the document itself. */
  readonly banner: boolean;
}

const BANNER_PATTERNS: readonly RegExp[] = [
  /\bfax\b/i,
  /^\s*(from|to|sent)\s*:/i,
  /\bpage\s*\d+\s*(of|\/)\s*\d+\b/i,
  /\bp\.?\s*\d{1,3}\s*\/\s*\d{1,3}\b/i,
  /\b(printed|print date|report printed|generated)\b/i,
  /^\s*received\s+\d/i,
  /\bpage\s+\d+\s*$/i,
];

/** The line that closes a letter, above its signature. */
export const CLOSING =
  /^(sincerely|yours sincerely|yours truly|regards|kind regards|warm regards|best regards|with best regards|best wishes|respectfully|cordially|thank you),?$/i;

function isBanner(text: string): boolean {
  return BANNER_PATTERNS.some((re) => re.test(text));
}

/** The non-empty lines of the first pages, each marked as banner or not. */
export function readLines(pageTexts: readonly string[], maxPages = 2): Line[] {
  const lines: Line[] = [];
  pageTexts.slice(0, maxPages).forEach((text, p) => {
    for (const raw of text.split('\n')) {
      const t = raw.trim();
      if (t) lines.push({ text: t, page: p + 1, index: lines.length, banner: isBanner(t) });
    }
  });
  return lines;
}

/** Cells of a line, where the text layer left a wide gap (two or more spaces) between them. */
export function cells(text: string): string[] {
  return text
    .split(/\s{2,}|\s+[•·|]\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'at', 'in', 'on', 'by', 'to', 'with', 'without', 'a', 'an', 'or', 'de', 'la', 'del']);
const KEEP_UPPER = new Set([
  'MRI', 'MR', 'CT', 'CTA', 'PET', 'XR', 'NM', 'US', 'ECG', 'EKG', 'CBC', 'PSA', 'CEA', 'FDG', 'EMG', 'NCS', 'TTE', 'TEE', 'DEXA',
  'HMO', 'PPO', 'PC', 'PA', 'LLC', 'MD', 'DO', 'RN', 'NP', 'DPT', 'PT', 'II', 'III', 'IV', 'ID', 'HIV', 'ICU', 'ED', 'ER', 'IV',
  'UCSF', 'UCLA', 'NYU', 'USC', 'VA', 'NVH',
]);

/** "ST. LUKE'S MEDICAL CENTER" -> "St. Luke's Medical Center"; text that is not all capitals is kept. */
export function tidyCase(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (!letters || letters !== letters.toUpperCase()) return text;
  return text
    .split(/(\s+|\/|-)/)
    .map((word, i) => {
      const bare = word.replace(/[^\p{L}0-9]/gu, '');
      if (!bare) return word;
      if (KEEP_UPPER.has(bare) || /\d/.test(bare)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(bare.toLowerCase())) return lower;
      // Capitalise the first letter only; after an apostrophe the letters stay small (Luke's).
      return lower.replace(/\p{L}/u, (c) => c.toUpperCase());
    })
    .join('');
}

/** Collapses spaces and trims punctuation a label or a column left behind. */
export function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,.\-–—|•·]+|[\s:;,\-–—|•·]+$/g, '')
    .trim();
}
