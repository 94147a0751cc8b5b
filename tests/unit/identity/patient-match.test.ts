import { describe, expect, it } from 'vitest';
import { matchPatient, nameMatches, readableName } from '../../../shared/patient-match.ts';
import type { KnownPatient, StatedPatient } from '../../../shared/patient-match.ts';

const margaret: KnownPatient = { name: "Margaret O'Neill", dateOfBirth: '1958-04-12' };
const text = (name: string | null, birthDate: string | null = null): StatedPatient => ({ names: name ? [name] : [], birthDate, source: 'text' });

describe('whose record a document is', () => {
  it('sees the patient through order, case, accents, apostrophes, middle names, initials, hyphens and nicknames', () => {
    for (const name of [
      "O'NEILL, MARGARET A",
      'ONEILL^MARGARET^A',
      'Margaret Ann O’Neill',
      'ONEILL MARGARET',
      "O'Neill, M.",
      "Mrs. Margaret O'Neill-Whitaker",
      'Peggy ONeill',
      'Maggie O Neill'.replace(' O Neill', " O'Neill"),
    ]) {
      expect([name, nameMatches(name, margaret)]).toEqual([name, true]);
    }
    // Synthea writes numbers after its made-up names.
    expect(nameMatches('Corwin846^Lemuel304', { name: 'Lemuel Corwin', dateOfBirth: null })).toBe(true);
    expect(nameMatches('Muller^J', { name: 'Jürgen Müller', dateOfBirth: null })).toBe(true);
    expect(nameMatches('DE LA CRUZ, MARIA', { name: 'María Cruz', dateOfBirth: null })).toBe(true);
    expect(nameMatches('Anne Smith', { name: 'Anne-Marie Smith', dateOfBirth: null })).toBe(true);
    // Typed into the library family name first, without a comma.
    expect(nameMatches('Margaret O’Neill', { name: "O'Neill Margaret", dateOfBirth: null })).toBe(true);
  });

  it('sees someone else: another person, a relative with the same family name, another first name', () => {
    expect(nameMatches('Betterhalf^Eve', margaret)).toBe(false);
    expect(nameMatches("Eve O'Neill", margaret)).toBe(false);
    expect(nameMatches('Margaret Smith', margaret)).toBe(false);
    expect(nameMatches('Doe^Peter', margaret)).toBe(false);
  });

  it('a former or maiden name counts once the person says it is theirs', () => {
    expect(nameMatches('Margaret Smith', { ...margaret, otherNames: ['Margaret Smith'] })).toBe(true);
    expect(nameMatches('SMITH, MARGARET', { ...margaret, otherNames: ['Margaret Smith'] })).toBe(true);
  });

  it('names nobody when the name is hidden or missing', () => {
    for (const name of ['ANONYMOUS^', 'Anonymized', '', '^', 'UNKNOWN^UNKNOWN']) expect(nameMatches(name, margaret)).toBeNull();
  });

  it('weighs names and dates of birth together, and says what the document says instead', () => {
    expect(matchPatient([], margaret)).toEqual({ match: 'unknown', reason: null, others: null, likely: [] });
    expect(matchPatient([text("O'NEILL, MARGARET"), text(null, '1958-04-12')], margaret)).toEqual({ match: 'same', reason: null, others: null, likely: [] });
    expect(matchPatient([text(null, '1958-04-12')], margaret).match).toBe('same');
    // HL7's consultation note gives its patient a legal and a birth name: neither is Margaret's.
    expect(matchPatient([{ names: ['Betterhalf^Eve', 'Everywoman^Eve'], birthDate: '1975-05-01', source: 'ccda' }], margaret)).toEqual({
      match: 'other',
      reason: "It names Eve Betterhalf and gives the date of birth 1 May 1975; Margaret O'Neill was born 12 Apr 1958.",
      others: { names: ['Eve Betterhalf'], birthDates: ['1975-05-01'] },
      likely: [],
    });
    expect(matchPatient([text('Betterhalf^Eve')], margaret)).toEqual({ match: 'other', reason: "It names Eve Betterhalf, not Margaret O'Neill.", others: { names: ['Eve Betterhalf'], birthDates: [] }, likely: [] });
    // The right name with another birth date is another person of the same name (or a mistake to check).
    expect(matchPatient([text("Margaret O'Neill", '1961-02-03')], margaret).match).toBe('other');
    // A page with the patient's name and someone else's mixes two people.
    expect(matchPatient([text("Margaret O'Neill"), text('Eve Betterhalf')], margaret).match).toBe('other');
    // One of the person's names is the patient's: a married and a birth name of one person.
    expect(matchPatient([{ names: ['Smith^Margaret', "O'Neill^Margaret"], birthDate: null, source: 'ccda' }], margaret).match).toBe('same');
    // A patient with no date of birth in the library is matched on the name.
    expect(matchPatient([text("Margaret O'Neill", '1958-04-12')], { name: "Margaret O'Neill", dateOfBirth: null }).match).toBe('same');
  });

  it('writes names the way people write them', () => {
    expect(readableName('BETTERHALF^EVE^L')).toBe('Eve L Betterhalf');
    expect(readableName("O'NEILL, MARGARET A")).toBe("Margaret A O'Neill");
    expect(readableName('Yamada^Tarou=山田^太郎=やまだ^たろう')).toBe('Tarou Yamada (山田 太郎)');
    expect(readableName('Hannah Weiss')).toBe('Hannah Weiss');
  });
});
