/**
 * The IHE XDM layout (ITI TF-1 §16, TF-2b §3.32): IHE_XDM/SUBSET01/ holds a copy of each document and
 * METADATA.XML, an ebRS 3.0 SubmitObjectsRequest with one XDSDocumentEntry per document (its size and
 * SHA-1 hash, URI, dates, patient and codes), the submission set, and the associations between them.
 * Hospital systems that read XDM media take the documents in from it.
 */
import type { DocumentType } from '../../shared/document-types.ts';
import type { Code } from './codes.ts';
import { documentCodes, PRACTICE_SETTINGS } from './codes.ts';
import type { CaseBundleInput } from './gather.ts';
import { uidFrom } from './dicomdir.ts';

export interface XdmDocument {
  readonly number: number;
  /** File name inside SUBSET01. */
  readonly uri: string;
  /** As XDS carries it (text/xml for a C-CDA) and how it is to be read (codes.ts formatOf). */
  readonly mimeType: string;
  readonly format: Code;
  readonly type: DocumentType;
  readonly size: number;
  readonly sha1: string;
  readonly title: string;
  readonly typeLabel: string;
  readonly date: string | null;
  readonly facility: string | null;
  readonly uniqueId: string;
  /**
   * The document's language as BCP 47: an original's main language as read from its text, `und`
   * (undetermined, ISO 639-2) when its text says too little; a manifest Casebinder wrote is `en-US`.
   */
  readonly language: string;
  /** For an imaging study's manifest (a KOS): the study it lists, and its modalities as DICOM codes. */
  readonly study?: { readonly studyInstanceUid: string; readonly accessionNumber: string | null; readonly modalities: readonly Code[] };
}

const SCHEME = {
  documentEntry: 'urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1',
  classCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  confidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
  formatCode: 'urn:uuid:a09d5840-386f-4d0c-bb5b-f4b3d2c9f44a',
  healthcareFacilityTypeCode: 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1',
  practiceSettingCode: 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead',
  typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  documentPatientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  documentUniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  eventCodeList: 'urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4',
  submissionSet: 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd',
  contentTypeCode: 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
  setUniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  setSourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
  setPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
} as const;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function slot(name: string, ...values: string[]): string {
  return `<rim:Slot name="${esc(name)}"><rim:ValueList>${values.map((v) => `<rim:Value>${esc(v)}</rim:Value>`).join('')}</rim:ValueList></rim:Slot>`;
}

function classification(id: string, scheme: string, object: string, code: Pick<Code, 'code' | 'scheme' | 'display'>): string {
  return `<rim:Classification id="${id}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${esc(code.code)}">${slot('codingScheme', code.scheme)}<rim:Name><rim:LocalizedString value="${esc(code.display)}"/></rim:Name></rim:Classification>`;
}

/** A value inside an HL7 v2 data type, its delimiters escaped. */
function hl7(text: string): string {
  return text.replace(/\\/g, '\\E\\').replace(/\|/g, '\\F\\').replace(/\^/g, '\\S\\').replace(/&/g, '\\T\\').replace(/~/g, '\\R\\');
}

/**
 * The specialist as XDS's intendedRecipient (XON|XCN): the institution as an organisation name, the
 * person as family and given names (a title before the name and degrees after a comma kept out).
 */
export function intendedRecipient(specialist: { readonly name: string; readonly institution: string | null }): string {
  const bare = specialist.name.replace(/^\s*(dr|prof|professor|mr|mrs|ms)\.?\s+/i, '').replace(/,.*$/, '').trim();
  const words = bare.split(/\s+/).filter(Boolean);
  const person = words.length ? `^${hl7(words.slice(-1)[0]!)}^${hl7(words.slice(0, -1).join(' '))}` : '';
  return `${specialist.institution ? hl7(specialist.institution) : ''}|${person}`;
}

function identifier(id: string, scheme: string, object: string, value: string, name: string): string {
  return `<rim:ExternalIdentifier id="${id}" identificationScheme="${scheme}" registryObject="${object}" value="${esc(value)}"><rim:Name><rim:LocalizedString value="${name}"/></rim:Name></rim:ExternalIdentifier>`;
}

/** HL7 DTM: 20261122100000 (UTC). */
function dtm(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** XDS requires a languageCode; a document whose language could not be read says so (ISO 639-2 `und`). */
export const UNDETERMINED_LANGUAGE = 'und';

export function xdmMetadata(input: CaseBundleInput, documents: readonly XdmDocument[], seed: string): string {
  const authority = uidFrom(`${seed}|patient-authority`);
  const patientId = `${input.patient.id}^^^&${authority}&ISO`;
  const name = input.patient.name.split(/\s+/);
  const pid5 = `${name.slice(-1)[0] ?? ''}^${name.slice(0, -1).join(' ')}`;
  const practice = PRACTICE_SETTINGS[input.details.specialty] ?? { code: input.details.specialty, scheme: 'Casebinder specialties', display: input.specialtyLabel };
  const entries = documents.map((d) => {
    const id = `Document${String(d.number).padStart(2, '0')}`;
    const c = (suffix: string) => `${id}-${suffix}`;
    return [
      `<rim:ExtrinsicObject id="${id}" mimeType="${esc(d.mimeType)}" objectType="${SCHEME.documentEntry}">`,
      slot('creationTime', dtm(input.now)),
      slot('hash', d.sha1),
      slot('size', String(d.size)),
      slot('URI', d.uri),
      slot('languageCode', d.language),
      ...(d.date ? [slot('serviceStartTime', d.date.replace(/-/g, ''))] : []),
      // XDS-I.b: a study's manifest names the study (and its accession number) it lists.
      ...(d.study
        ? [
            slot(
              'urn:ihe:iti:xds:2013:referenceIdList',
              `${d.study.studyInstanceUid}^^^^urn:ihe:iti:xds:2016:studyInstanceUID`,
              ...(d.study.accessionNumber ? [`${hl7(d.study.accessionNumber)}^^^^urn:ihe:iti:xds:2013:accession`] : []),
            ),
          ]
        : []),
      slot('sourcePatientId', patientId),
      slot('sourcePatientInfo', `PID-3|${patientId}`, `PID-5|${pid5}`, ...(input.patient.dateOfBirth ? [`PID-7|${input.patient.dateOfBirth.replace(/-/g, '')}`] : [])),
      `<rim:Name><rim:LocalizedString value="${esc(d.title)}"/></rim:Name>`,
      ...(d.facility ? [`<rim:Description><rim:LocalizedString value="${esc(`${d.typeLabel} from ${d.facility}`)}"/></rim:Description>`] : []),
      classification(c('class'), SCHEME.classCode, id, documentCodes(d.type).class),
      classification(c('confidentiality'), SCHEME.confidentialityCode, id, { code: 'N', scheme: '2.16.840.1.113883.5.25', display: 'Normal' }),
      classification(c('format'), SCHEME.formatCode, id, d.format),
      // Where the care took place is not known for documents a patient brings; the code says so.
      ...(d.study?.modalities ?? []).map((m, i) => classification(c(`event${i + 1}`), SCHEME.eventCodeList, id, m)),
      classification(c('facility'), SCHEME.healthcareFacilityTypeCode, id, { code: 'patient-provided', scheme: 'Casebinder', display: 'Provided by the patient; where the care took place is not recorded' }),
      classification(c('practice'), SCHEME.practiceSettingCode, id, practice),
      classification(c('type'), SCHEME.typeCode, id, documentCodes(d.type).type),
      identifier(c('patient'), SCHEME.documentPatientId, id, patientId, 'XDSDocumentEntry.patientId'),
      identifier(c('unique'), SCHEME.documentUniqueId, id, d.uniqueId, 'XDSDocumentEntry.uniqueId'),
      '</rim:ExtrinsicObject>',
    ].join('\n');
  });
  const set = 'SubmissionSet01';
  const submission = [
    `<rim:RegistryPackage id="${set}">`,
    slot('submissionTime', dtm(input.now)),
    ...(input.specialist ? [slot('intendedRecipient', intendedRecipient(input.specialist))] : []),
    `<rim:Name><rim:LocalizedString value="${esc(`Second opinion request: ${input.details.title}`)}"/></rim:Name>`,
    `<rim:Description><rim:LocalizedString value="${esc(input.decision)}"/></rim:Description>`,
    classification(`${set}-content`, SCHEME.contentTypeCode, set, { code: '57133-1', scheme: '2.16.840.1.113883.6.1', display: 'Referral note' }),
    identifier(`${set}-unique`, SCHEME.setUniqueId, set, uidFrom(`${seed}|submission-set`), 'XDSSubmissionSet.uniqueId'),
    identifier(`${set}-source`, SCHEME.setSourceId, set, uidFrom('casebinder'), 'XDSSubmissionSet.sourceId'),
    identifier(`${set}-patient`, SCHEME.setPatientId, set, patientId, 'XDSSubmissionSet.patientId'),
    '</rim:RegistryPackage>',
    `<rim:Classification id="${set}-is-set" classifiedObject="${set}" classificationNode="${SCHEME.submissionSet}"/>`,
  ].join('\n');
  const associations = documents.map((d) => {
    const id = `Document${String(d.number).padStart(2, '0')}`;
    return `<rim:Association id="${id}-member" associationType="urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember" sourceObject="${set}" targetObject="${id}">${slot('SubmissionSetStatus', 'Original')}</rim:Association>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">',
    '<rim:RegistryObjectList>',
    ...entries,
    submission,
    ...associations,
    '</rim:RegistryObjectList>',
    '</lcm:SubmitObjectsRequest>',
    '',
  ].join('\n');
}
