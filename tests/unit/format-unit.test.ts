import { describe, expect, it } from 'vitest';
import { formatUnit } from '../../renderer/src/format.ts';

describe('units as the window shows them', () => {
  it('writes UCUM the way lab reports do', () => {
    expect(formatUnit('10*3/uL')).toBe('10³/µL');
    expect(formatUnit('10*9/L')).toBe('10⁹/L');
    expect(formatUnit('[IU]/L')).toBe('IU/L');
    expect(formatUnit('u[IU]/mL')).toBe('µIU/mL');
    expect(formatUnit('ug/dL')).toBe('µg/dL');
    expect(formatUnit('mL/min/{1.73_m2}')).toBe('mL/min/1.73 m²');
    expect(formatUnit('mm[Hg]')).toBe('mmHg');
    expect(formatUnit('Cel')).toBe('°C');
    expect(formatUnit('kg/m2')).toBe('kg/m²');
    expect(formatUnit('U/L')).toBe('U/L');
    expect(formatUnit('mmol/L')).toBe('mmol/L');
    expect(formatUnit(null)).toBe('');
  });
});
