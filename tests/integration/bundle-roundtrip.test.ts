/**
 * A case bundle read back by another Casebinder (the specialist's): exported from one library, imported
 * into a new one, as a folder, as the ZIP and as ZIP volumes. Each original comes in once under the
 * details the bundle gave it, the studies whole; the packet, the FHIR and XDM copies, README/INDEX,
 * the DICOMDIR and the manifest are skipped, each with its reason. Then the ways it can go wrong: a
 * volume missing, an original changed after export.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/library.ts';
import { effectiveType, effectiveValue } from '../../shared/library-types.ts';
import type { MedicalDocument } from '../../shared/library-types.ts';
import type { ImportResult } from '../../shared/import-types.ts';
import { caseLibrary, exportTo, listFiles, NAME } from '../helpers/case-bundle.ts';
import type { CaseLibrary } from '../helpers/case-bundle.ts';
import { closeAfterTest, importerFor } from '../helpers/library.ts';
import { tempDir } from '../helpers/paths.ts';

/** Zoë's case with details the person gave by hand, so the round trip has something to carry. */
async function detailedCase(): Promise<CaseLibrary> {
  const f = await caseLibrary();
  const byName = (name: string) => f.docs.find((d) => d.originalName === name)!;
  f.library.documents.edit(byName('MWG.jpg').id, { title: 'Incision, two weeks after', type: 'other', dateOfService: '2026-08-30' });
  f.library.documents.edit(byName('multipage.pdf').id, { title: 'Consult note, Dr. Hale', type: 'consult-note', dateOfService: '2026-09-02', facility: 'Summit Spine', clinician: 'Dr. Amelia Hale' });
  return f;
}

/** What a specialist reads of each record: the details, by the original's fingerprint (a study by its images). */
function described(library: Library, patientId: number): Map<string, unknown> {
  const key = (d: MedicalDocument) => d.sha256 ?? `study of ${d.imaging!.instances} images in ${d.imaging!.series} series`;
  return new Map(
    library.documents
      .list({ patientId })
      .map((d) => [key(d), { title: d.title, type: effectiveType(d), date: effectiveValue(d, 'dateOfService'), facility: effectiveValue(d, 'facility'), clinician: effectiveValue(d, 'clinician') }]),
  );
}

/** A new library for the specialist, with Zoë as its patient, and what importing these paths into it did. */
async function readBack(paths: readonly string[]): Promise<{ library: Library; patientId: number; result: ImportResult }> {
  const library = Library.open(path.join(tempDir(), 'specialist'), { create: true });
  const patient = library.patients.add({ name: NAME, dateOfBirth: '1961-03-12' });
  const { importer, close } = importerFor(library);
  closeAfterTest(() => library.close(), close);
  const result = await importer.start({ paths, patientId: patient.id }).result;
  return { library, patientId: patient.id, result };
}

const SKIPPED_AS = {
  packet: /PDF packet, made by Casebinder from the bundle's originals/,
  fhir: /FHIR copy of its document list/,
  xdmIndex: /index for hospital systems \(IHE XDM METADATA\.XML\)/,
  xdmCopy: /A second copy of D\d+ \(.+\) that the bundle keeps for hospital systems/,
  kos: /The list of D\d+ \(.+\)'s images that the bundle keeps for hospital systems \(a DICOM key object selection, IHE XDS-I\); the images themselves were imported/,
  cover: /cover page/,
  dicomdir: /disc index \(DICOMDIR\)/,
  manifest: /manifest \(manifest\.json\)/,
};

/** Everything the bundle made from the originals was skipped with its reason; nothing was refused or taken as a disc viewer's. */
function expectOnlyOriginals(result: ImportResult, bundleFiles: readonly string[]) {
  expect(result.refused).toEqual([]);
  const reasonOf = (file: string) => result.skipped.find((s) => s.path.replace(/\\/g, '/').endsWith(`/${file}`))?.reason;
  for (const file of bundleFiles) {
    if (file.startsWith('Originals/') || file.startsWith('DICOM/')) {
      expect(reasonOf(file), file).toBeUndefined();
      continue;
    }
    const reason = reasonOf(file);
    const expected =
      file === 'manifest.json' ? SKIPPED_AS.manifest
      : file === 'DICOMDIR' ? SKIPPED_AS.dicomdir
      : file === 'FHIR/bundle.json' ? SKIPPED_AS.fhir
      : file.endsWith('METADATA.XML') ? SKIPPED_AS.xdmIndex
      : file.endsWith('.DCM') ? SKIPPED_AS.kos
      : file.startsWith('IHE_XDM/') ? SKIPPED_AS.xdmCopy
      : file === 'README.TXT' || file === 'INDEX.HTM' ? SKIPPED_AS.cover
      : SKIPPED_AS.packet;
    expect(reason, file).toMatch(expected);
  }
  expect(result.skipped.filter((s) => /viewer/i.test(s.reason))).toEqual([]);
}

describe('a case bundle read back by another Casebinder', () => {
  it('takes each original once, under the details the bundle gives it, from the folder and from the ZIP', async () => {
    const f = await detailedCase();
    const exported = await exportTo(f, path.join(tempDir(), 'out'));
    const files = listFiles(exported.folder);
    const sent = described(f.library, f.patient.id);
    // The photo is 8x8 pixels: on a disc it would pass for a viewer's button; in a bundle it is a record.
    expect(sent.get(f.docs.find((d) => d.originalName === 'MWG.jpg')!.sha256!)).toMatchObject({ title: 'Incision, two weeks after', type: 'other' });

    for (const from of [exported.folder, exported.zip[0]!]) {
      const { library, patientId, result } = await readBack([from]);
      expectOnlyOriginals(result, files);
      expect(described(library, patientId), from).toEqual(sent);
      // Every original's bytes, byte for byte: the same fingerprints, each once.
      const docs = library.documents.list({ patientId });
      expect(docs.filter((d) => d.kind === 'file').map((d) => d.sha256).sort()).toEqual(f.docs.filter((d) => d.kind === 'file').map((d) => d.sha256).sort());
      expect(docs).toHaveLength(f.docs.length);
      const photo = result.imported.find((i) => i.path.endsWith('.jpg'))!;
      expect(photo.note).toMatch(/From a case bundle \(D\d+\): filed under the title, type, date, facility and clinician its manifest gives; its bytes match/);
    }
  });

  it('reads ZIP volumes together as one bundle, and says which originals are missing when a volume is left out', async () => {
    const f = await detailedCase();
    const exported = await exportTo(f, path.join(tempDir(), 'out'), { maxSizeMb: 1.5 });
    expect(exported.zip.length).toBeGreaterThan(2);
    const files = listFiles(exported.folder);
    const all = await readBack(exported.zip);
    expectOnlyOriginals(all.result, files);
    expect(described(all.library, all.patientId)).toEqual(described(f.library, f.patient.id));

    // Without the last volume: what it held is named, and how to mend it.
    const some = await readBack(exported.zip.slice(0, -1));
    const missing = some.result.refused.filter((r) => r.code === 'not-found');
    expect(missing.length).toBeGreaterThan(0);
    for (const r of missing) expect(r.reason).toMatch(/manifest lists this original, but it is not in what was imported\. If the bundle came as several ZIP parts \(volumes\), import all the parts together/);
    expect(some.result.refused.filter((r) => r.code !== 'not-found')).toEqual([]);
  });

  it('imports an original changed after export as it is, without the details the manifest gives other bytes', async () => {
    const f = await detailedCase();
    const exported = await exportTo(f, path.join(tempDir(), 'out'), { zip: false });
    const photo = listFiles(exported.folder).find((p) => p.startsWith('Originals/') && p.endsWith('.jpg'))!;
    fs.appendFileSync(path.join(exported.folder, photo), Buffer.from('changed'));
    const { result, library } = await readBack([exported.folder]);
    const imported = result.imported.find((i) => i.path.endsWith('.jpg'))!;
    expect(imported.note).toMatch(/Its bytes are not the ones the case bundle's manifest records for Originals\/.+\.jpg, so it was changed after the bundle was made: it was imported as it is, and the manifest's title, type and date were not applied/);
    expect(library.documents.get(imported.id).title).not.toBe('Incision, two weeks after');
  });

  it('is not fooled by a manifest.json that is not a Casebinder bundle', async () => {
    const folder = path.join(tempDir(), 'download');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'manifest.json'), JSON.stringify({ format: 'something-else', files: [{ path: 'a.pdf', role: 'packet' }] }));
    fs.copyFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'pdf', 'pdfjs', 'rotation.pdf'), path.join(folder, 'a.pdf'));
    const { result } = await readBack([folder]);
    expect(result.imported.map((i) => path.basename(i.path))).toEqual(['a.pdf']);
  });
});
