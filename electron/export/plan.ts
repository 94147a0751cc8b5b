/**
 * What the export screen shows before anything is written: the case's documents with the bytes each
 * adds, the checklist's open gaps, the choices last used per specialist and where bundles go.
 */
import type { IsoDate } from '../../shared/dates.ts';
import { DOCUMENT_TYPE_LABELS } from '../../shared/document-types.ts';
import type { ExportPlan } from '../../shared/export-types.ts';
import { effectiveType, effectiveValue } from '../../shared/library-types.ts';
import type { Library } from '../library/library.ts';

export function exportPlan(library: Library, caseId: number, today: IsoDate, language = 'en'): ExportPlan {
  const details = library.cases.details(caseId);
  const unchecked = new Map<number, number>();
  const count = (documentId: number | null) => documentId !== null && unchecked.set(documentId, (unchecked.get(documentId) ?? 0) + 1);
  for (const lab of library.records.labs({ patientId: details.patientId, confirmed: false })) count(lab.source.documentId);
  for (const record of library.records.records(details.patientId)) if (!record.confirmed) count(record.source.documentId);
  const redactions = library.redactions.current(details.documents.map((d) => d.documentId));
  const documents = [...details.documents]
    .sort((a, b) => a.position - b.position)
    .map((entry) => {
      const doc = library.documents.get(entry.documentId);
      const study = doc.kind === 'study';
      const type = effectiveType(doc);
      return {
        id: doc.id,
        title: doc.title,
        type,
        typeLabel: DOCUMENT_TYPE_LABELS[type],
        date: effectiveValue(doc, 'dateOfService'),
        included: entry.included,
        kind: study ? ('study' as const) : ('file' as const),
        size: study ? library.studies.originals(doc.id).reduce((n, o) => n + o.size, 0) : doc.size,
        unchecked: unchecked.get(doc.id) ?? 0,
        redactedSize: redactions.get(doc.id)?.size ?? null,
        patientMatch: doc.identity.match,
        identityReason: doc.identity.reason,
      };
    });
  const openGaps = library.cases
    .checklist(caseId, today, language)
    .flatMap((item) => (item.status === 'met' ? [] : [{ status: item.status, message: item.message, ask: item.ask }]));
  return { documents, openGaps, remembered: library.cases.exportChoices(caseId), folder: library.settings.exportFolder() };
}
