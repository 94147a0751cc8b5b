/**
 * The completeness check of a case: its specialty's rules (shared/checklist-rules.ts) and the common
 * ones, evaluated on what the case holds. Pure, so the window re-evaluates it live and tests craft
 * cases directly.
 */
import type { ChecklistItem, Specialty } from './case-types.ts';
import { say } from './said.ts';
import type { Said } from './said.ts';
import { COMMON_RULES, SPECIALTY_RULES } from './checklist-rules.ts';
import type { ChecklistRule, Need } from './checklist-rules.ts';
import { checklistWords } from './checklist-words.ts';
import type { ChecklistWords } from './checklist-words.ts';
import type { IsoDate } from './dates.ts';
import { daysBetween } from './dates.ts';
import type { DocumentType } from './document-types.ts';
import { modalityMentioned } from './imaging.ts';
import type { ReadinessCheck } from './imaging.ts';

export interface ChecklistDocument {
  readonly id: number;
  readonly kind: 'file' | 'study';
  readonly type: DocumentType | null;
  readonly title: string;
  readonly date: IsoDate | null;
  readonly facility: string | null;
  /** For a study: its modalities (MR, CT...). */
  readonly modalities: readonly string[];
  /** Warnings about whose record it is (a study naming another patient or birth date). */
  /** Why it reads as someone else's, as said (shared/said.ts). */
  readonly warnings: readonly Said[];
  /** For a study: its radiology-ready checks (shared/readiness.ts). */
  readonly readiness?: readonly ReadinessCheck[];
  /** For a study: the imaging reports the library matched to it (by accession number, or date and modality). */
  readonly matchedReportIds?: readonly number[];
  /** The languages its text is written in (BCP 47, main first); empty when unknown. */
  readonly languages?: readonly string[];
}

/** Who will read the case, and the languages their centre reads records in. */
export interface ChecklistReader {
  readonly name: string;
  readonly institution: string | null;
  readonly reads: readonly string[];
}

export interface ChecklistInput {
  readonly specialty: Specialty;
  readonly today: IsoDate;
  /** The case's documents that are included for sending. */
  readonly documents: readonly ChecklistDocument[];
  /** Documents linked to a recommendation under review. */
  readonly recommendationDocumentIds: readonly number[];
  readonly questions: number;
  readonly medications: { readonly count: number; readonly newest: IsoDate | null };
  readonly allergies: { readonly count: number };
  readonly labs: { readonly count: number; readonly newest: IsoDate | null };
  /** The case's specialists; with none yet, the records are checked against English. */
  readonly readers?: readonly ChecklistReader[];
}

interface Found {
  readonly date: IsoDate | null;
  readonly facility?: string | null;
}

function matches(need: Need, input: ChecklistInput): Found[] {
  if (need.questions) return input.questions > 0 ? [{ date: null }] : [];
  if (need.records === 'medication') return input.medications.count > 0 ? [{ date: input.medications.newest }] : [];
  if (need.records === 'allergy') return input.allergies.count > 0 ? [{ date: null }] : [];
  if (need.labs) return input.labs.count > 0 ? [{ date: input.labs.newest }] : [];
  if (need.recommendationDocument) return input.documents.filter((d) => input.recommendationDocumentIds.includes(d.id));
  if (need.study) {
    const wanted = need.study.modalities ?? [];
    return input.documents.filter((d) => d.kind === 'study' && (wanted.length === 0 || d.modalities.some((m) => wanted.includes(m))));
  }
  const title = need.title ? new RegExp(need.title, 'i') : null;
  return input.documents.filter((d) => d.kind === 'file' && d.type !== null && (need.types ?? []).includes(d.type) && (!title || title.test(d.title)));
}

function newest(found: readonly Found[]): IsoDate | null {
  return found.map((f) => f.date).filter((d): d is IsoDate => !!d).sort().at(-1) ?? null;
}

function facilityFor(rule: ChecklistRule, input: ChecklistInput, w: ChecklistWords): string {
  const related = input.documents
    .filter((d) => d.facility && d.type && (rule.askFrom ?? []).includes(d.type))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
  return related?.facility ?? w.say(`${rule.words}.fallback`, rule.values);
}

export function rulesFor(specialty: Specialty): readonly ChecklistRule[] {
  return [...COMMON_RULES.slice(0, 1), ...SPECIALTY_RULES[specialty], ...COMMON_RULES.slice(1)];
}

/** Specialties where a surgeon or radiologist reads the images themselves, not only the report. */
const IMAGES_READ: readonly Specialty[] = ['spine-orthopedic', 'neurosurgery', 'oncology', 'general-surgery', 'radiology', 'other'];
/** A study counts for a report of a nearby day that names its modality (reports are often signed a day or two later). */
const REPORT_STUDY_DAYS = 14;

/** Whether a study in the case holds the images an imaging report describes. */
function imagesOf(report: ChecklistDocument, studies: readonly ChecklistDocument[]): boolean {
  return studies.some(
    (s) =>
      s.matchedReportIds?.includes(report.id) ||
      (!!modalityMentioned(report.title, s.modalities) && (!report.date || !s.date || Math.abs(daysBetween(report.date, s.date)) <= REPORT_STUDY_DAYS)),
  );
}

/**
 * The imaging items of a case: an imaging report whose images are not in the case (where the images
 * are read), and each study's radiology-ready gaps (secondary captures, lossy compression, only thick
 * CT slices, no disc index). The report check of a study is the specialty's own rule, not repeated here.
 */
function imagingItems(input: ChecklistInput, w: ChecklistWords): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const studies = input.documents.filter((d) => d.kind === 'study');
  // With no study in the case at all, the specialty's own images rule says the images are missing.
  if (IMAGES_READ.includes(input.specialty) && studies.length > 0) {
    for (const report of input.documents.filter((d) => d.kind === 'file' && d.type === 'imaging-report')) {
      if (imagesOf(report, studies)) continue;
      items.push({
        rule: 'report-images',
        status: 'missing',
        message: w.say('report-images', { title: report.title, date: report.date ? w.day(report.date) : 'none' }),
        ask: w.say('report-images.ask', { facility: report.facility ?? w.say('imaging-center') }),
      });
    }
  }
  for (const study of studies) {
    for (const check of study.readiness ?? []) {
      if (check.status === 'ok' || check.check === 'report') continue;
      items.push({
        rule: 'radiology-ready',
        status: check.status === 'missing' ? 'missing' : 'warning',
        message: w.say('radiology-ready', { title: study.title, check: say(check.words, w.language) }),
        ask: check.check === 'dicomdir' ? w.say('radiology-ready.dicomdir') : w.say('radiology-ready.ask', { facility: study.facility ?? w.say('imaging-center') }),
      });
    }
  }
  return items;
}

/**
 * Documents in a language a specialist's centre does not read: each named, with the facility to ask for
 * a copy in the centre's language or a certified translation. With no specialist chosen yet, English.
 */
function languageItems(input: ChecklistInput, w: ChecklistWords): ChecklistItem[] {
  const readers: readonly ChecklistReader[] = input.readers?.length ? input.readers : [{ name: '', institution: null, reads: ['en'] }];
  const items: ChecklistItem[] = [];
  for (const doc of input.documents) {
    const languages = doc.languages ?? [];
    for (const reader of readers) {
      const unread = languages.filter((l) => !reader.reads.includes(l));
      if (unread.length === 0) continue;
      const wanted = w.languages(reader.reads.slice(0, 1));
      items.push({
        rule: 'record-language',
        status: 'warning',
        message: w.say('record-language', {
          title: doc.title,
          part: unread.length < languages.length ? 'partly' : 'all',
          unread: w.languages(unread),
          reader: reader.name ? `${reader.name}${reader.institution ? ` (${reader.institution})` : ''}` : 'none',
          reads: w.languages(reader.reads),
          wanted,
        }),
        ask: w.say('record-language.ask', { facility: doc.facility ?? w.say('record-language.writer'), wanted }),
      });
    }
  }
  return items;
}

/** The case's checklist, its words in `language` (the window's; English for the command line and the files). */
export function evaluateChecklist(input: ChecklistInput, language = 'en'): ChecklistItem[] {
  const w = checklistWords(language);
  const items: ChecklistItem[] = rulesFor(input.specialty).map((rule) => {
    const found = rule.needs.flatMap((need) => matches(need, input));
    const values = rule.values ?? {};
    const met = w.say(`${rule.words}.met`, values);
    if (found.length === 0) {
      return { rule: rule.id, status: rule.severity ?? 'missing', message: w.say(`${rule.words}.missing`, values), ask: w.say(`${rule.words}.ask`, { ...values, facility: facilityFor(rule, input, w) }) };
    }
    const latest = newest(found);
    if (rule.freshDays && latest && daysBetween(latest, input.today) > rule.freshDays) {
      // Who made the newest one is who may have a newer one.
      const maker = found.find((f) => f.date === latest && f.facility)?.facility;
      return {
        rule: rule.id,
        status: 'warning',
        message: w.say('stale', { met, date: w.day(latest), months: rule.freshDays >= 365 ? 12 : Math.round(rule.freshDays / 30) }),
        ask: w.say('newer', { facility: maker ?? facilityFor(rule, input, w) }),
      };
    }
    return { rule: rule.id, status: 'met', message: met, ask: null };
  });
  items.push(...imagingItems(input, w));
  items.push(...languageItems(input, w));
  for (const doc of input.documents) {
    for (const warning of doc.warnings) {
      items.push({
        rule: 'patient-mismatch',
        status: 'warning',
        message: w.say('patient-mismatch', { title: doc.title, warning: say(warning, w.language) }),
        ask: w.say('patient-mismatch.ask', { facility: doc.facility ?? w.say('patient-mismatch.giver') }),
      });
    }
  }
  return items;
}
