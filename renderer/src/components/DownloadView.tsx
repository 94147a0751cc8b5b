import type { MedicalDocument } from '../../../shared/library-types.ts';
import type { RecordKind } from '../../../shared/records-types.ts';
import { invoke } from '../api.ts';
import { useLoaded } from '../loaded.ts';
import { formatDate } from '../format.ts';
import { routeHash } from '../route.ts';

const KIND_NAMES: Record<RecordKind, string> = {
  problem: 'Problems',
  medication: 'Medications',
  allergy: 'Allergies',
  vital: 'Vital signs',
  procedure: 'Procedures',
  encounter: 'Visits',
  immunization: 'Immunizations',
};

/** A structured download (FHIR) shown by what it holds: its lab results and records, listed. */
export function DownloadView({ document: doc, libraryVersion, onError }: { document: MedicalDocument; libraryVersion: number; onError: (m: string) => void }) {
  const held = useLoaded(
    async () => {
      const [labs, records] = await Promise.all([invoke('labs:list', doc.patientId), invoke('records:list', doc.patientId)]);
      return { labs: labs.filter((l) => l.source.documentId === doc.id), records: records.filter((r) => r.source.documentId === doc.id) };
    },
    [doc.id, doc.patientId, libraryVersion, onError],
    onError,
  );
  if (!held) return <p role="status">Opening the download…</p>;
  const kinds = (Object.keys(KIND_NAMES) as RecordKind[]).filter((k) => held.records.some((r) => r.kind === k));
  return (
    <article className="narrative" tabIndex={0} aria-label={`${doc.title}, what it holds`}>
      <p className="hint">
        A health record download. What it holds is in {doc.title.includes('for') ? 'the' : 'this patient’s'} <a href={routeHash({ name: 'record', tab: 'labs' })}>health record</a>; facts that other
        downloads also list are kept once, under the first.
      </p>
      {held.labs.length > 0 && (
        <section className="narrative-section depth-0">
          <h2>Lab results ({held.labs.length})</h2>
          <ul>
            {held.labs.map((l) => (
              <li key={l.id}>
                {formatDate(l.date)}: {l.analyte} {l.value.printed} {l.unitAsPrinted ?? ''}
                {l.flag ? ` (${l.flag})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {kinds.map((kind) => (
        <section key={kind} className="narrative-section depth-0">
          <h2>
            {KIND_NAMES[kind]} ({held.records.filter((r) => r.kind === kind).length})
          </h2>
          <ul>
            {held.records
              .filter((r) => r.kind === kind)
              .map((r) => (
                <li key={r.id}>
                  {r.date ? `${formatDate(r.date)}: ` : ''}
                  {r.name}
                  {r.detail ? ` · ${r.detail}` : ''}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
