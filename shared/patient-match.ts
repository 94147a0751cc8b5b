/**
 * Whose record a document is: the names and dates of birth a document states for its patient (a lab
 * report's "Patient:" line, a C-CDA's recordTarget, a FHIR Patient, a DICOM study's Patient's Name),
 * compared with the library's patient the way a person would compare them: order, case, accents,
 * apostrophes, middle names and initials, hyphenated family names, common nicknames, the names the
 * person said are theirs (a maiden name, a name change) and the same name in another script (Arabic,
 * Persian, Hebrew, Greek or Cyrillic letters; shared/name-scripts.ts: a likely match, said as such) do not
 * make someone else. Pure: no Node, no DOM.
 */
import type { IsoDate } from './dates.ts';
import { said, say } from './said.ts';
import type { Said } from './said.ts';
import { isAbjad, latinOf, sameAcrossScripts } from './name-scripts.ts';

/** `same`: the document names the patient; `other`: it clearly names someone else; `unknown`: it names nobody readable. */
export const PATIENT_MATCHES = ['same', 'other', 'unknown'] as const;
export type PatientMatch = (typeof PATIENT_MATCHES)[number];

/** Where a document states whose it is. */
export const NAME_SOURCES = ['text', 'ccda', 'fhir', 'dicom'] as const;
export type NameSource = (typeof NAME_SOURCES)[number];

/** A person as one document states them for its patient: their names, a date of birth, or both. */
export interface StatedPatient {
  /**
   * As written: "O'NEILL, MARGARET A", "Margaret O'Neill", or DICOM/HL7 "ONEILL^MARGARET^A". Several
   * when the document gives one person several (a C-CDA's legal and birth names).
   */
  readonly names: readonly string[];
  readonly birthDate: IsoDate | null;
  readonly source: NameSource;
}

/** The library's patient as the comparison sees them. */
export interface KnownPatient {
  readonly name: string;
  readonly dateOfBirth: IsoDate | null;
  /** Other names the person said are theirs (a maiden name, a nickname, a former name). */
  readonly otherNames?: readonly string[];
}

export interface PatientVerdict {
  readonly match: PatientMatch;
  /** For `other`: what the document says instead, in a sentence (English); null otherwise. */
  readonly reason: string | null;
  /** For `other`: the names and birth dates it states that are not the patient's, for the window to say in its language. */
  readonly others: { readonly names: readonly string[]; readonly birthDates: readonly IsoDate[] } | null;
  /** For `same`: the names that name the patient only in another script (a likely match, not a certain one). */
  readonly likely: readonly string[];
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sr', 'jr', 'ii', 'iii', 'iv', 'sir', 'dame', 'prof', 'rev']);

/** Names DICOM and lab systems write where they hide or lack the patient's. */
const PLACEHOLDERS = /^(anonymous|anonymi[sz]ed|anon|unknown|no ?name|none|patient|test|xxx+|removed|deidentified|de-identified|redacted|n\/?a)$/i;

/** Given names and the short forms people go by (either way round). */
const NICKNAMES: readonly (readonly string[])[] = [
  ['margaret', 'maggie', 'peggy', 'meg', 'megan', 'marge', 'margie', 'greta', 'rita'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', 'eliza', 'libby', 'betsy', 'elisabeth'],
  ['robert', 'rob', 'bob', 'bobby', 'robbie', 'bert'],
  ['william', 'will', 'bill', 'billy', 'liam', 'willy'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['richard', 'rick', 'dick', 'rich', 'ricky'],
  ['michael', 'mike', 'mick', 'mickey'],
  ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['anthony', 'tony'],
  ['daniel', 'dan', 'danny'],
  ['david', 'dave', 'davey'],
  ['christopher', 'chris', 'kit'],
  ['matthew', 'matt'],
  ['andrew', 'andy', 'drew'],
  ['steven', 'stephen', 'steve'],
  ['nicholas', 'nick', 'nicky'],
  ['alexander', 'alex', 'sandy', 'xander'],
  ['benjamin', 'ben', 'benny'],
  ['samuel', 'sam', 'sammy'],
  ['patrick', 'pat', 'paddy'],
  ['patricia', 'pat', 'patty', 'tricia', 'trish'],
  ['katherine', 'catherine', 'kathryn', 'kate', 'katie', 'kathy', 'cathy', 'kat', 'kay'],
  ['jennifer', 'jen', 'jenny'],
  ['susan', 'sue', 'susie', 'suzanne'],
  ['deborah', 'debra', 'deb', 'debbie'],
  ['rebecca', 'becky', 'becca'],
  ['barbara', 'barb', 'barbie'],
  ['dorothy', 'dot', 'dottie', 'dolly'],
  ['jacqueline', 'jackie'],
  ['victoria', 'vicky', 'tori'],
  ['theresa', 'teresa', 'terry', 'tess'],
  ['gregory', 'greg'],
  ['timothy', 'tim', 'timmy'],
  ['kenneth', 'ken', 'kenny'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['lawrence', 'larry'],
  ['raymond', 'ray'],
  ['gerald', 'gerry', 'jerry'],
  ['frederick', 'fred', 'freddie'],
  ['francis', 'frank', 'frances', 'fran'],
  ['eleanor', 'ellie', 'nell', 'nora'],
  ['josephine', 'jo', 'josie'],
  ['abigail', 'abby'],
  ['samantha', 'sam'],
  ['alexandra', 'alex', 'sandra', 'sasha'],
  ['jose', 'pepe'],
  ['francisco', 'paco', 'pancho'],
  ['guillermo', 'memo'],
  ['ignacio', 'nacho'],
];

const NICKNAME_GROUPS = new Map<string, Set<number>>();
NICKNAMES.forEach((group, i) => {
  for (const name of group) NICKNAME_GROUPS.set(name, (NICKNAME_GROUPS.get(name) ?? new Set()).add(i));
});

/** A word as compared: no accents, no case, no apostrophes or dots ("O'Neill" and "ONEILL" are one). */
export function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`.´]/g, '');
}

interface ParsedName {
  /** Family name words (each part of a hyphenated name, and the whole of it). */
  readonly family: readonly string[];
  /** Given names in order (the first is what the person is called). */
  readonly given: readonly string[];
  /** True when the order is known (DICOM "^", "Last, First"); else either end may be the family name. */
  readonly ordered: boolean;
}

function words(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map(fold)
    // Names have no digits: Synthea's "Lemuel304" is Lemuel, a scanner's "0'Neill" stays unreadable noise.
    .map((w) => w.replace(/[^\p{L}-]/gu, ''))
    .filter((w) => w && !TITLES.has(w));
}

/** "Smith-Jones" also counts as "smith" and "jones". */
function withParts(list: readonly string[]): string[] {
  return list.flatMap((w) => (w.includes('-') ? [w.replace(/-/g, ''), ...w.split('-').filter(Boolean)] : [w]));
}

function parseName(raw: string): ParsedName | null {
  const text = raw.split('=')[0]!.trim();
  if (!text) return null;
  let family: string[];
  let given: string[];
  let ordered = true;
  if (text.includes('^')) {
    const [f = '', g = '', m = ''] = text.split('^');
    family = words(f);
    given = [...words(g), ...words(m)];
  } else if (text.includes(',')) {
    const [f = '', ...rest] = text.split(',');
    family = words(f);
    given = words(rest.join(' '));
  } else {
    const all = words(text);
    family = all.slice(-1);
    given = all.slice(0, -1);
    ordered = false;
  }
  if (family.length + given.length === 0) return null;
  if ([...family, ...given].every((w) => PLACEHOLDERS.test(w))) return null;
  return { family: withParts(family), given, ordered };
}

/** One word of a name is another: the same letters, or the same name in another script (`least` consonants of it). */
function sameWord(a: string, b: string, least = 2): boolean {
  return a === b || (!isLatin(a) || !isLatin(b) ? sameAcrossScripts(a, b, least) : false);
}

function isLatin(word: string): boolean {
  return !isAbjad(word) && latinOf(word) === word;
}

/** A given name, compared once the family name matched: across scripts, one consonant ("Ali", علی) is enough. */
function sameGiven(a: string, b: string): boolean {
  if (sameWord(a, b, 1)) return true;
  // An initial ("M.") stands for any name it begins.
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const groups = NICKNAME_GROUPS.get(a);
  if (groups) for (const g of NICKNAME_GROUPS.get(b) ?? []) if (groups.has(g)) return true;
  return false;
}

/**
 * Does one stated name name this person? A family name of the stated name must be one of the person's
 * names, and the first given name another of them (or its initial, or a nickname of it). The person's
 * own name is read in any order, so "O'Neill Margaret" typed into the library still matches.
 */
function namesPerson(stated: ParsedName, known: ParsedName): boolean {
  const knownWords = [...known.family, ...withParts(known.given)];
  const readings: ParsedName[] = [stated];
  // "ONEILL MARGARET" (no comma) is as often family-first as "Margaret O'Neill" is given-first.
  if (!stated.ordered && stated.given.length > 0) {
    readings.push({ family: withParts([stated.given[0]!]), given: [...stated.family, ...stated.given.slice(1)], ordered: true });
  }
  return readings.some((r) => {
    const family = r.family.filter((w) => w.length > 1);
    const familyHits = knownWords.filter((k) => family.some((f) => sameWord(f, k)));
    if (family.length && !familyHits.length) return false;
    const first = r.given[0];
    if (first === undefined) return familyHits.length > 0;
    const forms = first.includes('-') ? [first.replace(/-/g, ''), first.split('-')[0]!] : [first];
    const others = knownWords.filter((k) => !familyHits.includes(k));
    return others.some((k) => forms.some((f) => sameGiven(f, k)));
  });
}

/** Is this stated name the patient (by their name or one of their other names)? null when it is no readable name. */
export function nameMatches(statedName: string | null, patient: KnownPatient): boolean | null {
  const kind = nameMatchKind(statedName, patient);
  return kind === null ? null : kind !== 'no';
}

/**
 * How a stated name names the patient: `same` in the same letters (give or take case, accents, order,
 * nicknames), `script` only when read across scripts (a likely match), `no` not at all; null when it is
 * no readable name.
 */
export function nameMatchKind(statedName: string | null, patient: KnownPatient): 'same' | 'script' | 'no' | null {
  if (!statedName) return null;
  const stated = parseName(statedName);
  if (!stated) return null;
  const names = [patient.name, ...(patient.otherNames ?? [])].map(parseName).filter((n): n is ParsedName => n !== null);
  if (!names.some((known) => namesPerson(stated, known))) return 'no';
  const inOtherScript = [...stated.family, ...stated.given].some((w) => !isLatin(w));
  const knownOtherScript = names.some((n) => [...n.family, ...n.given].some((w) => !isLatin(w)));
  return inOtherScript !== knownOtherScript || (inOtherScript && knownOtherScript && !names.some((known) => namesPersonExactly(stated, known))) ? 'script' : 'same';
}

/** namesPerson with no reading across scripts: the same letters. */
function namesPersonExactly(stated: ParsedName, known: ParsedName): boolean {
  const words = new Set([...known.family, ...known.given]);
  return [...stated.family, ...stated.given].every((w) => words.has(w) || w.length === 1);
}

/**
 * A DICOM or HL7 person name ("Doe^Jane^M^^", "Yamada^Tarou=山田^太郎") or a name as printed
 * ("O'NEILL, MARGARET A") the way people write names: "Jane M Doe", "Margaret A O'Neill".
 */
export function readableName(value: string | null | undefined): string {
  if (!value?.trim()) return '';
  const [alphabetic = '', ideographic = ''] = value.split('=');
  const tidy = (s: string) => (s === s.toUpperCase() ? s.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()) : s);
  let main: string;
  if (alphabetic.includes('^')) {
    const [family = '', given = '', middle = '', prefix = '', suffix = ''] = alphabetic.split('^').map((s) => s.trim());
    main = [prefix, given, middle, family, suffix].filter(Boolean).join(' ');
  } else if (alphabetic.includes(',')) {
    const [family = '', ...rest] = alphabetic.split(',');
    main = [rest.join(' ').trim(), family.trim()].filter(Boolean).join(' ');
  } else main = alphabetic.trim();
  main = tidy(main.replace(/\s+/g, ' '));
  const other = ideographic.trim() ? ideographic.split('^').slice(0, 2).filter(Boolean).join(' ') : '';
  if (!main) return other;
  return other ? `${main} (${other})` : main;
}

/**
 * Whose record the document is, from everything it states: a name or birth date that is clearly
 * someone else's makes it `other` (even beside the patient's own: such a document mixes two people);
 * the patient's name or birth date and nothing against them make it `same`; nothing readable, `unknown`.
 */
export function matchPatient(stated: readonly StatedPatient[], patient: KnownPatient): PatientVerdict {
  const otherNames = new Set<string>();
  const otherBirthDates = new Set<string>();
  const likely = new Set<string>();
  let same = false;
  for (const s of stated) {
    const kinds = s.names.map((name) => nameMatchKind(name, patient));
    // One of a person's names being the patient's makes them the patient (a maiden name beside a married one).
    if (kinds.includes('same') || kinds.includes('script')) {
      same = true;
      s.names.forEach((name, i) => kinds[i] === 'script' && likely.add(readableName(name)));
    } else if (kinds.includes('no')) otherNames.add(readableName(s.names[kinds.indexOf('no')]));
    if (s.birthDate && patient.dateOfBirth) {
      if (s.birthDate === patient.dateOfBirth) same = true;
      else otherBirthDates.add(s.birthDate);
    }
  }
  if (otherNames.size || otherBirthDates.size) {
    const others = { names: [...otherNames], birthDates: [...otherBirthDates] as IsoDate[] };
    return { match: 'other', reason: say(identityWords(others, patient)), others, likely: [] };
  }
  return { match: same ? 'same' : 'unknown', reason: null, others: null, likely: same ? [...likely] : [] };
}

/** Why a document reads as someone else's (the names and birth dates it gives that are not the patient's), as said. */
export function identityWords(others: { readonly names: readonly string[]; readonly birthDates: readonly string[] }, patient: { readonly name: string; readonly dateOfBirth: string | null }): Said {
  return said('identity-reason', {
    hasNames: others.names.length ? 'yes' : 'no',
    names: { list: others.names },
    hasDates: others.birthDates.length ? 'yes' : 'no',
    dates: { dates: others.birthDates },
    patient: patient.name,
    born: patient.dateOfBirth ? { dates: [patient.dateOfBirth] } : 'none',
  });
}
