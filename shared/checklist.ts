/**
 * The completeness check of a case: its specialty's rules (shared/checklist-rules.ts) and the common
 * ones, evaluated on what the case holds. Pure, so the window re-evaluates it live and tests craft
 * cases directly.
 */
import type { ChecklistItem, Specialty } from './case-types.ts';
import { COMMON_RULES, SPECIALTY_RULES } from './checklist-rules.ts';
import type { ChecklistRule, Need } from './checklist-rules.ts';
import type { IsoDate } from './dates.ts';
import { daysBetween } from './dates.ts';
import type { DocumentType } from './document-types.ts';
import { modalityMentioned } from './imaging.ts';
import { languageNames } from './languages.ts';
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
  readonly warnings: readonly string[];
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

function facilityFor(rule: ChecklistRule, input: ChecklistInput): string {
  const related = input.documents
    .filter((d) => d.facility && d.type && (rule.askFrom ?? []).includes(d.type))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
  return related?.facility ?? rule.fallbackFacility;
}

function formatDay(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
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
function imagingItems(input: ChecklistInput): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const studies = input.documents.filter((d) => d.kind === 'study');
  // With no study in the case at all, the specialty's own images rule says the images are missing.
  if (IMAGES_READ.includes(input.specialty) && studies.length > 0) {
    for (const report of input.documents.filter((d) => d.kind === 'file' && d.type === 'imaging-report')) {
      if (imagesOf(report, studies)) continue;
      items.push({
        rule: 'report-images',
        status: 'missing',
        message: `“${report.title}”${report.date ? ` (${formatDay(report.date)})` : ''}: its images are not in this case. The specialist reads the images themselves, not only the report.`,
        ask: `Ask ${report.facility ?? 'the imaging center'} for the images of this exam on a disc (DICOM), then add them to the case.`,
      });
    }
  }
  for (const study of studies) {
    for (const check of study.readiness ?? []) {
      if (check.status === 'ok' || check.check === 'report') continue;
      items.push({
        rule: 'radiology-ready',
        status: check.status === 'missing' ? 'missing' : 'warning',
        message: `“${study.title}”: ${check.message}`,
        ask:
          check.check === 'dicomdir'
            ? 'Import the whole disc (with its DICOMDIR), not single files from it.'
            : `Ask ${study.facility ?? 'the imaging center'} for the complete study on a disc: every series, as acquired, without lossy compression.`,
      });
    }
  }
  return items;
}

/**
 * Documents in a language a specialist's centre does not read: each named, with the facility to ask for
 * a copy in the centre's language or a certified translation. With no specialist chosen yet, English.
 */
function languageItems(input: ChecklistInput): ChecklistItem[] {
  const readers: readonly ChecklistReader[] = input.readers?.length ? input.readers : [{ name: '', institution: null, reads: ['en'] }];
  const items: ChecklistItem[] = [];
  for (const doc of input.documents) {
    const languages = doc.languages ?? [];
    for (const reader of readers) {
      const unread = languages.filter((l) => !reader.reads.includes(l));
      if (unread.length === 0) continue;
      const wanted = languageNames(reader.reads.slice(0, 1));
      const who = reader.name ? `${reader.name}${reader.institution ? ` (${reader.institution})` : ''} reads records in ${languageNames(reader.reads)}` : `second-opinion centres usually ask for records in ${wanted}`;
      const part = unread.length < languages.length ? `partly in ${languageNames(unread)}` : `in ${languageNames(unread)}`;
      items.push({
        rule: 'record-language',
        status: 'warning',
        message: `“${doc.title}” is ${part}; ${who}.`,
        ask: `Ask ${doc.facility ?? 'whoever wrote it'} for a copy in ${wanted}, or have it translated by a certified medical translator (many centres take only records in ${wanted} or certified translations).`,
      });
    }
  }
  return items;
}

export function evaluateChecklist(input: ChecklistInput): ChecklistItem[] {
  const items: ChecklistItem[] = rulesFor(input.specialty).map((rule) => {
    const found = rule.needs.flatMap((need) => matches(need, input));
    const ask = (text: string) => text.replaceAll('{facility}', facilityFor(rule, input));
    if (found.length === 0) return { rule: rule.id, status: rule.severity ?? 'missing', message: rule.missing, ask: ask(rule.ask) };
    const latest = newest(found);
    if (rule.freshDays && latest && daysBetween(latest, input.today) > rule.freshDays) {
      // Who made the newest one is who may have a newer one.
      const maker = found.find((f) => f.date === latest && f.facility)?.facility;
      return {
        rule: rule.id,
        status: 'warning',
        message: `${rule.met} But the newest is from ${formatDay(latest)}, more than ${rule.freshDays >= 365 ? 'a year' : `${Math.round(rule.freshDays / 30)} months`} old.`,
        ask: maker ? `Ask ${maker} whether there is a newer one.` : ask('Ask {facility} whether there is a newer one.'),
      };
    }
    return { rule: rule.id, status: 'met', message: rule.met, ask: null };
  });
  items.push(...imagingItems(input));
  items.push(...languageItems(input));
  for (const doc of input.documents) {
    for (const warning of doc.warnings) {
      items.push({
        rule: 'patient-mismatch',
        status: 'warning',
        message: `“${doc.title}”: ${warning}`,
        ask: `Check with ${doc.facility ?? 'whoever gave you this record'} that it belongs to the patient before sending it.`,
      });
    }
  }
  return items;
}
