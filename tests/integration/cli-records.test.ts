import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { casebinder } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

interface LabJson {
  id: number;
  analyte: string;
  loinc: string | null;
  value: number | string | null;
  unit: string | null;
  unitAsPrinted: string | null;
  range: { low: number | null; high: number | null; text: string } | null;
  flag: string;
  date: string | null;
  source: { documentId: number | null; page: number | null };
  confirmed: boolean;
}

describe('lab results and records on the command line', () => {
  const library = path.join(tempDir(), 'lib');

  beforeAll(() => {
    casebinder(library, ['init']);
    casebinder(library, ['patient', 'add', 'Eve Betterhalf', '--dob', '1975-05-01']);
    const run = casebinder(library, ['import', fixture('ccda/HL7_Consultation_Note.xml'), '--json']);
    expect(run.code).toBe(0);
  });

  it('prints every lab result in the documented shape', () => {
    const run = casebinder(library, ['labs', '--json']);
    expect(run.code).toBe(0);
    const labs = run.json as LabJson[];
    expect(labs).toHaveLength(5);
    for (const lab of labs) {
      expect(Object.keys(lab)).toEqual(expect.arrayContaining(['id', 'analyte', 'loinc', 'value', 'unit', 'unitAsPrinted', 'range', 'flag', 'date', 'source', 'confirmed']));
      expect(['', 'H', 'L', 'HH', 'LL', 'A']).toContain(lab.flag);
      expect(lab.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(lab.source).toEqual({ documentId: 1, page: null });
    }
    expect(labs.find((l) => l.analyte === 'Platelets')).toMatchObject({ loinc: '777-3', value: 123, unit: '10*3/uL', unitAsPrinted: '10*9/L', flag: 'L', range: { low: 150, high: 350 }, confirmed: true });
  });

  it('prints them readably, and lists problems, medications and allergies', () => {
    const labs = casebinder(library, ['labs']);
    expect(labs.stdout).toMatch(/Platelets\s+123 10\*3\/uL\s+L\s+\(150-350\)/);
    expect(casebinder(library, ['problems']).stdout).toMatch(/Mixed asthma[\s\S]*3 problems for Eve Betterhalf/);
    expect(casebinder(library, ['medications']).stdout).toMatch(/atenolol 25 MG Oral Tablet.*RxNorm 197380[\s\S]*1 medication for Eve Betterhalf/);
    const allergies = casebinder(library, ['allergies', '--json']).json as { name: string; detail: string; codes: { system: string }[] }[];
    expect(allergies.map((a) => a.name).sort()).toEqual(['Penicillin', 'codeine']);
  });

  it('confirms lab values by ID, and says what to do with an unknown one', () => {
    const labs = casebinder(library, ['labs', '--json']).json as LabJson[];
    const ok = casebinder(library, ['labs', 'confirm', String(labs[0]!.id), '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json).toEqual([expect.objectContaining({ id: labs[0]!.id, confirmed: true })]);
    const missing = casebinder(library, ['labs', 'confirm', '999']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no lab result #999. List them with: casebinder labs/);
  });
});
