/** Putting a document right: the trash, restoring, moving it to its patient, "this is mine" (electron/library/corrections.ts). */
import { TRASH_DAYS } from '../../library/corrections.ts';
import type { Library } from '../../library/library.ts';
import { checked, EXIT_OK, invalid, parseId } from '../common.ts';
import type { Command } from '../common.ts';
import { withLibrary } from '../session.ts';

const docLine = (library: Library, id: number) => {
  const doc = library.documents.get(id);
  return `#${doc.id} “${doc.title}” (${library.patients.get(doc.patientId).name})`;
};

export const document: Command = {
  names: ['document'],
  usage: `
  document delete ID...                 put documents in the trash (restorable for ${TRASH_DAYS} days)
  document restore ID                   take a document out of the trash
  document move ID --patient NAME       file a document under the patient it belongs to
  document mine ID                      a document that names someone else is the patient's
                                        after all (a name change, a nickname)`,
  options: ['patient'],
  run: ([sub, ...rest], values) =>
    withLibrary(values, (library) => {
      switch (sub) {
        case 'delete': {
          const ids = rest.map((a) => parseId(a));
          if (ids.length === 0) return invalid('Say which documents to put in the trash: casebinder document delete ID...');
          const docs = library.corrections.trash(checked('documents:trash', [ids], { '0': 'The documents' }, 'document delete ID...')[0]);
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
          const doc = library.corrections.move(...checked('documents:move', [parseId(rest[0]), to.id], {}, 'document move ID --patient NAME'));
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
    }),
};
