import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { importingLibrary } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const setup = (patient = { name: 'Buster Hoeger', dateOfBirth: '1988-03-16' }) => importingLibrary({ patient });

const BUSTER = 'fhir/Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json';

type Resource = Record<string, unknown> & { resourceType: string };
function resourcesOf(file: string): Resource[] {
  const bundle = JSON.parse(fs.readFileSync(fixture(file), 'utf8')) as { entry: { resource: Resource }[] };
  return bundle.entry.map((e) => e.resource);
}
const category = (r: Resource) => ((r.category as { coding: { code: string }[] }[] | undefined)?.[0]?.coding[0]?.code ?? null);

/** What the source file holds, counted straight from its JSON. */
function expectedCounts(file: string) {
  const all = resourcesOf(file);
  const of = (type: string) => all.filter((r) => r.resourceType === type);
  return {
    labs: of('Observation').filter((o) => category(o) === 'laboratory' && (o.valueQuantity || o.valueString || o.valueCodeableConcept)).length,
    vital: of('Observation').filter((o) => category(o) === 'vital-signs').length,
    problem: of('Condition').length,
    medication: of('MedicationRequest').length,
    encounter: of('Encounter').length,
    immunization: of('Immunization').length,
    procedure: of('Procedure').length,
    allergy: of('AllergyIntolerance').length,
  };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function zip(file: string, entries: Record<string, Buffer | string>): Promise<string> {
  const archive = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) archive.addBuffer(Buffer.from(content), name);
  archive.end();
  return new Promise((resolve, reject) => {
    archive.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve(file)).on('error', reject);
  });
}

describe('FHIR downloads', () => {
  it('keeps the file as a document and derives every lab result and record it lists, counted against the file', async () => {
    const { library, patient, run } = setup();
    const result = await run(fixture(BUSTER));
    expect(result.refused).toEqual([]);
    const [imported] = result.imported;
    const doc = library.documents.get(imported!.id);
    expect(doc).toMatchObject({ mediaType: 'application/fhir+json', title: 'Health record download (FHIR) for Buster Hoeger' });
    expect(library.vault.pathFor(doc.sha256!)).toSatisfy((p: string) => sha256(p) === sha256(fixture(BUSTER)));

    const expected = expectedCounts(BUSTER);
    const counts = library.records.counts(patient.id);
    expect(counts).toMatchObject({
      labs: expected.labs,
      vital: expected.vital,
      problem: expected.problem,
      medication: expected.medication,
      encounter: expected.encounter,
      immunization: expected.immunization,
      procedure: expected.procedure,
      labsToConfirm: 0,
    });
    expect(imported!.note).toMatch(/13 billing entries/);

    // Codes kept: LOINC on labs, SNOMED on problems, RxNorm on medications, CVX on immunizations.
    const labs = library.records.labs({ patientId: patient.id });
    expect(labs.every((l) => l.loinc && l.source.documentId === doc.id && l.confirmed && l.origin === 'fhir')).toBe(true);
    expect(labs.find((l) => l.loinc === '6690-2')).toMatchObject({ analyte: 'White blood cells', unit: '10*3/uL' });
    const codeSystems = (kind: Parameters<typeof library.records.records>[1]) => new Set(library.records.records(patient.id, kind).flatMap((r) => r.codes.map((c) => c.system)));
    expect(codeSystems('problem')).toContain('SNOMED');
    expect(codeSystems('medication')).toContain('RxNorm');
    expect(codeSystems('immunization')).toContain('CVX');

    // Searchable by what it holds.
    expect(library.search.search('sinusitis', { patientId: patient.id }).map((h) => h.id)).toContain(doc.id);
  });

  it('recognises the same facts in a second download and does not double them', async () => {
    const { library, patient, run } = setup();
    await run(fixture(BUSTER));
    const before = library.records.counts(patient.id);
    // The same resources exported as NDJSON: other bytes, the same facts.
    const ndjson = path.join(tempDir(), 'export.ndjson');
    fs.writeFileSync(ndjson, resourcesOf(BUSTER).map((r) => JSON.stringify(r)).join('\n'));
    const again = await run(ndjson);
    expect(again.imported).toHaveLength(1);
    expect(again.imported[0]!.note).toMatch(/entries were already in the library from another document/);
    expect(library.records.counts(patient.id)).toEqual(before);
    // And the very same file again is a duplicate document.
    expect((await run(fixture(BUSTER))).duplicates).toHaveLength(1);
  });

  it('takes two copies of one download in the same import as one document', async () => {
    const { library, run } = setup();
    const copy = path.join(tempDir(), 'copy of download.json');
    fs.copyFileSync(fixture(BUSTER), copy);
    const result = await run(fixture(BUSTER), copy);
    expect(result.refused).toEqual([]);
    expect(result.imported).toHaveLength(1);
    expect(result.duplicates).toEqual([expect.objectContaining({ of: result.imported[0]!.id })]);
    expect(library.documents.count()).toBe(1);
  });

  it('reads names with accents, and holds back what a download says when it names someone else or another birth date', async () => {
    const { library, patient, run } = setup({ name: 'Gustavo Mejía', dateOfBirth: '1986-01-01' });
    const result = await run(fixture('fhir/Gustavo_Mejía_59a8543c-e24f-4a01-b28b-47ccde6bc11d.json'), fixture(BUSTER));
    const gustavo = result.imported.find((i) => i.path.includes('Gustavo'))!;
    expect(library.documents.get(gustavo.id).title).toMatch(/Gustavo\d* Mejía/);
    // The name is his; the birth date is not the one the library has.
    expect(gustavo.note).not.toMatch(/names/);
    expect(gustavo.note).toMatch(/It gives the date of birth 27 Nov 1986; Gustavo Mejía was born 1 Jan 1986\. Its lab values and other entries are held back/);
    const buster = result.imported.find((i) => i.path.includes('Buster'))!;
    expect(buster.note).toMatch(/It names Buster Hoeger and gives the date of birth 16 Mar 1988; Gustavo Mejía was born 1 Jan 1986/);
    expect(library.documents.get(buster.id).identity).toMatchObject({ match: 'other', names: ['Buster Hoeger'], birthDates: ['1988-03-16'] });
    // Neither download's facts are Gustavo's until he says so.
    expect(library.records.counts(patient.id)).toEqual({ labs: 0, labsToConfirm: 0, heldBack: expect.any(Number) });
    expect(library.records.counts(patient.id).heldBack).toBeGreaterThan(30);
    expect(library.records.labs({ patientId: patient.id })).toEqual([]);
    const held = library.records.labs({ patientId: patient.id, withHeldBack: true });
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((l) => l.heldBack !== null)).toBe(true);
    // Once the birth date is corrected, his own download is his, and Buster's stays held back.
    library.patients.edit(patient.id, { dateOfBirth: '1986-11-27' });
    expect(library.documents.get(gustavo.id).identity.match).toBe('same');
    expect(library.records.labs({ patientId: patient.id }).every((l) => l.source.documentId === gustavo.id)).toBe(true);
    expect(library.records.labs({ patientId: patient.id }).length).toBeGreaterThan(0);
  });
});

describe('C-CDA documents', () => {
  it('derives labs with ranges, allergies with reactions, medications and problems, and types the document', async () => {
    const { library, patient, run } = setup({ name: 'Eve Betterhalf', dateOfBirth: '1975-05-01' });
    const result = await run(fixture('ccda/HL7_Consultation_Note.xml'));
    const doc = library.documents.get(result.imported[0]!.id);
    expect(doc).toMatchObject({ mediaType: 'application/xml', title: 'Community Health Consult Note', suggested: { type: 'consult-note', dateOfService: '2013-07-31' } });
    const labs = library.records.labs({ patientId: patient.id });
    expect(labs.map((l) => l.analyte).sort()).toEqual(['Hematocrit', 'Hemoglobin', 'Platelets', 'Red blood cells', 'White blood cells']);
    expect(labs.find((l) => l.analyte === 'Platelets')).toMatchObject({ value: { number: 123 }, unit: '10*3/uL', unitAsPrinted: '10*9/L', range: { low: 150, high: 350 }, flag: 'L', date: '2013-03-11', origin: 'ccda' });
    expect(library.records.records(patient.id, 'allergy').map((a) => [a.name, a.detail])).toEqual(
      expect.arrayContaining([
        ['Penicillin', 'Nausea; mild'],
        ['codeine', 'Wheezing; moderate'],
      ]),
    );
    expect(library.records.records(patient.id, 'medication')).toEqual([expect.objectContaining({ name: 'atenolol 25 MG Oral Tablet', codes: [expect.objectContaining({ system: 'RxNorm', code: '197380' })] })]);
    expect(library.records.records(patient.id, 'problem').map((p) => p.name)).toContain('Mixed asthma');
    expect(library.search.search('atenolol', { patientId: patient.id })[0]?.id).toBe(doc.id);
  });

  it('keeps a procedure done on three days as three procedures, and leaves out "no known allergies" and pending tests', async () => {
    const { library, patient, run } = setup({ name: 'Lemuel Corwin', dateOfBirth: '1990-10-17' });
    await run(fixture('ccda/Lemuel304_Corwin846_7be26793-9525-17d3-3fe7-f6750e1aaec5.xml'));
    const screenings = library.records.records(patient.id, 'procedure').filter((p) => p.codes[0]?.code === '171207006');
    expect(screenings.map((p) => p.date).sort()).toEqual(['2015-12-23', '2018-12-26', '2021-12-29']);
    const ccd = await run(fixture('ccda/HL7_CCD_2.xml'));
    expect(ccd.imported[0]!.note).toMatch(/no known allergies/);
    expect(ccd.imported[0]!.note).toMatch(/2 tests with no result yet/);
    expect(library.records.records(patient.id, 'allergy')).toEqual([]);
  });

  it('keeps the text of a document whose entries it cannot read, and takes out a PDF carried inside', async () => {
    const { library, run } = setup();
    const result = await run(fixture('ccda/HL7_Diagnostic_Imaging_Report.xml'), fixture('ccda/HL7_Unstructured_Document_embedded_PDF.xml'));
    expect(result.refused).toEqual([]);
    const report = result.imported.find((i) => i.path.endsWith('HL7_Diagnostic_Imaging_Report.xml'))!;
    expect(report.note).toMatch(/structured entries could not be read \(they use a form Casebinder does not read yet/);
    expect(library.documents.get(report.id).suggested.type).toBe('imaging-report');
    expect(library.documents.pageTexts(report.id).join('\n')).toMatch(/Chest X-Ray/);
    const inner = result.imported.find((i) => i.path.endsWith('(PDF inside)'))!;
    expect(library.documents.get(inner.id)).toMatchObject({ mediaType: 'application/pdf', pages: 3, suggested: { type: 'discharge-summary' } });
  });
});

describe('portal ZIPs', () => {
  it('reads an IHE XDM download by its index, and says which listed document is missing', async () => {
    const { library, patient, run } = setup({ name: 'Eve Betterhalf', dateOfBirth: '1975-05-01' });
    const metadata = `<?xml version="1.0" encoding="UTF-8"?>
<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
  <rim:RegistryObjectList>
    <rim:ExtrinsicObject id="Document01" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">
      <rim:Slot name="URI"><rim:ValueList><rim:Value>DOC0001.XML</rim:Value></rim:ValueList></rim:Slot>
    </rim:ExtrinsicObject>
    <rim:ExtrinsicObject id="Document02" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">
      <rim:Slot name="URI"><rim:ValueList><rim:Value>1|DOC00</rim:Value><rim:Value>2|02.XML</rim:Value></rim:ValueList></rim:Slot>
    </rim:ExtrinsicObject>
  </rim:RegistryObjectList>
</lcm:SubmitObjectsRequest>`;
    const file = await zip(path.join(tempDir(), 'MyChart download.zip'), {
      'INDEX.HTM': '<html><body>IHE_XDM download: see IHE_XDM/SUBSET01</body></html>',
      'README.TXT': 'This archive is an IHE XDM package. Documents are in IHE_XDM/SUBSET01.',
      'IHE_XDM/SUBSET01/METADATA.XML': metadata,
      'IHE_XDM/SUBSET01/DOC0001.XML': fs.readFileSync(fixture('ccda/HL7_Consultation_Note.xml')),
    });
    const result = await run(file);
    expect(result.imported.map((i) => path.basename(i.path))).toEqual(['DOC0001.XML']);
    expect(result.refused).toEqual([
      expect.objectContaining({ path: path.join(file, 'IHE_XDM/SUBSET01/DOC0002.XML'), code: 'not-found', reason: expect.stringMatching(/index \(METADATA.XML\) lists this document, but it is not in the download/) }),
    ]);
    expect(result.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['INDEX.HTM', 'METADATA.XML', 'README.TXT']);
    expect(library.records.counts(patient.id).labs).toBe(5);
  });

  it("imports the clinic records of an Apple Health export and leaves the phone's own measurements", async () => {
    const { library, patient, run } = setup();
    const observation = resourcesOf(BUSTER).find((r) => r.resourceType === 'Observation' && category(r) === 'laboratory')!;
    const condition = resourcesOf(BUSTER).find((r) => r.resourceType === 'Condition')!;
    const file = await zip(path.join(tempDir(), 'export.zip'), {
      'apple_health_export/export.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="en_US"><Record type="HKQuantityTypeIdentifierStepCount" value="1200"/></HealthData>',
      'apple_health_export/export_cda.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Health export</title></ClinicalDocument>',
      'apple_health_export/clinical-records/Observation-1.json': JSON.stringify(observation),
      'apple_health_export/clinical-records/Condition-1.json': JSON.stringify(condition),
    });
    const result = await run(file);
    expect(result.refused).toEqual([]);
    expect(result.imported).toHaveLength(2);
    expect(result.skipped.map((s) => path.basename(s.path)).sort()).toEqual(['export.xml', 'export_cda.xml']);
    expect(result.skipped[0]!.reason).toMatch(/phone's own measurements/);
    expect(library.records.counts(patient.id)).toMatchObject({ labs: 1, problem: 1 });
    // One file per record: each named and dated by its record, so many can be told apart.
    const titles = result.imported.map((i) => library.documents.get(i.id)).map((d) => [d.title, d.suggested.dateOfService]);
    expect(titles).toEqual(
      expect.arrayContaining([
        [expect.stringMatching(/^Lab result: White blood cells [\d.]+ 10\*3\/uL$/), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
        [expect.stringMatching(/^Problem: /), expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)],
      ]),
    );
  });
});

describe('bad health record files', () => {
  it('refuses each with its own reason, and imports the rest with nothing half-done', async () => {
    const { library, patient, run } = setup();
    const dir = tempDir();
    const write = (name: string, content: string) => {
      fs.writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    const consult = fs.readFileSync(fixture('ccda/HL7_Consultation_Note.xml'), 'utf8');
    const files = {
      laughs: write(
        'billion-laughs.xml',
        '<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>&b;</title></ClinicalDocument>',
      ),
      external: write('external.xml', `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "http://example.com/steal">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3">&e;</ClinicalDocument>`),
      cut: write('cut-off.xml', consult.slice(0, Math.floor(consult.length / 2))),
      notCda: write('not-a-record.xml', '<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>Unclosed</ClinicalDocument>'),
      wrongShape: write('wrong-shape.json', JSON.stringify({ resourceType: 'Claim', id: 'c1', status: 'active' })),
      brokenJson: write('broken.json', '{"resourceType": "Bundle", "entry": [ {"resource": '),
      good: fixture(BUSTER),
    };
    const result = await run(...Object.values(files));
    const reason = (file: string) => result.refused.find((r) => r.path === file);
    expect(reason(files.laughs)).toMatchObject({ code: 'unsupported', reason: expect.stringMatching(/DOCTYPE or entities/) });
    expect(reason(files.external)).toMatchObject({ code: 'unsupported', reason: expect.stringMatching(/DOCTYPE or entities/) });
    expect(reason(files.cut)).toMatchObject({ code: 'damaged', reason: expect.stringMatching(/damaged.*Download it from the portal again/) });
    expect(reason(files.notCda)).toMatchObject({ code: 'damaged' });
    expect(reason(files.wrongShape)).toMatchObject({ code: 'unsupported', reason: expect.stringMatching(/holds no lab results.*it holds: Claim/) });
    expect(reason(files.brokenJson)).toMatchObject({ code: 'damaged', reason: expect.stringMatching(/not valid JSON/) });
    expect(result.imported.map((i) => i.path)).toEqual([files.good]);
    // Nothing of the refused files: no documents, no records, no originals.
    expect(library.documents.count()).toBe(1);
    expect(library.records.labs({ patientId: patient.id }).every((l) => l.source.documentId === result.imported[0]!.id)).toBe(true);
    expect(await library.check()).toMatchObject({ ok: true, notes: [] });
  });
});
