/**
 * Putting mistakes right from the command line: `document delete|restore|move|mine`, `trash`,
 * `patient edit|merge` and `undo`, over the library's corrections (electron/library/corrections.ts).
 */
import type { Library } from '../library/library.ts';
import { TRASH_DAYS } from '../library/corrections.ts';
import { EXIT_OK, invalid, parseDate, parseId } from './common.ts';
import type { Output } from './common.ts';

export interface CorrectionOptions {
  readonly patient?: string;
  readonly name?: string;
  readonly dob?: string;
  readonly contact?: string;
  readonly notes?: string;
  readonly empty?: boolean;
}

const docLine = (library: Library, id: number) => {
  const doc = library.documents.get(id);
  return `#${doc.id} “${doc.title}” (${library.patients.get(doc.patientId).name})`;
};

export function runDocument(library: Library, args: readonly string[], values: CorrectionOptions): Output {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'delete': {
      const ids = rest.map((a) => parseId(a));
      if (ids.length === 0) return invalid('Say which documents to put in the trash: casebinder document delete ID...');
      const docs = library.corrections.trash(ids);
      return {
        json: docs.map((d) => ({ id: d.id, title: d.title, deletedAt: d.deletedAt })),
        text: `Put ${docs.map((d) => `#${d.id} “${d.title}”`).join(', ')} in the trash. Restore with: casebinder document restore ID (the trash is kept ${TRASH_DAYS} days).`,
        exit: EXIT_OK,
      };
    }
    case 'restore': {
      const doc = library.corrections.restore(parseId(rest[0]));
      return { json: { id: doc.id, title: doc.title, deletedAt: doc.deletedAt }, text: `Restored ${docLine(library, doc.id)}.`, exit: EXIT_OK };
    }
    case 'move': {
      if (!values.patient) return invalid('Say whose it is: casebinder document move ID --patient NAME');
      const to = library.patients.find(values.patient);
      const doc = library.corrections.move(parseId(rest[0]), to.id);
      return {
        json: { id: doc.id, patient: { id: to.id, name: to.name }, patientMatch: doc.identity.match },
        text: `Moved ${docLine(library, doc.id)}. It left the other patient's cases; its lab values and other entries went with it. Undo with: casebinder undo`,
        exit: EXIT_OK,
      };
    }
    case 'mine': {
      const doc = library.corrections.markMine(parseId(rest[0]));
      const patient = library.patients.get(doc.patientId);
      return {
        json: { id: doc.id, patientMatch: doc.identity.match, confirmed: doc.identity.confirmed, otherNames: patient.otherNames },
        text:
          `${docLine(library, doc.id)} is ${patient.name}'s: its lab values and other entries are in the health record.` +
          (patient.otherNames.length ? ` ${patient.name}'s other names: ${patient.otherNames.join(', ')}.` : '') +
          ' Undo with: casebinder undo',
        exit: EXIT_OK,
      };
    }
    default:
      return invalid(`"document ${sub ?? ''}" is not a command. Use: document delete ID..., document restore ID, document move ID --patient NAME, document mine ID`);
  }
}

export async function runTrash(library: Library, values: CorrectionOptions): Promise<Output> {
  if (values.empty) {
    const report = await library.corrections.emptyTrash();
    return {
      json: report,
      text: report.removed
        ? `Removed ${report.removed} document(s) for good, and ${report.filesRemoved} original file(s) no other document used. What was done before can no longer be undone.`
        : 'The trash is empty.',
      exit: EXIT_OK,
    };
  }
  const docs = library.corrections.inTrash();
  return {
    json: docs.map((d) => ({ id: d.id, title: d.title, patientId: d.patientId, deletedAt: d.deletedAt, removedAfter: d.removedAfter })),
    text: docs.length
      ? [...docs.map((d) => `#${d.id}  ${d.title}  (in the trash since ${d.deletedAt!.slice(0, 10)}; removed for good after ${d.removedAfter})`), 'Restore with: casebinder document restore ID; empty it with: casebinder trash --empty'].join('\n')
      : 'The trash is empty.',
    exit: EXIT_OK,
  };
}

export function runPatientEdit(library: Library, name: string, values: CorrectionOptions): Output {
  const patient = library.patients.find(name);
  const change = {
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.dob !== undefined ? { dateOfBirth: values.dob === '' ? null : parseDate(values.dob, 'The date of birth')! } : {}),
    ...(values.contact !== undefined ? { contact: values.contact } : {}),
    ...(values.notes !== undefined ? { notes: values.notes } : {}),
  };
  if (Object.keys(change).length === 0) return invalid('Say what to change: casebinder patient edit NAME [--name NEW] [--dob YYYY-MM-DD] [--contact TEXT]');
  const edited = library.corrections.editPatient(patient.id, change);
  return { json: edited, text: `${edited.name}${edited.dateOfBirth ? `, born ${edited.dateOfBirth}` : ''}${edited.contact ? `; contact: ${edited.contact}` : ''}. Undo with: casebinder undo`, exit: EXIT_OK };
}

export function runPatientMerge(library: Library, args: readonly string[]): Output {
  const [fromName, intoName] = args;
  if (!fromName || !intoName || args.length !== 2) return invalid('Say which two patients are one person: casebinder patient merge FROM INTO (quote names with spaces)');
  const from = library.patients.find(fromName);
  const into = library.patients.find(intoName);
  const merged = library.corrections.merge(from.id, into.id);
  return {
    json: merged,
    text: `Merged ${from.name} into ${merged.name}: ${merged.documentCount} document(s); other names: ${merged.otherNames.join(', ') || 'none'}. Undo with: casebinder undo`,
    exit: EXIT_OK,
  };
}

export function runUndo(library: Library, args: readonly string[]): Output {
  if (args[0] === 'list') {
    const history = library.corrections.history();
    return { json: history, text: history.length ? history.map((c) => `${c.at.slice(0, 16).replace('T', ' ')}  ${c.description}`).join('\n') : 'Nothing to undo.', exit: EXIT_OK };
  }
  const undone = library.corrections.undo();
  return { json: undone, text: `Undone: ${undone.description}.`, exit: EXIT_OK };
}
