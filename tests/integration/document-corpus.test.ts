import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../electron/import/pdf-text.ts';
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
