/** How the command line prints for a person (without --json): short lines, plain words. */
import { DOCUMENT_TYPE_LABELS } from '../../shared/document-types.ts';
import type { ImportResult } from '../../shared/import-types.ts';
import { effectiveType } from '../../shared/library-types.ts';
import type { MedicalDocument, Patient, SearchHit } from '../../shared/library-types.ts';
import { snippetParts } from '../../shared/snippet.ts';
import type { CheckReport } from '../library/check.ts';

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

export function styleFor(stream: NodeJS.WriteStream): Style {
  const color = stream.isTTY && !process.env.NO_COLOR;
  return {
    bold: (s) => (color ? `\x1b[1m${s}\x1b[22m` : s),
    dim: (s) => (color ? `\x1b[2m${s}\x1b[22m` : s),
  };
}

/** A confirmed value as it is; a suggestion marked with "?" so nobody mistakes it for a fact. */
function valueOrSuggestion(confirmed: string | null, suggested: string | null): string {
  if (confirmed) return confirmed;
  if (suggested) return `${suggested}?`;
  return '-';
}

export function formatPatients(patients: readonly Patient[]): string {
  if (patients.length === 0) return 'No patients yet. Add one with: casebinder patient add "NAME" --dob YYYY-MM-DD';
  return patients
    .map((p) => `${String(p.id).padStart(4)}  ${p.name}${p.dateOfBirth ? `  (born ${p.dateOfBirth})` : ''}  ${p.documentCount} document(s)`)
    .join('\n');
}

export function formatDocumentRow(d: MedicalDocument): string {
  const type = d.type ?? (d.suggested.type ? `${d.suggested.type}?` : 'other');
  const date = valueOrSuggestion(d.dateOfService, d.suggested.dateOfService);
  const facility = valueOrSuggestion(d.facility, d.suggested.facility);
  return `${String(d.id).padStart(5)}  ${date.padEnd(11)}  ${type.padEnd(18)}  ${String(d.pages).padStart(3)}p  ${d.title}  ${facility === '-' ? '' : `· ${facility}`}`;
}

export function formatDocuments(docs: readonly MedicalDocument[]): string {
  if (docs.length === 0) return 'No documents match.';
  return [`   id  date         type                pages title · facility`, ...docs.map(formatDocumentRow)].join('\n') +
    '\n(a "?" marks a suggestion the library read from the document; confirm it with: casebinder confirm ID)';
}

export function formatDocument(d: MedicalDocument, patient: Patient): string {
  const line = (label: string, value: string) => `${label.padEnd(16)}${value}`;
  const field = (label: string, confirmed: string | null, suggested: string | null) =>
    line(label, confirmed ?? (suggested ? `${suggested}   (suggested; not confirmed)` : '-'));
  return [
    `Document ${d.id}: ${d.title}`,
    line('Patient', `${patient.name} (${patient.id})`),
    field('Type', d.type && DOCUMENT_TYPE_LABELS[d.type], d.suggested.type && DOCUMENT_TYPE_LABELS[d.suggested.type]),
    field('Date of service', d.dateOfService, d.suggested.dateOfService),
    field('Facility', d.facility, d.suggested.facility),
    field('Clinician', d.clinician, d.suggested.clinician),
    line('Pages', String(d.pages)),
    line('Tags', d.tags.length ? d.tags.join(', ') : '-'),
    line('Notes', d.notes || '-'),
    line('Original file', `${d.originalName} (${d.mediaType}, ${d.size.toLocaleString('en-US')} bytes)`),
    line('Imported from', d.sourcePath),
    line('Imported at', d.importedAt),
    line('SHA-256', d.sha256),
    `Shown as: ${DOCUMENT_TYPE_LABELS[effectiveType(d)]}`,
  ].join('\n');
}

export function formatHits(hits: readonly SearchHit[], style: Style): string {
  if (hits.length === 0) return 'Nothing found.';
  return hits
    .map((h) => {
      const snippet = snippetParts(h.snippet)
        .map((p) => (p.match ? style.bold(p.text) : p.text))
        .join('')
        .replace(/\s+/g, ' ');
      const more = h.otherPages.length ? style.dim(` (also on page ${h.otherPages.slice(0, 5).join(', ')}${h.otherPages.length > 5 ? ', …' : ''})`) : '';
      return `${String(h.id).padStart(5)}  ${h.title}, page ${h.page}${more}\n       ${snippet}`;
    })
    .join('\n');
}

export function formatImport(result: ImportResult): string {
  const out: string[] = [];
  for (const i of result.imported) out.push(`imported   #${i.id}  ${i.path}  (${i.type}, ${i.pages} page${i.pages === 1 ? '' : 's'})${i.note ? `\n           note: ${i.note}` : ''}`);
  for (const d of result.duplicates) out.push(`duplicate  ${d.path}  (already in the library as #${d.of})`);
  const cancelled = result.refused.filter((r) => r.code === 'cancelled');
  for (const r of result.refused) if (r.code !== 'cancelled') out.push(`refused    ${r.path}\n           ${r.reason}`);
  if (cancelled.length) out.push(`not done   ${cancelled.length} file(s): the import was cancelled before them. Import the same folder again to finish; what is already in is recognised.`);
  for (const s of result.skipped) out.push(`skipped    ${s.path}  (${s.reason})`);
  out.push(
    `${result.cancelled ? 'Cancelled. ' : ''}${result.imported.length} imported, ${result.duplicates.length} already in the library, ${result.refused.length - cancelled.length} refused, ${result.skipped.length} skipped.`,
  );
  return out.join('\n');
}

export function formatCheck(report: CheckReport): string {
  const out = [
    report.ok
      ? `The library is sound: ${report.documents} document(s), ${report.filesVerified} original file(s) re-read and matched their fingerprints.`
      : `The library has ${report.problems.length} problem(s):`,
    ...report.problems.map((p) => `  - ${p}`),
    ...report.notes.map((n) => `note: ${n}`),
  ];
  return out.join('\n');
}
