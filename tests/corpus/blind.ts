/**
 * A third set of patient folders, written after the suggestion engine was done and measured once
 * before any change, so its first number says how the engine does on documents nobody tuned it for.
 * New institutions, label wordings and layouts. Synthetic people and institutions.
 */
import type { CorpusDocument } from './folders.ts';
import { heading, para } from './render.ts';

const HANNAH = { name: 'WEISS, HANNAH R', display: 'Hannah Weiss', dob: '11/02/1984' };
const LUIS = { name: 'Ortega, Luis', display: 'Luis Ortega', dob: '06/15/1951' };


export const BLIND: readonly CorpusDocument[] = [
  // ---------------------------------------------------------------- Hannah Weiss: uterine fibroids
  {
    folder: 'hannah-weiss',
    file: 'pelvic ultrasound.pdf',
    layout: { font: 'Helvetica', footer: 'Report generated 04/18/2025 07:55 by RIS. Confidential patient information.' },
    blocks: [
      { kind: 'letterhead', lines: ['Evergreen Women’s Imaging', '1210 Madison St, Seattle, WA 98104  ·  (206) 555-0122'] },
      { kind: 'fields', columns: 2, pairs: [['Name', HANNAH.name], ['DOB', HANNAH.dob], ['Service Date', '04/16/2025'], ['Ref. Provider', 'Nora Fitzgerald, MD']] },
      { kind: 'title', text: 'US PELVIS TRANSABDOMINAL AND TRANSVAGINAL', align: 'left' },
      para('Indication: Heavy menstrual bleeding, pelvic pressure.'),
      para('Findings: The uterus is enlarged, measuring 13.2 x 8.1 x 9.0 cm, with multiple fibroids. The dominant intramural fibroid in the fundus measures 6.4 cm. A 3.1 cm submucosal fibroid distorts the endometrial cavity. The ovaries are normal.'),
      para('Impression: Multifibroid uterus with a submucosal component.'),
      para('Sonologist: Derek Amari, MD'),
    ],
    truth: { type: 'imaging-report', dateOfService: '2025-04-16', facility: ['Evergreen Women’s Imaging', "Evergreen Women's Imaging"], clinician: 'Derek Amari, MD' },
  },
  {
    folder: 'hannah-weiss',
    file: 'CBC ferritin April.pdf',
    layout: { font: 'Courier', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['PUGET SOUND CLINICAL LABS', 'CLIA 50D0651234 · 900 BOREN AVE SEATTLE WA'] },
      { kind: 'table', header: ['Patient', 'DOB', 'Date/Time Collected', 'Date/Time Resulted'], rows: [[HANNAH.name, HANNAH.dob, '04/02/2025 08:40', '04/02/2025 15:12']] },
      { kind: 'fields', pairs: [['Ordering provider', 'FITZGERALD, NORA']] },
      {
        kind: 'table',
        header: ['Analyte', 'Result', 'Units', 'Range', 'Status'],
        rows: [
          ['Hemoglobin', '9.4', 'g/dL', '12.0-15.5', 'LOW'],
          ['Hematocrit', '30.1', '%', '35.0-45.0', 'LOW'],
          ['MCV', '72', 'fL', '80-100', 'LOW'],
          ['Ferritin', '6', 'ng/mL', '15-150', 'LOW'],
        ],
      },
    ],
    truth: { type: 'lab-report', dateOfService: '2025-04-02', facility: ['Puget Sound Clinical Labs'], clinician: 'Nora Fitzgerald' },
  },
  {
    folder: 'hannah-weiss',
    file: 'gyn visit.pdf',
    layout: { font: 'Times', size: 11 },
    blocks: [
      { kind: 'letterhead', lines: ['Cascade Gynecology Partners', '400 Pine St, Suite 900, Seattle, WA 98101'], align: 'center' },
      { kind: 'title', text: 'New Patient Visit' },
      { kind: 'fields', pairs: [['Patient', HANNAH.display], ['Birth date', HANNAH.dob], ['Encounter', 'April 24, 2025'], ['Clinician', 'Nora Fitzgerald, MD']] },
      heading('History'),
      para('40-year-old with two years of heavy periods requiring double protection, and fatigue. Iron deficiency anemia, hemoglobin 9.4. She has completed childbearing.'),
      heading('Plan'),
      para('Options reviewed: levonorgestrel IUD (limited by the submucosal fibroid), hysteroscopic myomectomy, uterine artery embolization, and hysterectomy. Start oral iron. She would like a surgical opinion.'),
    ],
    truth: { type: 'consult-note', dateOfService: '2025-04-24', facility: ['Cascade Gynecology Partners'], clinician: 'Nora Fitzgerald, MD' },
  },
  {
    folder: 'hannah-weiss',
    file: 'surgeon opinion.pdf',
    layout: { font: 'Helvetica', size: 10 },
    blocks: [
      { kind: 'letterhead', lines: ['Northwest Minimally Invasive Gynecologic Surgery', '1101 Madison St, Seattle, WA 98104'] },
      { kind: 'lines', lines: ['May 9, 2025', '', 'Nora Fitzgerald, MD', 'Cascade Gynecology Partners'] },
      { kind: 'fields', pairs: [['Regarding', `${HANNAH.display}, DOB ${HANNAH.dob}`]] },
      para('Dear Dr. Fitzgerald,'),
      para('I saw Ms. Weiss in consultation on May 6, 2025 for symptomatic uterine fibroids with anemia.'),
      para('Given a 13 cm multifibroid uterus, a submucosal fibroid and completed childbearing, I recommend a total laparoscopic hysterectomy with bilateral salpingectomy, preserving the ovaries. We reviewed the risks of bleeding, infection, injury to the bladder, bowel or ureters, and conversion to an open incision, and alternatives including myomectomy, embolization and medical therapy with relugolix. She will let us know after she has had a second opinion.'),
      { kind: 'lines', lines: ['Warm regards,', '', 'Priyanka Iyer, MD', 'Minimally Invasive Gynecologic Surgery'] },
    ],
    truth: { type: 'recommendation', dateOfService: '2025-05-06', facility: ['Northwest Minimally Invasive Gynecologic Surgery'], clinician: 'Priyanka Iyer, MD' },
  },
  {
    folder: 'hannah-weiss',
    file: 'endometrial biopsy.pdf',
    layout: { font: 'Times' },
    blocks: [
      { kind: 'letterhead', lines: ['Emerald City Pathology Group'] },
      { kind: 'title', text: 'CYTOLOGY / GYNECOLOGIC PATHOLOGY REPORT' },
      { kind: 'fields', columns: 2, pairs: [['Patient', HANNAH.name], ['Case', 'G25-0412'], ['DOB', HANNAH.dob], ['Specimen Date', '04/24/2025'], ['Submitted by', 'Nora Fitzgerald, MD'], ['Signed', '04/28/2025']] },
      heading('DIAGNOSIS'),
      para('Endometrium, biopsy: Proliferative endometrium. No hyperplasia or malignancy identified.'),
      heading('GROSS'),
      para('Received in formalin is 1.2 cc of tan-red mucoid tissue, entirely submitted in one cassette.'),
      para('Pathologist: Martin Osei, MD'),
    ],
    truth: { type: 'pathology-report', dateOfService: '2025-04-24', facility: ['Emerald City Pathology Group'], clinician: 'Martin Osei, MD' },
  },
  {
    folder: 'hannah-weiss',
    file: 'portal meds.pdf',
    layout: { font: 'Helvetica', footer: 'MyChart · printed 05/12/2025' },
    blocks: [
      { kind: 'title', text: 'My Medications', align: 'left' },
      { kind: 'fields', pairs: [['Name', HANNAH.display], ['Last reviewed', '04/24/2025 by Cascade Gynecology Partners']] },
      { kind: 'lines', lines: ['ferrous sulfate 325 mg tablet — take 1 tablet by mouth every other day', 'ibuprofen 600 mg tablet — take 1 tablet every 6 hours as needed for cramps', 'tranexamic acid 650 mg tablet — 2 tablets three times daily during menses'] },
    ],
    truth: { type: 'medication-list', dateOfService: '2025-04-24', facility: ['Cascade Gynecology Partners'], clinician: null },
  },
  {
    folder: 'hannah-weiss',
    file: 'insurance EOB letter.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Rainier Health Insurance Company', 'Claims Department'] },
      { kind: 'lines', lines: ['Letter date: 05/20/2025'] },
      { kind: 'fields', pairs: [['Member', HANNAH.display], ['Claim', 'RH-55102234'], ['Provider', 'Evergreen Women’s Imaging'], ['Service date', '04/16/2025']] },
      para('Dear Member, this Explanation of Benefits shows how we processed your claim. Amount billed $842.00; plan paid $612.40; your responsibility $120.00. This is not a bill.'),
    ],
    truth: { type: 'correspondence', dateOfService: '2025-05-20', facility: ['Rainier Health Insurance Company'], clinician: null },
  },

  // ---------------------------------------------------------------- Luis Ortega: aortic stenosis
  {
    folder: 'luis-ortega',
    file: 'TTE 2025.pdf',
    layout: { font: 'Helvetica', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['Desert Valley Cardiology', 'Noninvasive Laboratory · 2400 N Central Ave, Phoenix, AZ 85004'] },
      { kind: 'title', text: 'Echocardiogram Report (TTE)', align: 'left' },
      { kind: 'fields', columns: 2, pairs: [['Patient', LUIS.name], ['DOB', LUIS.dob], ['Exam date', '2025-02-11'], ['Reading MD', 'Farah Qureshi, MD']] },
      { kind: 'table', header: ['Parameter', 'Value'], rows: [['AV peak velocity', '4.6 m/s'], ['AV mean gradient', '52 mmHg'], ['AVA (VTI)', '0.7 cm2'], ['LVEF', '60 %']] },
      para('Conclusions: Severe calcific aortic stenosis. Normal left ventricular size and systolic function. Mild mitral annular calcification.'),
    ],
    truth: { type: 'cardiac-test', dateOfService: '2025-02-11', facility: ['Desert Valley Cardiology'], clinician: 'Farah Qureshi, MD' },
  },
  {
    folder: 'luis-ortega',
    file: 'CTA TAVR protocol.pdf',
    layout: { font: 'Times', banner: 'Faxed by Sonoran Imaging on 03/04/2025 at 10:12  Page 1/2' },
    blocks: [
      { kind: 'letterhead', lines: ['Sonoran Imaging Associates', '7100 E Camelback Rd, Scottsdale, AZ 85251'] },
      { kind: 'fields', pairs: [['Patient', LUIS.display], ['Date of birth', LUIS.dob], ['Procedure date', 'February 27, 2025'], ['Exam', 'CTA CHEST ABDOMEN PELVIS TAVR PROTOCOL']] },
      para('Findings: Aortic annulus perimeter 78 mm, area 4.6 cm2. Heavily calcified trileaflet aortic valve. Iliofemoral arteries of 7.5 mm minimum diameter bilaterally, suitable for transfemoral access.'),
      para('Impression: Anatomy suitable for transfemoral TAVR.'),
      para('Read by Jason Whitfield, MD'),
    ],
    truth: { type: 'imaging-report', dateOfService: '2025-02-27', facility: ['Sonoran Imaging Associates'], clinician: 'Jason Whitfield, MD' },
  },
  {
    folder: 'luis-ortega',
    file: 'heart team letter.pdf',
    layout: { font: 'Times', size: 11 },
    blocks: [
      { kind: 'letterhead', lines: ['Banner Valley Structural Heart Program', '1111 E McDowell Rd, Phoenix, AZ 85006'], align: 'center' },
      { kind: 'lines', lines: ['March 12, 2025'] },
      para('Re: Luis Ortega (DOB 06/15/1951) - Heart Team evaluation of 03/10/2025'),
      para('Dear Mr. Ortega,'),
      para('Thank you for meeting with our heart team. Based on your severe aortic stenosis, your age and your CT results, we recommend transcatheter aortic valve replacement (TAVR) through the femoral artery rather than open surgical valve replacement. We discussed the risks, including stroke, bleeding, vascular injury and the need for a pacemaker, as well as the alternative of surgical aortic valve replacement. We would like to schedule the procedure within the next six weeks.'),
      { kind: 'lines', lines: ['Sincerely,', '', 'Carlos Mendoza, MD', 'Interventional Cardiology'] },
    ],
    truth: { type: 'recommendation', dateOfService: '2025-03-10', facility: ['Banner Valley Structural Heart Program'], clinician: 'Carlos Mendoza, MD' },
  },
  {
    folder: 'luis-ortega',
    file: 'pre-op labs.pdf',
    layout: { font: 'Helvetica', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['Sonora Quest Laboratories'] },
      { kind: 'fields', columns: 2, pairs: [['Patient', LUIS.name], ['Specimen collected', '03/03/2025 07:10'], ['Birth date', LUIS.dob], ['Report status', 'Final 03/03/2025 13:41'], ['Physician', 'Mendoza, Carlos']] },
      { kind: 'table', header: ['Test', 'Result', 'Flag', 'Reference', 'Units'], rows: [['Creatinine', '1.31', 'H', '0.70-1.28', 'mg/dL'], ['eGFR', '57', 'L', '>=60', 'mL/min'], ['Hemoglobin', '13.1', '', '13.0-17.0', 'g/dL'], ['INR', '1.0', '', '0.9-1.1', '']] },
    ],
    truth: { type: 'lab-report', dateOfService: '2025-03-03', facility: ['Sonora Quest Laboratories'], clinician: 'Carlos Mendoza' },
  },
  {
    folder: 'luis-ortega',
    file: 'gallbladder surgery 2018.pdf',
    layout: { font: 'Courier', size: 9 },
    blocks: [
      { kind: 'letterhead', lines: ['MARICOPA GENERAL SURGERY', 'OPERATING ROOM RECORD'] },
      { kind: 'fields', pairs: [['PATIENT', LUIS.name.toUpperCase()], ['DOB', LUIS.dob], ['PROC DATE', '10/03/2018'], ['SURGEON', 'Rachel Kim, MD']] },
      para('PROCEDURE: Laparoscopic cholecystectomy.'),
      para('PREOP DX: Symptomatic cholelithiasis. POSTOP DX: Same, chronic cholecystitis.'),
      para('EBL: 15 mL. SPECIMEN: Gallbladder to pathology. COMPLICATIONS: None.'),
      para('OPERATIVE DETAILS: Four trocars were placed. The critical view of safety was obtained. The cystic duct and artery were clipped and divided and the gallbladder removed in a bag.'),
    ],
    truth: { type: 'operative-note', dateOfService: '2018-10-03', facility: ['Maricopa General Surgery'], clinician: 'Rachel Kim, MD' },
  },
  {
    folder: 'luis-ortega',
    file: 'cardiology progress.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Desert Valley Cardiology'] },
      { kind: 'title', text: 'Clinic Note', align: 'left' },
      { kind: 'fields', columns: 2, pairs: [['Patient', LUIS.display], ['DOB', LUIS.dob], ['Date of visit', '01/28/2025'], ['Physician', 'Farah Qureshi, MD']] },
      para('Subjective: Dyspnea on exertion after one flight of stairs and one episode of near-syncope while gardening.'),
      para('Exam: Harsh late-peaking systolic murmur at the right upper sternal border radiating to the carotids.'),
      para('Assessment: Symptomatic severe aortic stenosis suspected. Plan: repeat echocardiogram, refer to the structural heart team.'),
    ],
    truth: { type: 'consult-note', dateOfService: '2025-01-28', facility: ['Desert Valley Cardiology'], clinician: 'Farah Qureshi, MD' },
  },
  {
    folder: 'luis-ortega',
    file: 'hospital stay.pdf',
    layout: { font: 'Times', footer: 'HIM copy · page 1' },
    blocks: [
      { kind: 'letterhead', lines: ['St. Joseph’s Hospital and Medical Center', '350 W Thomas Rd, Phoenix, AZ 85013'] },
      { kind: 'title', text: 'Hospital Discharge Summary' },
      { kind: 'fields', columns: 2, pairs: [['Patient', LUIS.display], ['DOB', LUIS.dob], ['Admitted', '12/14/2024'], ['Discharged', '12/17/2024'], ['Attending', 'Steven Park, MD']] },
      para('Principal diagnosis: Community-acquired pneumonia. Secondary: aortic stenosis, chronic kidney disease stage 3a.'),
      para('Hospital course: Treated with ceftriaxone and azithromycin with improvement. Echocardiogram suggested progression of aortic stenosis; outpatient cardiology follow-up arranged.'),
      para('Discharge medications: amoxicillin-clavulanate 875 mg twice daily for 5 days; amlodipine 5 mg daily; atorvastatin 20 mg daily.'),
    ],
    truth: { type: 'discharge-summary', dateOfService: '2024-12-17', facility: ['St. Joseph’s Hospital and Medical Center', "St. Joseph's Hospital and Medical Center"], clinician: 'Steven Park, MD' },
  },
  {
    folder: 'luis-ortega',
    file: 'medicare card.pdf',
    layout: { font: 'Helvetica' },
    blocks: [
      { kind: 'letterhead', lines: ['Medicare Health Insurance'] },
      { kind: 'fields', pairs: [['Name', 'LUIS ORTEGA'], ['Medicare Number', '1EG4-TE5-MK72'], ['Entitled to', 'HOSPITAL (PART A) 07-01-2016  MEDICAL (PART B) 07-01-2016']] },
    ],
    truth: { type: 'insurance-id', dateOfService: null, facility: ['Medicare Health Insurance', 'Medicare'], clinician: null },
  },
];
