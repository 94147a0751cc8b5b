/** How dates, units and counts are written for people, in the window and in the exported packet. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-02-06" -> "6 Feb 2025": no month/day ambiguity for anyone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

/** A UCUM unit as people read it: 10*3/uL as 10³/µL, [IU]/L as IU/L, Cel as °C, mm[Hg] as mmHg. */
export function formatUnit(ucum: string | null | undefined): string {
  if (!ucum) return '';
  return ucum
    .replace(/10\*(-?\d+)/g, (_, n: string) => `10${[...n].map((c) => SUPERSCRIPT[c] ?? c).join('')}`)
    .replace(/\{1\.73_m2\}/g, '1.73 m²')
    .replace(/\{([^}]*)\}/g, '$1')
    .replace(/mm\[Hg\]/g, 'mmHg')
    .replace(/\[([^\]]*)\]/g, '$1')
    .replace(/^Cel$/, '°C')
    .replace(/(^|\/|\*)u(?=[A-Za-z]|IU)/g, '$1µ')
    .replace(/m2$/, 'm²');
}
