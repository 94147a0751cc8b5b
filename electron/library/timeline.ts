/**
 * Every dated thing of a patient, or of one case, oldest first: documents and imaging studies (by
 * date of service), lab results (one entry per day and source, out-of-range ones counted),
 * recommendations under review and the opinions that came back.
 */
import type { CaseDetails } from '../../shared/case-types.ts';
import type { MedicalDocument } from '../../shared/library-types.ts';
import type { TimelineEntry } from '../../shared/timeline.ts';
import type { Library } from './library.ts';

export function timeline(library: Library, patientId: number, caseId?: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const inCase = caseId === undefined ? null : library.cases.details(caseId);
  if (inCase && inCase.patientId !== patientId) return [];
  const caseDocs = inCase ? new Set(inCase.documents.map((d) => d.documentId)) : null;

  for (const doc of documentsOf(library, patientId, inCase)) {
    const date = doc.dateOfService ?? doc.suggested.dateOfService;
    if (!date) continue;
    entries.push({
      date,
      kind: doc.kind === 'study' ? 'study' : 'document',
      title: doc.title,
      detail: doc.facility ?? doc.suggested.facility,
      type: doc.type ?? doc.suggested.type,
      documentId: doc.id,
      flagged: false,
    });
  }

  const labs = library.records.labs({ patientId }).filter((l) => l.date && (!caseDocs || (l.source.documentId !== null && caseDocs.has(l.source.documentId))));
  const days = new Map<string, typeof labs>();
  for (const lab of labs) {
    const key = `${lab.date}|${lab.source.documentId ?? ''}`;
    days.set(key, [...(days.get(key) ?? []), lab]);
  }
  for (const [key, results] of days) {
    const out = results.filter((r) => r.flag);
    entries.push({
      date: key.split('|')[0]!,
      kind: 'lab',
      title: `Lab results: ${results.length} value${results.length === 1 ? '' : 's'}${out.length ? `, ${out.length} out of range` : ''}`,
      detail: (out.length ? out : results)
        .slice(0, 4)
        .map((r) => `${r.analyte} ${r.value.printed}${r.flag ? ` ${r.flag}` : ''}`)
        .join(', '),
      type: 'lab-report',
      documentId: results[0]!.source.documentId,
      flagged: out.length > 0,
      facts: { values: results.length, outOfRange: out.length },
    });
  }

  const cases = inCase ? [inCase] : library.cases.list(patientId).map((c) => library.cases.details(c.id));
  for (const c of cases) {
    for (const r of c.recommendations) {
      if (!r.date) continue;
      entries.push({
        date: r.date,
        kind: 'recommendation',
        title: `Recommended: ${r.procedure}`,
        detail: [r.clinician, r.facility, r.urgency].filter(Boolean).join(' · '),
        type: null,
        documentId: r.documentIds[0] ?? null,
        flagged: false,
        facts: { procedure: r.procedure },
      });
    }
    for (const o of c.opinions) {
      if (!o.date) continue;
      entries.push({
        date: o.date,
        kind: 'opinion',
        title: `Opinion: ${o.stand === 'agrees' ? 'agrees' : o.stand === 'differs' ? 'differs' : 'partly agrees'}${o.procedure ? ` (${o.procedure})` : ''}`,
        detail: o.by,
        type: null,
        documentId: o.documentId,
        flagged: o.stand !== 'agrees',
        facts: { stand: o.stand, procedure: o.procedure },
      });
    }
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
}

/** A case's documents (read by number: a case of 25 costs the same in a library of 100,000), or all the patient's. */
function documentsOf(library: Library, patientId: number, inCase: CaseDetails | null): MedicalDocument[] {
  return inCase ? library.documents.getMany(inCase.documents.map((d) => d.documentId)) : library.documents.list({ patientId });
}

/** How many of the patient's (or the case's) documents have no date of service, so the timeline leaves them out. */
export function undatedDocuments(library: Library, patientId: number, caseId?: number): number {
  const inCase = caseId === undefined ? null : library.cases.details(caseId);
  if (inCase && inCase.patientId !== patientId) return 0;
  return documentsOf(library, patientId, inCase).filter((doc) => !(doc.dateOfService ?? doc.suggested.dateOfService)).length;
}
