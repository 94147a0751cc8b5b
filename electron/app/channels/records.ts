/** The records and labs channels: lab results, problems, medications and allergies, and the timeline. */
import { timeline, undatedDocuments } from '../../library/timeline.ts';
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';

export function recordChannels({ library }: AppContext) {
  return slice(
    {
      'labs:list': (patientId, options) => library.records.labs({ patientId, withHeldBack: options?.withHeldBack ?? false }),
      'labs:confirm': (ids) => library.records.confirmLabs(ids),
      'labs:correct': async (id, correction) => {
        // The unit tables (UCUM, about 25 MB of a process) load when a person first corrects a value.
        const { correctedLab } = await import('../../labs/normalize.ts');
        return library.records.saveCorrectedLab(id, correctedLab(library.records.lab(id), correction));
      },
      'labs:remove': (id) => {
        library.records.removeLab(id);
        return null;
      },
      'records:list': (patientId, kind, options) => library.records.records(patientId, kind, { withHeldBack: options?.withHeldBack ?? false }),
      'records:confirm': (ids) => library.records.confirmRecords(ids),
      'records:add': (patientId, input) => {
        library.patients.get(patientId);
        return library.records.addRecord(patientId, { ...input, codes: [] }, library.now());
      },
      'records:update': (id, change) => library.records.updateRecord(id, change),
      'records:remove': (id) => {
        library.records.removeRecord(id);
        return null;
      },
      timeline: (patientId, caseId) => timeline(library, patientId, caseId),
      'timeline:undated': (patientId, caseId) => undatedDocuments(library, patientId, caseId),
    },
    {
      'labs:confirm': { after: (labs) => labs.map((l) => l.patientId) },
      'labs:correct': { after: (lab) => lab.patientId },
      'labs:remove': { before: (id) => library.records.lab(id).patientId },
      'records:confirm': { after: (records) => records.map((r) => r.patientId) },
      'records:add': { after: (record) => record.patientId },
      'records:update': { after: (record) => record.patientId },
      'records:remove': { before: (id) => library.records.record(id).patientId },
    },
  );
}
