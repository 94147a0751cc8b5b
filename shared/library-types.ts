import type { DocumentType } from './document-types.ts';
import type { IsoDate } from './dates.ts';
import type { PatientMatch } from './patient-match.ts';
import type { Said } from './said.ts';

export interface Patient {
  readonly id: number;
  readonly name: string;
  readonly dateOfBirth: IsoDate | null;
  readonly notes: string;
  /** How a specialist reaches the patient (phone, e-mail, address), as the person wrote it. */
  readonly contact: string;
  /** Other names the person said are theirs (a maiden name, a former name, a nickname), as written. */
  readonly otherNames: readonly string[];
  /** The language the patient prefers to speak (BCP 47, e.g. `es`); null when not said. */
  readonly language: string | null;
  /** Appointments need an interpreter (printed on the packet's cover with the language). */
  readonly interpreter: boolean;
  readonly createdAt: string;
  readonly documentCount: number;
}

export interface NewPatient {
  readonly name: string;
  readonly dateOfBirth?: IsoDate | null;
  readonly notes?: string;
  readonly contact?: string;
  readonly language?: string | null;
  readonly interpreter?: boolean;
}

/** One way the patient's documents write their name (not as the library has it). */
export interface NameVariant {
  readonly name: string;
  /** How many of the patient's documents write it so. */
  readonly documents: number;
  /** In another script than the patient's name (Arabic or Persian letters for a Latin name): a likely match. */
  readonly otherScript: boolean;
}

/** A change to a patient's details; what is left out stays as it was. */
export interface PatientEdit {
  readonly name?: string;
  readonly dateOfBirth?: IsoDate | null;
  readonly contact?: string;
  readonly notes?: string;
  readonly language?: string | null;
  readonly interpreter?: boolean;
}

/** What the library read from a document's text; each stays a suggestion until the person confirms it. */
export interface DocumentSuggestions {
  readonly type: DocumentType | null;
  readonly dateOfService: IsoDate | null;
  readonly facility: string | null;
  readonly clinician: string | null;
}

export const SUGGESTED_FIELDS = ['type', 'dateOfService', 'facility', 'clinician'] as const;
export type SuggestedField = (typeof SUGGESTED_FIELDS)[number];

/** The message a person sees for a field that has no suggestions. */
export function unknownSuggestedFieldMessage(value: string): string {
  return `"${value}" is not a field with suggestions. Use one of: ${SUGGESTED_FIELDS.join(', ')}.`;
}

/** A file (one original in the vault) or an imaging study (one original per DICOM instance). */
export type DocumentKind = 'file' | 'study';

/** Below this mean confidence (0-100) a page's OCR text is marked as possibly wrong. */
export const LOW_OCR_CONFIDENCE = 70;

/** How the text of a document's scanned pages was read by OCR, summed over its pages. */
export interface OcrSummary {
  /** Pages whose text comes (or will come) from OCR. */
  readonly pages: number;
  readonly pending: number;
  readonly failed: number;
  /** Pages read with a confidence below LOW_OCR_CONFIDENCE. */
  readonly lowConfidence: number;
  /** Mean confidence of the pages read, 0-100; null while none is read. */
  readonly confidence: number | null;
}

export interface ImagingSummary {
  readonly modalities: readonly string[];
  readonly series: number;
  readonly instances: number;
}

/** One page of a document: where its text came from, and for OCR how sure the reading is. */
export interface PageInfo {
  readonly number: number;
  readonly ocr: 'pending' | 'done' | 'failed' | null;
  readonly confidence: number | null;
  readonly languages: string | null;
  /** Why OCR failed, as said. */
  readonly problem: Said | null;
  /** An upright preview exists for this page (HEIC and TIFF, which the window cannot show as they are). */
  readonly preview: { readonly width: number; readonly height: number } | null;
}

/**
 * A record in the library. `type`, `dateOfService`, `facility` and `clinician` hold only what the
 * person confirmed or entered (null until then); what the library guessed is under `suggested`.
 */
export interface MedicalDocument {
  readonly id: number;
  readonly patientId: number;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly type: DocumentType | null;
  readonly dateOfService: IsoDate | null;
  readonly facility: string | null;
  readonly clinician: string | null;
  readonly suggested: DocumentSuggestions;
  readonly tags: readonly string[];
  readonly notes: string;
  readonly pages: number;
  readonly originalName: string;
  readonly sourcePath: string;
  readonly size: number;
  /** The original's fingerprint; null for a study, whose originals are its DICOM files. */
  readonly sha256: string | null;
  readonly mediaType: string;
  readonly importedAt: string;
  readonly imaging: ImagingSummary | null;
  readonly ocr: OcrSummary | null;
  /** The document this photo was combined into, if any (it is then listed under that one). */
  readonly partOf: number | null;
  /** The photos this document was made from, each once, in the order their first page appears (empty for anything else). */
  readonly madeFrom: readonly number[];
  /** Whose record it says it is, against its patient (see shared/patient-match.ts). */
  readonly identity: DocumentIdentity;
  /** Why the suggested date of service is that date; null when none was suggested. */
  readonly dateReason: Said | null;
  /** When it was put in the trash (ISO time); null when it is not there. */
  readonly deletedAt: string | null;
  /**
   * The languages its text is written in (BCP 47, the main one first), read from the text; empty when
   * the text says too little (a study, a photo not read yet); null until the library has read it.
   */
  readonly languages: readonly string[] | null;
  /** The person said the languages (corrected what the text was read as); reading never changes them then. */
  readonly languagesByPerson: boolean;
}

/** Whose record a document says it is, and what the person decided about it. */
export interface DocumentIdentity {
  /** `same` also when the person said it is the patient's though it names someone else. */
  readonly match: PatientMatch;
  /** The person said it is the patient's (a name change, a nickname). */
  readonly confirmed: boolean;
  /** The names it states for its patient, as people write them. */
  readonly names: readonly string[];
  readonly birthDates: readonly IsoDate[];
  /** For `other`: what it says instead, in a sentence (English: the command line's and the files'). */
  readonly reason: string | null;
  /** For `other`: the names and birth dates it states that are not the patient's (the window says them in its language). */
  readonly others: { readonly names: readonly string[]; readonly birthDates: readonly IsoDate[] } | null;
  /** For `same`: names that are the patient's only read across scripts ("محمد رضایی" for Mohammad Rezaei): a likely match. */
  readonly likelyNames: readonly string[];
}

/** A change a person makes; a field left out stays as it was, null clears it. */
export interface DocumentEdit {
  readonly title?: string;
  readonly type?: DocumentType | null;
  readonly dateOfService?: IsoDate | null;
  readonly facility?: string | null;
  readonly clinician?: string | null;
  readonly tags?: readonly string[];
  readonly notes?: string;
  /** The languages it is written in, main one first ([] for none); null to read them from its text again. */
  readonly languages?: readonly string[] | null;
}

/** The value to show and filter by: what the person confirmed, else what the library suggested. */
export function effectiveValue<F extends SuggestedField>(doc: MedicalDocument, field: F): MedicalDocument['suggested'][F] {
  return doc[field] ?? doc.suggested[field];
}

export function effectiveType(doc: MedicalDocument): DocumentType {
  return doc.type ?? doc.suggested.type ?? 'other';
}

export interface DocumentFilters {
  readonly patientId?: number;
  readonly types?: readonly DocumentType[];
  /** Date of service on or after this day (confirmed, else suggested). */
  readonly from?: IsoDate;
  /** Date of service on or before this day. */
  readonly to?: IsoDate;
  /** Facility name contains this text, ignoring case. */
  readonly facility?: string;
  readonly tag?: string;
  /** Written (wholly or partly) in this language (BCP 47, e.g. `es`). */
  readonly language?: string;
  /** Only what is in the trash (else only what is not). */
  readonly inTrash?: boolean;
}

export interface SearchHit {
  readonly id: number;
  readonly patientId: number;
  readonly title: string;
  readonly type: DocumentType;
  readonly dateOfService: IsoDate | null;
  readonly facility: string | null;
  /** The best-matching page (1-based); 1 when only the document's details (title, facility...) matched. */
  readonly page: number;
  /** Text around the match; the matched words are between MATCH_START and MATCH_END. */
  readonly snippet: string;
  /** Other pages of the same document that match, best first. */
  readonly otherPages: readonly number[];
  /** Set when the best page's text was read by OCR: how sure the reading is (0-100). */
  readonly ocrConfidence: number | null;
}
