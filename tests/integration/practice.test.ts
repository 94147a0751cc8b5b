import { afterEach, describe, expect, it } from 'vitest';
import { casebinder } from '../helpers/cli.ts';
import { importerFor, newLibrary } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("an advocate's practice", () => {
  it('lists every client with their open cases: stage, gaps, overdue requests and the last activity; the command line prints the same', async () => {
    const { dir, library, patient: margaret } = newLibrary();
    cleanup.push(() => library.close());
    const { importer, close } = importerFor(library);
    cleanup.push(close);
    const jose = library.patients.add({ name: 'José Müller', dateOfBirth: '1961-02-03' });
    const nobody = library.patients.add({ name: 'Ann Lee' });
    const imported = await importer.start({ paths: [fixture('ccda/HL7_Consultation_Note.xml')], patientId: margaret.id }).result;

    const fusion = library.cases.create(margaret.id, { title: 'Spinal fusion', specialty: 'spine-orthopedic' }, new Date('2026-01-05T10:00:00Z'));
    const knee = library.cases.create(jose.id, { title: 'Knee replacement', specialty: 'spine-orthopedic' }, new Date('2026-01-05T10:00:00Z'));
    const decided = library.cases.create(jose.id, { title: 'Hernia repair', specialty: 'general-surgery' }, new Date('2025-06-01T10:00:00Z'));
    library.cases.update(decided.id, { status: 'decided' });
    // Two requests for the knee: one 31 days old (overdue: more than 30), one 30 days old (not yet); one answered long ago.
    library.cases.addRequest(knee.id, { facility: 'Lakeshore Imaging', what: 'MRI on CD', askedOn: '2026-02-01', method: 'cd' });
    library.cases.addRequest(knee.id, { facility: 'Dr Patel', what: 'Notes', askedOn: '2026-02-02', method: 'portal' });
    const answered = library.cases.addRequest(knee.id, { facility: 'Old clinic', what: 'X-rays', askedOn: '2025-01-01', method: 'fax' });
    library.cases.setRequestState(answered.id, 'received');

    const before = library.practice('2026-03-04').find((c) => c.patient.id === margaret.id)!.cases[0]!.lastActivity;
    await pause();
    library.cases.addDocuments(fusion.id, [imported.imported[0]!.id]);
    library.cases.addQuestion(fusion.id, 'Is surgery needed now?');

    const clients = library.practice('2026-03-04');
    expect(clients.map((c) => c.patient.name)).toEqual(['Ann Lee', 'José Müller', "Margaret O'Neill"]);
    const [ann, joseRow, margaretRow] = clients as [(typeof clients)[0], (typeof clients)[0], (typeof clients)[0]];
    expect(ann).toMatchObject({ patient: { id: nobody.id }, documents: 0, cases: [], closedCases: 0, lastActivity: null });
    expect(joseRow.closedCases).toBe(1);
    expect(joseRow.cases).toHaveLength(1);
    expect(joseRow.cases[0]).toMatchObject({ id: knee.id, status: 'waiting-for-records', requestsWaiting: 2, overdueRequests: 1 });
    expect(margaretRow.documents).toBe(1);
    const spine = margaretRow.cases[0]!;
    expect(spine.status).toBe('gathering');
    // Its gaps are the checklist's missing items, word for word.
    const missing = library.cases.checklist(fusion.id, '2026-03-04').filter((i) => i.status === 'missing').map((i) => i.message);
    expect(spine.gaps).toEqual(missing);
    expect(spine.openGaps).toBe(missing.length);
    expect(missing.some((m) => /questions/.test(m))).toBe(false);
    // Adding a document and a question was activity on the case, later than before.
    expect(spine.lastActivity > before).toBe(true);
    expect(margaretRow.lastActivity).toBe([spine.lastActivity, library.documents.get(imported.imported[0]!.id).importedAt].sort().at(-1));

    // Answering the overdue request takes the case out of "waiting" once none is left.
    const requests = library.cases.details(knee.id).requests.filter((r) => r.state === 'asked');
    for (const r of requests) library.cases.setRequestState(r.id, 'received');
    expect(library.practice('2026-03-04')[1]!.cases[0]).toMatchObject({ status: 'gathering', requestsWaiting: 0, overdueRequests: 0 });
    library.close();
    cleanup.length = 0;
    await close();

    const run = casebinder(dir, ['--json', 'practice', '--sort', 'activity']);
    expect(run.code).toBe(0);
    const json = run.json as { patient: { id: number; name: string }; cases: Record<string, unknown>[] }[];
    // The knee's requests were answered last: José's is the latest activity.
    expect(json.map((c) => c.patient.name)).toEqual(['José Müller', "Margaret O'Neill", 'Ann Lee']);
    expect(Object.keys(json[1]!.cases[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'status', 'openGaps', 'overdueRequests', 'lastActivity']));
    expect(json[1]!.cases[0]).toMatchObject({ id: fusion.id, title: 'Spinal fusion', status: 'gathering', openGaps: spine.openGaps });
    // Found by typing, accents and case ignored.
    expect((casebinder(dir, ['--json', 'practice', 'muller']).json as unknown[]).length).toBe(1);
    const text = casebinder(dir, ['practice', '--sort', 'status']).stdout;
    expect(text).toMatch(/^José Müller \(born 3 Feb 1961\): 0 documents/m);
    expect(text).toContain(`#${knee.id}  Knee replacement  (Gathering records;`);
    expect(text).toContain('Ann Lee: 0 documents\n  no open case');
    const wrong = casebinder(dir, ['practice', '--sort', 'size']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('Use --sort name, --sort status or --sort activity');
  });
});

describe('acting on many documents at once', () => {
  it('tags, accepts suggestions, moves as one correction (one undo), and knows which documents were opened', async () => {
    const { library, patient } = newLibrary();
    cleanup.push(() => library.close());
    const { importer, close } = importerFor(library);
    cleanup.push(close);
    const other = library.patients.add({ name: 'Rob Chen' });
    const files = ['ccda/HL7_Consultation_Note.xml', 'pdf/pdfjs/rotation.pdf', 'pdf/ocrmypdf/trivial.pdf'].map((f) => fixture(f));
    const result = await importer.start({ paths: files, patientId: patient.id }).result;
    const ids = result.imported.map((i) => i.id);
    expect(ids).toHaveLength(3);

    library.documents.edit(ids[0]!, { tags: ['For Dr. Brandt'] });
    expect(library.documents.addTag(ids, 'for dr. brandt ')).toEqual([ids[1], ids[2]]);
    for (const id of ids) expect(library.documents.get(id).tags.map((t) => t.toLowerCase())).toEqual(['for dr. brandt']);
    expect(() => library.documents.addTag(ids, '   ')).toThrow(/Type the tag/);

    // Opened: only those looked at, with a suggestion left, are offered.
    const withSuggestion = ids.filter((id) => {
      const d = library.documents.get(id);
      return (d.type === null && d.suggested.type !== null) || (d.facility === null && d.suggested.facility !== null) || (d.dateOfService === null && d.suggested.dateOfService !== null);
    });
    expect(withSuggestion.length).toBeGreaterThan(0);
    expect(library.documents.openedWithSuggestions(patient.id)).toEqual([]);
    library.documents.markOpened(withSuggestion[0]!, new Date());
    expect(library.documents.openedWithSuggestions(patient.id)).toEqual([withSuggestion[0]]);
    expect(library.documents.confirmMany(library.documents.openedWithSuggestions(patient.id))).toEqual([withSuggestion[0]]);
    expect(library.documents.openedWithSuggestions(patient.id)).toEqual([]);
    // What the person typed stays: a confirmed facility is not replaced by the suggestion.
    const kept = withSuggestion[1] ?? withSuggestion[0]!;
    library.documents.edit(kept, { facility: 'Typed by hand' });
    library.documents.confirmMany([kept]);
    expect(library.documents.get(kept).facility).toBe('Typed by hand');

    const before = library.corrections.history().length;
    library.corrections.moveMany([ids[0]!, ids[1]!], other.id);
    expect(library.documents.list({ patientId: other.id }).map((d) => d.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(library.corrections.history()).toHaveLength(before + 1);
    expect(library.corrections.history()[0]!.description).toBe("Moved 2 documents from Margaret O'Neill to Rob Chen");
    library.corrections.undo();
    expect(library.documents.list({ patientId: other.id })).toEqual([]);
    expect(() => library.corrections.moveMany([ids[0]!], patient.id)).toThrow(/already Margaret O'Neill's/);
  });
});
