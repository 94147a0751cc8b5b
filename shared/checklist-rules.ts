/**
 * What a second-opinion center asks a patient to send, per specialty, as data: read it, change it,
 * add a specialty. Each rule is met by any one of its needs; its words say what is there or missing,
 * and what to ask for from whom ({facility} is the facility of the related record, when there is one).
 *
 * Sources, in spirit: the record-request checklists second-opinion programs publish for patients
 * (the decision under review in writing, the images themselves and not only the report, pathology
 * with its markers, the cardiac tests, current medications and allergies, a recent note, and the
 * patient's own questions).
 */
import type { Specialty } from './case-types.ts';
import type { DocumentType } from './document-types.ts';

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
  readonly met: string;
  readonly missing: string;
  /** What to ask for; {facility} names who produced the related record, else a fitting "the ...". */
  readonly ask: string;
  /** Whose facility {facility} names: the newest case document of these types. */
  readonly askFrom?: readonly DocumentType[];
  /** Said when no related record names a facility. */
  readonly fallbackFacility: string;
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
    needs: [{ recommendationDocument: true }, { types: ['recommendation', 'operative-note'] }],
    met: 'The recommendation under review is in writing.',
    missing: 'No document states the recommendation under review (a consult letter or the surgeon’s note with the plan).',
    ask: 'Ask {facility} for the note from the visit where the treatment was recommended (the consult or operative-plan note).',
    askFrom: ['consult-note', 'recommendation'],
    fallbackFacility: 'the recommending doctor’s office',
  },
  {
    id: 'medication-list',
    needs: [{ types: ['medication-list'] }, { records: 'medication' }],
    met: 'A current medication list is included.',
    missing: 'There is no current medication list.',
    ask: 'Ask {facility} for a current medication list, or write one (Health record → Medications).',
    askFrom: ['consult-note', 'discharge-summary'],
    fallbackFacility: 'the primary care office',
    freshDays: YEAR,
  },
  {
    id: 'allergies',
    needs: [{ records: 'allergy' }],
    met: 'Allergies are listed.',
    missing: 'Allergies are not listed (not even "no known allergies").',
    ask: 'Add the allergies (Health record → Allergies), or ask {facility} for the allergy list.',
    askFrom: ['consult-note', 'discharge-summary'],
    fallbackFacility: 'the primary care office',
  },
  {
    id: 'recent-note',
    needs: [{ types: ['consult-note', 'recommendation', 'discharge-summary', 'operative-note'] }],
    met: 'A recent clinical note is included.',
    missing: 'No clinical note (consult, visit or discharge summary) is included.',
    ask: 'Ask {facility} for the most recent visit note.',
    askFrom: ['consult-note', 'recommendation'],
    fallbackFacility: 'the treating doctor’s office',
    freshDays: YEAR,
  },
  {
    id: 'questions',
    needs: [{ questions: true }],
    met: 'The patient’s questions are written down.',
    missing: 'The patient’s questions for the specialist are not written yet.',
    ask: 'Write the questions you want answered (the case offers some to start from).',
    fallbackFacility: '',
  },
];

const IMAGES_AND_REPORT = (modalities: readonly string[], what: string): ChecklistRule[] => [
  {
    id: 'imaging-images',
    needs: [{ study: { modalities } }],
    met: `The ${what} images themselves (DICOM) are included.`,
    missing: `The ${what} images themselves (DICOM) are missing; a specialist reads the images, not only the report.`,
    ask: 'Ask {facility} for a CD (or download link) of the images in DICOM format.',
    askFrom: ['imaging-report'],
    fallbackFacility: 'the imaging center',
    freshDays: YEAR,
  },
  {
    id: 'imaging-report',
    needs: [{ types: ['imaging-report'] }],
    met: `The radiologist’s report of the ${what} is included.`,
    missing: `The radiologist’s report of the ${what} is missing.`,
    ask: 'Ask {facility} for the radiologist’s report.',
    askFrom: ['imaging-study'],
    fallbackFacility: 'the imaging center',
    freshDays: YEAR,
  },
];

export const SPECIALTY_RULES: Readonly<Record<Specialty, readonly ChecklistRule[]>> = {
  'spine-orthopedic': IMAGES_AND_REPORT(['MR', 'CT', 'CR', 'DX'], 'MRI, CT or X-ray'),
  neurosurgery: IMAGES_AND_REPORT(['MR', 'CT'], 'MRI or CT'),
  cardiology: [
    ...(['ECG|EKG|electrocardiogram', 'echo', 'stress|perfusion', 'cath'] as const).map(
      (title, i): ChecklistRule => ({
        id: ['ecg', 'echo', 'stress-test', 'catheterization'][i]!,
        needs: [{ types: ['cardiac-test'], title }],
        met: `The ${['ECG', 'echocardiogram', 'stress test', 'catheterization'][i]} report is included.`,
        missing: `The ${['ECG', 'echocardiogram', 'stress test', 'catheterization'][i]} report is missing.`,
        ask: `Ask {facility} for the ${['ECG tracing and its reading', 'echocardiogram report', 'stress test report', 'catheterization report (and the images, if a specialist asks)'][i]}.`,
        askFrom: ['cardiac-test', 'consult-note'],
        fallbackFacility: 'the cardiology office',
        freshDays: YEAR,
        ...(i >= 2 ? { severity: 'warning' as const } : {}),
      }),
    ),
  ],
  oncology: [
    {
      id: 'pathology-report',
      needs: [{ types: ['pathology-report'] }],
      met: 'The pathology report (with its markers) is included.',
      missing: 'The pathology report is missing; it gives the diagnosis, its grade and markers.',
      ask: 'Ask {facility} for the final pathology report, with any marker or molecular results.',
      askFrom: ['pathology-report', 'operative-note'],
      fallbackFacility: 'the hospital’s pathology department',
    },
    {
      id: 'staging',
      // The images themselves: a report alone is flagged as a report whose images are missing.
      needs: [{ study: { modalities: ['CT', 'PT', 'MR', 'NM'] } }],
      met: 'Staging images (CT, PET, MRI or bone scan) are included.',
      missing: 'Staging images (CT, PET or MRI, the images themselves) are missing.',
      ask: 'Ask {facility} for the staging scans (images on CD) and their reports.',
      askFrom: ['imaging-report'],
      fallbackFacility: 'the imaging center',
      freshDays: 180,
    },
    {
      id: 'labs',
      needs: [{ labs: true }, { types: ['lab-report'] }],
      met: 'Recent lab results are included.',
      missing: 'No lab results are included.',
      ask: 'Ask {facility} for the most recent blood tests (including tumor markers if any were drawn).',
      askFrom: ['lab-report'],
      fallbackFacility: 'the oncology office',
      freshDays: 90,
      severity: 'warning',
    },
  ],
  'general-surgery': [
    ...IMAGES_AND_REPORT(['CT', 'MR', 'US'], 'CT, MRI or ultrasound'),
    {
      id: 'labs',
      needs: [{ labs: true }, { types: ['lab-report'] }],
      met: 'Recent lab results are included.',
      missing: 'No lab results are included.',
      ask: 'Ask {facility} for the most recent blood tests.',
      askFrom: ['lab-report'],
      fallbackFacility: 'the surgeon’s office',
      freshDays: 90,
      severity: 'warning',
    },
  ],
  radiology: IMAGES_AND_REPORT([], 'imaging'),
  pathology: [
    {
      id: 'pathology-report',
      needs: [{ types: ['pathology-report'] }],
      met: 'The pathology report to be reviewed is included.',
      missing: 'The pathology report to be reviewed is missing.',
      ask: 'Ask {facility} for the final pathology report; the reviewing lab will also need the glass slides and blocks, which {facility} sends directly.',
      askFrom: ['pathology-report'],
      fallbackFacility: 'the pathology department',
    },
  ],
  other: [],
};
