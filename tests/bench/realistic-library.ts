/**
 * A realistic advocate's library for the search bench: 30 clients, each with a main condition
 * (spine, prostate cancer, coronary disease...) and common comorbidities, and documents whose words
 * follow from that: a spine client's scans speak of stenosis, a prostate client's pathology of Gleason
 * scores, everyone's labs of creatinine. Document kinds and lengths vary as in real folders (labs of
 * one or two pages, notes of a few, a hospital chart of a hundred). Seeded: every run is the same.
 */
import type { DocumentType } from '../../shared/document-types.ts';
import type { SyntheticDocument } from './synthetic-records.ts';

interface Condition {
  readonly name: string;
  readonly facilities: readonly string[];
  readonly imaging: readonly string[];
  readonly findings: readonly string[];
  readonly notes: readonly string[];
  readonly pathology: readonly string[];
  readonly procedures: readonly string[];
  readonly labs: readonly (readonly [string, string, string])[];
  readonly medications: readonly string[];
}

const BASIC_LABS: readonly (readonly [string, string, string])[] = [
  ['GLUCOSE', 'mg/dL', '65-99'], ['UREA NITROGEN (BUN)', 'mg/dL', '7-25'], ['CREATININE', 'mg/dL', '0.50-1.05'], ['eGFR', 'mL/min/1.73m2', '> OR = 60'],
  ['SODIUM', 'mmol/L', '135-146'], ['POTASSIUM', 'mmol/L', '3.5-5.3'], ['CHLORIDE', 'mmol/L', '98-110'], ['CARBON DIOXIDE', 'mmol/L', '20-32'],
  ['CALCIUM', 'mg/dL', '8.6-10.4'], ['PROTEIN, TOTAL', 'g/dL', '6.1-8.1'], ['ALBUMIN', 'g/dL', '3.6-5.1'], ['BILIRUBIN, TOTAL', 'mg/dL', '0.2-1.2'],
  ['ALKALINE PHOSPHATASE', 'U/L', '37-153'], ['AST', 'U/L', '10-35'], ['ALT', 'U/L', '6-29'], ['WHITE BLOOD CELL COUNT', 'Thousand/uL', '3.8-10.8'],
  ['RED BLOOD CELL COUNT', 'Million/uL', '3.80-5.10'], ['HEMOGLOBIN', 'g/dL', '11.7-15.5'], ['HEMATOCRIT', '%', '35.0-45.0'], ['MCV', 'fL', '80.0-100.0'],
  ['PLATELET COUNT', 'Thousand/uL', '140-400'], ['NEUTROPHILS', '%', '38-80'], ['LYMPHOCYTES', '%', '15-49'],
];

const CONDITIONS: readonly Condition[] = [
  {
    name: 'spine',
    facilities: ['Riverside Orthopaedic & Spine Associates', 'Lakeshore Imaging Center', 'Summit Physical Therapy', 'Bayview Pain Management Center'],
    imaging: ['MRI LUMBAR SPINE WITHOUT CONTRAST', 'XR LUMBAR SPINE 4 VIEWS', 'CT LUMBAR SPINE WITHOUT CONTRAST', 'MRI CERVICAL SPINE'],
    findings: [
      'Grade 1 anterolisthesis of L4 on L5 with moderate to severe central canal stenosis.', 'Disc desiccation at L4-L5 with a broad-based disc bulge and facet arthropathy.',
      'Moderate left foraminal narrowing at L5-S1 abutting the exiting nerve root.', 'The conus terminates at L1 and is normal in signal.',
      'No spondylolysis is identified on flexion and extension views.', 'Modic type 1 endplate changes at L4-L5.',
    ],
    notes: [
      'Low back pain radiating to the left leg in an L5 distribution, worse with walking.', 'Neurogenic claudication limits walking to two blocks.',
      'Straight leg raise is negative; extensor hallucis longus strength is 4+/5 on the left.', 'She completed eight weeks of physical therapy with little benefit.',
      'An epidural steroid injection gave two weeks of relief.', 'We discussed decompression with and without instrumented fusion.',
    ],
    pathology: ['Intervertebral disc material with degenerative changes.'],
    procedures: ['L4-L5 interlaminar epidural steroid injection under fluoroscopic guidance', 'L4-L5 decompression and transforaminal lumbar interbody fusion'],
    labs: [],
    medications: ['meloxicam 15 mg daily', 'gabapentin 300 mg three times daily', 'cyclobenzaprine 5 mg at bedtime as needed'],
  },
  {
    name: 'prostate cancer',
    facilities: ['Bay Area Urology Group', 'Pacific Pathology Associates', 'Westside Radiology', 'Pacific Cancer Center'],
    imaging: ['MRI PROSTATE WITH AND WITHOUT CONTRAST', 'NM BONE SCAN WHOLE BODY', 'CT ABDOMEN AND PELVIS WITH CONTRAST', 'PSMA PET/CT'],
    findings: [
      'A 1.1 cm lesion in the left peripheral zone is markedly hypointense on ADC (PI-RADS 4).', 'No extraprostatic extension or seminal vesicle invasion.',
      'No pelvic lymphadenopathy.', 'No scintigraphic evidence of osseous metastatic disease.',
    ],
    notes: [
      'PSA rose from 6.8 to 7.9 ng/mL over three months.', 'Intermediate favorable-risk prostate adenocarcinoma, clinical stage T1c.',
      'We discussed active surveillance, radical prostatectomy and external beam radiation therapy.', 'Urinary continence and erectile function are normal at baseline.',
    ],
    pathology: [
      'Adenocarcinoma, Gleason score 3+4=7 (Grade Group 2), involving 2 of 3 cores.', 'Perineural invasion is present.',
      'Immunohistochemistry for p63 and racemase supports the diagnosis.', 'Benign prostatic tissue with chronic inflammation.',
    ],
    procedures: ['MRI-targeted transperineal prostate biopsy', 'robotic-assisted laparoscopic radical prostatectomy with pelvic lymph node dissection'],
    labs: [['PSA, TOTAL', 'ng/mL', '0.0-4.0'], ['TESTOSTERONE, TOTAL', 'ng/dL', '264-916']],
    medications: ['tamsulosin 0.4 mg at bedtime', 'finasteride 5 mg daily'],
  },
  {
    name: 'coronary artery disease',
    facilities: ['Harbor Heart Institute', 'Mercy General Hospital', 'Mercy Cardiothoracic Surgery'],
    imaging: ['CT CORONARY CALCIUM SCORE', 'CT CHEST WITHOUT CONTRAST', 'CAROTID DUPLEX ULTRASOUND'],
    findings: ['Dense coronary artery calcifications in the LAD territory.', '50-69% left internal carotid artery stenosis by velocity criteria.', 'No porcelain aorta.'],
    notes: [
      'Exertional chest pressure relieved by rest.', 'Left ventricular ejection fraction is mildly reduced at 45 percent.',
      'Catheterization showed left main and three-vessel coronary artery disease.', 'Coronary artery bypass grafting was recommended over multivessel PCI.',
      'Non-ST-elevation myocardial infarction with troponin peaking at 2.4 ng/mL.',
    ],
    pathology: [],
    procedures: ['left heart catheterization and selective coronary angiography', 'coronary artery bypass grafting times three'],
    labs: [['TROPONIN I, HS', 'ng/mL', '<0.04'], ['LDL CHOLESTEROL', 'mg/dL', '<100'], ['HDL CHOLESTEROL', 'mg/dL', '>50'], ['TRIGLYCERIDES', 'mg/dL', '<150'], ['NT-PROBNP', 'pg/mL', '<125']],
    medications: ['aspirin 81 mg daily', 'ticagrelor 90 mg twice daily', 'metoprolol succinate 50 mg daily', 'atorvastatin 80 mg nightly', 'nitroglycerin 0.4 mg sublingual as needed'],
  },
  {
    name: 'colon cancer',
    facilities: ['Lakeside Gastroenterology', 'Great Lakes Pathology Laboratory', 'Cuyahoga Surgical Oncology', 'Northwestern Valley Cancer Institute'],
    imaging: ['CT CHEST ABDOMEN PELVIS WITH CONTRAST', 'PET/CT SKULL BASE TO MID-THIGH', 'MRI LIVER WITH CONTRAST'],
    findings: ['Irregular wall thickening of the ascending colon with pericolic lymph nodes up to 9 mm.', 'No hepatic metastases.', 'FDG-avid ascending colon primary, SUVmax 18.4.'],
    notes: ['Iron deficiency anemia and an elevated CEA led to colonoscopy.', 'Clinical stage T3 N1 M0 adenocarcinoma of the ascending colon.', 'Adjuvant CAPOX would follow if nodes are positive.'],
    pathology: ['Invasive adenocarcinoma, moderately differentiated.', 'Mismatch repair proteins show intact nuclear expression (MMR proficient).', 'Tubular adenoma without high-grade dysplasia.'],
    procedures: ['colonoscopy with biopsy and tattoo', 'laparoscopic right hemicolectomy with complete mesocolic excision'],
    labs: [['CEA', 'ng/mL', '0.0-3.0'], ['FERRITIN', 'ng/mL', '16-232'], ['IRON, TOTAL', 'mcg/dL', '45-160']],
    medications: ['ferrous sulfate 325 mg every other day', 'ondansetron 4 mg as needed for nausea'],
  },
  {
    name: 'breast cancer',
    facilities: ['Women’s Imaging Center', 'Coastal Breast Surgery', 'Pacific Pathology Associates', 'Pacific Cancer Center'],
    imaging: ['MAMMOGRAM DIAGNOSTIC BILATERAL', 'US BREAST LEFT', 'MRI BREASTS BILATERAL WITH CONTRAST'],
    findings: ['An irregular spiculated mass at 2 o’clock in the left breast, BI-RADS 5.', 'No suspicious axillary lymph nodes.', 'Scattered fibroglandular densities.'],
    notes: ['Invasive ductal carcinoma of the left breast, clinical stage IA.', 'Lumpectomy with sentinel node biopsy versus mastectomy was discussed.', 'Oncotype DX recurrence score 14.'],
    pathology: ['Invasive ductal carcinoma, grade 2, estrogen receptor positive (95%), progesterone receptor positive, HER2 negative.', 'Ki-67 is 15 percent.', 'Margins are negative; closest margin 3 mm.'],
    procedures: ['ultrasound-guided core needle biopsy', 'left partial mastectomy with sentinel lymph node biopsy'],
    labs: [['CA 27-29', 'U/mL', '<38']],
    medications: ['anastrozole 1 mg daily', 'calcium with vitamin D twice daily'],
  },
  {
    name: 'knee injury',
    facilities: ['Front Range Orthopedics & Sports Medicine', 'Alpine Diagnostic Imaging', 'Flatirons Rehab & Performance'],
    imaging: ['MR KNEE LEFT WITHOUT CONTRAST', 'XR KNEE LEFT 3 VIEWS'],
    findings: ['Complete tear of the anterior cruciate ligament at the femoral attachment.', 'Bone contusions of the lateral femoral condyle.', 'Vertical peripheral tear of the posterior horn medial meniscus.'],
    notes: ['Twisting injury while skiing with immediate swelling and instability.', 'Lachman 2B and pivot shift 2+.', 'ACL reconstruction with patellar tendon autograft was recommended.'],
    pathology: [],
    procedures: ['left knee arthroscopy with ACL reconstruction and medial meniscus repair'],
    labs: [],
    medications: ['ibuprofen 600 mg three times daily with food'],
  },
  {
    name: 'thyroid nodule',
    facilities: ['Endocrine Associates of Dallas', 'North Texas Imaging', 'Lone Star Pathology'],
    imaging: ['US THYROID', 'CT NECK WITH CONTRAST'],
    findings: ['A 2.3 cm solid hypoechoic nodule in the right lobe with microcalcifications, TI-RADS 5.', 'No abnormal cervical lymph nodes.'],
    notes: ['Thyroid nodule found incidentally on a carotid ultrasound.', 'Fine needle aspiration was Bethesda category V.'],
    pathology: ['Papillary thyroid carcinoma, classic type.', 'Suspicious for malignancy (Bethesda V).'],
    procedures: ['ultrasound-guided fine needle aspiration of the right thyroid nodule', 'total thyroidectomy'],
    labs: [['TSH', 'mIU/L', '0.40-4.50'], ['FREE T4', 'ng/dL', '0.8-1.8'], ['THYROGLOBULIN', 'ng/mL', '2.8-40.9']],
    medications: ['levothyroxine 100 mcg daily'],
  },
  {
    name: 'lung nodule',
    facilities: ['Midwest Pulmonary Associates', 'Heartland Imaging', 'Heartland Thoracic Surgery'],
    imaging: ['CT CHEST WITHOUT CONTRAST', 'PET/CT WHOLE BODY', 'CT-GUIDED LUNG BIOPSY'],
    findings: ['A 1.8 cm spiculated nodule in the right upper lobe.', 'Centrilobular emphysema.', 'No mediastinal lymphadenopathy.'],
    notes: ['Former smoker with 40 pack-years.', 'Pulmonary function tests show FEV1 of 78 percent predicted.', 'Lobectomy versus stereotactic body radiation therapy was discussed.'],
    pathology: ['Adenocarcinoma of the lung, acinar predominant; EGFR and ALK negative.'],
    procedures: ['CT-guided percutaneous biopsy of the right upper lobe nodule', 'robotic right upper lobectomy with mediastinal lymph node dissection'],
    labs: [],
    medications: ['tiotropium inhaler once daily', 'albuterol inhaler as needed'],
  },
  {
    name: 'kidney disease',
    facilities: ['Capital Nephrology', 'Capital Urology', 'Saint Agnes Hospital'],
    imaging: ['CT ABDOMEN PELVIS STONE PROTOCOL', 'US RENAL COMPLETE'],
    findings: ['A 7 mm obstructing calculus in the left proximal ureter with moderate hydronephrosis.', 'Both kidneys are small and echogenic.'],
    notes: ['Chronic kidney disease stage 3b with proteinuria.', 'Recurrent calcium oxalate kidney stones.', 'Ureteroscopy with laser lithotripsy was recommended.'],
    pathology: [],
    procedures: ['left ureteroscopy with holmium laser lithotripsy and stent placement'],
    labs: [['URINE ALBUMIN/CREATININE RATIO', 'mg/g', '<30'], ['PHOSPHORUS', 'mg/dL', '2.5-4.5'], ['PTH, INTACT', 'pg/mL', '16-77'], ['URIC ACID', 'mg/dL', '2.5-7.0']],
    medications: ['lisinopril 20 mg daily', 'potassium citrate 10 mEq twice daily'],
  },
  {
    name: 'hip arthritis',
    facilities: ['Valley Joint Replacement Center', 'Valley Imaging', 'Valley Physical Therapy'],
    imaging: ['XR HIP RIGHT 2 VIEWS', 'XR PELVIS AP'],
    findings: ['Severe joint space narrowing of the right hip with subchondral sclerosis and osteophytes.', 'No fracture.'],
    notes: ['Right groin pain for three years, now limiting sleep and walking.', 'Total hip arthroplasty was recommended after failed injections.'],
    pathology: ['Femoral head with degenerative joint disease.'],
    procedures: ['right hip intra-articular corticosteroid injection', 'right total hip arthroplasty, anterior approach'],
    labs: [],
    medications: ['acetaminophen 1000 mg three times daily', 'celecoxib 200 mg daily'],
  },
];

interface Comorbidity {
  readonly notes: readonly string[];
  readonly labs: readonly (readonly [string, string, string])[];
  readonly meds: readonly string[];
}

const COMORBIDITIES: readonly Comorbidity[] = [
  { notes: ['Type 2 diabetes mellitus, hemoglobin A1c 7.1 percent.', 'Continue metformin 1000 mg twice daily.'], labs: [['HEMOGLOBIN A1C', '%', '4.0-5.6']], meds: ['metformin 1000 mg twice daily'] },
  { notes: ['Hypertension, well controlled on lisinopril.', 'Blood pressure today 132/78.'], labs: [], meds: ['lisinopril 10 mg daily', 'amlodipine 5 mg daily'] },
  { notes: ['Hyperlipidemia on statin therapy.'], labs: [['LDL CHOLESTEROL', 'mg/dL', '<100'], ['CHOLESTEROL, TOTAL', 'mg/dL', '<200']], meds: ['atorvastatin 40 mg nightly'] },
  { notes: ['Hypothyroidism on replacement.'], labs: [['TSH', 'mIU/L', '0.40-4.50']], meds: ['levothyroxine 75 mcg daily'] },
  { notes: ['Gastroesophageal reflux disease.'], labs: [], meds: ['omeprazole 20 mg before breakfast'] },
  { notes: ['Obstructive sleep apnea on CPAP.'], labs: [], meds: [] },
];

// Sentences of any clinical document, drawn by a Zipf-like law: a few are in most documents, most are rare.
const GENERAL = [
  'The patient was seen and examined.', 'Vital signs were reviewed.', 'Denies fever, chills, chest pain or shortness of breath.', 'Allergies were reviewed and are unchanged.',
  'Medications were reconciled.', 'Follow up in three months or sooner if symptoms worsen.', 'Questions were answered to the patient’s satisfaction.', 'Labs and imaging were reviewed with the patient.',
  'Past medical history was reviewed.', 'Social history: lives with spouse, retired teacher.', 'Family history is notable for heart disease in her father.', 'No tobacco use; occasional alcohol.',
  'Alert and oriented, in no acute distress.', 'Lungs are clear to auscultation bilaterally.', 'Heart has a regular rate and rhythm without murmurs.', 'Abdomen is soft and nontender.',
  'No peripheral edema.', 'Skin is warm and dry.', 'Gait is steady.', 'Cranial nerves II-XII are intact.', 'Mood and affect are appropriate.', 'Hearing is grossly normal.',
  'The risks, benefits and alternatives were discussed.', 'Informed consent was obtained.', 'The patient tolerated the procedure well.', 'There were no complications.',
  'Estimated blood loss was minimal.', 'The patient was discharged home in stable condition.', 'A copy of this report was sent to the referring physician.', 'Please call with any questions.',
  'Interpreter services were not required.', 'Time spent counseling exceeded half of the visit.', 'Advance directives were discussed.', 'The patient brought a family member to the visit.',
  'Weight is stable compared with the last visit.', 'Sleep is fragmented by pain.', 'Appetite is good.', 'Vaccinations are up to date, including influenza this season.',
  'Colonoscopy is up to date.', 'Bone density screening was recommended.', 'Depression screening was negative.', 'Fall risk assessment was completed.',
  'Driving was discussed.', 'Return precautions were reviewed.', 'The patient prefers to think about the options.', 'A second opinion was welcomed.',
];

function zipf(random: () => number, n: number): number {
  // Inverse-CDF sampling of a Zipf(1) law over n items.
  const h = Math.log(n) + 0.5772;
  const u = random() * h;
  return Math.min(n - 1, Math.floor(Math.exp(u - 0.5772)) - 1 < 0 ? 0 : Math.floor(Math.exp(u - 0.5772)) - 1);
}

interface Client {
  readonly condition: Condition;
  readonly comorbidities: readonly Comorbidity[];
  readonly name: string;
}

export function realisticClients(random: () => number, count: number): Client[] {
  const first = ['Margaret', 'Robert', 'Dolores', 'Kwame', 'Ingrid', 'Lucia', 'Thomas', 'Aisha', 'Henrik', 'Mei', 'Gustavo', 'Priya', 'Samuel', 'Elena', 'Jonah'];
  const last = ['O’Neill', 'Chen', 'Ramírez', 'Mensah', 'Solberg', 'Ferrari', 'Walsh', 'Okafor', 'Lindqvist', 'Wang', 'Mejía', 'Shah', 'Brooks', 'Varga', 'Klein'];
  return Array.from({ length: count }, (_, i) => ({
    condition: CONDITIONS[i % CONDITIONS.length]!,
    comorbidities: COMORBIDITIES.filter(() => random() < 0.3),
    name: `${first[i % first.length]} ${last[(i * 7 + Math.floor(i / first.length)) % last.length]}`,
  }));
}

// Real folders are mostly short documents with a few very long ones; the mean is the bench's 10 pages.
function pageCount(random: () => number, type: DocumentType): number {
  const r = random();
  switch (type) {
    case 'lab-report':
      return 1 + Math.floor(r * 3);
    case 'imaging-report':
    case 'pathology-report':
      return 1 + Math.floor(r * 3);
    case 'discharge-summary':
      return r < 0.5 ? 4 + Math.floor(random() * 10) : 60 + Math.floor(random() * 140);
    case 'medication-list':
    case 'correspondence':
      return 1 + Math.floor(r * 2);
    default:
      return r < 0.93 ? 2 + Math.floor(random() * 8) : 40 + Math.floor(random() * 80);
  }
}

const TYPES: readonly [DocumentType, number][] = [
  ['lab-report', 0.28], ['imaging-report', 0.14], ['consult-note', 0.26], ['correspondence', 0.1], ['medication-list', 0.05], ['pathology-report', 0.04],
  ['operative-note', 0.04], ['discharge-summary', 0.05], ['cardiac-test', 0.02], ['recommendation', 0.02],
];

export function realisticDocument(random: () => number, client: Client, index: number): SyntheticDocument {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const c = client.condition;
  let roll = random();
  const type = (TYPES.find(([, share]) => (roll -= share) < 0) ?? TYPES[0]!)[0];
  const facility = pick(c.facilities);
  const year = 2015 + Math.floor(random() * 11);
  const date = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const pages = pageCount(random, type);
  const general = () => GENERAL[zipf(random, GENERAL.length)]!;
  const conditionNotes = [...c.notes, ...client.comorbidities.flatMap((m) => m.notes)];
  let title: string = type;
  const texts: string[] = [];
  for (let p = 0; p < pages; p++) {
    const lines = [facility, `Patient: ${client.name}    Date of service: ${date}    Page ${p + 1} of ${pages}`];
    const filler = (n: number) => {
      for (let i = 0; i < n; i++) lines.push(random() < 0.6 ? general() : pick(conditionNotes));
    };
    switch (type) {
      case 'lab-report': {
        title = 'Laboratory results';
        const panel = [...BASIC_LABS, ...c.labs, ...client.comorbidities.flatMap((m) => m.labs)];
        lines.push('Test Name  Result  Flag  Units  Reference Range');
        for (let i = 0; i < 24; i++) {
          const [name, unit, range] = pick(panel);
          lines.push(`${name}  ${(random() * 200).toFixed(1)}  ${random() < 0.12 ? 'H' : ''}  ${unit}  ${range}`);
        }
        break;
      }
      case 'imaging-report':
        title = c.imaging.length ? pick(c.imaging) : 'XR CHEST 2 VIEWS';
        lines.push(title, `Accession: R${year % 100}-${String(Math.floor(random() * 1e6)).padStart(6, '0')}`, 'FINDINGS:');
        for (let i = 0; i < 8; i++) lines.push(c.findings.length ? pick(c.findings) : 'No acute abnormality.');
        filler(6);
        lines.push('IMPRESSION:', c.findings.length ? pick(c.findings) : 'No acute abnormality.');
        break;
      case 'pathology-report':
        title = 'Surgical Pathology Report';
        lines.push(`Accession #: S${year % 100}-${1000 + Math.floor(random() * 9000)}`, 'FINAL DIAGNOSIS:');
        for (let i = 0; i < 6; i++) lines.push(c.pathology.length ? pick(c.pathology) : 'Benign tissue.');
        lines.push('GROSS DESCRIPTION:', 'Received in formalin labeled with the patient name are several tan-pink fragments, entirely submitted.');
        filler(4);
        break;
      case 'operative-note':
      case 'recommendation':
        title = type === 'operative-note' ? 'Operative Report' : 'Surgical Consultation';
        lines.push(`PROCEDURE: ${pick(c.procedures)}`);
        filler(16);
        break;
      case 'medication-list':
        title = 'Medication List';
        for (const med of [...c.medications, ...client.comorbidities.flatMap((m) => m.meds)]) lines.push(med);
        filler(4);
        break;
      case 'cardiac-test':
        title = 'Electrocardiogram';
        lines.push('Sinus rhythm. Normal axis. No acute ST changes.', `Ventricular rate ${60 + Math.floor(random() * 40)} BPM.`);
        filler(6);
        break;
      default:
        title = type === 'discharge-summary' ? 'Discharge Summary' : type === 'correspondence' ? 'Letter' : 'Office Visit';
        filler(22);
    }
    texts.push(lines.join('\n'));
  }
  return { type, title: `${title} ${index}`.trim(), facility, date, pages: texts };
}

/** Searches an advocate types over such a library: conditions, tests, drugs, findings, places, case numbers. */
export const REALISTIC_QUERIES = [
  'creatinine', 'PSA, total', 'S24-1187', 'stenosis', 'MRI lumbar', 'Gleason', 'ejection fraction', 'metformin', 'Whitaker',
  'perineural invasion', 'hemoglobin a1c', 'hydronephrosis', 'bone contusion', 'Lakeshore', 'second opinion', 'troponin',
  'peripheral zone', 'claudication', 'LDL cholesterol', 'spiculated', 'HER2', 'Bethesda', 'back pain radiating', 'physical therapy',
  'TSH', 'ferritin', 'bypass grafting', 'margins negative', 'lisinopril', 'emphysema', 'mesocolic', 'anastrozole', 'meniscus', 'arthroplasty',
];
