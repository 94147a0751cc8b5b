import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FOLDERS } from '../corpus/folders.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { casebinder } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

interface CaseJson {
  id: number;
  title: string;
  specialty: string;
  documents: { id: number; included: boolean }[];
  recommendations: { clinician: string; procedure: string; date: string; urgency: string | null; documentIds: number[] }[];
  questions: string[];
  checklist: { status: 'met' | 'missing' | 'warning'; message: string; ask: string | null; rule: string }[];
}

/** An advocate builds Margaret O'Neill's spine case from her folder, and watches the checklist close. */
describe('cases on the command line', () => {
  const library = path.join(tempDir(), 'lib');
  const byFile = new Map<string, number>();
  let caseId: number;
  const show = () => casebinder(library, ['case', 'show', String(caseId), '--json']).json as CaseJson;
  const status = (c: CaseJson, rule: string) => c.checklist.find((i) => i.rule === rule)?.status;

  beforeAll(async () => {
    const records = tempDir();
    await writeCorpus(records, FOLDERS.filter((d) => d.folder === 'margaret-oneill'));
    casebinder(library, ['init']);
    casebinder(library, ['patient', 'add', "Margaret O'Neill", '--dob', '1958-04-12']);
    const run = casebinder(library, ['import', path.join(records, 'margaret-oneill'), fixture('dicom/hospital_cd'), '--json']);
    const result = run.json as { imported: { id: number; path: string }[] };
    for (const i of result.imported) byFile.set(path.basename(i.path), i.id);
  });

  it('creates a case and prints its id', () => {
    const run = casebinder(library, ['case', 'create', '--patient', "Margaret O'Neill", '--title', 'Recommended L4-L5 spinal fusion', '--specialty', 'spine-orthopedic', '--json']);
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ id: expect.any(Number) });
    caseId = (run.json as { id: number }).id;
    const bad = casebinder(library, ['case', 'create', '--title', 'x', '--specialty', 'podiatry']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"podiatry" is not a specialty Casebinder knows. Choose one of: spine-orthopedic/);
  });

  it('starts with every gap said, and what to ask for', () => {
    const c = show();
    expect(c).toMatchObject({ id: caseId, title: 'Recommended L4-L5 spinal fusion', specialty: 'spine-orthopedic', documents: [], recommendations: [], questions: [] });
    for (const rule of ['recommendation-in-writing', 'imaging-images', 'imaging-report', 'medication-list', 'allergies', 'questions']) expect(status(c, rule), rule).toBe('missing');
    expect(c.checklist.find((i) => i.rule === 'imaging-images')!.ask).toBe('Ask the imaging center for a CD (or download link) of the images in DICOM format.');
  });

  it('closes gaps as the recommendation, documents and questions come in', () => {
    const letter = byFile.get('Whitaker letter.pdf')!;
    const stated = {
      reasons: 'Grade 1 spondylolisthesis with instability on flexion-extension films; 8 months of failed physical therapy',
      risks: 'Infection, dural tear, adjacent segment degeneration',
      alternatives: 'Decompression alone; continued physical therapy and epidural injections',
    };
    const rec = casebinder(library, ['case', 'recommendation', String(caseId), '--by', 'Daniel Whitaker, MD', '--date', '2025-02-27', '--procedure', 'L4-L5 posterior lumbar fusion', '--urgency', 'within 6 weeks',
      '--reasons', stated.reasons, '--risks', stated.risks, '--alternatives', stated.alternatives, '--document', String(letter), '--json']);
    expect(rec.code).toBe(0);
    expect(rec.json).toMatchObject({ clinician: 'Daniel Whitaker, MD', procedure: 'L4-L5 posterior lumbar fusion', date: '2025-02-27', urgency: 'within 6 weeks', ...stated, documentIds: [letter] });
    let c = show();
    expect(c.documents).toEqual([{ id: letter, included: true }]);
    expect(status(c, 'recommendation-in-writing')).toBe('met');

    const mri = byFile.get('Lakeshore MRI L-spine.pdf')!;
    const added = casebinder(library, ['case', 'add', String(caseId), String(mri), String(byFile.get('medications.pdf')), String(byFile.get('PCP visit jan.pdf')), '--json']);
    expect(added.code).toBe(0);
    c = show();
    expect(c.documents.map((d) => d.id)).toEqual([letter, mri, byFile.get('medications.pdf'), byFile.get('PCP visit jan.pdf')]);
    // Present now; from early 2025, so possibly "more than a year old" depending on today's date.
    for (const rule of ['imaging-report', 'medication-list', 'recent-note']) expect(status(c, rule), rule).not.toBe('missing');
    // Only the report: the images themselves are still asked for, from the imaging center that made it.
    expect(c.checklist.find((i) => i.rule === 'imaging-images')).toMatchObject({ status: 'missing', ask: expect.stringMatching(/^Ask Lakeshore .* for a CD/) });

    expect(casebinder(library, ['case', 'question', String(caseId), 'Is', 'fusion', 'needed,', 'or', 'would', 'a', 'decompression', 'alone', 'do?']).code).toBe(0);
    c = show();
    expect(c.questions).toEqual(['Is fusion needed, or would a decompression alone do?']);
    expect(status(c, 'questions')).toBe('met');
  });

  it('warns when the images on a disc name someone else', () => {
    const studies = casebinder(library, ['list', '--type', 'imaging-study', '--json']).json as { id: number; imaging: { modalities: string[] } }[];
    const study = studies.find((s) => s.imaging.modalities.includes('MR'))!.id;
    expect(casebinder(library, ['case', 'add', String(caseId), String(study)]).code).toBe(0);
    const c = show();
    expect(status(c, 'imaging-images')).not.toBe('missing');
    expect(c.checklist.find((i) => i.rule === 'patient-mismatch')).toMatchObject({ status: 'warning', message: expect.stringContaining('not Margaret O\'Neill') });
    const text = casebinder(library, ['case', 'show', String(caseId)]).stdout;
    expect(text).toMatch(/Case #\d+: Recommended L4-L5 spinal fusion \(spine-orthopedic\)/);
    expect(text).toMatch(/\[MISSING\] Allergies are not listed/);
  });

  it('lists cases, and refuses a document of another patient', () => {
    const list = casebinder(library, ['case', 'list', '--json']).json as { id: number; title: string }[];
    expect(list.map((c) => c.title)).toEqual(['Recommended L4-L5 spinal fusion']);
    casebinder(library, ['patient', 'add', 'Robert Chen']);
    const other = casebinder(library, ['case', 'create', '--patient', 'Robert Chen', '--title', 'Prostatectomy', '--specialty', 'oncology', '--json']).json as { id: number };
    const refused = casebinder(library, ['case', 'add', String(other.id), String(byFile.get('medications.pdf'))]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/belongs to another patient/);
  });
});
