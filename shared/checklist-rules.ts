/**
 * What a second-opinion center asks a patient to send, per specialty, as data: read it, change it,
 * add a specialty. Each rule is met by any one of its needs; its words (shared/checklist-words.ts, in
 * each language) say what is there or missing, and what to ask for from whom ({facility} is the facility
 * of the related record, when there is one).
 *
 * Sources, in spirit: the record-request checklists second-opinion programs publish for patients
 * (the decision under review in writing, the images themselves and not only the report, pathology
 * with its markers, the cardiac tests, current medications and allergies, a recent note, and the
 * patient's own questions).
 */
import type { Specialty } from './case-types.ts';
import type { ChecklistKey } from './checklist-words.ts';
import type { DocumentType } from './document-types.ts';

/** The stem of a rule's words in the checklist's catalogues ('allergies' for 'allergies.met' and the rest). */
export type ChecklistWordsStem = ChecklistKey extends infer K ? (K extends `${infer Stem}.met` ? Stem : never) : never;

export interface Need {
  /** A case document of one of these types. */
  readonly types?: readonly DocumentType[];
  /** ...whose title also matches this (case-insensitive), e.g. the kind of cardiac test. */
  readonly title?: string;
  /** The images themselves: an imaging study in the case, of one of these modalities if given. */
  readonly study?: { readonly modalities?: readonly string[] };
  /** The patient's health record lists these. */
  readonly records?: 'medication' | 'allergy';
  /** Lab values in the patient's health record. */
  readonly labs?: true;
  /** The patient's questions for the specialist. */
  readonly questions?: true;
  /** A document where a recommendation under review is written, linked to it. */
  readonly recommendationDocument?: true;
}

export interface ChecklistRule {
  readonly id: string;
  /** Any one of these meets the rule. */
  readonly needs: readonly Need[];
  /**
   * Its words in shared/checklist-words.ts: `<words>.met`, `.missing`, `.ask` (what to ask for, {facility}
   * naming who produced the related record) and `.fallback` (said when no related record names one).
   */
  readonly words: ChecklistWordsStem;
  /** Values its words choose by (which images, which cardiac test). */
  readonly values?: Readonly<Record<string, string>>;
  /** Whose facility {facility} names: the newest case document of these types. */
  readonly askFrom?: readonly DocumentType[];
  /** When the newest record meeting it is older than this many days, it is a warning. */
  readonly freshDays?: number;
  /** A gap that does not block sending is a warning, not "missing". */
  readonly severity?: 'missing' | 'warning';
}

const YEAR = 365;

/** Every case, whatever the specialty. */
export const COMMON_RULES: readonly ChecklistRule[] = [
  {
    id: 'recommendation-in-writing',
    words: 'recommendation-in-writing',
    needs: [{ recommendationDocument: true }, { types: ['recommendation', 'operative-note'] }],
    askFrom: ['consult-note', 'recommendation'],
  },
  {
    id: 'medication-list',
    words: 'medication-list',
    needs: [{ types: ['medication-list'] }, { records: 'medication' }],
    askFrom: ['consult-note', 'discharge-summary'],
    freshDays: YEAR,
  },
  {
    id: 'allergies',
    words: 'allergies',
    needs: [{ records: 'allergy' }],
    askFrom: ['consult-note', 'discharge-summary'],
  },
  {
    id: 'recent-note',
    words: 'recent-note',
    needs: [{ types: ['consult-note', 'recommendation', 'discharge-summary', 'operative-note'] }],
    askFrom: ['consult-note', 'recommendation'],
    freshDays: YEAR,
  },
  {
    id: 'questions',
    words: 'questions',
    needs: [{ questions: true }],
  },
];

/** `what` names the images in the words: spine (MRI, CT or X-ray), neuro (MRI or CT), surgery (CT, MRI or ultrasound), any imaging. */
const IMAGES_AND_REPORT = (modalities: readonly string[], what: 'spine' | 'neuro' | 'surgery' | 'any'): ChecklistRule[] => [
  {
    id: 'imaging-images',
    words: 'imaging-images',
    values: { what },
    needs: [{ study: { modalities } }],
    askFrom: ['imaging-report'],
    freshDays: YEAR,
  },
  {
    id: 'imaging-report',
    words: 'imaging-report',
    values: { what },
    needs: [{ types: ['imaging-report'] }],
    askFrom: ['imaging-study'],
    freshDays: YEAR,
  },
];

export const SPECIALTY_RULES: Readonly<Record<Specialty, readonly ChecklistRule[]>> = {
  'spine-orthopedic': IMAGES_AND_REPORT(['MR', 'CT', 'CR', 'DX'], 'spine'),
  neurosurgery: IMAGES_AND_REPORT(['MR', 'CT'], 'neuro'),
  cardiology: [
    ...(['ECG|EKG|electrocardiogram', 'echo', 'stress|perfusion', 'cath'] as const).map(
      (title, i): ChecklistRule => ({
        id: ['ecg', 'echo', 'stress-test', 'catheterization'][i]!,
        words: 'cardiac',
        values: { test: ['ecg', 'echo', 'stress', 'catheterization'][i]! },
        needs: [{ types: ['cardiac-test'], title }],
        askFrom: ['cardiac-test', 'consult-note'],
        freshDays: YEAR,
        ...(i >= 2 ? { severity: 'warning' as const } : {}),
      }),
    ),
  ],
  oncology: [
    {
      id: 'pathology-report',
      words: 'oncology-pathology',
      needs: [{ types: ['pathology-report'] }],
      askFrom: ['pathology-report', 'operative-note'],
    },
    {
      id: 'staging',
      words: 'staging',
      // The images themselves: a report alone is flagged as a report whose images are missing.
      needs: [{ study: { modalities: ['CT', 'PT', 'MR', 'NM'] } }],
      askFrom: ['imaging-report'],
      freshDays: 180,
    },
    {
      id: 'labs',
      words: 'labs',
      values: { markers: 'yes' },
      needs: [{ labs: true }, { types: ['lab-report'] }],
      askFrom: ['lab-report'],
      freshDays: 90,
      severity: 'warning',
    },
  ],
  'general-surgery': [
    ...IMAGES_AND_REPORT(['CT', 'MR', 'US'], 'surgery'),
    {
      id: 'labs',
      words: 'labs',
      values: { markers: 'no' },
      needs: [{ labs: true }, { types: ['lab-report'] }],
      askFrom: ['lab-report'],
      freshDays: 90,
      severity: 'warning',
    },
  ],
  radiology: IMAGES_AND_REPORT([], 'any'),
  pathology: [
    {
      id: 'pathology-report',
      words: 'pathology-review',
      needs: [{ types: ['pathology-report'] }],
      askFrom: ['pathology-report'],
    },
  ],
  other: [],
};
