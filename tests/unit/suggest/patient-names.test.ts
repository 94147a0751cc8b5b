import { describe, expect, it } from 'vitest';
import { statedPatients } from '../../../electron/suggest/patient.ts';
import { readLines } from '../../../electron/suggest/text.ts';

const read = (text: string) => {
  const stated = statedPatients(readLines([text]), new Date('2026-01-01'));
  return { names: stated.flatMap((s) => s.names), births: stated.map((s) => s.birthDate).filter(Boolean) };
};

describe('whom a document says it is about', () => {
  it('reads labelled names and dates of birth in the ways reports print them', () => {
    expect(read("Patient: O'NEILL, MARGARET A    MRN: 00412233    DOB: 04/12/1958")).toEqual({ names: ["O'NEILL, MARGARET A"], births: ['1958-04-12'] });
    expect(read('Patient Name: Hannah Weiss\nDate of Birth: November 2, 1984')).toEqual({ names: ['Hannah Weiss'], births: ['1984-11-02'] });
    expect(read('Pt: CHEN, ROBERT  Sex: M  Age: 58Y')).toEqual({ names: ['CHEN, ROBERT'], births: [] });
    expect(read('Name: Ingrid Solberg   D.O.B.: 27-Feb-1983')).toEqual({ names: ['Ingrid Solberg'], births: ['1983-02-27'] });
    expect(read('RE: Dolores Ramírez (DOB 12/03/1949)')).toEqual({ names: ['Dolores Ramírez'], births: ['1949-12-03'] });
    expect(read('Regarding: Luis Ortega, DOB 06/15/51')).toEqual({ names: ['Luis Ortega'], births: ['1951-06-15'] });
  });

  it('reads a header row over its values, and a label beside its value', () => {
    expect(read('Patient            DOB           Collected\nWEISS, HANNAH R    11/02/1984    04/02/2025 08:40')).toEqual({ names: ['WEISS, HANNAH R'], births: ['1984-11-02'] });
    expect(read('PATIENT NAME   MENSAH, KWAME A   BIRTH DATE   07/19/1971')).toEqual({ names: ['MENSAH, KWAME A'], births: ['1971-07-19'] });
  });

  it('finds the patient in a letter\'s sentence', () => {
    expect(read('I am referring Mr. Robert Chen (DOB 09/30/1966) for evaluation of an elevated PSA.')).toEqual({ names: ['Robert Chen'], births: ['1966-09-30'] });
  });

  it('does not take a clinician, a guarantor, an insured person or a test for the patient', () => {
    expect(read('Referring physician name: Susan Ortiz, MD').names).toEqual([]);
    expect(read('Ordering Provider: Kevin Patel MD').names).toEqual([]);
    expect(read('Test Name: Hemoglobin A1c').names).toEqual([]);
    expect(read('Facility Name: Lakeshore Imaging Center').names).toEqual([]);
    expect(read('Guarantor\nName: John Smith\nRelationship: Spouse').names).toEqual([]);
    expect(read('Emergency contact name: Jane Doe').names).toEqual([]);
    expect(read('Name: Male').names).toEqual([]);
    expect(read('Re: Your recent MRI results').names).toEqual([]);
    expect(read('Patient: see attached').names).toEqual([]);
  });

  it('takes nothing from a text with no labelled patient', () => {
    expect(read('Dear Robert Chen,\nWe processed the claim for the service listed above.')).toEqual({ names: [], births: [] });
  });
});
