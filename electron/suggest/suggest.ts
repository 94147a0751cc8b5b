import { TERMS_AR, TERMS_EN, TERMS_ES } from '../../shared/i18n-terms.ts';
import { WINDOW_LANGUAGES } from '../../shared/languages.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import { sayTitle } from '../../shared/suggestion-words.ts';
import type { TitleKey } from '../../shared/suggestion-words.ts';
import type { DocumentType } from '../../shared/document-types.ts';
import type { Said } from '../../shared/said.ts';
import type { IsoDate } from '../../shared/dates.ts';
import type { DocumentSuggestions } from '../../shared/library-types.ts';
import { suggestClinician } from './clinician.ts';
import { chooseDateOfService } from './date-of-service.ts';
import { statedPatients } from './patient.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import { suggestType } from './document-type.ts';
import { suggestFacility } from './facility.ts';
import { detectLanguages } from './language.ts';
import { cells, clean, readLines, tidyCase } from './text.ts';
import type { Line } from './text.ts';

export interface Suggested {
  readonly suggested: DocumentSuggestions;
  /** Why the date of service is that date (and not the document's other dates). */
  readonly dateReason: Said | null;
  /** Whom the document names as its patient. */
  readonly statedPatients: StatedPatient[];
  /** A title to start from: the report's own heading, else its kind and facility, else the file name. */
  readonly title: string;
  /** The languages it is written in, main one first (none when its text says too little). */
  readonly languages: string[];
}

export interface SuggestOptions {
  readonly dateOfBirth?: IsoDate | null;
  readonly reference?: Date;
  /** The language titles made from a document's kind and facility are written in (English unless told). */
  readonly language?: WindowLanguage;
}

/** Reads a document's text and suggests its type, date of service, facility, clinician and a title. */
export function suggestDetails(pageTexts: readonly string[], originalName: string, options: SuggestOptions = {}): Suggested {
  const lines = readLines(pageTexts);
  const type = suggestType(lines).best;
  const facility = suggestFacility(lines);
  const date = chooseDateOfService(lines, { type, dateOfBirth: options.dateOfBirth, reference: options.reference });
  const suggested: DocumentSuggestions = {
    type,
    dateOfService: date.date,
    facility,
    clinician: suggestClinician(lines, type),
  };
  return {
    suggested,
    dateReason: date.reason,
    statedPatients: statedPatients(lines, options.reference),
    title: suggestTitle(lines, type, facility, originalName, options.language ?? 'en'),
    languages: detectLanguages(pageTexts),
  };
}

/**
 * The title the library would give a document from its text, in each language the window speaks: the
 * text is read once (what suggestDetails gives as `title`, without its other suggestions).
 */
export function automaticTitles(pageTexts: readonly string[], originalName: string): readonly string[] {
  const lines = readLines(pageTexts);
  const type = suggestType(lines).best;
  const facility = suggestFacility(lines);
  return WINDOW_LANGUAGES.map((language) => suggestTitle(lines, type, facility, originalName, language));
}

const HEADING_WORDS =
  /\b(report|note|summary|consultation|evaluation|list|reconciliation|electrocardiogram|ECG|echocardiogram|catheteri[sz]ation|imaging|scan|MRI?|CT|PET|XR|X-?RAY|ULTRASOUND|DUPLEX|panel|colonoscopy|holter|visit|procedure)\b/i;

/** Kinds that read better as "… from <facility>" than as "<kind> – <facility>". */
const FROM: Partial<Record<DocumentType, TitleKey>> = {
  correspondence: 'title-correspondence',
  'lab-report': 'title-lab-report',
  recommendation: 'title-recommendation',
};

const TERMS = { en: TERMS_EN, es: TERMS_ES, ar: TERMS_AR } as const;

/** A title from a document's kind (and facility), in `language`. */
function kindTitle(type: DocumentType, facility: string | null, language: WindowLanguage): string {
  const from = FROM[type];
  const kind = from ? sayTitle(language, from) : TERMS[language][`type.${type}`];
  if (!facility) return kind;
  return sayTitle(language, from ? 'title-from' : 'title-with', { kind, facility });
}

function suggestTitle(lines: readonly Line[], type: DocumentType | null, facility: string | null, originalName: string, language: WindowLanguage): string {
  const top = lines.filter((l) => l.page === 1 && !l.banner).slice(0, 14);
  // An exam named in a field ("Exam: CT CHEST WITHOUT CONTRAST") is the most telling title of all.
  for (const line of top) {
    const m = /^(exam|examination|study|procedure|exam(ination)? type)\s*:\s*(.+)$/i.exec(cells(line.text)[0] ?? '');
    if (m?.[3] && /[A-Za-z]{3}/.test(m[3]) && !/\d{1,2}\/\d{1,2}/.test(m[3])) return tidyCase(clean(m[3]));
  }
  for (const line of top) {
    const text = clean(cells(line.text)[0] ?? line.text);
    if (text.includes(':') || text.length > 70 || text.length < 4) continue;
    if (facility && text.toLowerCase() === facility.toLowerCase()) continue;
    if (HEADING_WORDS.test(text) && !/\d{3}/.test(text)) return tidyCase(text);
  }
  if (type && type !== 'other') return kindTitle(type, facility, language);
  return titleFromFileName(originalName);
}

/** "MRI_lumbar-2024.pdf" -> "MRI lumbar 2024". */
function titleFromFileName(name: string): string {
  const stem = name.replace(/\.[^.]{1,5}$/, '');
  const words = stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words || name;
}
