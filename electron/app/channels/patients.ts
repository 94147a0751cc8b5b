/** The patients channels: the people in the library, their details, and merging two who are one. */
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';

export function patientChannels({ library }: AppContext) {
  return slice(
    {
      'patients:list': () => library.patients.list(),
      'patients:add': (input) => library.patients.add(input),
      'patients:edit': (id, change) => library.corrections.editPatient(id, change),
      'patients:merge': (from, into) => library.corrections.merge(from, into),
      'patients:name-variants': (id) => library.identity.nameVariants(library.patients.get(id).id),
    },
    {
      'patients:add': { after: (patient) => patient.id },
      'patients:edit': { after: (patient) => patient.id },
      'patients:merge': { after: () => null },
    },
  );
}
