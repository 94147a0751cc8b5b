/**
 * Everything one export of a case needs, read from the library in one go: the patient, whom it is for,
 * the case with its recommendation, questions and priorities, the documents chosen (each with where its
 * original is and the name it gets in the bundle), the case's timeline, and the records and lab results
 * that come from the documents sent (or that the person entered).
 */
import { readUnreadLanguages } from '../suggest/language.ts';
import path from 'node:path';
import type { CaseDetails, Specialist } from '../../shared/case-types.ts';
import { SPECIALTY_LABELS } from '../../shared/case-types.ts';
import { DOCUMENT_TYPE_LABELS } from '../../shared/document-types.ts';
import type { DocumentType } from '../../shared/document-types.ts';
import type { IsoDate } from '../../shared/dates.ts';
import { todayIso } from '../../shared/dates.ts';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import type { ExportChoices, PacketLanguage } from '../../shared/export-types.ts';
import { formatDate } from '../../shared/format.ts';
import type { StudyDetails } from '../../shared/imaging.ts';
import type { MedicalDocument, Patient } from '../../shared/library-types.ts';
import { effectiveType, effectiveValue } from '../../shared/library-types.ts';
import type { ClinicalRecord, LabResult } from '../../shared/records-types.ts';
import type { TimelineEntry } from '../../shared/timeline.ts';
import type { Library } from '../library/library.ts';
import type { StudyOriginal } from '../library/studies.ts';
import { timeline } from '../library/timeline.ts';
import { originalName } from './names.ts';
import type { OriginalRef } from '../library/sealed.ts';

export interface BundleDocument {
  readonly doc: MedicalDocument;
  /** 1-based, as the index and the bookmarks number documents. */
  readonly number: number;
  readonly type: DocumentType;
  readonly typeLabel: string;
  readonly date: IsoDate | null;
  readonly facility: string | null;
  readonly clinician: string | null;
  /** Path of the original inside the bundle (for a study: null; its files are under DICOM/). */
  readonly bundlePath: string | null;
  /** Where the original is in the vault (null for a study). */
  readonly vaultPath: OriginalRef | null;
  readonly study: StudyDetails | null;
  readonly instances: readonly (StudyOriginal & { readonly vaultPath: OriginalRef })[];
  /** Series thumbnails (PNG) by series id, for the study's page. */
  readonly thumbnails: ReadonlyMap<number, Uint8Array>;
  /**
   * The document's redacted copy is sent instead of its original (`doc` then describes that copy: its
   * fingerprint, size, media type and pages), unless the person chose to send the original.
   */
  readonly redacted: boolean;
}

export interface CaseBundleInput {
  readonly patient: Patient;
  readonly specialist: Specialist | null;
  readonly details: CaseDetails;
  readonly specialtyLabel: string;
  /** The decision at stake, in one sentence. */
  readonly decision: string;
  readonly documents: readonly BundleDocument[];
  readonly timeline: readonly TimelineEntry[];
  readonly problems: readonly ClinicalRecord[];
  readonly medications: readonly ClinicalRecord[];
  readonly allergies: readonly ClinicalRecord[];
  readonly labs: readonly LabResult[];
  readonly reportsOnly: boolean;
  /**
   * Lab values and list entries (medications, allergies, problems) read from pages the patient redacted
   * in the documents sent redacted: left out of the packet's summary and FHIR (they may be what was
   * blacked out), and counted here so the packet says so.
   */
  readonly leftOutForRedaction: { readonly labs: number; readonly records: number };
  /** The language of the packet's own text. */
  readonly language: PacketLanguage;
  /** The export's clock: the date printed, and every timestamp written. */
  readonly now: Date;
  readonly today: IsoDate;
}

/** "Whether to have an L4-L5 fusion, as Dr. Hale (Summit Spine) recommended on 3 Mar 2026." */
export function decisionSentence(details: CaseDetails): string {
  const rec = details.recommendations[0];
  if (!rec) return details.condition ? `${details.title}: ${details.condition}.` : `${details.title}.`;
  const who = rec.facility ? `${rec.clinician} (${rec.facility})` : rec.clinician;
  const when = rec.date ? ` on ${formatDate(rec.date)}` : '';
  const what = rec.procedure.replace(/[.\s]+$/, '');
  // The procedure as written: lowering its first letter turned "L4-L5 posterior lumbar fusion" into "l4-L5 …".
  return `Whether to proceed with ${what}, as ${who} recommended${when}.`;
}

/** What marks a redacted copy wherever a document is listed. */
export const REDACTED_MARK = 'redacted by the patient';

/** A document's title as the packet and the index list it: a redacted copy says so. */
export function listedTitle(d: BundleDocument): string {
  return d.redacted ? `${d.doc.title} (${REDACTED_MARK})` : d.doc.title;
}

/** The file extension of a redacted copy, by its media type. */
const REDACTED_EXTENSIONS: Readonly<Record<string, string>> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/** The documents to send: the person's choice, else the case's included ones, in the case's order. */
function chosenDocumentIds(details: CaseDetails, choices: ExportChoices): number[] {
  const inCase = new Set(details.documents.map((d) => d.documentId));
  if (choices.documentIds) {
    const outside = choices.documentIds.filter((id) => !inCase.has(id));
    if (outside.length) {
      throw new CasebinderError('invalid-input', said('err.export-not-in-case', { count: outside.length, ids: { list: outside.map(String), commas: true } }));
    }
    return [...new Set(choices.documentIds)];
  }
  return [...details.documents].sort((a, b) => a.position - b.position).filter((d) => d.included).map((d) => d.documentId);
}

export function gatherCase(library: Library, caseId: number, specialistId: number | null, choices: ExportChoices, now: Date): CaseBundleInput {
  const details = library.cases.details(caseId);
  const patient = library.patients.get(details.patientId);
  const specialist = specialistId === null ? null : (details.specialists.find((s) => s.id === specialistId) ?? null);
  if (specialistId !== null && !specialist) {
    throw new CasebinderError('not-found', said('err.export-no-specialist', { id: specialistId }));
  }
  const ids = chosenDocumentIds(details, choices);
  if (ids.length === 0) {
    throw new CasebinderError('invalid-input', said('err.export-none-chosen'));
  }
  const usedNames = new Set<string>();
  // Documents from before languages were read: read now, as the manifest, FHIR and XDM name them.
  readUnreadLanguages(library, ids.length, ids);
  const redactions = library.redactions.current(ids.filter((id) => !choices.sendOriginal.includes(id)));
  const documents = ids.map((id, i): BundleDocument => {
    const original = library.documents.get(id);
    const redaction = redactions.get(id);
    const doc = redaction ? { ...original, sha256: redaction.sha256, size: redaction.size, mediaType: redaction.mediaType, pages: redaction.pages } : original;
    const type = effectiveType(doc);
    const typeLabel = DOCUMENT_TYPE_LABELS[type];
    const date = effectiveValue(doc, 'dateOfService');
    const base = { doc, number: i + 1, type, typeLabel, date, facility: effectiveValue(doc, 'facility'), clinician: effectiveValue(doc, 'clinician') };
    if (doc.kind === 'study') {
      const study = library.studies.details(id, patient);
      const thumbnails = new Map<number, Uint8Array>();
      for (const s of study.series) if (s.hasThumbnail) thumbnails.set(s.id, library.studies.thumbnail(s.id));
      const instances = library.studies.originals(id).map((o) => ({ ...o, vaultPath: library.vault.ref(o.sha256) }));
      return { ...base, bundlePath: null, vaultPath: null, study, instances, thumbnails, redacted: false };
    }
    const extension = redaction ? REDACTED_EXTENSIONS[redaction.mediaType] ?? path.extname(doc.originalName) : path.extname(doc.originalName);
    const name = originalName(date, typeLabel, doc.title, extension, doc.mediaType, usedNames);
    return { ...base, bundlePath: `Originals/${name}`, vaultPath: library.vault.ref(doc.sha256!), study: null, instances: [], thumbnails: new Map(), redacted: !!redaction };
  });

  const sent = new Set(ids);
  const fromSent = (documentId: number | null) => documentId === null || sent.has(documentId);
  // What the library read from a page the person blacked parts of out may be what they took out (a
  // lab value, the medicines of an unrelated note): it stays home, and the packet says how much.
  const redactedPages = new Map([...redactions].map(([id, r]) => [id, new Set(r.boxes.map((b) => b.page))]));
  const fromRedactedPage = (source: { readonly documentId: number | null; readonly page: number | null }) =>
    source.documentId !== null && redactedPages.has(source.documentId) && (source.page === null || redactedPages.get(source.documentId)!.has(source.page));
  const allRecords = library.records.records(patient.id).filter((r) => fromSent(r.source.documentId));
  const records = allRecords.filter((r) => !fromRedactedPage(r.source));
  const byKind = (kind: ClinicalRecord['kind']) => records.filter((r) => r.kind === kind);
  // Every value of the documents sent: those the person has not checked yet are printed too, marked so
  // (leaving them out left a lab page without the patient's values and no word why). Values of a
  // document naming someone else are held back by the library and never reach the packet.
  const allLabs = library.records.labs({ patientId: patient.id }).filter((l) => fromSent(l.source.documentId));
  const labs = allLabs.filter((l) => !fromRedactedPage(l.source));
  const entries = timeline(library, patient.id, caseId).filter((e) => (e.documentId === null ? e.kind === 'recommendation' : sent.has(e.documentId)));

  return {
    patient,
    specialist,
    details,
    specialtyLabel: SPECIALTY_LABELS[details.specialty],
    decision: decisionSentence(details),
    documents,
    timeline: entries,
    problems: byKind('problem'),
    medications: byKind('medication'),
    allergies: byKind('allergy'),
    labs,
    reportsOnly: choices.reportsOnly,
    language: choices.language,
    leftOutForRedaction: { labs: allLabs.length - labs.length, records: allRecords.length - records.length },
    now,
    today: todayIso(now),
  };
}
