/**
 * The DICOMDIR a bundle writes, checked by the receiving side's own tools: dicom3tools' dciodvfy finds
 * no error in it, and its directory record types are the ones DCMTK's dcmmkdir gives the same files
 * (an SR DOCUMENT for a structured report, RT PLAN, RT DOSE... not IMAGE for everything). A study whose
 * files lack a date, an ID or numbers gets the values the standard requires, and the export says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { say } from '../../shared/said.ts';
import { pagePictureFrom, startExport } from '../../electron/export/start.ts';
import { Library } from '../../electron/library/library.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { importerFor } from '../helpers/library.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** (record type, referenced file) of every record that points at a file, as dcmdump reads the DICOMDIR. */
function recordsOf(dicomdir: string): string[] {
  const dump = execFileSync('dcmdump', ['-q', '+L', dicomdir], { maxBuffer: 1 << 26 }).toString();
  const records: string[] = [];
  let type: string | null = null;
  for (const line of dump.split('\n')) {
    const recordType = /\(0004,1430\) CS \[([^\]]+)\]/.exec(line);
    if (recordType) type = recordType[1]!;
    const file = /\(0004,1500\) CS \[([^\]]+)\]/.exec(line);
    if (file && type) records.push(`${type} ${file[1]!.replace(/\\/g, '/')}`);
  }
  return records.sort();
}

async function bundleWith(files: readonly string[]) {
  const dir = path.join(tempDir(), 'library');
  const setup = Library.open(dir, { create: true });
  const patient = setup.patients.add({ name: 'Test Person', dateOfBirth: '1950-01-01' });
  const { importer, close } = importerFor(setup);
  const imported = await importer.start({ paths: files.map((f) => fixture(f)), patientId: patient.id }).result;
  await close();
  setup.close();
  expect(imported.refused).toEqual([]);
  const library = Library.open(dir);
  const pool = new WorkerPool({ threads: 2 });
  cleanup.push(() => library.close(), () => pool.close());
  const studies = library.documents.list({ patientId: patient.id });
  // The studies name other people (they are test files): the person says they are theirs.
  for (const s of studies) library.identity.confirm(s.id, true);
  const c = library.cases.create(patient.id, { title: 'Imaging review', specialty: 'oncology', condition: null }, new Date());
  library.cases.addDocuments(c.id, studies.map((d) => d.id));
  return startExport(
    { library, picture: pagePictureFrom(pool) },
    { caseId: c.id, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: false }, outDir: path.join(tempDir(), 'out') },
  ).result;
}

describe('the DICOMDIR of a bundle', () => {
  it('passes dciodvfy and gives each object the record type dcmmkdir gives it; missing study values are derived and said', async () => {
    const result = await bundleWith([
      'dicom/single/CT_small.dcm',
      'dicom/single/JPGExtended.dcm',
      'dicom/single/test-SR.dcm',
      'dicom/pydicom/reportsi.dcm',
      'dicom/pydicom/rtplan.dcm',
      'dicom/pydicom/rtdose.dcm',
      'dicom/encodings/e/palette_ot.dcm',
    ]);
    const dicomdir = path.join(result.folder, 'DICOMDIR');

    // dicom3tools: no error (its warnings are about optional attributes and are not counted).
    const verified = spawnSync('dciodvfy', [dicomdir], { encoding: 'utf8' });
    const said = `${verified.stdout}${verified.stderr}`;
    expect(said).toMatch(/BasicDirectory/);
    expect(said.split('\n').filter((l) => l.startsWith('Error'))).toEqual([]);

    // DCMTK builds its own DICOMDIR over a copy of the same files; the records it makes (for the files its
    // profile takes) must be the ones Casebinder wrote.
    const copy = path.join(tempDir(), 'dcmmkdir');
    fs.cpSync(path.join(result.folder, 'DICOM'), path.join(copy, 'DICOM'), { recursive: true });
    spawnSync('dcmmkdir', ['+I', '-Pgp', '-Nxc', '+r', '-W', '--output-file', path.join(copy, 'DICOMDIR'), 'DICOM'], { cwd: copy, encoding: 'utf8' });
    const ours = recordsOf(dicomdir);
    const theirs = recordsOf(path.join(copy, 'DICOMDIR'));
    expect(theirs.length).toBeGreaterThanOrEqual(4);
    for (const record of theirs) expect(ours).toContain(record);
    const types = ours.map((r) => r.split(' DICOM/')[0]);
    expect(types.filter((t) => t === 'SR DOCUMENT')).toHaveLength(2);
    expect(types).toEqual(expect.arrayContaining(['RT PLAN', 'RT DOSE', 'IMAGE']));

    // pydicom's structured report has no study date or ID: the directory takes them as the standard allows, and the export says so.
    const notes = result.warnings.map((w) => say(w)).join('\n');
    expect(notes).toMatch(/its files lack values the disc index \(DICOMDIR\) requires, so the index gives .*StudyID/);
    expect(notes).toMatch(/The image files themselves are unchanged/);
    // The window says the same note in its language, with no English left but the DICOM keywords and values.
    for (const language of ['es', 'ar']) {
      const there = result.warnings.map((w) => say(w, language)).join('\n');
      expect(there).not.toMatch(/files lack values|as the files? gives?|places in|An imaging study/);
      expect(there).toMatch(language === 'es' ? /les faltan valores que el índice del disco \(DICOMDIR\) exige/ : /فهرس القرص \(DICOMDIR\)/);
      expect(there).toMatch(/StudyID/);
    }
  });
});
