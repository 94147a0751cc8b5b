import { describe, expect, it } from 'vitest';
import { dicomDate, formatPersonName, isPreviewableTransferSyntax, patientWarnings, sameAsPatient, studyTitle, transferSyntaxName } from '../../shared/imaging.ts';
import { say } from '../../shared/said.ts';

describe('imaging words', () => {
  it('writes DICOM person names the way people write names', () => {
    expect(formatPersonName('Doe^Jane^M^^')).toBe('Jane M Doe');
    expect(formatPersonName('Yamada^Tarou=山田^太郎=やまだ^たろう')).toBe('Tarou Yamada (山田 太郎)');
    expect(formatPersonName('Wang^XiaoDong=王^小東=')).toBe('XiaoDong Wang (王 小東)');
    expect(formatPersonName('^^^^')).toBe('');
    expect(formatPersonName(null)).toBe('');
  });

  it('reads DICOM dates and refuses what is not one', () => {
    expect(dicomDate('20040119')).toBe('2004-01-19');
    expect(dicomDate('2004.01.19')).toBe('2004-01-19');
    expect(dicomDate('20040230')).toBeNull();
    expect(dicomDate('')).toBeNull();
  });

  it('titles a study by its description, else by what it is', () => {
    expect(studyTitle('CT CHEST W CONTRAST', ['CT'])).toBe('CT CHEST W CONTRAST');
    expect(studyTitle(null, ['MR'])).toBe('MRI study');
    expect(studyTitle(null, ['CT', 'SR'])).toBe('CT scan study');
    expect(studyTitle('  ', [])).toBe('Imaging study');
  });

  it('matches a study to the patient despite case, accents, punctuation and order', () => {
    expect(sameAsPatient("O'NEILL^MARGARET", "Margaret O'Neill")).toBe(true);
    expect(sameAsPatient('ONEILL^MARGARET^A', "Margaret A. O'Neill")).toBe(true);
    expect(sameAsPatient('Muller^J', 'Jürgen Müller')).toBe(true);
    expect(sameAsPatient('Doe^Peter', "Margaret O'Neill")).toBe(false);
    expect(sameAsPatient('ONeill^Mary', "Margaret O'Neill")).toBe(false);
    expect(sameAsPatient(null, 'Anyone')).toBe(true);
    expect(sameAsPatient('ANONYMOUS^', 'Jane Doe')).toBe(false);
  });

  it('warns in words when the images name another patient or birth date', () => {
    const warnings = patientWarnings({ patientName: 'Doe^Peter', patientBirthDate: '1950-01-01' }, { name: 'Jane Doe', dateOfBirth: '1980-05-02' });
    expect(warnings.map((w) => say(w))).toEqual([
      expect.stringContaining('name the patient "Peter Doe", not Jane Doe'),
      expect.stringContaining('date of birth 1950-01-01; Jane Doe\'s is 1980-05-02'),
    ]);
    // And in the window's other languages.
    expect(warnings.map((w) => say(w, 'es'))).toEqual([
      'Los archivos del estudio nombran al paciente «Peter Doe», no a Jane Doe. Compruebe que estas imágenes son de Jane Doe antes de enviarlas a nadie.',
      'Los archivos del estudio dan la fecha de nacimiento 1950-01-01; la de Jane Doe es 1980-05-02. Compruebe que estas imágenes son de este paciente.',
    ]);
    expect(patientWarnings({ patientName: 'DOE^JANE', patientBirthDate: '1980-05-02' }, { name: 'Jane Doe', dateOfBirth: '1980-05-02' })).toEqual([]);
  });

  it('knows which encodings it can preview, and names the others', () => {
    expect(isPreviewableTransferSyntax('1.2.840.10008.1.2.4.90')).toBe(true);
    expect(isPreviewableTransferSyntax('1.2.840.10008.1.2.4.102')).toBe(false);
    expect(transferSyntaxName('1.2.840.10008.1.2.4.102')).toBe('MPEG-4 video');
    expect(transferSyntaxName('1.2.3.4')).toContain('does not know (transfer syntax 1.2.3.4)');
  });
});
