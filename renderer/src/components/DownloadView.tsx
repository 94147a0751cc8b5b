import type { MedicalDocument } from '../../../shared/library-types.ts';
import type { RecordKind } from '../../../shared/records-types.ts';
import { invoke } from '../api.ts';
import { useLoaded } from '../loaded.ts';
import { formatDate } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { routeHash } from '../route.ts';

const KINDS: readonly RecordKind[] = ['problem', 'medication', 'allergy', 'vital', 'procedure', 'encounter', 'immunization'];

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
  const { t, rich } = useT();
  if (!held) return <p role="status">{t('download.opening')}</p>;
  const kinds = KINDS.filter((k) => held.records.some((r) => r.kind === k));
  return (
    <article className="narrative" tabIndex={0} aria-label={t('download.label', { title: doc.title })}>
      <p className="hint">{rich('download.hint', { a: (chunks) => <a href={routeHash({ name: 'record', tab: 'labs' })}>{chunks}</a> })}</p>
      {held.labs.length > 0 && (
        <section className="narrative-section depth-0">
          <h2>{t('download.kind', { kind: 'lab', count: held.labs.length })}</h2>
          <ul>
            {held.labs.map((l) => (
              <li key={l.id}>
                {formatDate(l.date)}: {l.analyte} {l.value.printed} {l.unitAsPrinted ?? ''}
                {l.flag ? ' (' + l.flag + ')' : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {kinds.map((kind) => (
        <section key={kind} className="narrative-section depth-0">
          <h2>
            {t('download.kind', { kind, count: held.records.filter((r) => r.kind === kind).length })}
          </h2>
          <ul>
            {held.records
              .filter((r) => r.kind === kind)
              .map((r) => (
                <li key={r.id}>
                  {r.date ? formatDate(r.date) + ': ' : ''}
                  {r.name}
                  {r.detail ? ' · ' + r.detail : ''}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
