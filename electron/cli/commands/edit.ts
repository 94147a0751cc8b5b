import { checked, EXIT_OK, invalid, parseId } from '../common.ts';
import type { Command } from '../common.ts';
import { formatDocument } from '../format.ts';
import { documentJson } from '../json.ts';
import { withLibrary } from '../session.ts';

const USAGE = 'edit ID [--type TYPE] [--date DATE] [--facility TEXT] [--clinician NAME] [--title TEXT] [--tag TAG]... [--notes TEXT]';

export const edit: Command = {
  names: ['edit'],
  usage: `
  edit ID [--type TYPE] [--date DATE] [--facility TEXT] [--clinician NAME] [--title TEXT]
          [--tag TAG]... [--notes TEXT] set details (this confirms them)`,
  options: ['type', 'date', 'facility', 'clinician', 'title', 'tag', 'notes'],
  run: (args, values) =>
    withLibrary(values, (library) => {
      const change = {
        ...(values.type?.length ? { type: values.type[0]!.split(',')[0]!.trim() } : {}),
        ...(values.date !== undefined ? { dateOfService: values.date } : {}),
        ...(values.facility !== undefined ? { facility: values.facility } : {}),
        ...(values.clinician !== undefined ? { clinician: values.clinician } : {}),
        ...(values.title !== undefined ? { title: values.title } : {}),
        ...(values.tag !== undefined ? { tags: values.tag } : {}),
        ...(values.notes !== undefined ? { notes: values.notes } : {}),
      };
      if (Object.keys(change).length === 0) invalid('Say what to change, e.g. casebinder edit 12 --type lab-report --date 2024-03-14');
      const [id, checkedEdit] = checked(
        'documents:edit',
        [parseId(args[0]), change],
        { '1.type': '--type', '1.dateOfService': '--date', '1.facility': '--facility', '1.clinician': '--clinician', '1.title': '--title', '1.tags': '--tag', '1.notes': '--notes' },
        USAGE,
      );
      const doc = library.documents.edit(id, checkedEdit);
      return { json: documentJson(doc, library), text: formatDocument(doc, library.patients.get(doc.patientId)), exit: EXIT_OK };
    }),
};
