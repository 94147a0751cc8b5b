import { describe, expect, it } from 'vitest';
import { bundleName, originalName, packetName, safeName } from '../../../electron/export/names.ts';

describe('names an export writes', () => {
  it('carry no character that hides what a file is or where it goes', () => {
    // U+202E (right-to-left override) would show "Lab report‮fdp.exe" as "Lab reportexe.pdf".
    expect(originalName('2026-01-05', 'Lab report', 'Lab report\u202Efdp.exe', '.pdf', 'application/pdf', new Set())).toBe('2026-01-05 Lab report - Lab report fdp.exe.pdf');
    expect(safeName('a\u2066b\u2069c\u200Fd\u200Ee\u061Cf\uFEFFg\u2028h\u0085i\u009Bj')).toBe('a b c d e f g h i j');
    expect(safeName('../../etc/passwd')).toBe('etc passwd');
    expect(safeName('con')).toBe('_con');
    expect(safeName('tab\tand\nnewline')).toBe('tab and newline');
  });

  it("keep a person's name as written, joiners included", () => {
    // Persian needs the zero-width non-joiner (U+200C) between the letters it keeps apart.
    expect(bundleName('مریم\u200Cسادات Müller', 'L4-L5 fusion', '2026-11-22')).toBe('Casebinder - مریم\u200Cسادات Müller - L4-L5 fusion - 2026-11-22');
    expect(packetName("Margaret O'Neill")).toBe("Case packet - Margaret O'Neill.pdf");
  });
});
