import { checked, EXIT_OK, invalid, parseId } from '../common.ts';
import type { Command } from '../common.ts';
import { formatDocument } from '../format.ts';
import { documentJson } from '../json.ts';
import { withLibrary } from '../session.ts';
import { editDocument } from '../../suggest/language.ts';

const USAGE = 'edit ID [--type TYPE] [--date DATE] [--facility TEXT] [--clinician NAME] [--title TEXT] [--tag TAG]... [--notes TEXT] [--language CODE[,CODE]|none|text]';

/** `--language`: codes, main one first; `none` for no language; `text` to read them from the text again. */
function languagesOf(value: string): readonly string[] | null {
  if (value.trim() === 'text') return null;
  if (value.trim() === 'none') return [];
  return value.split(',').map((code) => code.trim().toLowerCase()).filter(Boolean);
}

export const edit: Command = {
  names: ['edit'],
  usage: `
  edit ID [--type TYPE] [--date DATE] [--facility TEXT] [--clinician NAME] [--title TEXT]
          [--tag TAG]... [--notes TEXT] set details (this confirms them)
          [--language CODE[,CODE]|none|text]  the languages it is written in, main one first
                                              (kept over what is read from its text; "text": read again)`,
  options: ['type', 'date', 'facility', 'clinician', 'title', 'tag', 'notes', 'language'],
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
        ...(values.language !== undefined ? { languages: languagesOf(values.language) } : {}),
      };
      if (Object.keys(change).length === 0) invalid('Say what to change, e.g. casebinder edit 12 --type lab-report --date 2024-03-14');
      const [id, checkedEdit] = checked(
        'documents:edit',
        [parseId(args[0]), change],
        { '1.type': '--type', '1.dateOfService': '--date', '1.facility': '--facility', '1.clinician': '--clinician', '1.title': '--title', '1.tags': '--tag', '1.notes': '--notes', '1.languages': '--language' },
        USAGE,
      );
      const doc = editDocument(library, id, checkedEdit);
      return { json: documentJson(doc, library), text: formatDocument(doc, library.patients.get(doc.patientId)), exit: EXIT_OK };
    }),
};
