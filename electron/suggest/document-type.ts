import type { DocumentType } from '../../shared/document-types.ts';
import { CLOSING } from './text.ts';
import type { Line } from './text.ts';

/**
 * Guesses what kind of record a document is from the words clinicians and clinic systems use. Each
 * cue adds weight to a type; a cue in the top lines (letterhead and title) counts more, since that is
 * where a report names itself. A surgeon's recommendation is then told apart from an ordinary note by
 * what it says: a recommendation of a procedure, usually with its risks and alternatives.
 */

interface Cue {
  readonly pattern: RegExp;
  /** Weight when found in the top lines. */
  readonly top: number;
  /** Weight when found anywhere else on the first pages. */
  readonly body: number;
  /** Only so many of the top lines count as the top for it (a section heading lower down is no title). */
  readonly topLines?: number;
}

const cue = (pattern: RegExp, top: number, body = 0, topLines?: number): Cue => ({ pattern, top, body, ...(topLines ? { topLines } : {}) });

const MODALITY = String.raw`(?:MRI?|MRA|CTA?|PET(?:\s*/\s*CT)?|X-?RAYS?|XR|RADIOGRAPHS?|ULTRASOUND|US|SONOGRAM|MAMMOGRA(?:M|PHY)|DEXA|BONE SCAN|NM|NUCLEAR MEDICINE|FLUOROSCOPY|DUPLEX)`;
const BODY_PART = String.raw`(?:SPINE|LUMBAR|CERVICAL|THORACIC|KNEE|BRAIN|HEAD|CHEST|ABDOMEN|PELVIS|PROSTATE|SHOULDER|HIP|NECK|BREAST|WHOLE BODY|ANKLE|WRIST|LIVER|KIDNEYS?|RENAL|CAROTID|THYROID|SKULL|THIGH|LEG|ARM|HAND|FOOT|ELBOW|SINUS|ORBITS?|AORTA|BONE)`;

const CUES: Readonly<Record<Exclude<DocumentType, 'recommendation' | 'imaging-study' | 'other'>, readonly Cue[]>> = {
  'imaging-report': [
    cue(new RegExp(String.raw`\b${MODALITY}\b.*\b${BODY_PART}\b`, 'i'), 12, 2),
    cue(new RegExp(String.raw`\b${BODY_PART}\b.*\b${MODALITY}\b`, 'i'), 8, 1),
    cue(/\b(radiology|imaging|radiological) (report|services)\b/i, 10, 2),
    cue(/\b(diagnostic imaging|department of radiology|radiology department|radiology|imaging cent(er|re)|molecular imaging)\b/i, 5, 1),
    cue(/\bIMPRESSION\b/, 2, 2),
    cue(/\bFINDINGS\b/i, 1, 1),
    cue(/\bTECHNIQUE\b/i, 2, 2),
    cue(/\bCOMPARISON\b/i, 3, 3),
    cue(/\b(radiologist|interpreted by|read by)\b/i, 2, 2),
    cue(/\b(contrast|gadolinium|gadoterate|omnipaque|radiotracer|radiopharmaceutical)\b/i, 1, 1),
  ],
  'lab-report': [
    cue(/\blab(oratory)? (report|results?)\b/i, 10, 2),
    cue(/\b(comprehensive|basic) metabolic panel\b|\bCBC\b|\blipid panel\b|\bhemoglobin a1c\b|\burinalysis\b|\bprostate[- ]specific\b|\bPSA\b/i, 6, 2),
    cue(/\b(laborator(y|ies)|labcorp|quest diagnostics|clinical lab\w*)\b/i, 6, 1),
    cue(/\b(reference (range|interval)|ref\.? range|normal range|standard range)\b/i, 6, 6),
    cue(/^(test results|lab results|your test results)$|\byour value\b/i, 6, 4),
    cue(/\b(collected|collection date|date collected|coll\. date)\b/i, 3, 3),
    cue(/\b(specimen id|accession)\b/i, 1, 1),
    cue(/\b(mg\/dL|mmol\/L|ng\/mL|g\/dL|K\/uL|x10E3\/uL|U\/L|mL\/min)\b/i, 2, 2),
    cue(/\bCLIA\b/, 2, 2),
  ],
  'pathology-report': [
    cue(/\b(surgical )?patholog(y|ic) (report|consultation)\b|\bsurgical pathology\b|\bcytology\b|\bhistopatholog\w*\b/i, 14, 3),
    cue(/\bpatholog(y|ists?)\b/i, 5, 1),
    cue(/\b(final|pathologic) diagnosis\b/i, 6, 6),
    cue(/\bgross (description|examination)\b|\bspecimen description\b/i, 8, 8),
    cue(/\bmicroscopic (description|examination)\b/i, 8, 8),
    cue(/\b(gleason|grade group|margins?|immunohistochemistry|mismatch repair|carcinoma|adenocarcinoma|in formalin|cassette)\b/i, 2, 2),
  ],
  'consult-note': [
    cue(/\bconsult(ation)?\b/i, 10, 1),
    cue(/\b(office|clinic) (visit|note)\b|\bprogress note\b|\bnew patient\b|\bfollow[- ]?up (visit|note)\b|\bhistory and physical\b|\bH&P\b/i, 10, 1),
    cue(/\b(initial )?evaluation\b/i, 6, 0),
    cue(/\b(history of present illness|HPI)\b/i, 4, 4),
    cue(/\bchief complaint\b/i, 4, 4),
    cue(/\b(review of systems|physical exam(ination)?|exam)\b/i, 1, 2),
    cue(/\bassessment( and |\s*\/\s*|\s*&\s*)plan\b|\bimpression and (discussion|plan)\b/i, 4, 4),
    cue(/\b(subjective|objective)\b/i, 0, 2),
    cue(/\breason for (consultation|referral|visit)\b/i, 4, 4),
    cue(/\b(therapist|physical therapy|rehab\w*)\b/i, 3, 1),
  ],
  'operative-note': [
    cue(/\b(operative|operation|op) (report|note)\b|\bprocedure (note|report)\b|\bprocedure report\b/i, 14, 2),
    cue(/\b(colonoscopy|endoscopy|EGD|bronchoscopy|cystoscopy|arthroscopy) (report|note)\b/i, 14, 2),
    cue(/\bpre-?\s*(operative|op|procedure)\s*diagnosis\b/i, 8, 8),
    cue(/\bpost-?\s*(operative|op|procedure)\s*diagnosis\b/i, 8, 8),
    cue(/\b(estimated blood loss|EBL)\b/i, 6, 6),
    cue(/\b(description of (the )?procedure|procedures? performed|operation performed)\b/i, 5, 5),
    cue(/\b(anesthesia|sedation)\b/i, 2, 2),
    cue(/\bcomplications\b/i, 2, 2),
    cue(/\b(date of (surgery|operation|procedure)|procedure date)\b/i, 3, 3),
  ],
  'discharge-summary': [
    cue(/\bdischarge summary\b/i, 18, 4),
    cue(/\bhospital course\b/i, 8, 8),
    cue(/\bdischarge (diagnos\w+|medications|instructions|date|disposition)\b|\bcondition at discharge\b/i, 4, 4),
    cue(/\badmission (date|diagnosis)\b/i, 3, 3),
  ],
  'medication-list': [
    // As the document's title: a consult note's "Current Medications" section lower down makes no medication list.
    cue(/\bmedication(s)? list\b|\b(current|active|home) medications?\b|\bactive medication list\b|\bmedication reconciliation\b|\bmedicine list\b|\bmedication list\b/i, 18, 3, 6),
    // A heading that is nothing but "Medications" ("My Medications", "Medication Summary").
    cue(/^(my |your |current |active |home )?(medications|medicines|medication summary)$/i, 18, 0, 6),
    cue(/\b(by mouth|orally|tablet|capsule)\b/i, 1, 1),
    cue(/\b(\d+(\.\d+)? ?(mg|mcg|units?))\b/i, 1, 1),
  ],
  'cardiac-test': [
    cue(/\b(electrocardiogram|ECG|EKG|12-lead)\b/i, 14, 3),
    cue(/\bechocardiogra\w*\b/i, 14, 3),
    cue(/\b(stress test|treadmill|myocardial perfusion|nuclear stress|stress echo\w*|nuclear cardiology)\b/i, 14, 3),
    cue(/\b(cardiac catheteri[sz]ation|coronary angiogra\w*|left heart cath\w*)\b/i, 14, 3),
    cue(/\b(holter|event monitor|ambulatory (ECG|monitoring))\b/i, 14, 3),
    cue(/\b(LVEF|ejection fraction|QRS|QTc|PR interval|sinus rhythm|hemodynamics|LVEDP)\b/i, 2, 2),
  ],
  'insurance-id': [
    cue(/\b(member )?id card\b|\bmedicare advantage\b/i, 10, 2),
    cue(/\b(member id|member #|subscriber|payer id|medicare number|medicaid number)\b/i, 3, 3),
    cue(/\b(health insurance|insurance card)\b|\bentitled to\b|\bpart [ab]\b/i, 4, 3),
    cue(/\b(rx ?bin|rx ?pcn|rx ?grp|BIN|PCN)\b/, 3, 3),
    cue(/\bgroup( no\.?| number| #)?\s*[:#]/i, 3, 3),
    cue(/\bcopays?\b/i, 3, 3),
    cue(/\b(aetna|humana|cigna|unitedhealthcare|blue ?cross|blue ?shield|kaiser|anthem|medicare|medicaid)\b/i, 3, 0),
  ],
  correspondence: [
    cue(/^dear\b/i, 0, 4),
    cue(CLOSING, 0, 2),
    cue(/\b(claim|explanation of benefits|prior authori[sz]ation|appeal|denial|not a bill|statement|balance|billing|payment plan|member services|release of information|records request|patient access|patient financial services)\b/i, 4, 3),
    cue(/\b(appointment|reschedule|pre-admission)\b/i, 1, 2),
    cue(/\b(I am referring|referral for|thank you for seeing)\b/i, 0, 6),
  ],
};

const RECOMMEND =
  /\b((I|we) (would |strongly |have |had )*recommend(ed)?|my recommendation (is|was)|(I|we) (would )?advise[ds]?|recommended (an?|the)|is a candidate for|(I|we) (would )?suggest(ed)?|(we|I) (have |had )?(scheduled|booked|offered)|(we|I) (will|plan to|are going to) (proceed|perform)|wish(es)? to (proceed|undergo|have)|elect(ed|s)? to (proceed|undergo|have)|decided to (proceed|undergo|have))\b/i;
const PROCEDURE =
  /\b(\w+(ectomy|otomy|ostomy|plasty|pexy|desis)|fusion|arthroplasty|replacement|bypass|CABG|reconstruction|resection|repair|transplant\w*|amputation|decompression|laminectomy|discectomy|surgery|surgical|operation|prostatectomy|radiation|ablation|stent\w*|implant\w*)\b/i;
const RISK_TALK = /\b(risks?,? (and )?benefits|risks and alternatives|alternatives?\b.{0,80}\b(discussed|including|included|reviewed)|(discussed|reviewed|talked about) the (risks|alternatives)|predicted risk)/i;
const SCHEDULING = /\b(schedul\w+|booked|plan(ned)? (for|in)|proceed|second opinion)\b/i;

function sentences(lines: readonly Line[]): string[] {
  return lines
    .map((l) => l.text)
    .join(' ')
    .split(/(?<=[.!?])\s+/);
}

/** Evidence that the document recommends a procedure to the patient, 0 when there is none. */
function recommendationEvidence(lines: readonly Line[]): number {
  let score = 0;
  for (const sentence of sentences(lines)) {
    if (RECOMMEND.test(sentence) && PROCEDURE.test(sentence)) score = Math.max(score, 10);
  }
  if (score === 0) return 0;
  const text = lines.map((l) => l.text).join(' ');
  if (RISK_TALK.test(text)) score += 5;
  if (SCHEDULING.test(text)) score += 2;
  return score;
}

/** The first lines of page one, where letterhead and title are. */
const TOP_LINES = 12;

/** A heading names the document; a sentence in the first paragraph only talks about things. */
function isHeading(line: Line): boolean {
  return line.text.length <= 70 && line.text.split(/\s+/).length <= 9;
}

export interface TypeScores {
  readonly best: DocumentType | null;
  readonly scores: Readonly<Partial<Record<DocumentType, number>>>;
}

export function suggestType(lines: readonly Line[]): TypeScores {
  const content = lines.filter((l) => !l.banner);
  const top = content.filter((l) => l.page === 1).slice(0, TOP_LINES).filter(isHeading);
  const scores: Partial<Record<DocumentType, number>> = {};

  for (const [type, cues] of Object.entries(CUES) as [DocumentType, readonly Cue[]][]) {
    let score = 0;
    for (const c of cues) {
      const inTop = top.some((l) => l.index < (c.topLines ?? Infinity) && c.pattern.test(l.text)) ? c.top : 0;
      const anywhere = content.some((l) => c.pattern.test(l.text)) ? c.body : 0;
      score += Math.max(inTop, anywhere);
    }
    if (score > 0) scores[type] = score;
  }

  const ranked = (Object.entries(scores) as [DocumentType, number][]).sort((a, b) => b[1] - a[1]);
  let best: DocumentType | null = ranked[0] && ranked[0][1] >= 6 ? ranked[0][0] : null;

  // A surgeon's recommendation reads as a consult note or a letter that recommends a procedure.
  const recommendation = recommendationEvidence(content);
  if (recommendation > 0) scores.recommendation = recommendation;
  if (recommendation >= 10 && (best === null || best === 'consult-note' || best === 'correspondence')) {
    best = 'recommendation';
  }
  return { best, scores };
}
