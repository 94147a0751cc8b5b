/**
 * The kinds of document a second opinion needs. These identifiers are the same everywhere:
 * the database, the IPC contract, the command line and every JSON the app writes.
 */
export const DOCUMENT_TYPES = [
  'imaging-report',
  'imaging-study',
  'lab-report',
  'pathology-report',
  'consult-note',
  'operative-note',
  'recommendation',
  'discharge-summary',
  'medication-list',
  'cardiac-test',
  'insurance-id',
  'correspondence',
  'other',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What a patient reads in menus and lists. */
export const DOCUMENT_TYPE_LABELS: Readonly<Record<DocumentType, string>> = {
  'imaging-report': 'Imaging report',
  'imaging-study': 'Imaging study',
  'lab-report': 'Lab report',
  'pathology-report': 'Pathology report',
  'consult-note': 'Consult note',
  'operative-note': 'Operative or procedure note',
  recommendation: "Surgeon's recommendation",
  'discharge-summary': 'Discharge summary',
  'medication-list': 'Medication list',
  'cardiac-test': 'Cardiac test (ECG, echo, stress, cath)',
  'insurance-id': 'Insurance card',
  correspondence: 'Letter or correspondence',
  other: 'Other',
};

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** The refusal message a person sees when they type a type we do not know. */
export function unknownDocumentTypeMessage(value: string): string {
  return `"${value}" is not a document type. Use one of: ${DOCUMENT_TYPES.join(', ')}.`;
}
