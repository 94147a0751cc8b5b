/**
 * A case to export, shared by the tests that read a bundle as its receivers do: Zoë's library (two
 * PDFs, one with rotated pages; a tiny phone photo; a FHIR download with labs; an imaging CD) with a
 * lumbar-fusion case prepared for a specialist; and ways to export it and to open what it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BlobWriter, Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { expect } from 'vitest';
import { pagePictureFrom, startExport } from '../../electron/export/start.ts';
import { Library } from '../../electron/library/library.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';
import type { ExportChoices, ExportResult } from '../../shared/export-types.ts';
import { closeAfterTest, importerFor } from './library.ts';
import { fixture, tempDir } from './paths.ts';

export const CLOCK = new Date('2026-11-22T15:30:00Z');
export const NAME = 'Zoë Παπαδοπούλου-Yamada 山田';

/** A library with a case: two PDFs (one with rotated pages), a phone photo, a FHIR download with labs and an imaging CD. */
export async function caseLibrary() {
  const dir = path.join(tempDir(), 'library');
  const setup = Library.open(dir, { create: true });
  const patient = setup.patients.add({ name: NAME, dateOfBirth: '1961-03-12' });
  const { importer, close } = importerFor(setup);
  const imported = await importer.start({
    paths: ['pdf/ocrmypdf/multipage.pdf', 'pdf/pdfjs/rotation.pdf', 'images/MWG.jpg', 'fhir/Gustavo_Mejía_59a8543c-e24f-4a01-b28b-47ccde6bc11d.json', 'dicom/hospital_cd'].map((f) => fixture(f)),
    patientId: patient.id,
  }).result;
  await close();
  setup.close();
  expect(imported.refused).toEqual([]);
  const library = Library.open(dir, { now: () => CLOCK });
  const pool = new WorkerPool({ threads: 2 });
  closeAfterTest(() => library.close(), () => pool.close());
  const docs = library.documents.list({ patientId: patient.id });
  const c = library.cases.create(patient.id, { title: 'Lumbar fusion L4–L5', specialty: 'spine-orthopedic', condition: 'Spondylolisthesis L4–L5' }, CLOCK);
  library.cases.addDocuments(c.id, docs.map((d) => d.id));
  library.cases.addRecommendation(c.id, { clinician: 'Dr. Amelia Hale', facility: 'Summit Spine', procedure: 'Posterior lumbar fusion at L4–L5', date: '2026-09-14', urgency: 'Within 6 weeks', documentIds: [] });
  library.cases.addQuestion(c.id, 'Is fusion necessary, or would decompression alone help?');
  library.cases.addQuestion(c.id, 'What happens if I wait six months?');
  library.cases.update(c.id, { priorities: ['Avoid surgery if possible'] });
  const specialist = library.cases.addSpecialist(c.id, { name: 'Dr. Rafael Ortiz', institution: 'University Spine Center' });
  // The download names Gustavo Mejía: the person says it is Zoë's (else its labs are held back from the packet).
  library.identity.confirm(docs.find((d) => d.mediaType === 'application/fhir+json')!.id, true);
  return { dir, library, pool, patient, caseId: c.id, specialistId: specialist.id, docs };
}

export type CaseLibrary = Awaited<ReturnType<typeof caseLibrary>>;

export const choices = (over: Partial<ExportChoices> = {}): ExportChoices => ({ ...DEFAULT_EXPORT_CHOICES, ...over });

export async function exportTo(fixtureCase: CaseLibrary, outDir: string, over: Partial<ExportChoices> = {}, password: string | null = null): Promise<ExportResult> {
  const job = startExport({ library: fixtureCase.library, picture: pagePictureFrom(fixtureCase.pool) }, { caseId: fixtureCase.caseId, specialistId: fixtureCase.specialistId, choices: choices(over), outDir, password });
  return job.result;
}

/** Every file of a ZIP by its name in the archive, read with zip.js (not the exporter's own code path). */
export async function unzip(zipFile: string, password?: string): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new Uint8ArrayReader(fs.readFileSync(zipFile)));
  const out = new Map<string, Uint8Array>();
  for (const entry of await reader.getEntries()) {
    if (entry.directory) continue;
    const blob = await entry.getData!(new BlobWriter(), password ? { password } : {});
    out.set(entry.filename, new Uint8Array(await blob.arrayBuffer()));
  }
  await reader.close();
  return out;
}

/** Every file below a folder, relative to it, "/" between parts, sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}
