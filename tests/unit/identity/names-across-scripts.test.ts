/**
 * The same person written in two scripts is a likely match, not someone else; different people stay
 * different. The pairs come from outside this project: Arabic names with the Latin spellings a name
 * standardization product gives for them (SAS Quality Knowledge Base for Contact Information 27, "Name
 * (Arabic to English Transliteration)" examples), and the person names of DICOM PS3.5's character-set
 * examples (Hebrew שרון^דבורה, Sharon^Deborah; Greek Διονυσιος, Dionysios), as pydicom's charset test
 * files carry them. The Persian and Cyrillic pairs are common names as passports write them.
 */
import { describe, expect, it } from 'vitest';
import { matchPatient } from '../../../shared/patient-match.ts';

const verdict = (stated: string, patient: string, birthDate: string | null = null, dateOfBirth: string | null = null) =>
  matchPatient([{ names: [stated], birthDate, source: 'text' }], { name: patient, dateOfBirth });

describe('names across scripts', () => {
  const samePerson: [string, string][] = [
    // SAS QKB's Arabic ↔ English examples.
    ['طارق جعفر ابوالعينين', 'Tareq Jafar AboAlEnein'],
    ['محمود راضى ابراهيم', 'Mahmoud Rady Ibrahim'],
    ['محمد سمير عبدالسلام', 'Mohamed Samir AbdElSalam'],
    // DICOM PS3.5's examples (family^given).
    ['שרון^דבורה', 'Deborah Sharon'],
    ['Διονυσιος', 'Dionysios'],
    // Persian, and the spellings Latin records vary between.
    ['محمد رضایی', 'Mohammad Rezaei'],
    ['رضایی^محمد', 'Muhammad Rezaee'],
    ['فاطمه حسینی', 'Fatemeh Hosseini'],
    ['علی احمدی', 'Ali Ahmadi'],
    ['زهرا قاسمی', 'Zahra Ghasemi'],
    ['فاطمة الحسيني', 'Fatima Husseini'],
    // Cyrillic and Greek.
    ['Иванова Анна', 'Anna Ivanova'],
    ['Сергей Иванов', 'Sergei Ivanov'],
    ['Παπαδοπούλου Ζωή', 'Zoe Papadopoulou'],
  ];
  for (const [stated, patient] of samePerson) {
    it(`reads ${stated} as a likely match for ${patient}, and says so`, () => {
      expect(verdict(stated, patient)).toEqual({ match: 'same', reason: null, others: null, likely: [expect.any(String)] });
    });
  }

  const otherPerson: [string, string][] = [
    ['محمود راضى ابراهيم', 'Tareq Jafar AboAlEnein'],
    ['محمد سمير عبدالسلام', 'Mohamed Samir Ibrahim'],
    ['محمد رضایی', 'Mohammad Karimi'],
    ['علی احمدی', 'Ali Mahmoudi'],
    ['زهرا قاسمی', 'Sara Ghasemi'],
    ['نسرین کریمی', 'Nasrin Kazemi'],
    ['שרון^דבורה', 'Deborah Cohen'],
    ['Иванов Сергей', 'Sergei Petrov'],
  ];
  for (const [stated, patient] of otherPerson) {
    it(`reads ${stated} as someone other than ${patient}`, () => {
      expect(verdict(stated, patient).match).toBe('other');
    });
  }

  it('keeps a match in the same letters a plain match, and a different birth date someone else whatever the script', () => {
    expect(verdict('REZAEI, MOHAMMAD', 'Mohammad Rezaei')).toEqual({ match: 'same', reason: null, others: null, likely: [] });
    expect(verdict('محمد رضایی', 'محمد رضایی')).toEqual({ match: 'same', reason: null, others: null, likely: [] });
    expect(verdict('محمد رضایی', 'Mohammad Rezaei', '1970-01-01', '1980-05-05').match).toBe('other');
    expect(verdict('محمد رضایی', 'Mohammad Rezaei', '1980-05-05', '1980-05-05')).toMatchObject({ match: 'same', likely: ['محمد رضایی'] });
  });
});
