/**
 * A fourth set of patient documents, drawn by other programs than the first three (Chromium,
 * WeasyPrint, LibreOffice, groff: tests/corpus/documents/build.ts), with the traps part 6 of the
 * second round names: a surgeon's letter with a planned surgery and a follow-up date, a pathology
 * report received and signed out after the procedure, an imaging report dictated after the exam, a
 * portal's printout, and medication and allergy lists in several forms. `tuning` documents were looked
 * at while the rules were adjusted; `blind` ones were measured once before any change for them.
 * Synthetic people and institutions.
 */
import type { DocumentType } from '../../../shared/document-types.ts';
import { heading, para } from '../render.ts';
import type { Block } from '../render.ts';

export interface DocumentTruth {
  readonly type: DocumentType;
  readonly dateOfService: string;
  readonly facility: readonly string[];
  readonly clinician: string | null;
  readonly patient: { readonly name: string; readonly dob: string };
  /** The medications and allergies a person would list from it (names as printed, lower-cased for comparing). */
  readonly medications?: readonly string[];
  readonly allergies?: readonly string[];
}

export interface CorpusDocumentSpec {
  readonly part: 'tuning' | 'blind';
  readonly file: string;
  readonly renderer: 'chromium' | 'weasyprint' | 'libreoffice' | 'groff';
  readonly blocks: readonly Block[];
  readonly truth: DocumentTruth;
}

const ELENA = { name: 'Elena Vasquez-Moreau', dob: '1967-05-21', printed: '05/21/1967' };
const DAVID = { name: 'David Okonkwo', dob: '1959-12-02', printed: '12/02/1959' };

export const DOCUMENTS: readonly CorpusDocumentSpec[] = [
  // ------------------------------------------------------------------ tuning
  {
    part: 'tuning',
    file: 'spine surgeon letter.pdf',
    renderer: 'chromium',
    blocks: [
      { kind: 'letterhead', lines: ['Cascadia Spine & Orthopaedics', '2200 NE Halsey St, Portland, OR 97232'] },
      para('June 3, 2025'),
      para('Naomi Fischer, MD\nRiverside Family Practice'),
      para(`Re: ${ELENA.name}, DOB ${ELENA.printed}`),
      para('Dear Dr. Fischer,'),
      para('I saw Ms. Vasquez-Moreau in clinic on May 29, 2025 for progressive left leg pain and numbness. Her MRI of April 30, 2025 shows a large L5-S1 disc extrusion compressing the left S1 nerve root.'),
      para('After discussing the options, we have scheduled a left L5-S1 microdiscectomy for July 8, 2025. She will return for a pre-operative visit on 06/24/2025.'),
      para('Sincerely,'),
      para('Marcus Lindqvist, MD\nOrthopaedic Spine Surgery'),
    ],
    truth: { type: 'recommendation', dateOfService: '2025-05-29', facility: ['Cascadia Spine & Orthopaedics', 'Cascadia Spine and Orthopaedics'], clinician: 'Marcus Lindqvist, MD', patient: ELENA },
  },
  {
    part: 'tuning',
    file: 'pathology.pdf',
    renderer: 'weasyprint',
    blocks: [
      { kind: 'letterhead', lines: ['Willamette Pathology Associates', 'Anatomic Pathology Laboratory'] },
      { kind: 'fields', columns: 2, pairs: [['Patient', `${DAVID.name.split(' ')[1]!.toUpperCase()}, ${DAVID.name.split(' ')[0]!.toUpperCase()}`], ['DOB', DAVID.printed], ['Accession', 'WP25-08812'], ['Procedure Date', '02/11/2025'], ['Received', '02/12/2025'], ['Signed Out', '02/14/2025']] },
      { kind: 'title', text: 'SURGICAL PATHOLOGY REPORT' },
      para('SPECIMEN: Prostate, needle core biopsies (12 cores).'),
      para('FINAL DIAGNOSIS: Prostatic adenocarcinoma, Gleason score 3+4=7 (Grade Group 2), involving 4 of 12 cores.'),
      para('Electronically signed out by: Priscilla Nguyen, MD'),
    ],
    truth: { type: 'pathology-report', dateOfService: '2025-02-11', facility: ['Willamette Pathology Associates'], clinician: 'Priscilla Nguyen, MD', patient: DAVID },
  },
  {
    part: 'tuning',
    file: 'medication list.pdf',
    renderer: 'libreoffice',
    blocks: [
      { kind: 'letterhead', lines: ['Riverside Family Practice'] },
      { kind: 'title', text: 'Patient Medication List', align: 'left' },
      { kind: 'fields', pairs: [['Name', ELENA.name], ['Date of Birth', ELENA.printed], ['Last reviewed', '04/02/2025']] },
      {
        kind: 'table',
        header: ['Medication', 'Strength', 'Directions', 'Prescribed'],
        rows: [
          ['Levothyroxine', '75 mcg tablet', 'Take 1 tablet by mouth every morning', '01/15/2019'],
          ['Sertraline', '50 mg tablet', 'Take 1 tablet by mouth daily', '08/30/2022'],
          ['Naproxen', '500 mg tablet', 'Take 1 tablet twice daily with food as needed for pain', '05/01/2025'],
        ],
      },
      heading('Allergies'),
      { kind: 'lines', lines: ['Sulfamethoxazole-trimethoprim: rash', 'Latex: itching'] },
    ],
    truth: {
      type: 'medication-list',
      dateOfService: '2025-04-02',
      facility: ['Riverside Family Practice'],
      clinician: null,
      patient: ELENA,
      medications: ['levothyroxine', 'sertraline', 'naproxen'],
      allergies: ['sulfamethoxazole-trimethoprim', 'latex'],
    },
  },
  // ------------------------------------------------------------------ blind
  {
    part: 'blind',
    file: 'urology recommendation.pdf',
    renderer: 'libreoffice',
    blocks: [
      { kind: 'letterhead', lines: ['Columbia River Urology', '5050 NE Hoyt St, Suite 400, Portland, OR 97213'] },
      para('March 18, 2025'),
      para(`RE: ${DAVID.name} (DOB ${DAVID.printed})`),
      para('Dear Dr. Abernathy,'),
      para('Mr. Okonkwo was seen in our office on March 12, 2025 to discuss his biopsy results. We reviewed active surveillance, radiation and surgery. He wishes to proceed with a robotic-assisted radical prostatectomy, which is planned for April 22, 2025 at Providence St. Vincent.'),
      para('He will have a PSMA PET on 04/01/2025 before surgery and we will see him for a pre-operative visit on 04/15/2025.'),
      para('Best regards,'),
      para('Theodore Banks, MD'),
    ],
    truth: { type: 'recommendation', dateOfService: '2025-03-12', facility: ['Columbia River Urology'], clinician: 'Theodore Banks, MD', patient: DAVID },
  },
  {
    part: 'blind',
    file: 'lumbar mri.pdf',
    renderer: 'groff',
    blocks: [
      { kind: 'letterhead', lines: ['Pearl District Imaging', '1100 NW Glisan St, Portland, OR 97209'] },
      { kind: 'fields', pairs: [['Patient Name', ELENA.name], ['DOB', ELENA.printed], ['Exam Date', '04/30/2025'], ['Referring', 'Naomi Fischer, MD']] },
      { kind: 'title', text: 'MRI LUMBAR SPINE WITHOUT CONTRAST', align: 'left' },
      para('COMPARISON: Lumbar radiographs 01/14/2025.'),
      para('FINDINGS: Large left paracentral disc extrusion at L5-S1 with caudal migration, compressing the traversing left S1 nerve root.'),
      para('IMPRESSION: L5-S1 left paracentral extrusion with S1 nerve root compression.'),
      para('Dictated: 05/01/2025 08:12   Signed: 05/01/2025 09:40   Radiologist: Ingrid Halvorsen, MD'),
    ],
    truth: { type: 'imaging-report', dateOfService: '2025-04-30', facility: ['Pearl District Imaging'], clinician: 'Ingrid Halvorsen, MD', patient: ELENA },
  },
  {
    part: 'blind',
    file: 'discharge meds.pdf',
    renderer: 'chromium',
    blocks: [
      { kind: 'letterhead', lines: ['Providence St. Vincent Medical Center'] },
      { kind: 'title', text: 'Discharge Medication Reconciliation' },
      { kind: 'fields', columns: 2, pairs: [['Patient', DAVID.name], ['DOB', DAVID.printed], ['Admit Date', '04/22/2025'], ['Discharge Date', '04/24/2025']] },
      heading('Continue taking these medications'),
      { kind: 'table', header: ['Medication', 'Dose', 'How to take', 'Reason'], rows: [['Metformin', '500 mg', 'by mouth twice daily with meals', 'Diabetes'], ['Amlodipine', '5 mg', 'by mouth once daily', 'Blood pressure']] },
      heading('Start taking these medications'),
      { kind: 'table', header: ['Medication', 'Dose', 'How to take', 'Reason'], rows: [['Oxybutynin', '5 mg', 'by mouth three times daily as needed for bladder spasm', 'Catheter comfort'], ['Docusate sodium', '100 mg', 'by mouth twice daily', 'Prevent constipation']] },
      heading('Allergies'),
      { kind: 'table', header: ['Allergen', 'Reaction', 'Severity'], rows: [['Penicillin', 'Hives', 'Moderate'], ['Shellfish', 'Throat swelling', 'Severe']] },
      para('Reviewed with patient by Hannah Cole, RN'),
    ],
    truth: {
      // A discharge medication reconciliation is a medication list (dated at discharge).
      type: 'medication-list',
      dateOfService: '2025-04-24',
      facility: ['Providence St. Vincent Medical Center'],
      clinician: 'Hannah Cole, RN',
      patient: DAVID,
      medications: ['metformin', 'amlodipine', 'oxybutynin', 'docusate sodium'],
      allergies: ['penicillin', 'shellfish'],
    },
  },
  {
    part: 'blind',
    file: 'portal results.pdf',
    renderer: 'chromium',
    blocks: [
      para('Printed on 05/30/2025 2:14 PM by MyChart'),
      { kind: 'title', text: 'Test Results', align: 'left' },
      para(`${ELENA.name}   DOB: ${ELENA.printed}`),
      heading('Thyroid Stimulating Hormone'),
      para('Collected on May 12, 2025 7:58 AM   Resulted on May 12, 2025 2:41 PM'),
      { kind: 'table', header: ['Component', 'Your Value', 'Standard Range', 'Flag'], rows: [['TSH', '5.82 uIU/mL', '0.45 - 4.50 uIU/mL', 'High']] },
      para('Ordering provider: Naomi Fischer, MD   Performing lab: Riverside Clinical Laboratory'),
    ],
    truth: { type: 'lab-report', dateOfService: '2025-05-12', facility: ['Riverside Clinical Laboratory'], clinician: 'Naomi Fischer, MD', patient: ELENA },
  },
  {
    part: 'blind',
    file: 'cardiology consult.pdf',
    renderer: 'weasyprint',
    blocks: [
      { kind: 'letterhead', lines: ['Northwest Heart Associates', '9155 SW Barnes Rd, Portland, OR 97225'] },
      { kind: 'title', text: 'Pre-operative Cardiology Consultation' },
      { kind: 'fields', pairs: [['Patient', DAVID.name], ['Date of Birth', DAVID.printed], ['Date of Visit', '04/08/2025'], ['Provider', 'Rosalind Achebe, MD']] },
      heading('Current Medications'),
      { kind: 'lines', lines: ['metformin 500 mg tablet - 1 tablet twice daily', 'amlodipine 5 mg tablet - 1 tablet daily', 'atorvastatin 20 mg tablet - 1 tablet nightly'] },
      heading('Allergies'),
      para('Penicillin (hives); shellfish (throat swelling).'),
      heading('Assessment and Plan'),
      para('Low risk for the planned prostatectomy on 04/22/2025. No further testing needed. Follow up in 6 months, around 10/08/2025.'),
    ],
    truth: {
      type: 'consult-note',
      dateOfService: '2025-04-08',
      facility: ['Northwest Heart Associates'],
      clinician: 'Rosalind Achebe, MD',
      patient: DAVID,
      medications: ['metformin', 'amlodipine', 'atorvastatin'],
      allergies: ['penicillin', 'shellfish'],
    },
  },
];
