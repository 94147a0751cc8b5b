/**
 * A second, separately written set of patient folders, kept out of the suggestion engine's tuning:
 * other institutions, other wording, other date formats. The bench reports it apart from FOLDERS so
 * that a rule fitted to the first set shows up as a gap here. Synthetic people and institutions.
 */
import type { CorpusDocument } from './folders.ts';
import type { Block } from './render.ts';

const KWAME = { name: 'MENSAH, KWAME A', display: 'Kwame Mensah', dob: '07/19/1971' };
const INGRID = { name: 'Solberg, Ingrid', display: 'Ingrid Solberg', dob: '02/27/1983' };

const para = (text: string): Block => ({ kind: 'paragraph', text });
const heading = (text: string): Block => ({ kind: 'heading', text });

export const HOLDOUT: readonly CorpusDocument[] = [
  // ---------------------------------------------------------------- Kwame Mensah: colon cancer
  {
    folder: 'kwame-mensah',
    file: 'CEA and CBC.pdf',
    layout: { font: 'Helvetica', size: 9, footer: 'Page 1 of 1    Report printed 2025-03-15 18:22' },
    blocks: [
      { kind: 'letterhead', lines: ['Northwestern Valley Hospital', 'Clinical Laboratory Services  |  CLIA 14D0427391'] },
      { kind: 'fields', columns: 2, pairs: [['Patient', KWAME.name], ['Birth date', KWAME.dob], ['Acct', '88120031'], ['Ordered by', 'Dr. Hannah Feld'], ['Coll. Date', '03-04-2025 08:05'], ['Final', '03-04-2025 14:47']] },
      {
        kind: 'table',
        header: ['Component', 'Value', 'Ref Range', 'Units', ''],
        rows: [
          ['CEA', '14.2', '0.0 - 3.0', 'ng/mL', 'H'],
          ['WBC', '7.4', '4.0 - 11.0', 'K/uL', ''],
          ['Hemoglobin', '10.1', '13.5 - 17.5', 'g/dL', 'L'],
          ['MCV', '74', '80 - 100', 'fL', 'L'],
          ['Platelets', '388', '150 - 400', 'K/uL', ''],
          ['Ferritin', '9', '30 - 400', 'ng/mL', 'L'],
        ],
      },
    ],
    truth: { type: 'lab-report', dateOfService: '2025-03-04', facility: ['Northwestern Valley Hospital'], clinician: 'Hannah Feld' },
  },
  {
    folder: 'kwame-mensah',
    file: 'colonoscopy with biopsy.pdf',
    layout: { font: 'Times' },
    blocks: [
      { kind: 'letterhead', lines: ['Lakeside Gastroenterology, P.C.', 'Endoscopy Suite  ·  720 Lakeside Ave, Cleveland, OH 44114'] },
      { kind: 'title', text: 'Procedure Report: Colonoscopy' },
      { kind: 'fields', pairs: [['Patient', KWAME.display], ['DOB', KWAME.dob], ['Date', 'March 6, 2025'], ['Gastroenterologist', 'Omar Haddad, MD'], ['Referring', 'Hannah Feld, MD']] },
      para('Indications: Iron deficiency anemia, elevated CEA.'),
      para('Procedure: After obtaining informed consent, the Olympus colonoscope was introduced through the anus and advanced to the terminal ileum. The quality of the preparation was adequate.'),
      para('Findings: A fungating, partially obstructing mass was found in the ascending colon, 5 cm in length, circumferential. Biopsies were taken with cold forceps. The area was tattooed with Spot. The remainder of the colon was normal.'),
      para('Complications: No immediate complications. Estimated blood loss: minimal.'),
      para('Impression: Ascending colon mass, likely malignant; biopsied and tattooed.'),
      para('Omar Haddad, MD'),
    ],
    truth: { type: 'operative-note', dateOfService: '2025-03-06', facility: ['Lakeside Gastroenterology, P.C.', 'Lakeside Gastroenterology'], clinician: 'Omar Haddad, MD' },
  },
  {
    folder: 'kwame-mensah',
    file: 'path ascending colon.pdf',
    layout: { font: 'Helvetica', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['Great Lakes Pathology Laboratory', '1101 Euclid Ave, Cleveland, OH 44115  ·  (216) 555-0180'] },
      { kind: 'title', text: 'Pathology Report', align: 'left' },
      { kind: 'table', header: ['Case #', 'Procedure date', 'Received', 'Signed'], rows: [['GL25-03321', '03/06/2025', '03/07/2025', '03/10/2025']] },
      { kind: 'fields', pairs: [['Patient', KWAME.name], ['DOB', KWAME.dob], ['Physician', 'Omar Haddad, MD']] },
      heading('Diagnosis'),
      para('Colon, ascending, mass, biopsy: Invasive adenocarcinoma, moderately differentiated. Mismatch repair proteins (MLH1, PMS2, MSH2, MSH6): intact nuclear expression (MMR proficient).'),
      heading('Specimen description'),
      para('Received in formalin labeled "ascending colon mass" are six tan-pink fragments of soft tissue measuring in aggregate 0.8 x 0.6 x 0.3 cm, entirely submitted in one cassette.'),
      para('Pathologist: Rebecca Olsen, MD'),
    ],
    truth: { type: 'pathology-report', dateOfService: '2025-03-06', facility: ['Great Lakes Pathology Laboratory'], clinician: 'Rebecca Olsen, MD' },
  },
  {
    folder: 'kwame-mensah',
    file: 'staging CT.pdf',
    layout: { font: 'Helvetica', banner: 'From: NVH Radiology  Fax: (216) 555-0111  Sent: 3/14/2025 4:51:02 PM  Page 1 of 2' },
    blocks: [
      { kind: 'letterhead', lines: ['Northwestern Valley Hospital', 'Imaging Services'] },
      { kind: 'fields', pairs: [['Patient', KWAME.name], ['DOB', KWAME.dob], ['Exam', 'CT CHEST ABDOMEN PELVIS W CONTRAST'], ['Exam date/time', '2025/03/11 10:20'], ['Ordering physician', 'Hannah Feld, MD']] },
      para('History: Newly diagnosed ascending colon adenocarcinoma. Staging.'),
      para('Technique: Helical CT from the thoracic inlet to the pubic symphysis following 100 mL intravenous contrast.'),
      para('Comparison: CT abdomen 2019-08-02.'),
      para('Findings: Chest: no pulmonary nodules or lymphadenopathy. Abdomen: irregular wall thickening of the ascending colon over 6 cm with adjacent fat stranding and three pericolic nodes up to 9 mm. No liver lesions. Pelvis: unremarkable.'),
      para('Impression: Ascending colon primary with suspicious pericolic lymph nodes. No distant metastatic disease.'),
      para('Radiologist: Chen Wei, MD'),
    ],
    truth: { type: 'imaging-report', dateOfService: '2025-03-11', facility: ['Northwestern Valley Hospital'], clinician: 'Chen Wei, MD' },
  },
  {
    folder: 'kwame-mensah',
    file: 'surgical oncology.pdf',
    layout: { font: 'Times', size: 11 },
    blocks: [
      { kind: 'letterhead', lines: ['Cuyahoga Surgical Oncology', '2500 Carnegie Ave, Suite 210, Cleveland, OH 44115'], align: 'center' },
      { kind: 'lines', lines: ['18 March 2025'] },
      { kind: 'fields', pairs: [['Re', KWAME.display], ['Date of birth', KWAME.dob], ['Seen', '14 March 2025']] },
      para('Dear Dr. Feld,'),
      para('I had the pleasure of seeing Mr. Mensah in the surgical oncology clinic regarding his newly diagnosed adenocarcinoma of the ascending colon. Staging CT shows no distant disease. He is fit, works as an electrician and walks daily.'),
      para('My recommendation is a laparoscopic right hemicolectomy with complete mesocolic excision and regional lymphadenectomy, to be followed by adjuvant chemotherapy if the nodes are positive. I reviewed the risks of anastomotic leak, bleeding, infection, ileus and conversion to open surgery, and the alternative of neoadjuvant chemotherapy which is not standard for colon cancer outside trials. He wishes to proceed; we have tentatively booked the operation for April 2.'),
      { kind: 'lines', lines: ['Yours sincerely,', '', 'Marcus Bell, MD, FACS', 'Surgical Oncology'] },
    ],
    truth: { type: 'recommendation', dateOfService: '2025-03-14', facility: ['Cuyahoga Surgical Oncology'], clinician: 'Marcus Bell, MD' },
  },
  {
    folder: 'kwame-mensah',
    file: 'med onc consult.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Northwestern Valley Cancer Institute', 'Medical Oncology'] },
      { kind: 'title', text: 'Initial Consultation' },
      { kind: 'fields', columns: 2, pairs: [['Patient', KWAME.display], ['DOB', KWAME.dob], ['Appointment date', '03/19/2025'], ['Oncologist', 'Sofia Marin, MD']] },
      heading('Reason for referral'),
      para('Newly diagnosed right colon adenocarcinoma, MMR proficient, discussion of systemic therapy.'),
      heading('Assessment'),
      para('Clinical stage T3 N1 M0 ascending colon adenocarcinoma. Surgery is the appropriate first step. Depending on final pathology, adjuvant CAPOX for 3 to 6 months would be recommended. Iron infusion before surgery for anemia.'),
      para('Sofia Marin, MD'),
    ],
    truth: { type: 'consult-note', dateOfService: '2025-03-19', facility: ['Northwestern Valley Cancer Institute'], clinician: 'Sofia Marin, MD' },
  },
  {
    folder: 'kwame-mensah',
    file: 'PET CT.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Cleveland Molecular Imaging', '9500 Euclid Ave, Cleveland, OH 44195'] },
      { kind: 'title', text: 'PET/CT SKULL BASE TO MID-THIGH (FDG)', align: 'left' },
      { kind: 'fields', pairs: [['Name', KWAME.display], ['DOB', KWAME.dob], ['Scan date', 'Mar 20, 2025'], ['Referring', 'Sofia Marin, MD']] },
      para('Blood glucose 96 mg/dL. 11.8 mCi F-18 FDG. Uptake time 62 minutes.'),
      para('Findings: Intense FDG avidity in the ascending colon mass, SUVmax 18.4. Mildly avid pericolic nodes, SUVmax 3.1. No FDG-avid hepatic, pulmonary or osseous lesions.'),
      para('Impression: FDG-avid ascending colon primary with low-grade avid regional nodes. No distant metastases.'),
      para('Reported by: Aaron Fisk, MD'),
    ],
    truth: { type: 'imaging-report', dateOfService: '2025-03-20', facility: ['Cleveland Molecular Imaging'], clinician: 'Aaron Fisk, MD' },
  },
  {
    folder: 'kwame-mensah',
    file: 'hernia repair 2016.pdf',
    layout: { font: 'Courier', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['WESTSHORE COMMUNITY HOSPITAL', 'PERIOPERATIVE SERVICES'] },
      { kind: 'title', text: 'OPERATIVE NOTE', align: 'left' },
      { kind: 'fields', pairs: [['NAME', KWAME.name], ['DOB', KWAME.dob], ['DATE OF SURGERY', '09/27/2016'], ['SURGEON', 'Paula Dunn, MD'], ['ASSISTANT', 'None']] },
      para('PRE-OP DIAGNOSIS: Right inguinal hernia.   POST-OP DIAGNOSIS: Right indirect inguinal hernia.'),
      para('OPERATION: Open right inguinal hernia repair with mesh (Lichtenstein).'),
      para('ANESTHESIA: General. EBL: 10 mL. DRAINS: None. COMPLICATIONS: None.'),
      para('FINDINGS AND TECHNIQUE: An oblique incision was made. The external oblique aponeurosis was opened. An indirect sac was dissected and reduced. A polypropylene mesh was secured to the inguinal ligament and conjoint tendon. Layered closure.'),
    ],
    truth: { type: 'operative-note', dateOfService: '2016-09-27', facility: ['Westshore Community Hospital'], clinician: 'Paula Dunn, MD' },
  },
  {
    folder: 'kwame-mensah',
    file: 'medicines.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Northwestern Valley Cancer Institute'] },
      { kind: 'title', text: 'Your Medication List', align: 'left' },
      { kind: 'fields', pairs: [['Name', KWAME.display], ['Date of birth', KWAME.dob], ['Updated', '03/19/2025']] },
      { kind: 'table', header: ['Medicine', 'How to take it'], widths: [200, 300], rows: [['ferrous sulfate 325 mg tablet', '1 tablet by mouth every other day'], ['amlodipine 5 mg tablet', '1 tablet by mouth every morning'], ['omeprazole 20 mg capsule', '1 capsule before breakfast']] },
    ],
    truth: { type: 'medication-list', dateOfService: '2025-03-19', facility: ['Northwestern Valley Cancer Institute'], clinician: null },
  },
  {
    folder: 'kwame-mensah',
    file: 'billing statement letter.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Northwestern Valley Hospital', 'Patient Financial Services'] },
      { kind: 'lines', lines: ['Statement date: 04/01/2025', '', KWAME.display, '1418 W 65th St', 'Cleveland, OH 44102'] },
      para('Dear Kwame Mensah,'),
      para('Your insurance has paid its portion of the charges for your visit on 03/11/2025. The remaining balance of $150.00 is your responsibility. If you have questions about this statement or would like to set up a payment plan, please call 216-555-0190.'),
      { kind: 'lines', lines: ['Thank you,', 'Patient Financial Services'] },
    ],
    truth: { type: 'correspondence', dateOfService: '2025-04-01', facility: ['Northwestern Valley Hospital'], clinician: null },
  },

  // ---------------------------------------------------------------- Ingrid Solberg: ACL reconstruction
  {
    folder: 'ingrid-solberg',
    file: 'knee MRI.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Alpine Diagnostic Imaging', '77 Canyon Blvd, Boulder, CO 80302  ·  303-555-0147'], align: 'right' },
      { kind: 'title', text: 'MR KNEE LEFT WITHOUT CONTRAST', align: 'left' },
      { kind: 'fields', pairs: [['Patient', INGRID.name], ['DOB', INGRID.dob], ['Date of service', '2025-05-02'], ['Referring physician', 'Tomas Berg, MD']] },
      para('History: Twisting injury while skiing 04/20/2025, instability.'),
      para('Findings: Complete tear of the anterior cruciate ligament at the femoral attachment. Bone contusions of the lateral femoral condyle and posterolateral tibial plateau. Posterior horn medial meniscus: vertical peripheral tear. MCL grade 1 sprain. Moderate joint effusion.'),
      para('Impression: Complete ACL tear with pivot-shift contusion pattern. Peripheral tear posterior horn medial meniscus.'),
      para('Signed: Keiko Yamada, MD, 05/02/2025'),
    ],
    truth: { type: 'imaging-report', dateOfService: '2025-05-02', facility: ['Alpine Diagnostic Imaging'], clinician: 'Keiko Yamada, MD' },
  },
  {
    folder: 'ingrid-solberg',
    file: 'knee xray.pdf',
    layout: { font: 'Times' },
    blocks: [
      { kind: 'letterhead', lines: ['Boulder Community Health', 'Radiology Department'] },
      { kind: 'fields', pairs: [['Patient', INGRID.name], ['DOB', INGRID.dob], ['Examination', 'XR KNEE LEFT 3 VIEWS'], ['Date performed', '04/21/2025']] },
      para('Findings: Joint effusion. No fracture. Segond fracture not identified. Joint spaces preserved.'),
      para('Impression: Effusion without fracture.'),
      para('Read by: Daniel Ruiz, MD'),
    ],
    truth: { type: 'imaging-report', dateOfService: '2025-04-21', facility: ['Boulder Community Health'], clinician: 'Daniel Ruiz, MD' },
  },
  {
    folder: 'ingrid-solberg',
    file: 'sports med consult.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Front Range Orthopedics & Sports Medicine', '4800 Baseline Rd, Boulder, CO 80303'] },
      { kind: 'title', text: 'Orthopedic Clinic Note' },
      { kind: 'fields', columns: 2, pairs: [['Patient', INGRID.display], ['DOB', INGRID.dob], ['DOS', '05/06/2025'], ['Surgeon', 'Tomas Berg, MD']] },
      heading('HPI'),
      para('42-year-old recreational skier and trail runner with left knee instability after a twisting injury on 04/20/2025. MRI shows a complete ACL tear and a peripheral medial meniscus tear.'),
      heading('Exam'),
      para('Lachman 2B, pivot shift 2+, medial joint line tenderness. Full extension, flexion to 120 degrees.'),
      heading('Assessment & Plan'),
      para('Left ACL rupture with repairable medial meniscus tear in an active patient. I have recommended left ACL reconstruction with bone-patellar tendon-bone autograft and medial meniscus repair, after prehabilitation to regain full motion. We talked about the risks (infection, stiffness, graft failure, anterior knee pain, DVT) and the alternative of nonoperative management with bracing and activity modification. Surgery is planned in 3 to 4 weeks.'),
      para('Tomas Berg, MD'),
    ],
    truth: { type: 'recommendation', dateOfService: '2025-05-06', facility: ['Front Range Orthopedics & Sports Medicine'], clinician: 'Tomas Berg, MD' },
  },
  {
    folder: 'ingrid-solberg',
    file: 'preop labs.pdf',
    layout: { font: 'Courier', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['BIOREFERENCE LABORATORIES', '481 EDWARD H ROSS DRIVE  ELMWOOD PARK NJ 07407'] },
      { kind: 'fields', pairs: [['PATIENT NAME', 'SOLBERG, INGRID'], ['D.O.B.', INGRID.dob], ['ACCESSION', 'B5123300'], ['PHYSICIAN', 'BERG, TOMAS'], ['DATE COLLECTED', '05/20/2025'], ['DATE REPORTED', '05/21/2025']] },
      {
        kind: 'table',
        header: ['TEST', 'RESULT', 'ABNORMAL', 'REFERENCE', 'UNITS'],
        rows: [
          ['HEMOGLOBIN', '13.8', '', '11.5-15.5', 'g/dL'],
          ['PLATELETS', '264', '', '150-400', 'x10E3/uL'],
          ['PT', '11.9', '', '9.6-12.3', 'sec'],
          ['INR', '1.0', '', '0.9-1.2', ''],
          ['HCG, QUALITATIVE, SERUM', 'NEGATIVE', '', 'NEGATIVE', ''],
        ],
      },
    ],
    truth: { type: 'lab-report', dateOfService: '2025-05-20', facility: ['BioReference Laboratories'], clinician: 'Tomas Berg' },
  },
  {
    folder: 'ingrid-solberg',
    file: 'preop ECG.pdf',
    layout: { font: 'Helvetica', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['Boulder Community Health', 'Pre-Admission Testing'] },
      { kind: 'title', text: 'ECG 12-lead', align: 'left' },
      { kind: 'fields', columns: 2, pairs: [['Patient', INGRID.name], ['DOB', INGRID.dob], ['Recorded', '20-May-2025 09:41'], ['Heart rate', '64 bpm'], ['PR', '152 ms'], ['QRS', '86 ms'], ['QT/QTcB', '398/410 ms']] },
      para('Normal sinus rhythm. Normal ECG.'),
      para('Overread by: Lars Eriksen, MD'),
    ],
    truth: { type: 'cardiac-test', dateOfService: '2025-05-20', facility: ['Boulder Community Health'], clinician: 'Lars Eriksen, MD' },
  },
  {
    folder: 'ingrid-solberg',
    file: 'arthroscopy 2014.pdf',
    layout: { font: 'Times' },
    blocks: [
      { kind: 'letterhead', lines: ['Denver Surgical Specialists', '1601 E 19th Ave, Denver, CO 80218'] },
      { kind: 'title', text: 'OPERATIVE REPORT' },
      { kind: 'fields', pairs: [['Patient', INGRID.display], ['DOB', INGRID.dob], ['Date of procedure', 'August 8, 2014'], ['Surgeon', 'Gregory Hale, MD']] },
      para('Preoperative diagnosis: Right knee lateral meniscus tear. Postoperative diagnosis: Same.'),
      para('Procedure: Right knee arthroscopy with partial lateral meniscectomy.'),
      para('Anesthesia: General with local. Estimated blood loss: minimal. Tourniquet: not used.'),
      para('Description: Standard anteromedial and anterolateral portals were made. Diagnostic arthroscopy revealed a complex tear of the posterior horn of the lateral meniscus, which was debrided to a stable rim. Cartilage surfaces were intact. Portals closed with nylon.'),
    ],
    truth: { type: 'operative-note', dateOfService: '2014-08-08', facility: ['Denver Surgical Specialists'], clinician: 'Gregory Hale, MD' },
  },
  {
    folder: 'ingrid-solberg',
    file: 'PT progress.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Flatirons Rehab & Performance'] },
      { kind: 'title', text: 'Physical Therapy Progress Note', align: 'left' },
      { kind: 'fields', pairs: [['Client', INGRID.display], ['DOB', INGRID.dob], ['Visit', '05/15/2025'], ['Visit #', '4 of 8'], ['Therapist', 'Amy Chu, DPT']] },
      para('Prehabilitation before ACL reconstruction. Knee ROM 0-132 degrees, quad lag resolved, effusion trace. Single-leg squat with mild valgus. Plan: continue strengthening; cleared for surgery from a PT standpoint.'),
      para('Amy Chu, DPT'),
    ],
    truth: { type: 'consult-note', dateOfService: '2025-05-15', facility: ['Flatirons Rehab & Performance'], clinician: 'Amy Chu, DPT' },
  },
  {
    folder: 'ingrid-solberg',
    file: 'records request reply.pdf',
    layout: { font: 'Times', size: 11 },
    blocks: [
      { kind: 'letterhead', lines: ['Boulder Community Health', 'Health Information Management - Release of Information'] },
      { kind: 'lines', lines: ['June 2, 2025', '', INGRID.display, '3100 Arapahoe Ave', 'Boulder, CO 80303'] },
      para('Dear Ms. Solberg,'),
      para('We received your request for copies of your medical records for dates of service 04/21/2025 through 05/20/2025. The enclosed CD contains your imaging and the enclosed pages contain your reports. There is no charge for this request.'),
      { kind: 'lines', lines: ['Sincerely,', 'Release of Information Specialist'] },
    ],
    truth: { type: 'correspondence', dateOfService: '2025-06-02', facility: ['Boulder Community Health'], clinician: null },
  },
  {
    folder: 'ingrid-solberg',
    file: 'aetna card.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Aetna', 'Open Access Aetna Select'] },
      { kind: 'fields', pairs: [['Member', 'INGRID SOLBERG'], ['ID', 'W123456789'], ['Group', '0284733-10-001'], ['BIN', '610502'], ['PCN', 'ADV'], ['Payer ID', '60054']] },
      para('Member services and precertification: 1-888-555-0155. Copay: PCP $30, Specialist $60, ER $300 (waived if admitted).'),
    ],
    truth: { type: 'insurance-id', dateOfService: null, facility: ['Aetna'], clinician: null },
  },
];
