/**
 * Cases: one decision to be reviewed. A case gathers the recommendation under review, the documents
 * that support it, the patient's questions and priorities, the records asked for, the specialists it
 * is sent to and the opinions that come back.
 */
import type { IsoDate } from './dates.ts';

export const SPECIALTIES = ['spine-orthopedic', 'neurosurgery', 'cardiology', 'oncology', 'general-surgery', 'radiology', 'pathology', 'other'] as const;
export type Specialty = (typeof SPECIALTIES)[number];

export const SPECIALTY_LABELS: Readonly<Record<Specialty, string>> = {
  'spine-orthopedic': 'Spine and orthopedic surgery',
  neurosurgery: 'Neurosurgery',
  cardiology: 'Cardiology and cardiac surgery',
  oncology: 'Oncology and surgical oncology',
  'general-surgery': 'General surgery',
  radiology: 'Radiology read',
  pathology: 'Pathology review',
  other: 'Other',
};

/** The message a person sees for a specialty Casebinder does not know. */
export function unknownSpecialtyMessage(value: string): string {
  return `"${value}" is not a specialty Casebinder knows. Choose one of: ${SPECIALTIES.map((s) => `${s} (${SPECIALTY_LABELS[s]})`).join(', ')}.`;
}

export const CASE_STATUSES = ['gathering', 'ready', 'sent', 'opinion-received', 'decided'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  gathering: 'Gathering records',
  ready: 'Ready to send',
  sent: 'Sent',
  'opinion-received': 'Opinion received',
  decided: 'Decided',
};

export interface Recommendation {
  readonly id: number;
  readonly caseId: number;
  /** Who recommended it, and where. */
  readonly clinician: string;
  readonly facility: string | null;
  readonly date: IsoDate | null;
  /** The procedure or treatment recommended. */
  readonly procedure: string;
  /** The urgency as stated ("within 6 weeks", "elective"). */
  readonly urgency: string | null;
  readonly reasons: string | null;
  readonly risks: string | null;
  readonly alternatives: string | null;
  /** The documents where it is written. */
  readonly documentIds: readonly number[];
}

export interface CaseQuestion {
  readonly id: number;
  readonly text: string;
  readonly position: number;
}

export interface CaseDocument {
  readonly documentId: number;
  /** Sent with the case, or kept out of it. */
  readonly included: boolean;
  readonly position: number;
}

export const REQUEST_METHODS = ['portal', 'fax', 'letter', 'cd', 'email', 'phone', 'in-person'] as const;
export type RequestMethod = (typeof REQUEST_METHODS)[number];
export const REQUEST_STATES = ['asked', 'received', 'refused'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export interface RecordsRequest {
  readonly id: number;
  readonly caseId: number;
  readonly facility: string;
  readonly what: string;
  readonly askedOn: IsoDate;
  readonly method: RequestMethod;
  readonly state: RequestState;
  /** The documents that came in answer. */
  readonly documentIds: readonly number[];
}

export const SUBMISSION_METHODS = ['portal', 'email', 'mail', 'cd', 'fax'] as const;
export type SubmissionMethod = (typeof SUBMISSION_METHODS)[number];
export interface Specialist {
  readonly id: number;
  readonly caseId: number;
  readonly name: string;
  readonly institution: string | null;
  readonly accepts: SubmissionMethod | null;
  /** The largest upload or email they take, in megabytes. */
  readonly sizeLimitMb: number | null;
  /** The languages their centre reads records in (BCP 47), English unless said otherwise. */
  readonly reads: readonly string[];
}

export const OPINION_STANDS = ['agrees', 'differs', 'partly'] as const;
export type OpinionStand = (typeof OPINION_STANDS)[number];

export interface Opinion {
  readonly id: number;
  readonly caseId: number;
  readonly specialistId: number | null;
  readonly by: string;
  readonly date: IsoDate | null;
  readonly summary: string;
  readonly stand: OpinionStand;
  /** Their recommended plan, point by point, to compare with the recommendation under review. */
  readonly procedure: string | null;
  readonly urgency: string | null;
  readonly risks: string | null;
  readonly alternatives: string | null;
  readonly documentId: number | null;
}

export interface Case {
  readonly id: number;
  readonly patientId: number;
  readonly title: string;
  readonly condition: string | null;
  readonly specialty: Specialty;
  readonly status: CaseStatus;
  readonly notes: string;
  /** What matters most to the patient ("avoid surgery if possible", "return to work"). */
  readonly priorities: readonly string[];
  readonly createdAt: string;
  /** The last change to the case or any of its parts (documents, questions, requests, opinions...). */
  readonly updatedAt: string;
}

export interface CaseDetails extends Case {
  readonly recommendations: readonly Recommendation[];
  readonly questions: readonly CaseQuestion[];
  readonly documents: readonly CaseDocument[];
  readonly requests: readonly RecordsRequest[];
  readonly specialists: readonly Specialist[];
  readonly opinions: readonly Opinion[];
}

export type ChecklistStatus = 'met' | 'missing' | 'warning';

export interface ChecklistItem {
  /** Which rule (stable, for tests and the window). */
  readonly rule: string;
  readonly status: ChecklistStatus;
  /** What is there or missing, in plain words. */
  readonly message: string;
  /** What to ask for, and from whom; null when nothing is to be asked. */
  readonly ask: string | null;
}
