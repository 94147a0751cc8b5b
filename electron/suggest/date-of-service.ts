import * as chrono from 'chrono-node';
import type { DocumentType } from '../../shared/document-types.ts';
import { isoDate } from '../../shared/dates.ts';
import type { IsoDate } from '../../shared/dates.ts';
import { said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import { cells } from './text.ts';
import type { Line } from './text.ts';

/**
 * Finds when the care happened: the collection of a lab, the exam of a scan, the visit of a note, the
 * day of an operation. Every date on the first pages is a candidate; what decides is the label in
 * front of it (on the same line, on the line above, or above it in a table's header row). Dates of
 * birth, print and fax stamps and comparison studies are never chosen; report, signature and receipt
 * dates only when nothing better is there.
 */

interface LabelRule {
  readonly pattern: RegExp;
  readonly score: number;
}

// Each pattern must match the end of the label text, i.e. the words right before the date.
const EXCLUDED = /\b(dob|d\.o\.b\.?|date of birth|birth ?date|born|birth|printed|print(ed)? date|fax(ed)?|sent|generated|effective( date)?|expir\w*|exp|valid (through|until)|next (appointment|visit)|follow[- ]?up|return|comparison|compared with|compared to|prior|previous|dated|ecg of|history of|since|injury|injured|age)\b[^a-z]*$/i;

// Each label must end right where the date begins ("Collected: 03/14/2024"), so a word further back
// in a sentence ("charges for your visit on 03/11/2025") does not count as a label.
const SERVICE: readonly LabelRule[] = [
  { pattern: /\b(date of service|service date|dos)$/i, score: 12 },
  { pattern: /\b(collected|collection date(\/time)?|date collected|coll\.? date|specimen collected|collected on|drawn|date of collection)$/i, score: 12 },
  { pattern: /\b(exam(ination)? date(\/time)?|date of (exam|examination)|study date|date of study|scan date)$/i, score: 12 },
  { pattern: /\b(procedure date|date of procedure|date of surgery|surgery date|date of operation|operation date|date obtained|obtained|date taken|specimen date|biopsy date|date of biopsy)$/i, score: 12 },
  { pattern: /\b(visit date|date of visit|encounter date|appointment date|consult(ation)? date|date of consult(ation)?|seen|visit|dos)$/i, score: 11 },
  { pattern: /\b(acquired|recorded|performed|date performed|hookup date|test date|date of test)$/i, score: 11 },
  { pattern: /\b(as of|updated|last updated|current as of)$/i, score: 9 },
  { pattern: /\b(admission date|date of admission|admitted)$/i, score: 6 },
  { pattern: /\b(discharge date|date of discharge|discharged)$/i, score: 5 },
  { pattern: /\b(saw|seen|evaluated|examined|operated)\b.{0,60}\bon$/i, score: 9 },
  { pattern: /\b(evaluation|visit|consultation|examination|appointment|encounter|exam) (of|on)$/i, score: 9 },
  { pattern: /\b(statement date|letter date)$/i, score: 6 },
  { pattern: /\bdate$/i, score: 6 },
  { pattern: /\b(reported|report date|result(ed)? date|resulted|final|verified|received|signed( out)?( by)?|electronically signed|e-signed|confirmed|interpreted|dictated|transcribed|d|t|read)$/i, score: 2 },
];

/** A date in a clause that plans ("scheduled for", "will follow up on", "return visit planned for") is what is to come. */
const PLANNED = /\b(schedul\w*|plann?\w*|tentative\w*|booked|book|will|would|propos\w*|anticipat\w*|target\w*|expected|upcoming|next|return(ing)?|follow[- ]?up|recheck|come back|see (her|him|them|you) (again|back))\b/i;

interface Candidate {
  readonly date: IsoDate;
  readonly label: string;
  readonly line: Line;
  /** The date stands alone on its line: how letters put their own date. */
  readonly alone: boolean;
  /** The clause the date is in plans something for later. */
  planned: boolean;
  score: number;
}

const YEAR_MIN = 1900;

/** Dates on one line, with the text in front of each. */
function datesIn(line: Line, reference: Date): { date: IsoDate; before: string; start: number; end: number }[] {
  if (!/\d/.test(line.text)) return [];
  const found: { date: IsoDate; before: string; start: number; end: number }[] = [];
  let lastEnd = 0;
  for (const result of chrono.strict.parse(line.text, reference)) {
    const c = result.start;
    // A date needs its day, month and year on the page; "March" or "2024" alone says too little.
    if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) continue;
    const date = isoDate(c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0);
    if (!date || Number(date.slice(0, 4)) < YEAR_MIN) continue;
    // Part of a number ("8.7-10.2", a reference range) is no date.
    const end = result.index + result.text.length;
    if (/^[.,]\d/.test(line.text.slice(end)) || /\d[.,]$/.test(line.text.slice(0, result.index))) continue;
    found.push({ date, before: line.text.slice(lastEnd, result.index), start: result.index, end: result.index + result.text.length });
    lastEnd = result.index + result.text.length;
  }
  return found;
}

function labelScore(label: string): number {
  // What stands between a label and its value: colons, dashes, "on", "/time".
  const text = label.replace(/([\s:#\-–—=(]|\/time\b)+$/i, '').trim();
  if (!text) return 3;
  if (EXCLUDED.test(text)) return -100;
  for (const rule of SERVICE) if (rule.pattern.test(text)) return rule.score;
  return 3;
}

/** The header cell right above a value in a table row: "Date Collected  Date Received" over two dates. */
function headerAbove(row: Line, previous: Line | undefined, start: number): string | undefined {
  if (!previous || previous.page !== row.page) return undefined;
  const headerCells = cells(previous.text);
  const rowCells = cells(row.text);
  if (headerCells.length < 2 || headerCells.length !== rowCells.length) return undefined;
  let offset = 0;
  for (let i = 0; i < rowCells.length; i++) {
    const at = row.text.indexOf(rowCells[i]!, offset);
    const end = at + rowCells[i]!.length;
    if (start >= at && start < end) return headerCells[i];
    offset = end;
  }
  return undefined;
}

export interface DateOptions {
  readonly type: DocumentType | null;
  /** The patient's date of birth, never a date of service. */
  readonly dateOfBirth?: IsoDate | null;
  /** For two-digit years and dates written without one. */
  readonly reference?: Date;
}

export function suggestDateOfService(lines: readonly Line[], options: DateOptions): IsoDate | null {
  return chooseDateOfService(lines, options).date;
}

export interface DateChoice {
  readonly date: IsoDate | null;
  /** Which date was chosen and why, and what other dates the document holds; null when it holds none. */
  readonly reason: Said | null;
}

/** What a label says in a sentence: the words before the date, as printed ("Collected", "Date of Visit"). */
function labelWords(label: string): string {
  return label.replace(/([\s:#\-–—=(]|\/time\b)+$/i, '').trim().split(/\s+/).slice(-5).join(' ');
}

/** The score of a date that is a plan for later: never the date of service. */
const PLAN = -50;

/** "14 Mar 2024 (“Collected”)" or "9 May 2025 (the date the document is written on)". */
function describe(c: Candidate): Said {
  const date = { dates: [c.date] };
  if (c.score === PLAN) return said('date-plan', { date });
  const words = labelWords(c.label);
  if (c.score < 0 && /\b(dob|birth|born)\b/i.test(words)) return said('date-birth', { date });
  if (c.alone && !words) return said('date-written', { date });
  return words ? said('date-labelled', { date, label: words }) : said('date-plain', { date });
}

export function chooseDateOfService(lines: readonly Line[], options: DateOptions): DateChoice {
  // An insurance card's dates are coverage dates: it records no care, so it has no date of service.
  if (options.type === 'insurance-id') return { date: null, reason: said('date-insurance') };
  const reference = options.reference ?? new Date();
  const candidates: Candidate[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    for (const found of datesIn(line, reference)) {
      const sameLine = found.before.slice(-60);
      let label = sameLine;
      // A date at the start of its line takes its label from above: a table header or a label line.
      if (!/[\p{L}]/u.test(sameLine)) {
        label = headerAbove(line, previous, found.start) ?? (previous && previous.text.length <= 40 && !/\d{4}/.test(previous.text) ? previous.text : '');
      }
      const alone = line.text.trim().length - (found.end - found.start) <= 8 && !/[\p{L}]{3,}/u.test(sameLine);
      const score = labelScore(label);
      // A print or fax stamp's dates are not the care's, unless one is labelled as the care's own
      // ("Specimen Collected: 09/26/2023  Printed: 03/15/2024").
      if (line.banner && score < 9) continue;
      const clause = line.text.slice(0, found.start).split(/[.;!?]\s/).at(-1) ?? '';
      candidates.push({ date: found.date, label, line, alone, planned: PLANNED.test(clause), score });
    }
  });
  if (options.dateOfBirth) {
    for (const c of candidates) if (c.date === options.dateOfBirth) c.score = -100;
  }

  // A letter's own date: alone on a line near the top of page one, or labelled "Date:". What a letter
  // reporting a visit dates after it (a planned operation, a follow-up) has not happened yet.
  const letter = options.type === 'recommendation' || options.type === 'consult-note';
  const written = candidates.find((c) => c.line.page === 1 && c.line.index < 12 && (c.alone || /^\s*(date|dated|letter date)\s*:?\s*$/i.test(c.label)))?.date;
  for (const c of candidates) {
    if (c.planned && c.score >= 0) c.score = PLAN;
    if (letter && written && c.date > written && c.score >= 0) c.score = PLAN;
  }

  for (const c of candidates) {
    if (c.score < 0) continue;
    // Top of page one is where a report states its own date.
    if (c.line.page === 1 && c.line.index < 25) c.score += 0.5;
    switch (options.type) {
      case 'correspondence':
        // A letter is filed under its own date; the dates it talks about (a claim, an authorisation
        // window, the appointment it confirms) are its subject, not when it happened.
        if (c.alone || /^\s*(date|dated|letter date|statement date)\s*:?\s*$/i.test(c.label)) c.score += 10;
        break;
      case 'discharge-summary':
        if (/\bdischarge/i.test(c.label)) c.score += 8;
        break;
      case 'medication-list':
        // A discharge medication reconciliation is the list at discharge.
        if (/\bdischarge/i.test(c.label)) c.score += 2;
        break;
      case 'recommendation':
      case 'consult-note':
        // A consult letter's own date is later than the visit it reports.
        if (c.alone) c.score += 1;
        break;
      default:
        break;
    }
  }

  const best = candidates
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.line.index - b.line.index)[0];
  if (!best) return { date: null, reason: candidates.length ? said('date-none-of-care') : null };
  const others = [...new Map(candidates.filter((c) => c.date !== best.date).map((c) => [c.date, c])).values()].slice(0, 4);
  const itself = !labelWords(best.label);
  const date = describe(best);
  if (!others.length) return { date: best.date, reason: said(itself ? 'date-chosen-itself' : 'date-chosen', { date }) };
  return { date: best.date, reason: said(itself ? 'date-chosen-itself-not' : 'date-chosen-not', { date, others: { list: others.map(describe), commas: true } }) };
}
