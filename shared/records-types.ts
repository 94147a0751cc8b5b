/**
 * Structured records derived from documents: lab results, and the problems, medications, allergies,
 * vital signs, procedures, encounters and immunizations a portal download lists. Each keeps the
 * document (and page) it came from; the same fact from two downloads is one record.
 */
import type { IsoDate } from './dates.ts';

/** H high, L low, HH / LL critically high / low, A abnormal, '' none. */
export const LAB_FLAGS = ['', 'H', 'L', 'HH', 'LL', 'A'] as const;
export type LabFlag = (typeof LAB_FLAGS)[number];

export const COMPARATORS = ['<', '<=', '>', '>='] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Where a record came from: a structured download (FHIR, C-CDA), a lab report PDF's text, or typed in. */
export const RECORD_ORIGINS = ['fhir', 'ccda', 'pdf', 'manual'] as const;
export type RecordOrigin = (typeof RECORD_ORIGINS)[number];

export interface LabValue {
  /** The number, when the value is one (with its comparator for "<0.5"). */
  readonly number: number | null;
  readonly comparator: Comparator | null;
  /** A value that is not a number ("Negative", "Trace"), or null. */
  readonly text: string | null;
  /** The value exactly as the source wrote it. */
  readonly printed: string;
}

export interface ReferenceRange {
  readonly low: number | null;
  readonly high: number | null;
  /** The range as printed ("3.5-5.0", "<200", "Negative"). */
  readonly text: string;
}

export interface LabResult {
  readonly id: number;
  readonly patientId: number;
  /** The test's common name (from the curated table when known), e.g. "Creatinine". */
  readonly analyte: string;
  /** The name as the source printed it ("Creat", "CREATININE, SERUM"). */
  readonly analyteAsPrinted: string;
  readonly loinc: string | null;
  readonly value: LabValue;
  /** The unit in UCUM ("mg/dL", "10*3/uL"), or null when there is none or it does not parse. */
  readonly unit: string | null;
  readonly unitAsPrinted: string | null;
  readonly range: ReferenceRange | null;
  readonly flag: LabFlag;
  /** When the specimen was collected (else the result's date). */
  readonly date: IsoDate | null;
  readonly lab: string | null;
  readonly source: { readonly documentId: number | null; readonly page: number | null };
  readonly origin: RecordOrigin;
  /** Values read from a PDF count as data only once the person confirms them. */
  readonly confirmed: boolean;
  /** Why it is held back from the patient's record (its document names someone else); null when it is not. */
  readonly heldBack: string | null;
}

/**
 * A result in the library's form before it is stored (no id, patient or confirmation yet), with
 * the fingerprint that says it is the same result whatever download it came in.
 */
export type NormalizedLab = Omit<LabResult, 'id' | 'patientId' | 'source' | 'confirmed' | 'heldBack'> & {
  readonly page: number | null;
  readonly fingerprint: string;
};

/** What the person changes in a value read from a PDF, as the page shows it. */
export interface LabCorrection {
  readonly analyte?: string;
  readonly value?: string;
  readonly unit?: string | null;
  readonly range?: string | null;
  readonly flag?: string | null;
  readonly date?: string | null;
}

export const RECORD_KINDS = ['problem', 'medication', 'allergy', 'vital', 'procedure', 'encounter', 'immunization'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const CODE_SYSTEMS = ['SNOMED', 'RxNorm', 'LOINC', 'ICD-10', 'ICD-9', 'CVX', 'NDC', 'CPT'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export interface RecordCode {
  readonly system: CodeSystem | string;
  readonly code: string;
  readonly display: string | null;
}

export interface ClinicalRecord {
  readonly id: number;
  readonly patientId: number;
  readonly kind: RecordKind;
  /** What it is: "Hypertension", "Lisinopril 10 MG Oral Tablet", "Penicillin", "Body weight". */
  readonly name: string;
  readonly codes: readonly RecordCode[];
  /** active, resolved, stopped, completed… as the source says. */
  readonly status: string | null;
  readonly date: IsoDate | null;
  readonly endDate: IsoDate | null;
  /** The rest in a line: a dose, a reaction and severity, a vital sign's value and unit. */
  readonly detail: string | null;
  readonly source: { readonly documentId: number | null; readonly page: number | null };
  readonly origin: RecordOrigin;
  /** Read from a PDF (a medication list) and not yet checked by the person against the page. */
  readonly confirmed: boolean;
  /** Why it is held back from the patient's record (its document names someone else); null when it is not. */
  readonly heldBack: string | null;
}
