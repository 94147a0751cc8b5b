/**
 * Units as labs print them, turned into UCUM (the Unified Code for Units of Measure, checked with
 * NLM's ucum-lhc), and values converted between units only where the conversion is exact.
 */
import ucum from '@lhncbc/ucum-lhc';

const utils = ucum.UcumLhcUtils.getInstance();

/**
 * Printed units UCUM spells otherwise, by their lower-case form. Some would even parse as something
 * else: "K/uL" is kelvin per microlitre to UCUM, but thousands per microlitre on a blood count.
 */
const PRINTED: Readonly<Record<string, string>> = {
  'k/ul': '10*3/uL',
  'k/µl': '10*3/uL',
  'x10e3/ul': '10*3/uL',
  'x10^3/ul': '10*3/uL',
  '10^3/ul': '10*3/uL',
  '10e3/ul': '10*3/uL',
  'thou/ul': '10*3/uL',
  'thousand/ul': '10*3/uL',
  'million/ul': '10*6/uL',
  'thous/ul': '10*3/uL',
  '10*3/ul': '10*3/uL',
  'x10e6/ul': '10*6/uL',
  'x10^6/ul': '10*6/uL',
  '10^6/ul': '10*6/uL',
  'm/ul': '10*6/uL',
  'mil/ul': '10*6/uL',
  '10*6/ul': '10*6/uL',
  'x10e9/l': '10*9/L',
  'x10^9/l': '10*9/L',
  '10^9/l': '10*9/L',
  '10*9/l': '10*9/L',
  'x10e12/l': '10*12/L',
  '10^12/l': '10*12/L',
  'cells/ul': '/uL',
  'cells/mm3': '/mm3',
  'meq/l': 'meq/L',
  'mmol/l': 'mmol/L',
  'umol/l': 'umol/L',
  'µmol/l': 'umol/L',
  'mg/dl': 'mg/dL',
  'g/dl': 'g/dL',
  'ug/dl': 'ug/dL',
  'µg/dl': 'ug/dL',
  'mcg/dl': 'ug/dL',
  'ng/dl': 'ng/dL',
  'mg/l': 'mg/L',
  'g/l': 'g/L',
  'ng/ml': 'ng/mL',
  'pg/ml': 'pg/mL',
  'mcg/ml': 'ug/mL',
  'ug/ml': 'ug/mL',
  'iu/l': '[IU]/L',
  'u/l': 'U/L',
  'u/ml': '[U]/mL',
  'units/ml': '[U]/mL',
  'miu/l': 'm[IU]/L',
  'uiu/ml': 'u[IU]/mL',
  'µiu/ml': 'u[IU]/mL',
  'miu/ml': 'm[IU]/mL',
  'mm/hr': 'mm/h',
  'mm/h': 'mm/h',
  'sec': 's',
  'secs': 's',
  'seconds': 's',
  'fl': 'fL',
  'pg': 'pg',
  '%': '%',
  'percent': '%',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73 m2': 'mL/min/{1.73_m2}',
  'ml/min/1.73m^2': 'mL/min/{1.73_m2}',
  'ml/min/{1.73_m2}': 'mL/min/{1.73_m2}',
  'ratio': '{ratio}',
  'inr': '{INR}',
  'index': '{index}',
};

/** The UCUM form of a printed unit, or null when it is not a unit UCUM knows. */
export function toUcum(printed: string | null | undefined): string | null {
  const raw = printed?.trim();
  if (!raw) return null;
  const compact = raw.replace(/\s+/g, '');
  const known = PRINTED[compact.toLowerCase()] ?? PRINTED[raw.toLowerCase()];
  if (known) return known;
  const check = utils.validateUnitString(compact, false);
  // ucum-lhc matches case-insensitively when it must ("mg/dl"); keep only an exact, valid spelling.
  return check.status === 'valid' && check.ucumCode === compact ? compact : null;
}

/**
 * Arbitrary units ([IU], U), annotations ({ratio}) and equivalents: a conversion may only change their
 * prefixes (u[IU]/mL to m[IU]/L), never turn one into another.
 */
function arbitraryAtoms(unit: string): string {
  return [...unit.matchAll(/\[[^\]]*\]|\{[^}]*\}|eq|\bU\b/g)].map((m) => m[0]).sort().join(' ');
}

/**
 * A value in `to` units when the conversion is exact: the same quantity with other prefixes or
 * volumes (g/L to g/dL, 10*3/uL to 10*9/L), or milliequivalents of an ion of known charge to
 * millimoles. Mass to moles needs a molar mass and is never done.
 */
export function convert(value: number, from: string, to: string, valence?: 1 | 2): number | null {
  if (from === to) return value;
  const meq = (u: string) => u.replace(/^meq\//, 'mmol/');
  if (valence && (from.startsWith('meq/') || to.startsWith('meq/'))) {
    const fromMol = meq(from);
    const toMol = meq(to);
    const factor = (from.startsWith('meq/') ? 1 / valence : 1) * (to.startsWith('meq/') ? valence : 1);
    const moved = convert(value, fromMol, toMol);
    return moved === null ? null : round(moved * factor);
  }
  if (arbitraryAtoms(from) !== arbitraryAtoms(to)) return null;
  // UCUM will not convert arbitrary units at all; the same one on both sides only changes prefixes,
  // so a stand-in unit (gram) carries them through.
  const standIn = (u: string) => u.replace(/\[[^\]]*\]/g, 'g');
  const result = utils.convertUnitTo(standIn(from), value, standIn(to));
  return result.status === 'succeeded' && result.toVal !== null ? round(result.toVal) : null;
}

/** Floating point leaves 4.999999999999999 for 5: twelve significant digits are plenty for a lab value. */
function round(n: number): number {
  return Number(n.toPrecision(12));
}
