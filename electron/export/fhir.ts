/**
 * The bundle as a FHIR R4 document Bundle: a Composition first (the case: decision, recommendation,
 * questions, priorities, and a section per kind of content), the Patient, a DocumentReference per
 * document (pointing at its original in the bundle, with size and SHA-1 as FHIR asks), lab results as
 * Observations grouped in DiagnosticReports, and an ImagingStudy per study. Ids are derived from the
 * export's content, so the same export gives the same Bundle.
 */
import { createHash } from 'node:crypto';
import type { LabResult } from '../../shared/records-types.ts';
import type { Code } from './codes.ts';
import { documentCodes } from './codes.ts';
import type { CaseBundleInput } from './gather.ts';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

export interface BundleFile {
  readonly path: string;
  readonly size: number;
  readonly sha1: string;
  readonly mediaType: string;
}

function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function coding(code: Code): { system: string; code: string; display: string } {
  return { system: code.system, code: code.code, display: code.display };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function narrative(html: string): { status: 'generated'; div: string } {
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${html}</div>` };
}

function list(items: readonly string[]): string {
  return items.length ? `<ul>${items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul>` : '<p>None recorded.</p>';
}

const INTERPRETATION: Readonly<Record<string, string>> = { H: 'High', L: 'Low', HH: 'Critical high', LL: 'Critical low', A: 'Abnormal' };

function observation(lab: LabResult, id: string, patientRef: string): Resource {
  const coding = lab.loinc ? [{ system: 'http://loinc.org', code: lab.loinc, display: lab.analyte }] : undefined;
  const value: Record<string, unknown> =
    lab.value.number !== null && lab.value.comparator === null
      ? { valueQuantity: { value: lab.value.number, ...(lab.unit ? { unit: lab.unit, system: 'http://unitsofmeasure.org', code: lab.unit } : lab.unitAsPrinted ? { unit: lab.unitAsPrinted } : {}) } }
      : { valueString: lab.value.printed };
  const range = lab.range
    ? [{
        ...(lab.range.low !== null ? { low: { value: lab.range.low, ...(lab.unit ? { unit: lab.unit, system: 'http://unitsofmeasure.org', code: lab.unit } : {}) } } : {}),
        ...(lab.range.high !== null ? { high: { value: lab.range.high, ...(lab.unit ? { unit: lab.unit, system: 'http://unitsofmeasure.org', code: lab.unit } : {}) } } : {}),
        text: lab.range.text,
      }]
    : undefined;
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] }],
    code: { ...(coding ? { coding } : {}), text: lab.analyteAsPrinted || lab.analyte },
    subject: { reference: patientRef },
    ...(lab.date ? { effectiveDateTime: lab.date } : {}),
    ...value,
    ...(lab.flag ? { interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: lab.flag, display: INTERPRETATION[lab.flag] }] }] } : {}),
    ...(range ? { referenceRange: range } : {}),
  };
}

/** The FHIR document Bundle; `files` gives each document's original (or DICOMDIR for a study) in the bundle. */
export function fhirBundle(input: CaseBundleInput, files: ReadonlyMap<number, BundleFile>, seed: string): Record<string, unknown> {
  const id = (what: string) => uuidFrom(`${seed}|${what}`);
  const ref = (resource: Resource) => `urn:uuid:${resource.id}`;
  const instant = input.now.toISOString();
  const patient: Resource = {
    resourceType: 'Patient',
    id: id('patient'),
    name: [{ text: input.patient.name }],
    ...(input.patient.dateOfBirth ? { birthDate: input.patient.dateOfBirth } : {}),
  };
  const patientRef = ref(patient);

  const documents: Resource[] = input.documents.map((d) => {
    const file = files.get(d.doc.id)!;
    return {
      resourceType: 'DocumentReference',
      id: id(`document-${d.doc.id}`),
      status: 'current',
      // LOINC's document type and class, as a receiving system files documents; the app's own name as text.
      type: { coding: [coding(documentCodes(d.type).type)], text: d.typeLabel },
      category: [{ coding: [coding(documentCodes(d.type).class)] }],
      subject: { reference: patientRef },
      date: instant,
      description: d.doc.title,
      content: [{
        attachment: {
          contentType: file.mediaType,
          // The original's main language (BCP 47) as read from its text; left out when it could not be read.
          ...(d.doc.languages?.length ? { language: d.doc.languages[0] } : {}),
          // Relative to bundle.json itself (FHIR/bundle.json), as a relative URL resolves against the
          // document that holds it: ../Originals/<file>, percent-encoded as a url must be.
          url: `../${file.path.split('/').map(encodeURIComponent).join('/')}`,
          size: file.size,
          hash: Buffer.from(file.sha1, 'hex').toString('base64'),
          title: d.doc.title,
          ...(d.date ? { creation: d.date } : {}),
        },
      }],
      ...(d.date ? { context: { period: { start: d.date } } } : {}),
    };
  });

  const studies: Resource[] = input.documents
    .filter((d) => d.study)
    .map((d) => {
      const study = d.study!;
      const instancesBySeries = new Map<number, typeof d.instances>();
      for (const i of d.instances) instancesBySeries.set(i.seriesId, [...(instancesBySeries.get(i.seriesId) ?? []), i]);
      return {
        resourceType: 'ImagingStudy',
        id: id(`study-${study.studyInstanceUid}`),
        identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${study.studyInstanceUid}` }],
        status: 'available',
        subject: { reference: patientRef },
        ...(study.studyDate ? { started: study.studyDate } : {}),
        ...(study.description ? { description: study.description } : {}),
        numberOfSeries: study.series.length,
        numberOfInstances: study.instances,
        series: study.series.map((s) => ({
          uid: s.seriesInstanceUid,
          ...(s.number !== null ? { number: s.number } : {}),
          modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: s.modality ?? 'OT' },
          ...(s.description ? { description: s.description } : {}),
          numberOfInstances: s.instances,
          instance: (instancesBySeries.get(s.id) ?? []).map((i) => ({
            uid: i.sopInstanceUid,
            sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${i.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.7'}` },
            ...(i.instanceNumber !== null ? { number: i.instanceNumber } : {}),
          })),
        })),
      };
    });

  const observations: Resource[] = input.labs.map((lab) => observation(lab, id(`lab-${lab.id}`), patientRef));
  const groups = new Map<string, Resource[]>();
  input.labs.forEach((lab, i) => {
    const key = `${lab.date ?? ''}|${lab.source.documentId ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), observations[i]!]);
  });
  const reports: Resource[] = [...groups.entries()].map(([key, results]) => {
    const [date] = key.split('|');
    return {
      resourceType: 'DiagnosticReport',
      id: id(`report-${key}`),
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' }] }],
      code: { text: 'Laboratory results' },
      subject: { reference: patientRef },
      ...(date ? { effectiveDateTime: date } : {}),
      result: results.map((r) => ({ reference: ref(r) })),
    };
  });

  const rec = input.details.recommendations;
  const section = (title: string, code: string, html: string, entries: Resource[] = []) => ({
    title,
    code: { coding: [{ system: 'http://loinc.org', code }] },
    text: narrative(html),
    ...(entries.length ? { entry: entries.map((e) => ({ reference: ref(e) })) } : {}),
  });
  const composition: Resource = {
    resourceType: 'Composition',
    id: id('composition'),
    status: 'final',
    type: { coding: [{ system: 'http://loinc.org', code: '34133-9', display: 'Summary of episode note' }], text: 'Second opinion case packet' },
    subject: { reference: patientRef },
    date: instant,
    author: [{ reference: patientRef, display: input.patient.name }],
    title: `Second opinion request: ${input.details.title}`,
    section: [
      section('Reason for referral', '42349-1', `<p>${escapeXml(input.decision)}</p>${rec.map((r) => `<p><b>${escapeXml(r.procedure)}</b> (${escapeXml([r.clinician, r.facility, r.date, r.urgency].filter(Boolean).join(', '))})</p>${r.reasons ? `<p>Reasons: ${escapeXml(r.reasons)}</p>` : ''}${r.risks ? `<p>Risks: ${escapeXml(r.risks)}</p>` : ''}${r.alternatives ? `<p>Alternatives: ${escapeXml(r.alternatives)}</p>` : ''}`).join('')}`),
      section("Patient's questions and priorities", '51848-0', `<ol>${[...input.details.questions].sort((a, b) => a.position - b.position).map((q) => `<li>${escapeXml(q.text)}</li>`).join('')}</ol>${list(input.details.priorities)}`),
      section('Problems', '11450-4', list(input.problems.map((p) => [p.name, p.status].filter(Boolean).join(' — ')))),
      section('Medications', '10160-0', list(input.medications.map((m) => [m.name, m.detail, m.status].filter(Boolean).join(' — ')))),
      section('Allergies', '48765-2', list(input.allergies.map((a) => [a.name, a.detail].filter(Boolean).join(' — ')))),
      section('Results', '30954-2', `<p>${observations.length} lab values in ${reports.length} reports.</p>`, reports),
      section('Documents', '55107-7', list(input.documents.map((d) => `${d.number}. ${d.doc.title}`)), [...documents, ...studies]),
    ],
  };
  const entries = [composition, patient, ...documents, ...studies, ...reports, ...observations];
  return {
    resourceType: 'Bundle',
    id: id('bundle'),
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id('bundle-identifier')}` },
    type: 'document',
    timestamp: instant,
    entry: entries.map((resource) => ({ fullUrl: ref(resource), resource: JSON.parse(JSON.stringify(resource)) as Resource })),
  };
}
