import { describe, expect, it } from 'vitest';
import { findTest } from '../../../electron/labs/loinc-table.ts';
import { normalizeLab, parseFlag, parseRange, parseValue } from '../../../electron/labs/normalize.ts';
import { convert, toUcum } from '../../../electron/labs/units.ts';

describe('lab tests by the names labs print', () => {
  it('makes "Creat", "Creatinine, Serum" and "CREATININE" one test, with its LOINC code', () => {
    for (const printed of ['Creat', 'Creatinine, Serum', 'CREATININE', 'Creatinine (serum)']) {
      expect(findTest(null, printed), printed).toMatchObject({ loinc: '2160-0', name: 'Creatinine' });
    }
    expect(findTest(null, 'WBC')?.loinc).toBe('6690-2');
    expect(findTest(null, 'Hemoglobin A1c')?.loinc).toBe('4548-4');
    expect(findTest(null, 'Neutrophils (Absolute)')?.loinc).toBe('751-8');
    expect(findTest(null, 'Neutrophils %')?.loinc).toBe('770-8');
    // A code the source gave wins over the name.
    expect(findTest('2345-7', 'GLU-whatever')?.name).toBe('Glucose');
    expect(findTest(null, 'Zonulin')).toBeUndefined();
  });
});

describe('units', () => {
  it('turns printed units into UCUM, including the ones UCUM would read as something else', () => {
    expect(toUcum('mg/dl')).toBe('mg/dL');
    expect(toUcum('K/uL')).toBe('10*3/uL'); // kelvin per microlitre to UCUM itself
    expect(toUcum('x10E3/uL')).toBe('10*3/uL');
    expect(toUcum('mEq/L')).toBe('meq/L');
    expect(toUcum('IU/L')).toBe('[IU]/L');
    expect(toUcum('uIU/mL')).toBe('u[IU]/mL');
    expect(toUcum('mL/min/1.73m2')).toBe('mL/min/{1.73_m2}');
    expect(toUcum('mm[Hg]')).toBe('mm[Hg]');
  });

  it('leaves a unit that does not parse as printed, with no UCUM form', () => {
    expect(toUcum('bogus unit')).toBeNull();
    expect(toUcum('per high-power field')).toBeNull();
    expect(toUcum('')).toBeNull();
  });

  it('converts only where the conversion is exact', () => {
    expect(convert(5, 'g/L', 'g/dL')).toBe(0.5);
    expect(convert(7.2, '10*9/L', '10*3/uL')).toBe(7.2);
    expect(convert(2.5, 'u[IU]/mL', 'm[IU]/L')).toBe(2.5);
    expect(convert(140, 'meq/L', 'mmol/L', 1)).toBe(140);
    expect(convert(5, 'meq/L', 'mmol/L', 2)).toBe(2.5);
    // Mass to moles needs a molar mass; international units are not enzyme units; meq without a charge.
    expect(convert(90, 'mg/dL', 'mmol/L')).toBeNull();
    expect(convert(30, '[IU]/L', 'U/L')).toBeNull();
    expect(convert(5, 'meq/L', 'mmol/L')).toBeNull();
  });
});

describe('values, ranges and flags as printed', () => {
  it('reads numbers with their comparator, and keeps words as words', () => {
    expect(parseValue('<0.5')).toEqual({ number: 0.5, comparator: '<', text: null, printed: '<0.5' });
    expect(parseValue('>= 60')).toMatchObject({ number: 60, comparator: '>=' });
    expect(parseValue('1,234')).toMatchObject({ number: 1234, comparator: null });
    expect(parseValue('Negative')).toEqual({ number: null, comparator: null, text: 'Negative', printed: 'Negative' });
    expect(parseValue('7.6 H')).toMatchObject({ number: null, text: '7.6 H' });
  });

  it('reads ranges as bounds, and keeps ranges in words', () => {
    expect(parseRange('3.5-5.0')).toEqual({ low: 3.5, high: 5, text: '3.5-5.0' });
    expect(parseRange('<200')).toEqual({ low: null, high: 200, text: '<200' });
    expect(parseRange('> 60')).toEqual({ low: 60, high: null, text: '> 60' });
    expect(parseRange('Negative')).toEqual({ low: null, high: null, text: 'Negative' });
    expect(parseRange('')).toBeNull();
  });

  it('knows flags as labs print them and as HL7 codes them', () => {
    expect(['H', 'High', 'HI', 'H ', 'HU'].map(parseFlag)).toEqual(['H', 'H', 'H', 'H', 'H']);
    expect(['L', 'Low', 'LO'].map(parseFlag)).toEqual(['L', 'L', 'L']);
    expect(['HH', 'H*', 'CRIT H', 'Critical High'].map(parseFlag)).toEqual(['HH', 'HH', 'HH', 'HH']);
    expect(['LL', 'L*', 'critical low'].map(parseFlag)).toEqual(['LL', 'LL', 'LL']);
    expect(['A', 'Abnormal', 'AA'].map(parseFlag)).toEqual(['A', 'A', 'A']);
    expect(['', 'N', 'Normal', undefined].map(parseFlag)).toEqual(['', '', '', '']);
  });
});

describe('one result made into the library form', () => {
  it('puts values in the test\'s usual unit when exact, with the range, so they trend on one axis', () => {
    const lab = normalizeLab({ analyte: 'ALBUMIN, SERUM', value: '41', unit: 'g/L', range: '35-50', flag: '', date: '2025-01-30' }, 'pdf');
    expect(lab).toMatchObject({ analyte: 'Albumin', loinc: '1751-7', unit: 'g/dL', unitAsPrinted: 'g/L', value: { number: 4.1, printed: '41' }, range: { low: 3.5, high: 5, text: '35-50' } });
  });

  it('keeps a value it cannot convert in its own unit, and never adds a flag to a value read from a PDF', () => {
    const glucose = normalizeLab({ analyte: 'Glucose', value: '5.4', unit: 'mmol/L', range: '3.9-5.5' }, 'pdf');
    expect(glucose).toMatchObject({ unit: 'mmol/L', value: { number: 5.4 }, flag: '' });
    const high = normalizeLab({ analyte: 'Glucose', value: '240', unit: 'mg/dL', range: '70-99' }, 'pdf');
    expect(high.flag).toBe('');
  });

  it('keeps a unit that does not parse as printed, with no UCUM unit, and converts nothing', () => {
    expect(normalizeLab({ analyte: 'RBC, urine', value: '3-5', unit: 'per high power field', range: '0-2' }, 'pdf')).toMatchObject({
      unit: null,
      unitAsPrinted: 'per high power field',
      value: { number: null, text: '3-5' },
      range: { low: 0, high: 2 },
    });
  });

  it('flags a structured value outside its range when the source gave no flag', () => {
    expect(normalizeLab({ analyte: 'Platelets', value: 123, unit: '10*9/L', range: { low: 150, high: 350 } }, 'ccda')).toMatchObject({ flag: 'L', unit: '10*3/uL', value: { number: 123 } });
    expect(normalizeLab({ analyte: 'Platelets', value: 123, unit: '10*9/L', range: { low: 150, high: 350 }, flag: 'N' }, 'fhir').flag).toBe('');
  });
});
