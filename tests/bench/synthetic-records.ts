/**
 * Seeded, realistic page text for a large library: what 10,000 documents of many patients read like
 * (labs, imaging, pathology, notes, letters), with names, numbers, case numbers and the vocabulary a
 * person searches for. Deterministic, so every bench run searches the same library.
 */
import type { DocumentType } from '../../shared/document-types.ts';
import type { NewDocument } from '../../electron/library/documents.ts';

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACILITIES = [
  'Mercy General Hospital', 'Lakeshore Imaging Center', 'Quest Diagnostics', 'LabCorp', 'Harbor Heart Institute',
  'Pacific Pathology Associates', 'Bay Area Urology Group', "St. Luke's Medical Center", 'Northside Family Medicine',
  'Riverside Orthopaedic & Spine Associates', 'Westside Radiology', 'Great Lakes Pathology Laboratory', 'Alpine Diagnostic Imaging',
  'Cuyahoga Surgical Oncology', 'Boulder Community Health', 'Front Range Orthopedics', 'Cleveland Molecular Imaging',
];
const CLINICIANS = ['Priya Nair', 'Kevin Patel', 'Helen Morales', 'Samuel Okafor', 'Elena Varga', 'Alan Brooks', 'Laura Kim', 'Marcus Bell', 'Sofia Marin', 'Tomas Berg', 'Omar Haddad', 'Rebecca Olsen', 'Javier Castillo', 'Grace Liu'];
const ANALYTES = [
  ['GLUCOSE', 'mg/dL', '65-99'], ['CREATININE', 'mg/dL', '0.50-1.05'], ['SODIUM', 'mmol/L', '135-146'], ['POTASSIUM', 'mmol/L', '3.5-5.3'],
  ['HEMOGLOBIN', 'g/dL', '11.7-15.5'], ['WHITE BLOOD CELL COUNT', 'Thousand/uL', '3.8-10.8'], ['PLATELET COUNT', 'Thousand/uL', '140-400'],
  ['PSA, TOTAL', 'ng/mL', '0.0-4.0'], ['HEMOGLOBIN A1C', '%', '4.0-5.6'], ['LDL CHOLESTEROL', 'mg/dL', '<100'], ['TSH', 'mIU/L', '0.40-4.50'],
  ['TROPONIN I', 'ng/mL', '<0.04'], ['ALT', 'U/L', '6-29'], ['AST', 'U/L', '10-35'], ['CEA', 'ng/mL', '0.0-3.0'], ['FERRITIN', 'ng/mL', '16-232'],
];
const IMAGING = ['MRI LUMBAR SPINE WITHOUT CONTRAST', 'CT CHEST WITH CONTRAST', 'CT ABDOMEN AND PELVIS', 'XR KNEE 3 VIEWS', 'MRI BRAIN WITH AND WITHOUT CONTRAST', 'US ABDOMEN COMPLETE', 'PET/CT SKULL BASE TO MID-THIGH', 'MAMMOGRAM SCREENING BILATERAL', 'NM BONE SCAN WHOLE BODY'];
const FINDINGS = [
  'There is moderate central canal stenosis at L4-L5 with facet arthropathy.', 'No acute fracture or dislocation is identified.',
  'A 1.1 cm enhancing lesion is present in the left peripheral zone.', 'The liver, spleen and pancreas are unremarkable.',
  'Mild degenerative disc disease is seen at multiple levels.', 'There is a small pleural effusion on the right.',
  'No suspicious mass, calcification or architectural distortion.', 'Bone contusions of the lateral femoral condyle are noted.',
  'Coronary artery calcifications are dense in the LAD territory.', 'The kidneys are normal in size without hydronephrosis.',
];
const NOTES = [
  'Patient reports low back pain radiating to the left leg, worse with walking.', 'Denies fever, chills, chest pain or shortness of breath.',
  'Physical examination shows an antalgic gait and tenderness over the lumbar paraspinals.', 'We discussed the risks, benefits and alternatives of surgery.',
  'Continue metformin 500 mg twice daily and atorvastatin 40 mg nightly.', 'Blood pressure is well controlled on lisinopril.',
  'Follow up in three months or sooner if symptoms worsen.', 'Physical therapy twice weekly for eight weeks was recommended.',
  'The patient would like a second opinion before deciding on surgery.', 'Ejection fraction is mildly reduced at 45 percent.',
  'Gleason score 3+4=7 adenocarcinoma involving two of three cores.', 'Margins are negative; perineural invasion is present.',
];

export interface SyntheticDocument {
  readonly type: DocumentType;
  readonly title: string;
  readonly facility: string;
  readonly date: string;
  readonly pages: string[];
}

export function syntheticDocument(random: () => number, index: number, pagesPerDocument: number): SyntheticDocument {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const facility = pick(FACILITIES);
  const clinician = pick(CLINICIANS);
  const year = 2015 + Math.floor(random() * 11);
  const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const kind = random();
  const pages: string[] = [];
  let type: DocumentType;
  let title: string;
  for (let p = 0; p < pagesPerDocument; p++) {
    const lines: string[] = [facility, `Patient: PATIENT ${index % 700}, DOB 0${1 + (index % 9)}/1${index % 9}/19${50 + (index % 40)}`, `Date of service: ${date}`];
    if (kind < 0.35) {
      type = 'lab-report';
      title = 'Laboratory results';
      lines.push('Test Name  Result  Flag  Units  Reference Range');
      for (let i = 0; i < 22; i++) {
        const [name, unit, range] = pick(ANALYTES);
        lines.push(`${name}  ${(random() * 200).toFixed(random() < 0.5 ? 1 : 2)}  ${random() < 0.15 ? 'H' : ''}  ${unit}  ${range}`);
      }
    } else if (kind < 0.6) {
      type = 'imaging-report';
      title = pick(IMAGING);
      lines.push(title, `Accession: MR${year % 100}-${String(Math.floor(random() * 1e6)).padStart(6, '0')}`, 'FINDINGS:');
      for (let i = 0; i < 14; i++) lines.push(pick(FINDINGS));
      lines.push('IMPRESSION:', pick(FINDINGS), `Electronically signed by ${clinician}, MD`);
    } else if (kind < 0.7) {
      type = 'pathology-report';
      title = 'Surgical Pathology Report';
      lines.push(`Accession #: S${year % 100}-${1000 + Math.floor(random() * 9000)}`, 'FINAL DIAGNOSIS:');
      for (let i = 0; i < 12; i++) lines.push(pick(NOTES.slice(9)), pick(FINDINGS));
      lines.push(`Pathologist: ${clinician}, MD`);
    } else {
      type = random() < 0.5 ? 'consult-note' : 'correspondence';
      title = type === 'consult-note' ? 'Office Visit' : 'Letter';
      for (let i = 0; i < 18; i++) lines.push(pick(NOTES));
      lines.push(`${clinician}, MD`);
    }
    lines.push(`Page ${p + 1} of ${pagesPerDocument}`);
    pages.push(lines.join('\n'));
  }
  return { type: type!, title: title!, facility, date, pages };
}

/** What people type into the search box: tests, findings, names, case numbers, facilities. */
export const TYPED_QUERIES = [
  'creatinine', 'PSA, total', 'S24-1187', 'stenosis', 'MRI lumbar', 'Gleason', 'ejection fraction', 'metformin', 'Dr. Patel',
  'perineural invasion', 'hemoglobin a1c', 'pleural effusion', 'bone contusion', 'Lakeshore', 'second opinion', 'troponin',
  'lesion peripheral zone', 'antalgic gait', 'LDL cholesterol', 'calcifications', 'Helen Morales', 'hydronephrosis',
  'back pain radiating', 'physical therapy', 'TSH', 'ferritin', 'Quest Diagnostics', 'fracture', 'margins negative', 'lisinopril',
];

/** The same searches as they grow one keystroke at a time. */
export function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length - 1 }, (_, i) => q.slice(0, i + 2)));
}

/** A generated document as the library takes it (numbered `index`: its file name and a unique hash). */
export function asNewDocument(doc: SyntheticDocument, patientId: number, index: number): NewDocument {
  return {
    patientId,
    sha256: index.toString(16).padStart(64, '0'),
    originalName: `document-${index}.pdf`,
    sourcePath: `/records/document-${index}.pdf`,
    size: 100_000,
    mediaType: 'application/pdf',
    title: doc.title,
    suggested: { type: doc.type, dateOfService: doc.date, facility: doc.facility, clinician: null },
    pageTexts: doc.pages,
    // The generated text is English; reading its language 100,000 times would only slow the build.
    languages: ['en'],
  };
}
