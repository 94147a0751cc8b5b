import { checked, EXIT_OK, invalid, parseId } from '../common.ts';
import type { Command } from '../common.ts';
import { formatLabs } from '../format.ts';
import { labJson } from '../json.ts';
import { withLibrary } from '../session.ts';

export const labs: Command = {
  names: ['labs'],
  usage: `
  labs [--patient NAME] [--all]         every lab result: test, value, unit (UCUM), range, flag,
                                        date and where it came from; values read from a PDF
                                        count once confirmed; --all adds those held back
                                        because their document names someone else
  labs confirm ID...                    confirm lab values read from a PDF`,
  options: ['patient', 'all'],
  run: (args, values) =>
    withLibrary(values, (library) => {
      if (args[0] === 'confirm') {
        const ids = args.slice(1).map((a) => parseId(a, 'lab result'));
        if (ids.length === 0) return invalid('Say which lab results to confirm: casebinder labs confirm ID... (the IDs are in: casebinder labs)');
        const confirmed = library.records.confirmLabs(checked('labs:confirm', [ids], { '0': 'The lab results' }, 'labs confirm ID...')[0]);
        return { json: confirmed.map(labJson), text: `Confirmed ${confirmed.length} lab result(s): ${confirmed.map((l) => `#${l.id} ${l.analyte}`).join(', ')}.`, exit: EXIT_OK };
      }
      if (args.length) return invalid(`"labs ${args[0]}" is not a command. Use: casebinder labs [--patient NAME], or casebinder labs confirm ID...`);
      const patient = values.patient ? library.patients.find(values.patient) : library.patients.only();
      const results = library.records.labs({ patientId: patient.id, withHeldBack: values.all });
      return { json: results.map(labJson), text: formatLabs(results, patient.name), exit: EXIT_OK };
    }),
};
