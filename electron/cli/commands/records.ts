import { EXIT_OK } from '../common.ts';
import type { Command } from '../common.ts';
import { formatRecords } from '../format.ts';
import { recordJson } from '../json.ts';
import { withLibrary } from '../session.ts';

const KINDS = { problems: 'problem', medications: 'medication', allergies: 'allergy' } as const;

export const records: Command = {
  names: ['problems', 'medications', 'allergies'],
  usage: `
  problems | medications | allergies [--patient NAME] [--all]
                                        what portal downloads (and the person) list`,
  options: ['patient', 'all'],
  run: (_args, values, name) =>
    withLibrary(values, (library) => {
      const command = name as keyof typeof KINDS;
      const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
      const records = library.records.records(patient.id, KINDS[command], { withHeldBack: values.all });
      return { json: records.map(recordJson), text: formatRecords(records, command, patient.name), exit: EXIT_OK };
    }),
};
