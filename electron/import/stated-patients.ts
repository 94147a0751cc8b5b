import type { Library } from '../library/library.ts';
import { statedPatients } from '../suggest/patient.ts';
import { readLines } from '../suggest/text.ts';

/**
 * Reads whom the documents imported before Casebinder read names say they are about (their first two
 * pages' text), a batch at a time, so a library from an earlier version holds back another person's
 * facts as a new import would. Returns how many documents it read. Later imports read names as they
 * come in, so this finds nothing to do after the first time.
 */
export function readStatedPatientsOfOlderDocuments(library: Library, batch = 500): number {
  let read = 0;
  for (;;) {
    const documents = library.identity.unread(batch);
    if (documents.length === 0) return read;
    library.identity.recordAll(
      documents.map((d) => ({ documentId: d.id, stated: statedPatients(readLines(d.pageTexts), new Date(d.importedAt)) })),
      ['text'],
    );
    read += documents.length;
  }
}
