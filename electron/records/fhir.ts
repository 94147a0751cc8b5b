/**
 * FHIR resources (R4, and the DSTU2 an iPhone's Health export still writes) made into the library's
 * records: lab results, vital signs, problems, medications, allergies, procedures, encounters and
 * immunizations, with their codes. Billing (claims, explanations of benefit), directory entries
 * (practitioners, organizations) and questionnaires are counted and left out: they are not what a
 * specialist reviews. Read loosely: a missing or odd field leaves that field empty, never the file.
 */
import type { LabInput } from '../labs/normalize.ts';
import { said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import type { RecordInput } from '../library/records.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import type { RecordCode, RecordKind } from '../../shared/records-types.ts';

type Json = Record<string, unknown>;

export interface FhirRead {
  readonly labs: LabInput[];
  readonly records: RecordInput[];
  /** Resources left out, by type, with how many. */
  readonly leftOut: Record<string, number>;
  /** Labs that had no value (a pending test), left out. */
  readonly labsWithoutValue: number;
  /** Whose record it is: each Patient resource's names (as Family^Given^Middle) and birth date. */
  readonly patients: StatedPatient[];
  readonly resources: number;
}

const SYSTEMS: Readonly<Record<string, string>> = {
  'http://loinc.org': 'LOINC',
  'urn:oid:2.16.840.1.113883.6.1': 'LOINC',
  'http://snomed.info/sct': 'SNOMED',
  'urn:oid:2.16.840.1.113883.6.96': 'SNOMED',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'urn:oid:2.16.840.1.113883.6.88': 'RxNorm',
  'http://hl7.org/fhir/sid/icd-10-cm': 'ICD-10',
  'http://hl7.org/fhir/sid/icd-10': 'ICD-10',
  'urn:oid:2.16.840.1.113883.6.90': 'ICD-10',
  'http://hl7.org/fhir/sid/icd-9-cm': 'ICD-9',
  'urn:oid:2.16.840.1.113883.6.103': 'ICD-9',
  'http://hl7.org/fhir/sid/cvx': 'CVX',
  'urn:oid:2.16.840.1.113883.12.292': 'CVX',
  'http://hl7.org/fhir/sid/ndc': 'NDC',
  'http://www.ama-assn.org/go/cpt': 'CPT',
  'urn:oid:2.16.840.1.113883.6.12': 'CPT',
};

const LEFT_OUT = new Set([
  'Claim',
  'ExplanationOfBenefit',
  'Coverage',
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Location',
  'RelatedPerson',
  'Composition',
  'Provenance',
  'Device',
  'QuestionnaireResponse',
  'CarePlan',
  'CareTeam',
  'Goal',
  'ImagingStudy',
  'DocumentReference',
  'SupplyDelivery',
  'Media',
  'Binary',
]);

/** SNOMED codes that state no allergy: substance (in general), no known (drug, food, environmental) allergy. */
const NO_KNOWN_ALLERGY = new Set(['105590001', '716186003', '409137002', '429625007', '428607008', '428197003']);

const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The day of a FHIR date or dateTime ("2015-10-08T22:48:50+00:00" -> "2015-10-08"), or null. */
function fhirDay(v: unknown): string | null {
  const s = str(v);
  const m = s ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s) : null;
  if (!m) return null;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function codes(concept: unknown): RecordCode[] {
  return arr(obj(concept)?.coding).flatMap((c) => {
    const coding = obj(c);
    const code = str(coding?.code);
    if (!coding || !code) return [];
    const system = str(coding.system);
    return [{ system: (system && SYSTEMS[system]) ?? system ?? 'unknown', code, display: str(coding.display) }];
  });
}

function conceptText(concept: unknown): string | null {
  const c = obj(concept);
  return str(c?.text) ?? arr(c?.coding).map((x) => str(obj(x)?.display)).find(Boolean) ?? null;
}

function categories(resource: Json): string[] {
  return arr(resource.category).flatMap((c) => [...codes(c).map((x) => x.code.toLowerCase()), ...(str(obj(c)?.text) ? [str(obj(c)?.text)!.toLowerCase()] : [])]);
}

function quantityText(q: Json | undefined): string | null {
  const exact = num(q?.value);
  if (exact === null) return null;
  // Generated records carry 16 digits (185.8289545670521 cm); four significant ones say it.
  const value = Number(exact.toPrecision(4));
  const unit = str(q?.unit) ?? str(q?.code);
  return `${str(q?.comparator) ?? ''}${value}${unit ? ` ${unit}` : ''}`;
}

function observationValue(o: Json): { value: string | number; unit: string | null } | null {
  const q = obj(o.valueQuantity);
  if (q && num(q.value) !== null) {
    const comparator = str(q.comparator);
    const unit = str(q.system) === 'http://unitsofmeasure.org' ? (str(q.code) ?? str(q.unit)) : (str(q.unit) ?? str(q.code));
    return { value: comparator ? `${comparator}${num(q.value)}` : num(q.value)!, unit };
  }
  const text = str(o.valueString) ?? conceptText(o.valueCodeableConcept) ?? (typeof o.valueBoolean === 'boolean' ? String(o.valueBoolean) : null);
  if (text) return { value: text, unit: null };
  const n = num(o.valueInteger);
  return n === null ? null : { value: n, unit: null };
}

function observationDate(o: Json): string | null {
  return fhirDay(o.effectiveDateTime) ?? fhirDay(obj(o.effectivePeriod)?.start) ?? fhirDay(o.issued);
}

function referenceRange(o: Json): LabInput['range'] {
  const r = obj(arr(o.referenceRange)[0]);
  if (!r) return null;
  return { low: num(obj(r.low)?.value), high: num(obj(r.high)?.value), text: str(r.text) };
}

function isLab(o: Json, cats: readonly string[]): boolean {
  if (cats.includes('laboratory') || cats.includes('lab')) return true;
  if (cats.length > 0) return false;
  // No category (some exports): a LOINC-coded value with a unit is taken as a lab result.
  return codes(o.code).some((c) => c.system === 'LOINC') && obj(o.valueQuantity) !== undefined;
}

export function readFhirResources(resources: readonly unknown[]): FhirRead {
  const labs: LabInput[] = [];
  const records: RecordInput[] = [];
  const leftOut: Record<string, number> = {};
  let labsWithoutValue = 0;
  const patients: StatedPatient[] = [];
  const leave = (type: string) => (leftOut[type] = (leftOut[type] ?? 0) + 1);
  const byId = new Map<string, Json>();
  for (const r of resources) {
    const res = obj(r);
    const id = str(res?.id);
    if (res && id) {
      byId.set(`${str(res.resourceType)}/${id}`, res);
      byId.set(`urn:uuid:${id}`, res);
    }
  }
  const record = (kind: RecordKind, name: string | null, rest: Omit<RecordInput, 'kind' | 'name'>) => {
    if (name) records.push({ kind, name, ...rest });
  };

  for (const r of resources) {
    const res = obj(r);
    const type = str(res?.resourceType);
    if (!res || !type) continue;
    switch (type) {
      case 'Patient': {
        // As DICOM and HL7 write a person's name (Family^Given^Middle), the form the patient check reads.
        const names = arr(res.name)
          .map(obj)
          .map((n) => {
            const family = arr(n?.family).map(str).filter(Boolean).join(' ') || str(n?.family) || '';
            const [given = '', ...middle] = arr(n?.given).map(str).filter((g): g is string => !!g);
            return family || given ? `${family}^${given}^${middle.join(' ')}`.replace(/\^+$/, '') : (str(n?.text) ?? '');
          })
          .filter(Boolean);
        const birthDate = fhirDay(res.birthDate);
        if (names.length || birthDate) patients.push({ names, birthDate, source: 'fhir' });
        break;
      }
      case 'Observation': {
        const cats = categories(res);
        const name = conceptText(res.code);
        const components = arr(res.component).map(obj).filter((c): c is Json => !!c);
        if (cats.includes('vital-signs') || cats.includes('vital signs')) {
          const value = quantityText(obj(res.valueQuantity)) ?? (components.length ? components.map((c) => num(obj(c.valueQuantity)?.value)).join('/') + ` ${str(obj(components[0]!.valueQuantity)?.unit) ?? ''}` : null);
          record('vital', name, { codes: codes(res.code), status: str(res.status), date: observationDate(res), detail: value?.trim() ?? null });
        } else if (isLab(res, cats)) {
          const value = observationValue(res);
          if (!value || !name) {
            labsWithoutValue++;
            break;
          }
          labs.push({
            analyte: name,
            loinc: codes(res.code).find((c) => c.system === 'LOINC')?.code ?? null,
            value: value.value,
            unit: value.unit,
            range: referenceRange(res),
            flag: arr(res.interpretation).map((i) => codes(i)[0]?.code ?? conceptText(i)).find(Boolean) ?? null,
            date: observationDate(res),
            lab: str(obj(arr(res.performer)[0])?.display),
          });
        } else leave(`Observation (${cats[0] ?? 'other'})`);
        break;
      }
      case 'Condition':
        record('problem', conceptText(res.code), {
          codes: codes(res.code),
          status: codes(res.clinicalStatus)[0]?.code ?? str(res.clinicalStatus),
          date: fhirDay(res.onsetDateTime) ?? fhirDay(obj(res.onsetPeriod)?.start) ?? fhirDay(res.recordedDate) ?? fhirDay(res.dateRecorded),
          endDate: fhirDay(res.abatementDateTime) ?? fhirDay(obj(res.abatementPeriod)?.end),
        });
        break;
      case 'MedicationRequest':
      case 'MedicationStatement':
      case 'MedicationOrder': {
        const ref = str(obj(res.medicationReference)?.reference);
        const medication = ref ? obj(byId.get(ref)?.code) : undefined;
        const concept = res.medicationCodeableConcept ?? medication;
        const dosage = arr(res.dosageInstruction ?? res.dosage).map((d) => str(obj(d)?.text)).find(Boolean) ?? null;
        record('medication', conceptText(concept) ?? str(obj(res.medicationReference)?.display), {
          codes: codes(concept),
          status: str(res.status),
          date: fhirDay(res.authoredOn) ?? fhirDay(res.dateWritten) ?? fhirDay(obj(res.effectivePeriod)?.start) ?? fhirDay(res.effectiveDateTime),
          endDate: fhirDay(obj(res.effectivePeriod)?.end),
          detail: dosage,
        });
        break;
      }
      case 'AllergyIntolerance': {
        const concept = res.code ?? res.substance;
        // "No known allergies" is written as an allergy to "substance" in general, or refuted.
        const verification = codes(res.verificationStatus)[0]?.code ?? str(res.verificationStatus);
        if (verification === 'refuted' || verification === 'entered-in-error' || codes(concept).some((c) => NO_KNOWN_ALLERGY.has(c.code))) {
          leave('AllergyIntolerance (no known allergies)');
          break;
        }
        const reactions = arr(res.reaction).map(obj);
        const manifestation = reactions.flatMap((x) => arr(x?.manifestation).map(conceptText)).filter(Boolean);
        const severity = reactions.map((x) => str(x?.severity)).find(Boolean) ?? str(res.criticality);
        record('allergy', conceptText(concept), {
          codes: codes(concept),
          status: codes(res.clinicalStatus)[0]?.code ?? str(res.clinicalStatus) ?? str(res.status),
          date: fhirDay(res.onsetDateTime) ?? fhirDay(res.recordedDate) ?? fhirDay(res.recordedDate ?? res.onset),
          detail: [manifestation.join(', '), severity].filter(Boolean).join('; ') || null,
        });
        break;
      }
      case 'Procedure':
        record('procedure', conceptText(res.code), {
          codes: codes(res.code),
          status: str(res.status),
          date: fhirDay(res.performedDateTime) ?? fhirDay(obj(res.performedPeriod)?.start),
          endDate: fhirDay(obj(res.performedPeriod)?.end),
        });
        break;
      case 'Encounter': {
        const kind = conceptText(arr(res.type)[0]) ?? str(obj(res.class)?.display) ?? str(obj(res.class)?.code) ?? str(res.class);
        const reason = arr(res.reasonCode ?? res.reason).map(conceptText).find(Boolean) ?? null;
        record('encounter', kind ?? 'Encounter', {
          codes: codes(arr(res.type)[0]),
          status: str(res.status),
          date: fhirDay(obj(res.period)?.start),
          endDate: fhirDay(obj(res.period)?.end),
          detail: [reason, str(obj(res.serviceProvider)?.display)].filter(Boolean).join(' · ') || null,
        });
        break;
      }
      case 'Immunization':
        record('immunization', conceptText(res.vaccineCode), {
          codes: codes(res.vaccineCode),
          status: str(res.status),
          date: fhirDay(res.occurrenceDateTime) ?? fhirDay(res.date),
        });
        break;
      case 'Medication':
      case 'DiagnosticReport':
        // A medication is named by the request that points at it; a report's results are its Observations.
        leave(type);
        break;
      default:
        leave(LEFT_OUT.has(type) ? type : `${type} (not read)`);
    }
  }
  return { labs, records, leftOut, labsWithoutValue, patients, resources: resources.length };
}

/** The resources in a FHIR file: a Bundle's entries, one resource, a JSON array, or NDJSON lines. */
export function fhirResources(text: string): unknown[] | { problem: Said } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  let values: unknown[];
  try {
    if (trimmed.startsWith('[')) values = JSON.parse(trimmed) as unknown[];
    else {
      try {
        values = [JSON.parse(trimmed) as unknown];
      } catch (error) {
        // NDJSON: one resource per line.
        const lines = trimmed.split(/\r?\n/).filter((l) => l.trim());
        if (lines.length < 2) throw error;
        values = lines.map((l) => JSON.parse(l) as unknown);
      }
    }
  } catch (error) {
    return { problem: said('fhir-not-json', { detail: (error as Error).message }) };
  }
  const out: unknown[] = [];
  const take = (v: unknown, depth: number) => {
    const res = obj(v);
    if (!res) return;
    if (str(res.resourceType) === 'Bundle' && depth < 3) for (const e of arr(res.entry)) take(obj(e)?.resource, depth + 1);
    else if (str(res.resourceType)) out.push(res);
  };
  for (const v of values) take(v, 0);
  if (out.length === 0) return { problem: said('fhir-no-resources') };
  return out;
}
