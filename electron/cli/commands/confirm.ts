import { SUGGESTED_FIELDS } from '../../../shared/library-types.ts';
import { checked, EXIT_OK, parseId } from '../common.ts';
import type { Command } from '../common.ts';
import { formatDocument } from '../format.ts';
import { documentJson } from '../json.ts';
import { withLibrary } from '../session.ts';

const USAGE = 'confirm ID [--field type|dateOfService|facility|clinician]...';

export const confirm: Command = {
  names: ['confirm'],
  usage: `
  ${USAGE}
                                        accept the library's suggestions as your own`,
  options: ['field'],
  run: (args, values) =>
    withLibrary(values, (library) => {
      // Any case, and "date" for dateOfService; what is still unknown the contract names.
      const fields = (values.field ?? []).map((f) => SUGGESTED_FIELDS.find((k) => k.toLowerCase() === f.toLowerCase() || (f === 'date' && k === 'dateOfService')) ?? f);
      const [id, confirmed] = checked('documents:confirm', [parseId(args[0]), fields.length ? fields : SUGGESTED_FIELDS], { '1': '--field' }, USAGE);
      const doc = library.documents.confirm(id, confirmed);
      return { json: documentJson(doc, library), text: formatDocument(doc, library.patients.get(doc.patientId)), exit: EXIT_OK };
    }),
};
