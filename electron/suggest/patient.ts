import * as chrono from 'chrono-node';
import { isoDate } from '../../shared/dates.ts';
import type { IsoDate } from '../../shared/dates.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import { cells, clean } from './text.ts';
import type { Line } from './text.ts';

/**
 * Whom a document says it is about: the patient's name and date of birth where a report, a letter or
 * a form states them ("Patient: O'NEILL, MARGARET A", "DOB: 04/12/1958", "Re: Margaret O'Neill", a
 * header row "Patient | DOB | Collected" over its values). Only labelled fields count: the names of
 * clinicians, insured persons, guarantors and relatives are not the patient's.
 */

const NAME_LABEL = String.raw`patient(?:'s)?(?:\s+full)?\s+name|patient|pt\.?\s*name|pt|name|re|regarding|client|resident|member\s+name`;
const DOB_LABEL = String.raw`dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthdate|born`;

/** "Patient: …" or "DOB: …" with the value on the same line. */
const NAME_FIELD = new RegExp(String.raw`(?:^|[\s|•·(])(${NAME_LABEL})\s*[:#]\s*(.+)$`, 'i');
const DOB_FIELD = new RegExp(String.raw`(?:^|[\s|•·(/,])(?:${DOB_LABEL})\s*(?:[:#/]|\(?mm/dd/yyyy\)?)?\s*(.+)$`, 'i');
/** A name written right before its date of birth, in a letter's line or a sentence: "Mr. Robert Chen (DOB 09/30/1966)". */
const NAME_BEFORE_DOB = new RegExp(
  String.raw`(?:^|[\s:(])(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|la|del|van|von|da|di)){1,3})[\s,·•|–-]*\(?\s*(?:DOB|D\.O\.B|[Dd]ate of [Bb]irth|[Bb]orn)\b`,
  'u',
);
/** A cell that is a label alone, its value in the next cell or under it. */
const NAME_CELL = new RegExp(String.raw`^(${NAME_LABEL})\s*[:#]?$`, 'i');
const DOB_CELL = new RegExp(String.raw`^(${DOB_LABEL})\s*[:#]?$`, 'i');

/** Someone other than the patient is named right before the label ("Referring physician name:"). */
const SOMEONE_ELSE = /\b(physician|provider|doctor|dr|md|clinician|surgeon|referr\w*|order\w*|guarantor|insured|subscriber|policy ?holder|emergency|contact|spouse|parent|guardian|mother|father|next of kin|responsible|caregiver|facility|practice|company|employer|pharmacy|lab|test|plan|account|drug|medication|procedure|file|study|exam|specimen|insurance|user|document|product|device|vendor|sender|recipient|author|staff|nurse|technologist|tech)\s*$/i;
/** A heading over a block of someone else's details. */
const OTHER_BLOCK = /^(guarantor|insured|subscriber|policy ?holder|emergency contact|next of kin|responsible party|(ordering|referring|primary care|attending)( physician| provider)?|provider|physician|insurance|employer)( information| details)?:?$/i;

/** Words that make a value an organisation, a role or a form's filler rather than a person's name. */
const NOT_A_PERSON =
  /\b(clinic|hospital|center|centre|medical|medicine|health|healthcare|lab|labs|laboratory|laboratories|associates|group|services|imaging|radiology|pathology|diagnostics|university|institute|partners|pharmacy|inc|llc|department|dept|insurance|plan|of|the|and|report|results?|test|specimen|male|female|self|unknown|none|n\/a|see|above|below|not|provided|on file|signature|date|page)\b/i;
const PARTICLES = new Set(['de', 'la', 'del', 'della', 'da', 'di', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'le', 'bin', 'bint', 'al', 'el', 'ten', 'ter', 'y']);
const CREDENTIAL = /\b(MD|M\.D\.|DO|D\.O\.|NP|PA-C|PA|RN|DPT|MBBS|PhD|FACS|FACC|Dr\.?)\s*$/;

/** A name as the label gave it, cut where the next field begins, or null when it is no person's name. */
export function personName(raw: string): string | null {
  let text = raw
    // The next field: a gap, a label with a colon, a date of birth, an age, a record number, a bracket.
    .split(/\s{2,}|\t|\s+[|•·]\s+|\s+\(|\s+(?:DOB|D\.O\.B|MRN|Sex|Gender|Age|Acct|Account|ID|Date|Birth|Born|Phone|Tel|SSN|Ins)\b|\s+\S+:/i)[0]!;
  text = clean(text).replace(/[,;]+$/, '');
  if (!/\p{Lu}/u.test(text)) return null;
  if (NOT_A_PERSON.test(text) || CREDENTIAL.test(text) || /\d/.test(text)) return null;
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length < 2 || words.length > 5) return null;
  // Every word of a name is capitalised, but for the particles of family names ("de la Cruz").
  if (!words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w) || PARTICLES.has(w.toLowerCase()))) return null;
  if (words.filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 2).length < 1) return null;
  return text;
}

/** The first whole date in the text: a date of birth (two-digit years are in the past). */
export function birthDate(text: string, reference: Date): IsoDate | null {
  for (const result of chrono.strict.parse(text.slice(0, 40), reference)) {
    const c = result.start;
    if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) continue;
    let year = c.get('year') ?? 0;
    if (year > reference.getFullYear()) year -= 100;
    const date = isoDate(year, c.get('month') ?? 0, c.get('day') ?? 0);
    if (date && year >= 1880) return date;
    break;
  }
  return null;
}

/** Names and dates of birth the first pages state for the patient, each once. */
export function statedPatients(lines: readonly Line[], reference: Date = new Date()): StatedPatient[] {
  const names = new Map<string, string>();
  const births = new Set<IsoDate>();
  const addName = (raw: string | undefined) => {
    const name = raw === undefined ? null : personName(raw);
    if (name) names.set(name.toLowerCase().replace(/[^\p{L}]/gu, ''), name);
  };
  const addBirth = (raw: string | undefined) => {
    const date = raw === undefined ? null : birthDate(raw, reference);
    if (date) births.add(date);
  };

  // A print stamp's line may carry the patient too ("Patient: … DOB: … Printed 04/15/2025").
  const content = lines;
  let otherBlock = false;
  content.forEach((line, i) => {
    const text = line.text;
    if (OTHER_BLOCK.test(clean(text))) {
      otherBlock = true;
      return;
    }
    // A blank-ish heading or a new labelled section ends a block of someone else's details.
    if (otherBlock && !/:/.test(text)) otherBlock = false;

    const field = NAME_FIELD.exec(text);
    if (field && !otherBlock && !SOMEONE_ELSE.test(text.slice(0, field.index + field[0].indexOf(field[1]!)))) addName(field[2]);
    const dob = DOB_FIELD.exec(text);
    if (dob) addBirth(dob[1]);
    const before = field ? null : NAME_BEFORE_DOB.exec(text);
    if (before && !otherBlock) addName(before[1]);

    // A label alone on its line, the name under it (a narrow table cell wraps "Samuel / O'Connor").
    if (NAME_CELL.test(text.trim()) && !otherBlock) {
      const [first, second] = [content[i + 1], content[i + 2]];
      if (first && first.page === line.page) {
        addName(first.text);
        if (second && second.page === line.page && !/\s/.test(first.text.trim()) && !/\s|:/.test(second.text.trim())) addName(`${first.text.trim()} ${second.text.trim()}`);
      }
    }
    // Label and value in neighbouring cells, or a header row over a row of values.
    const row = cells(text);
    row.forEach((cell, c) => {
      if (NAME_CELL.test(cell) && !otherBlock && !(c > 0 && SOMEONE_ELSE.test(row[c - 1]!))) addName(row[c + 1]);
      if (DOB_CELL.test(cell)) addBirth(row[c + 1]);
    });
    const next = content[i + 1];
    if (next && next.page === line.page) {
      const values = cells(next.text);
      if (row.length >= 2 && row.length === values.length) {
        row.forEach((cell, c) => {
          if (NAME_CELL.test(cell)) addName(values[c]);
          if (DOB_CELL.test(cell)) addBirth(values[c]);
        });
      }
    }
  });
  // "HANNAH R" read beside "WEISS, HANNAH R" is the same name, cut short.
  const tokens = (name: string) => new Set(name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean));
  const whole = [...names.values()].filter((name, _, all) => {
    const mine = tokens(name);
    return !all.some((other) => other !== name && other.length > name.length && [...mine].every((t) => tokens(other).has(t)));
  });
  return [
    ...whole.map((name): StatedPatient => ({ names: [name], birthDate: null, source: 'text' })),
    ...[...births].map((birth): StatedPatient => ({ names: [], birthDate: birth, source: 'text' })),
  ];
}
