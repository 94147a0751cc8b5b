/**
 * What the import says of a portal download without reading one: its size limit and the words for what
 * it holds. Kept apart from the readers (read.ts, ccda.ts) so the app's main thread, which only says
 * these, does not load the C-CDA and FHIR readers (about 40 MB of a process) that only workers run.
 */
import { said } from '../../shared/said.ts';
import type { Said } from '../../shared/said.ts';
import type { RecordKind } from '../../shared/records-types.ts';

/** Larger than any C-CDA or FHIR export of one person a portal gives; past it, a file is refused. */
export const MAX_RECORDS_FILE_BYTES = 128 * 1024 * 1024;

/** What a health record file holds ("46 lab results, 12 problems"), as said; null when it holds nothing read. */
export function describeRecords(labs: number, kinds: Readonly<Partial<Record<RecordKind, number>>>): Said | null {
  const parts = [
    ...(labs ? [said('records-count', { kind: 'lab', count: labs })] : []),
    ...Object.entries(kinds).flatMap(([kind, n]) => (n ? [said('records-count', { kind, count: n })] : [])),
  ];
  return parts.length ? said('records-holds', { holds: { list: parts, commas: true } }) : null;
}
