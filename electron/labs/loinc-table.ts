/**
 * The common lab tests, curated: each with its LOINC code, the names labs print for it, and the unit
 * its trend is shown in (UCUM). "Creat", "Creatinine, Serum" and "CREATININE" are one test here, so
 * their values trend together. A test missing from this table still imports, under its printed name
 * (and the LOINC code its source gave, if any).
 *
 * `valence` is set for ions whose milliequivalents convert exactly to millimoles (charge 1 or 2).
 */
export interface LabTest {
  readonly loinc: string;
  readonly name: string;
  /** Printed names, compared after lower-casing and dropping punctuation and specimen words. */
  readonly aliases: readonly string[];
  /** The UCUM unit values are shown and trended in. */
  readonly unit: string;
  readonly valence?: 1 | 2;
}

const LAB_TESTS: readonly LabTest[] = [
  // Metabolic panel
  { loinc: '2345-7', name: 'Glucose', aliases: ['glucose', 'glu', 'glucose random', 'glucose level'], unit: 'mg/dL' },
  { loinc: '1558-6', name: 'Glucose, fasting', aliases: ['glucose fasting', 'fasting glucose', 'fasting blood sugar', 'fbs'], unit: 'mg/dL' },
  { loinc: '3094-0', name: 'Urea nitrogen (BUN)', aliases: ['bun', 'urea nitrogen', 'blood urea nitrogen', 'urea nitrogen bun', 'bun urea nitrogen'], unit: 'mg/dL' },
  { loinc: '2160-0', name: 'Creatinine', aliases: ['creatinine', 'creat', 'creatinine level', 'cr'], unit: 'mg/dL' },
  { loinc: '98979-8', name: 'eGFR (CKD-EPI 2021)', aliases: ['egfr ckd epi 2021', 'egfr 2021', 'egfr cr ckd epi 2021'], unit: 'mL/min/{1.73_m2}' },
  { loinc: '3097-3', name: 'BUN/Creatinine ratio', aliases: ['bun creatinine ratio', 'bun creat ratio', 'bun/creatinine ratio'], unit: '{ratio}' },
  { loinc: '2951-2', name: 'Sodium', aliases: ['sodium', 'na'], unit: 'mmol/L', valence: 1 },
  { loinc: '2823-3', name: 'Potassium', aliases: ['potassium', 'k'], unit: 'mmol/L', valence: 1 },
  { loinc: '2075-0', name: 'Chloride', aliases: ['chloride', 'cl'], unit: 'mmol/L', valence: 1 },
  { loinc: '2028-9', name: 'Carbon dioxide, total', aliases: ['carbon dioxide', 'co2', 'carbon dioxide total', 'total co2', 'bicarbonate', 'hco3', 'co2 total'], unit: 'mmol/L', valence: 1 },
  { loinc: '33037-3', name: 'Anion gap', aliases: ['anion gap'], unit: 'mmol/L', valence: 1 },
  { loinc: '17861-6', name: 'Calcium', aliases: ['calcium', 'ca', 'calcium total'], unit: 'mg/dL', valence: 2 },
  { loinc: '2885-2', name: 'Protein, total', aliases: ['protein total', 'total protein', 'protein'], unit: 'g/dL' },
  { loinc: '1751-7', name: 'Albumin', aliases: ['albumin', 'alb'], unit: 'g/dL' },
  { loinc: '10834-0', name: 'Globulin', aliases: ['globulin', 'globulin total'], unit: 'g/dL' },
  { loinc: '1759-0', name: 'Albumin/Globulin ratio', aliases: ['albumin globulin ratio', 'a g ratio', 'ag ratio', 'a/g ratio'], unit: '{ratio}' },
  { loinc: '1975-2', name: 'Bilirubin, total', aliases: ['bilirubin total', 'total bilirubin', 'bilirubin', 'tbili', 't bili'], unit: 'mg/dL' },
  { loinc: '1968-7', name: 'Bilirubin, direct', aliases: ['bilirubin direct', 'direct bilirubin', 'dbili'], unit: 'mg/dL' },
  { loinc: '6768-6', name: 'Alkaline phosphatase', aliases: ['alkaline phosphatase', 'alk phos', 'alp', 'alk phosphatase'], unit: 'U/L' },
  { loinc: '1920-8', name: 'AST', aliases: ['ast', 'ast sgot', 'sgot', 'aspartate aminotransferase'], unit: 'U/L' },
  { loinc: '1742-6', name: 'ALT', aliases: ['alt', 'alt sgpt', 'sgpt', 'alanine aminotransferase'], unit: 'U/L' },
  { loinc: '2324-2', name: 'GGT', aliases: ['ggt', 'gamma glutamyl transferase', 'gamma gt'], unit: 'U/L' },
  { loinc: '2532-0', name: 'LDH', aliases: ['ldh', 'lactate dehydrogenase', 'ld'], unit: 'U/L' },
  { loinc: '19123-9', name: 'Magnesium', aliases: ['magnesium', 'mg'], unit: 'mg/dL', valence: 2 },
  { loinc: '2777-1', name: 'Phosphorus', aliases: ['phosphorus', 'phosphate', 'phos', 'inorganic phosphorus'], unit: 'mg/dL' },
  { loinc: '3084-1', name: 'Uric acid', aliases: ['uric acid', 'urate'], unit: 'mg/dL' },
  { loinc: '3040-3', name: 'Lipase', aliases: ['lipase'], unit: 'U/L' },
  { loinc: '1798-8', name: 'Amylase', aliases: ['amylase'], unit: 'U/L' },
  // Blood count
  { loinc: '6690-2', name: 'White blood cells', aliases: ['wbc', 'white blood cells', 'white blood cell count', 'leukocytes', 'white cell count', 'wbc count'], unit: '10*3/uL' },
  { loinc: '789-8', name: 'Red blood cells', aliases: ['rbc', 'red blood cells', 'red blood cell count', 'erythrocytes', 'red cell count', 'rbc count'], unit: '10*6/uL' },
  { loinc: '718-7', name: 'Hemoglobin', aliases: ['hemoglobin', 'hgb', 'hb', 'haemoglobin'], unit: 'g/dL' },
  { loinc: '4544-3', name: 'Hematocrit', aliases: ['hematocrit', 'hct', 'haematocrit'], unit: '%' },
  { loinc: '787-2', name: 'MCV', aliases: ['mcv', 'mean corpuscular volume'], unit: 'fL' },
  { loinc: '785-6', name: 'MCH', aliases: ['mch', 'mean corpuscular hemoglobin'], unit: 'pg' },
  { loinc: '786-4', name: 'MCHC', aliases: ['mchc', 'mean corpuscular hemoglobin concentration'], unit: 'g/dL' },
  { loinc: '788-0', name: 'RDW', aliases: ['rdw', 'rdw cv', 'red cell distribution width'], unit: '%' },
  { loinc: '777-3', name: 'Platelets', aliases: ['platelets', 'plt', 'platelet count', 'platelet'], unit: '10*3/uL' },
  { loinc: '32623-1', name: 'MPV', aliases: ['mpv', 'mean platelet volume'], unit: 'fL' },
  { loinc: '770-8', name: 'Neutrophils %', aliases: ['neutrophils', 'neutrophils %', 'neut %', 'neutrophils percent', 'segs'], unit: '%' },
  { loinc: '736-9', name: 'Lymphocytes %', aliases: ['lymphocytes', 'lymphocytes %', 'lymph %', 'lymphs'], unit: '%' },
  { loinc: '5905-5', name: 'Monocytes %', aliases: ['monocytes', 'monocytes %', 'mono %', 'monos'], unit: '%' },
  { loinc: '713-8', name: 'Eosinophils %', aliases: ['eosinophils', 'eosinophils %', 'eos %', 'eos'], unit: '%' },
  { loinc: '706-2', name: 'Basophils %', aliases: ['basophils', 'basophils %', 'baso %', 'basos'], unit: '%' },
  { loinc: '751-8', name: 'Neutrophils, absolute', aliases: ['neutrophils absolute', 'absolute neutrophils', 'anc', 'neutrophils abs', 'abs neutrophils'], unit: '10*3/uL' },
  { loinc: '731-0', name: 'Lymphocytes, absolute', aliases: ['lymphocytes absolute', 'absolute lymphocytes', 'lymphs absolute', 'abs lymphocytes'], unit: '10*3/uL' },
  // Lipids
  { loinc: '2093-3', name: 'Cholesterol, total', aliases: ['cholesterol total', 'total cholesterol', 'cholesterol', 'chol'], unit: 'mg/dL' },
  { loinc: '2085-9', name: 'HDL cholesterol', aliases: ['hdl', 'hdl cholesterol', 'cholesterol in hdl', 'hdl c'], unit: 'mg/dL' },
  { loinc: '13457-7', name: 'LDL cholesterol (calculated)', aliases: ['ldl', 'ldl cholesterol', 'ldl calculated', 'ldl cholesterol calc', 'ldl c', 'ldl chol calc nih'], unit: 'mg/dL' },
  { loinc: '18262-6', name: 'LDL cholesterol (direct)', aliases: ['ldl direct', 'direct ldl', 'ldl cholesterol direct'], unit: 'mg/dL' },
  { loinc: '2571-8', name: 'Triglycerides', aliases: ['triglycerides', 'trig', 'trigs', 'triglyceride'], unit: 'mg/dL' },
  { loinc: '43396-1', name: 'Non-HDL cholesterol', aliases: ['non hdl cholesterol', 'non hdl', 'cholesterol non hdl'], unit: 'mg/dL' },
  // Endocrine, tumor markers, others
  { loinc: '4548-4', name: 'Hemoglobin A1c', aliases: ['hemoglobin a1c', 'hba1c', 'a1c', 'hgb a1c', 'glycohemoglobin'], unit: '%' },
  { loinc: '3016-3', name: 'TSH', aliases: ['tsh', 'thyroid stimulating hormone', 'thyrotropin'], unit: 'm[IU]/L' },
  { loinc: '3024-7', name: 'Free T4', aliases: ['free t4', 't4 free', 'thyroxine free', 'ft4'], unit: 'ng/dL' },
  { loinc: '2857-1', name: 'PSA', aliases: ['psa', 'psa total', 'prostate specific antigen', 'prostate specific ag', 'psa serum'], unit: 'ng/mL' },
  { loinc: '10886-0', name: 'PSA, free', aliases: ['psa free', 'free psa'], unit: 'ng/mL' },
  { loinc: '2986-8', name: 'Testosterone', aliases: ['testosterone', 'testosterone total'], unit: 'ng/dL' },
  { loinc: '2039-6', name: 'CEA', aliases: ['cea', 'carcinoembryonic antigen'], unit: 'ng/mL' },
  { loinc: '24108-3', name: 'CA 19-9', aliases: ['ca 19 9', 'ca19 9', 'cancer antigen 19 9'], unit: '[U]/mL' },
  { loinc: '10334-1', name: 'CA-125', aliases: ['ca 125', 'ca125', 'cancer antigen 125'], unit: '[U]/mL' },
  { loinc: '1834-1', name: 'AFP', aliases: ['afp', 'alpha fetoprotein'], unit: 'ng/mL' },
  { loinc: '1989-3', name: 'Vitamin D, 25-hydroxy', aliases: ['vitamin d 25 hydroxy', 'vitamin d', '25 oh vitamin d', 'vitamin d 25 oh', '25 hydroxyvitamin d'], unit: 'ng/mL' },
  { loinc: '2132-9', name: 'Vitamin B12', aliases: ['vitamin b12', 'b12', 'cobalamin'], unit: 'pg/mL' },
  { loinc: '2276-4', name: 'Ferritin', aliases: ['ferritin'], unit: 'ng/mL' },
  { loinc: '2498-4', name: 'Iron', aliases: ['iron', 'iron total', 'fe'], unit: 'ug/dL' },
  { loinc: '6301-6', name: 'INR', aliases: ['inr'], unit: '{INR}' },
  { loinc: '5902-2', name: 'Prothrombin time', aliases: ['prothrombin time', 'pt', 'protime'], unit: 's' },
  { loinc: '14979-9', name: 'aPTT', aliases: ['aptt', 'ptt', 'partial thromboplastin time'], unit: 's' },
  { loinc: '1988-5', name: 'C-reactive protein', aliases: ['c reactive protein', 'crp'], unit: 'mg/L' },
  { loinc: '30522-7', name: 'hs-CRP', aliases: ['hs crp', 'crp high sensitivity', 'high sensitivity crp', 'c reactive protein cardiac'], unit: 'mg/L' },
  { loinc: '4537-7', name: 'ESR', aliases: ['esr', 'sed rate', 'sedimentation rate', 'erythrocyte sedimentation rate'], unit: 'mm/h' },
  { loinc: '10839-9', name: 'Troponin I', aliases: ['troponin i', 'troponin'], unit: 'ng/mL' },
  { loinc: '30934-4', name: 'BNP', aliases: ['bnp', 'b type natriuretic peptide'], unit: 'pg/mL' },
  { loinc: '33762-6', name: 'NT-proBNP', aliases: ['nt probnp', 'nt pro bnp'], unit: 'pg/mL' },
];

/** How a printed test name is compared: lower case, no punctuation, no specimen or method words. */
export function analyteKey(printed: string): string {
  return printed
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\[.*?\]/g, ' ')
    .replace(/\b(serum|plasma|blood|whole blood|s|p|ser|plas|level|result|quantitative|quant)\b/g, ' ')
    .replace(/%/g, ' % ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_LOINC = new Map(LAB_TESTS.map((t) => [t.loinc, t]));
const BY_ALIAS = new Map<string, LabTest>();
for (const test of LAB_TESTS) {
  for (const alias of [test.name, ...test.aliases]) {
    const key = analyteKey(alias);
    if (!BY_ALIAS.has(key)) BY_ALIAS.set(key, test);
  }
}

/** The curated test for a LOINC code or, failing that, a printed name. */
export function findTest(loinc: string | null | undefined, printed: string): LabTest | undefined {
  return (loinc ? BY_LOINC.get(loinc) : undefined) ?? BY_ALIAS.get(analyteKey(printed));
}
