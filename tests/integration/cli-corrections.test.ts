import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { casebinder } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

interface DocumentJson {
  id: number;
  patientMatch: 'same' | 'other' | 'unknown';
  namesInDocument: string[];
  birthDatesInDocument: string[];
  patientMatchReason?: string;
}
interface FactJson {
  id: number;
  name?: string;
  analyte?: string;
  heldBack?: string;
  source: { documentId: number | null };
}

describe('whose record, and putting mistakes right, on the command line', () => {
  const library = path.join(tempDir(), 'lib');
  let note = '';
  let photo = '';
  const json = <T>(args: string[]): T => {
    const run = casebinder(library, [...args, '--json']);
    expect(run.stderr, args.join(' ')).toBe('');
    expect(run.code, args.join(' ')).toBe(0);
    return run.json as T;
  };

  beforeAll(() => {
    casebinder(library, ['init']);
    casebinder(library, ['patient', 'add', "Margaret O'Neill", '--dob', '1958-04-12']);
    // HL7's consultation note, imported by mistake for Margaret: it is Eve Betterhalf's.
    const run = casebinder(library, ['import', fixture('ccda/HL7_Consultation_Note.xml'), fixture('images/MWG.jpg'), '--json', '--patient', "Margaret O'Neill"]);
    expect(run.code).toBe(0);
    const imported = (run.json as { imported: { path: string; id: number }[] }).imported;
    note = String(imported.find((i) => i.path.endsWith('.xml'))!.id);
    photo = String(imported.find((i) => i.path.endsWith('.jpg'))!.id);
  });

  it('says whose a document is, and lists only the patient\'s facts unless asked for all', () => {
    const show = json<DocumentJson>(['show', note]);
    expect(show).toMatchObject({
      patientMatch: 'other',
      namesInDocument: ['Eve Betterhalf', 'Eve Everywoman'],
      birthDatesInDocument: ['1975-05-01'],
      patientMatchReason: "It names Eve Betterhalf and gives the date of birth 1 May 1975; Margaret O'Neill was born 12 Apr 1958.",
    });
    // A photo with no text read yet names nobody.
    expect(json<DocumentJson>(['show', photo])).toMatchObject({ patientMatch: 'unknown', namesInDocument: [] });
    expect(casebinder(library, ['show', note]).stdout).toMatch(new RegExp(`Whose record\\s+NOT THE PATIENT'S\\? It names Eve Betterhalf[\\s\\S]*casebinder document mine ${note}`));

    for (const command of ['labs', 'problems', 'medications', 'allergies']) expect([command, json<FactJson[]>([command])]).toEqual([command, []]);
    const all = json<FactJson[]>(['labs', '--all']);
    expect(all).toHaveLength(5);
    expect(all.every((l) => l.heldBack?.startsWith('It names Eve Betterhalf'))).toBe(true);
    expect(json<FactJson[]>(['allergies', '--all']).map((a) => a.name).sort()).toEqual(['Penicillin', 'codeine']);
    expect(casebinder(library, ['labs', '--all']).stdout).toMatch(/Platelets.*HELD BACK/);
  });

  it('"this is mine", then undo; move to the patient it names; edit and merge patients', () => {
    json(['document', 'mine', note]);
    expect(json<DocumentJson>(['show', note]).patientMatch).toBe('same');
    expect(json<FactJson[]>(['labs'])).toHaveLength(5);
    expect(json<{ description: string }[]>(['undo', 'list']).map((c) => c.description)).toEqual(["Said “Community Health Consult Note” is Margaret O'Neill's"]);
    json(['undo']);
    expect(json<FactJson[]>(['labs'])).toEqual([]);

    casebinder(library, ['patient', 'add', 'Eve Betterhalf']);
    const moved = json<{ patientMatch: string }>(['document', 'move', note, '--patient', 'Eve Betterhalf']);
    expect(moved.patientMatch).toBe('same');
    expect(json<FactJson[]>(['labs', '--patient', 'Eve Betterhalf'])).toHaveLength(5);
    expect(json<FactJson[]>(['labs', '--patient', "Margaret O'Neill", '--all'])).toEqual([]);

    const edited = json<{ dateOfBirth: string; contact: string }>(['patient', 'edit', 'Eve Betterhalf', '--dob', '1975-05-01', '--contact', '555-0142']);
    expect(edited).toMatchObject({ dateOfBirth: '1975-05-01', contact: '555-0142' });
    casebinder(library, ['patient', 'add', 'Eve Everywoman']);
    const merged = json<{ name: string; otherNames: string[]; documentCount: number }>(['patient', 'merge', 'Eve Everywoman', 'Eve Betterhalf']);
    expect(merged).toMatchObject({ name: 'Eve Betterhalf', otherNames: ['Eve Everywoman'], documentCount: 1 });
    expect(json<{ name: string }[]>(['patient', 'list']).map((p) => p.name)).toEqual(['Eve Betterhalf', "Margaret O'Neill"]);
  });

  it('deletes to the trash, restores, and empties the trash for good', () => {
    json(['document', 'delete', photo]);
    expect(json<unknown[]>(['list', '--patient', "Margaret O'Neill"])).toEqual([]);
    expect(json<{ id: number; removedAfter: string }[]>(['trash'])).toMatchObject([{ id: Number(photo), removedAfter: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    json(['document', 'restore', photo]);
    expect(json<unknown[]>(['list', '--patient', "Margaret O'Neill"])).toHaveLength(1);
    json(['document', 'delete', photo]);
    expect(json(['trash', '--empty'])).toEqual({ removed: 1, filesRemoved: 1 });
    expect(json(['trash'])).toEqual([]);
    expect(fs.readdirSync(path.join(library, 'vault', 'sha256')).flatMap((d) => fs.readdirSync(path.join(library, 'vault', 'sha256', d)))).toHaveLength(1);
    const gone = casebinder(library, ['undo']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/nothing to undo/);
  });

  it('answers mistakes with a way forward', () => {
    expect(casebinder(library, ['document', 'move', '1']).stderr).toMatch(/Say whose it is: casebinder document move ID --patient NAME/);
    expect(casebinder(library, ['document', 'shred', '1']).stderr).toMatch(/"document shred" is not a command/);
    expect(casebinder(library, ['patient', 'merge', 'Eve Betterhalf']).stderr).toMatch(/Say which two patients are one person/);
    expect(casebinder(library, ['document', 'restore', note]).stderr).toMatch(new RegExp(`Document #${note} is not in the trash`));
  });
});
