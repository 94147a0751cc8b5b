import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../electron/media/pdf-text.ts';
import { suggestDetails } from '../../electron/suggest/suggest.ts';
import { matchPatient } from '../../shared/patient-match.ts';
import { DOCUMENT_CORPUS_DIR } from '../corpus/documents/build.ts';
import { documentCorpus, documentCorpusScores } from '../corpus/documents/score.ts';

/** Documents drawn by Chromium, WeasyPrint, LibreOffice and groff (tests/fixtures/document-corpus). */
describe('documents written by other programs', () => {
  it('suggests the type, the date of service (the visit, not the letter or the planned surgery) and the facility', async () => {
    for (const part of ['tuning', 'blind'] as const) {
      for (const s of await documentCorpusScores(part)) {
        expect([s.doc.file, s.suggested.type, s.suggested.dateOfService], s.doc.file).toEqual([s.doc.file, s.doc.truth.type, s.doc.truth.dateOfService]);
        expect(s.facility, `${s.doc.file}: ${s.suggested.facility}`).toBe(true);
      }
    }
  });

  it('reads whom each names as its patient, and that is the patient', async () => {
    for (const entry of documentCorpus()) {
      const read = await readPdfText(path.join(DOCUMENT_CORPUS_DIR, entry.file));
      if ('code' in read) throw new Error(read.reason);
      const { statedPatients } = suggestDetails(read.pageTexts, entry.file, { reference: new Date('2026-06-01') });
      const patient = { name: entry.truth.patient.name, dateOfBirth: entry.truth.patient.dob };
      expect([entry.file, matchPatient(statedPatients, patient).match]).toEqual([entry.file, 'same']);
      expect([entry.file, matchPatient(statedPatients, { name: 'Margaret O\'Neill', dateOfBirth: '1958-04-12' }).match]).toEqual([entry.file, 'other']);
    }
  });
});

describe('medication and allergy lists in PDFs', () => {
  it('become unconfirmed medications and allergies with their page, as the person would list them', async () => {
    const { newLibrary, importerFor } = await import('../helpers/library.ts');
    for (const entry of documentCorpus().filter((e) => e.truth.medications || e.truth.allergies)) {
      const { library } = newLibrary();
      const { importer, close } = importerFor(library, 1);
      try {
        const patient = library.patients.add({ name: entry.truth.patient.name, dateOfBirth: entry.truth.patient.dob });
        const result = await importer.start({ paths: [path.join(DOCUMENT_CORPUS_DIR, entry.file)], patientId: patient.id }).result;
        expect(result.imported[0]!.note, entry.file).toMatch(/read from its lists; check them against the page to confirm them/);
        for (const kind of ['medication', 'allergy'] as const) {
          const records = library.records.records(patient.id, kind);
          const truth = (kind === 'medication' ? entry.truth.medications : entry.truth.allergies) ?? [];
          // Each one the person would list, by its name as printed; nothing else.
          expect([entry.file, kind, records.map((r) => r.name.toLowerCase().split(/ \d/)[0]).sort()]).toEqual([entry.file, kind, [...truth].sort()]);
          expect(records.every((r) => !r.confirmed && r.origin === 'pdf' && r.source.page === 1), entry.file).toBe(true);
        }
        // Checked against the page, they count.
        const meds = library.records.records(patient.id, 'medication');
        if (meds.length) expect(library.records.confirmRecords([meds[0]!.id])[0]!.confirmed).toBe(true);
      } finally {
        await close();
        library.close();
      }
    }
  });
});
