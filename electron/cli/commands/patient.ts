import { checked, EXIT_OK, invalid } from '../common.ts';
import type { Command, Values } from '../common.ts';
import { formatPatients } from '../format.ts';
import { withLibrary } from '../session.ts';
import type { Library } from '../../library/library.ts';

const USAGE = {
  add: 'patient add NAME [--dob YYYY-MM-DD] [--notes TEXT] [--contact TEXT] [--language CODE] [--interpreter]',
  contact: 'patient contact NAME --contact TEXT',
  edit: 'patient edit NAME [--name NEW] [--dob YYYY-MM-DD] [--contact TEXT] [--language CODE] [--interpreter | --no-interpreter]',
  merge: 'patient merge FROM INTO',
  names: 'patient names NAME',
};

function edit(library: Library, name: string, values: Values) {
  const patient = library.patients.find(name);
  const change = {
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.dob !== undefined ? { dateOfBirth: values.dob === '' ? null : values.dob } : {}),
    ...(values.contact !== undefined ? { contact: values.contact } : {}),
    ...(values.notes !== undefined ? { notes: values.notes } : {}),
    ...languageOptions(values),
  };
  if (Object.keys(change).length === 0) return invalid(`Say what to change: casebinder ${USAGE.edit}`);
  const [id, checkedChange] = checked('patients:edit', [patient.id, change], { '1.name': '--name', '1.dateOfBirth': '--dob', '1.contact': '--contact', '1.notes': '--notes', '1.language': '--language' }, USAGE.edit);
  const edited = library.corrections.editPatient(id, checkedChange);
  return { json: edited, text: `${edited.name}${edited.dateOfBirth ? `, born ${edited.dateOfBirth}` : ''}${edited.contact ? `; contact: ${edited.contact}` : ''}. Undo with: casebinder undo`, exit: EXIT_OK };
}

/** --language CODE (the language the patient speaks; '' clears it), --interpreter / --no-interpreter. */
function languageOptions(values: Values): { language?: string | null; interpreter?: boolean } {
  return {
    ...(values.language !== undefined ? { language: values.language.trim().toLowerCase() || null } : {}),
    ...(values.interpreter ? { interpreter: true } : values['no-interpreter'] ? { interpreter: false } : {}),
  };
}

function merge(library: Library, args: readonly string[]) {
  const [fromName, intoName] = args;
  if (!fromName || !intoName || args.length !== 2) return invalid('Say which two patients are one person: casebinder patient merge FROM INTO (quote names with spaces)');
  const from = library.patients.find(fromName);
  const into = library.patients.find(intoName);
  const merged = library.corrections.merge(...checked('patients:merge', [from.id, into.id], {}, USAGE.merge));
  return {
    json: merged,
    text: `Merged ${from.name} into ${merged.name}: ${merged.documentCount} document(s); other names: ${merged.otherNames.join(', ') || 'none'}. Undo with: casebinder undo`,
    exit: EXIT_OK,
  };
}

export const patient: Command = {
  names: ['patient'],
  usage: `
  ${USAGE.add}
  ${USAGE.contact}   how a specialist reaches the patient (on the packet's cover)
  patient list
  ${USAGE.edit}
                                        correct a patient's details
  ${USAGE.merge}               two patients who are one person: FROM's documents,
                                        cases and records go to INTO
  ${USAGE.names}                     how the patient's documents write their name (other
                                        spellings, other scripts read as a likely match)`,
  options: ['dob', 'notes', 'contact', 'name', 'language', 'interpreter', 'no-interpreter'],
  run: ([sub, ...rest], values) =>
    withLibrary(values, (library) => {
      if (sub === 'add') {
        const [input] = checked(
          'patients:add',
          [{ name: rest.join(' '), dateOfBirth: values.dob ?? null, notes: values.notes ?? '', contact: values.contact ?? '', ...languageOptions(values) }],
          { '0.name': 'The name', '0.dateOfBirth': '--dob', '0.notes': '--notes', '0.contact': '--contact', '0.language': '--language' },
          USAGE.add,
        );
        const added = library.patients.add(input);
        return { json: added, text: `Added patient ${added.id}: ${added.name}`, exit: EXIT_OK };
      }
      if (sub === 'list' || sub === undefined) {
        const patients = library.patients.list();
        return { json: patients, text: formatPatients(patients), exit: EXIT_OK };
      }
      if (sub === 'edit') return edit(library, rest.join(' '), values);
      if (sub === 'merge') return merge(library, rest);
      if (sub === 'names') {
        const found = library.patients.find(rest.join(' '));
        const variants = library.identity.nameVariants(found.id);
        const text = variants.length
          ? [`${found.name}'s documents also write the name as:`, ...variants.map((v) => `  ${v.name}  (${v.documents} document${v.documents === 1 ? '' : 's'}${v.otherScript ? '; another script, read as a likely match' : ''})`)].join('\n')
          : `${found.name}'s documents write the name only as the library has it.`;
        return { json: variants, text, exit: EXIT_OK };
      }
      if (sub === 'contact') {
        if (values.contact === undefined) return invalid('Say how a specialist reaches the patient: casebinder patient contact NAME --contact "phone, e-mail, address"');
        const found = library.patients.find(rest.join(' '));
        const [id, { contact }] = checked('patients:edit', [found.id, { contact: values.contact }], { '1.contact': '--contact' }, USAGE.contact);
        const changed = library.patients.setContact(id, contact!);
        return { json: changed, text: `${changed.name}'s contact (printed on every packet's cover): ${changed.contact || 'none'}`, exit: EXIT_OK };
      }
      return invalid(`"patient ${sub}" is not a command. Use "patient add NAME", "patient edit NAME", "patient merge FROM INTO", "patient contact NAME --contact TEXT", "patient names NAME" or "patient list".`);
    }),
};
