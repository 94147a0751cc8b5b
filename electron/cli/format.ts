/** How the command line prints for a person (without --json): short lines, plain words. */
import { languageNames } from '../../shared/languages.ts';
import { DOCUMENT_TYPE_LABELS } from '../../shared/document-types.ts';
import type { ClinicalRecord, LabResult } from '../../shared/records-types.ts';
import type { ImportResult } from '../../shared/import-types.ts';
import { formatPersonName, modalityLabel } from '../../shared/imaging.ts';
import type { StudyDetails } from '../../shared/imaging.ts';
import { effectiveType, LOW_OCR_CONFIDENCE } from '../../shared/library-types.ts';
import type { MedicalDocument, PageInfo, Patient, SearchHit } from '../../shared/library-types.ts';
import type { OcrResult } from '../../shared/ocr-types.ts';
import { say } from '../../shared/said.ts';
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

function formatDocumentRow(d: MedicalDocument): string {
  const type = d.type ?? (d.suggested.type ? `${d.suggested.type}?` : 'other');
  const date = valueOrSuggestion(d.dateOfService, d.suggested.dateOfService);
  const facility = valueOrSuggestion(d.facility, d.suggested.facility);
  const size = d.imaging ? `${d.imaging.series}s` : `${d.pages}p`;
  const reading = d.ocr?.pending ? '  (OCR waiting)' : d.ocr?.lowConfidence ? '  (OCR unsure)' : '';
  return `${String(d.id).padStart(5)}  ${date.padEnd(11)}  ${type.padEnd(18)}  ${size.padStart(4)}  ${d.title}  ${facility === '-' ? '' : `· ${facility}`}${reading}`;
}

export function formatDocuments(docs: readonly MedicalDocument[]): string {
  if (docs.length === 0) return 'No documents match.';
  return [`   id  date         type                 size title · facility`, ...docs.map(formatDocumentRow)].join('\n') +
    '\n(size: p pages, s series of an imaging study; a "?" marks a suggestion the library read from the document,\n confirm it with: casebinder confirm ID)';
}

function ocrLine(d: MedicalDocument, pages: readonly PageInfo[] | undefined): string[] {
  if (!d.ocr) return [];
  const parts = [`${d.ocr.pages} page(s) read by OCR`];
  if (d.ocr.confidence !== null) parts.push(`mean confidence ${d.ocr.confidence}%`);
  if (d.ocr.pending) parts.push(`${d.ocr.pending} waiting (casebinder ocr)`);
  if (d.ocr.failed) parts.push(`${d.ocr.failed} could not be read`);
  const low = pages?.filter((p) => p.ocr === 'done' && p.confidence !== null && p.confidence < LOW_OCR_CONFIDENCE).map((p) => p.number) ?? [];
  const lines = [`${'Text'.padEnd(16)}${parts.join(', ')}`];
  if (low.length) lines.push(`${''.padEnd(16)}low confidence, the text may be wrong: page ${low.join(', ')}`);
  for (const p of pages ?? []) if (p.problem) lines.push(`${''.padEnd(16)}page ${p.number}: ${say(p.problem)}`);
  return lines;
}

function identityLines(d: MedicalDocument, line: (label: string, value: string) => string): string[] {
  const stated = [...d.identity.names, ...d.identity.birthDates.map((b) => `born ${b}`)].join(', ');
  if (d.identity.match === 'other') {
    return [
      line('Whose record', `NOT THE PATIENT'S? ${d.identity.reason}`),
      line('', 'Its lab values and other entries are held back. If it is the patient\'s: casebinder document mine ' + d.id),
      line('', `If it is another patient's: casebinder document move ${d.id} --patient NAME; if not wanted: casebinder document delete ${d.id}`),
    ];
  }
  if (d.identity.confirmed) return [line('Whose record', `the patient's (you said so)${stated ? `; it names ${stated}` : ''}`)];
  return stated ? [line('Whose record', `the patient's: it names ${stated}`)] : [];
}

function languageLine({ languages, languagesByPerson }: Pick<MedicalDocument, 'languages' | 'languagesByPerson'>): string {
  if (languages === null) return 'not read yet';
  if (languages.length === 0) return languagesByPerson ? '- (none, you said so)' : '- (too little text to tell)';
  return `${languageNames(languages)} (${languages.join(', ')}; ${languagesByPerson ? 'you said so' : 'read from the text'})`;
}

export function formatDocument(d: MedicalDocument, patient: Patient, pages?: readonly PageInfo[]): string {
  const line = (label: string, value: string) => `${label.padEnd(16)}${value}`;
  const field = (label: string, confirmed: string | null, suggested: string | null) =>
    line(label, confirmed ?? (suggested ? `${suggested}   (suggested; not confirmed)` : '-'));
  return [
    `Document ${d.id}: ${d.title}`,
    line('Patient', `${patient.name} (${patient.id})`),
    ...identityLines(d, line),
    field('Type', d.type && DOCUMENT_TYPE_LABELS[d.type], d.suggested.type && DOCUMENT_TYPE_LABELS[d.suggested.type]),
    field('Date of service', d.dateOfService, d.suggested.dateOfService),
    ...(d.dateOfService === null && d.dateReason ? [line('', `why: ${say(d.dateReason)}`)] : []),
    field('Facility', d.facility, d.suggested.facility),
    field('Clinician', d.clinician, d.suggested.clinician),
    ...(d.imaging ? [] : [line('Pages', String(d.pages))]),
    line('Language', languageLine(d)),
    ...ocrLine(d, pages),
    ...(d.partOf !== null ? [line('Part of', `document ${d.partOf} (made from this and other photos)`)] : []),
    ...(d.madeFrom.length ? [line('Made from', `photos ${d.madeFrom.map((id) => `#${id}`).join(', ')}`)] : []),
    line('Tags', d.tags.length ? d.tags.join(', ') : '-'),
    line('Notes', d.notes || '-'),
    d.kind === 'study'
      ? line('Original files', `${d.imaging?.instances ?? 0} DICOM file(s), ${d.size.toLocaleString('en-US')} bytes, kept byte for byte`)
      : line('Original file', `${d.originalName} (${d.mediaType}, ${d.size.toLocaleString('en-US')} bytes)`),
    line('Imported from', d.sourcePath),
    line('Imported at', d.importedAt),
    ...(d.sha256 ? [line('SHA-256', d.sha256)] : []),
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

export function formatStudy(s: StudyDetails): string {
  const line = (label: string, value: string | null) => `${label.padEnd(16)}${value || '-'}`;
  const patient = [formatPersonName(s.patientName), s.patientId && `ID ${s.patientId}`, s.patientBirthDate && `born ${s.patientBirthDate}`].filter(Boolean).join(', ');
  return [
    `Imaging study: ${s.description ?? '(no description)'}`,
    line('Study date', s.studyDate),
    line('Modalities', s.modalities.map((m) => `${m} (${modalityLabel(m)})`).join(', ')),
    line('Accession', s.accessionNumber),
    line('Institution', s.institution),
    line('Referred by', formatPersonName(s.referringPhysician)),
    line('In the images', patient),
    line('Study UID', s.studyInstanceUid),
    ...s.warnings.map((w) => `warning: ${say(w)}`),
    'Ready for a radiologist?',
    ...s.readiness.map((r) => `  ${r.status.padEnd(8)}${r.check.padEnd(13)}${r.message}`),
    `Series (${s.series.length}, ${s.instances} file(s)):`,
    ...s.series.map((x) =>
      [
        `  ${String(x.number ?? '-').padStart(4)}  ${(x.modality ?? '-').padEnd(4)} ${String(x.instances).padStart(5)} file(s)  ${x.description ?? modalityLabel(x.modality)}${x.bodyPart ? ` (${x.bodyPart})` : ''}`,
        ...(x.thumbnailProblem ? [`        no preview: ${say(x.thumbnailProblem)}`] : []),
        ...x.problems.map((p) => `        damaged: ${say(p)}`),
        ...(x.reportDocumentIds.length ? [`        PDF report imported as document ${x.reportDocumentIds.map((id) => `#${id}`).join(', ')}`] : []),
      ].join('\n'),
    ),
  ].join('\n');
}

export function formatOcr(result: OcrResult): string {
  const lines = [
    `${result.cancelled ? 'Stopped. ' : ''}OCR read ${result.pagesRead} page(s) of ${result.documents.length} document(s) (${result.languages.join('+')})` +
      (result.lowConfidence ? `; ${result.lowConfidence} with low confidence (their text may be wrong)` : '') +
      (result.pagesFailed ? `; ${result.pagesFailed} could not be read (see casebinder show ID)` : '') +
      '.',
  ];
  if (result.cancelled) lines.push('The pages not yet read wait for the next run: casebinder ocr');
  return lines.join('\n');
}

export function formatImport(result: ImportResult): string {
  const out: string[] = [];
  for (const i of result.imported) {
    const what = i.study
      ? `imaging study "${i.study.title}": ${i.study.files} file(s) in ${i.study.series} series${i.study.alreadyIn ? `; ${i.study.alreadyIn} more were copies of files already in` : ''}`
      : `${i.type}, ${i.pages} page${i.pages === 1 ? '' : 's'}`;
    out.push(`imported   #${i.id}  ${i.path}  (${what})${i.note ? `\n           note: ${i.note}` : ''}`);
  }
  for (const m of result.merged) {
    out.push(`added to   #${m.into}  ${m.path}  (${m.study.files} new file(s) joined the imaging study "${m.study.title}"; ${m.study.alreadyIn} were already in)${m.note ? `\n           note: ${m.note}` : ''}`);
  }
  for (const d of result.duplicates) out.push(`duplicate  ${d.path}  (already in the library as #${d.of}${d.files ? `, all ${d.files} file(s)` : ''})`);
  const cancelled = result.refused.filter((r) => r.code === 'cancelled');
  for (const r of result.refused) if (r.code !== 'cancelled') out.push(`refused    ${r.path}\n           ${r.reason}`);
  if (cancelled.length) out.push(`not done   ${cancelled.length} file(s): the import was cancelled before them. Import the same folder again to finish; what is already in is recognised.`);
  for (const s of result.skipped) out.push(`skipped    ${s.path}  (${s.reason})`);
  out.push(
    `${result.cancelled ? 'Cancelled. ' : ''}${result.imported.length} imported, ${result.merged.length ? `${result.merged.length} added to studies already in, ` : ''}${result.duplicates.length} already in the library, ${result.refused.length - cancelled.length} refused, ${result.skipped.length} skipped.`,
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

function labValue(l: LabResult): string {
  const value = l.value.number !== null ? `${l.value.comparator ?? ''}${l.value.number}` : (l.value.text ?? l.value.printed);
  return l.unit ?? l.unitAsPrinted ? `${value} ${l.unit ?? l.unitAsPrinted}` : value;
}

export function formatLabs(labs: readonly LabResult[], patient: string): string {
  if (labs.length === 0) return `No lab results for ${patient} yet. Import a portal download (C-CDA, FHIR) or lab report PDFs.`;
  const rows = labs.map((l) => [
    `#${l.id}`,
    l.date ?? '????-??-??',
    l.analyte,
    labValue(l),
    l.flag,
    l.range?.text ? `(${l.range.text})` : '',
    l.heldBack ? 'HELD BACK' : l.confirmed ? '' : 'to confirm',
    l.source.documentId ? `doc #${l.source.documentId}${l.source.page ? ` p.${l.source.page}` : ''}` : 'typed in',
  ]);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const waiting = labs.filter((l) => !l.confirmed).length;
  return [
    ...rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()),
    `${labs.length} lab result(s) for ${patient}.` + (waiting ? ` ${waiting} read from PDFs wait for you to check them against the page: casebinder labs confirm ID...` : ''),
  ].join('\n');
}

export function formatRecords(records: readonly ClinicalRecord[], what: string, patient: string): string {
  if (records.length === 0) return `No ${what} listed for ${patient}.`;
  return [
    ...records.map((r) => `#${r.id}  ${(r.date ?? '').padEnd(10)}  ${r.name}${r.detail ? ` (${r.detail})` : ''}${r.status ? `  [${r.status}]` : ''}${r.codes[0] ? `  ${r.codes[0].system} ${r.codes[0].code}` : ''}`),
    `${records.length} ${records.length === 1 ? ({ problems: 'problem', medications: 'medication', allergies: 'allergy' } as Record<string, string>)[what] ?? what : what} for ${patient}.`,
  ].join('\n');
}

const MARK: Record<string, string> = { met: 'ok  ', missing: 'MISSING', warning: 'check' };

export function formatCase(c: {
  id: number;
  title: string;
  specialty: string;
  documents: readonly { id: number; included: boolean }[];
  recommendations: readonly { clinician: string; procedure: string; date: string | null; urgency: string | null }[];
  questions: readonly string[];
  checklist: readonly { status: string; message: string; ask: string | null }[];
}): string {
  return [
    `Case #${c.id}: ${c.title} (${c.specialty})`,
    ...c.recommendations.map((r) => `Recommendation: ${r.procedure}, by ${r.clinician}${r.date ? ` on ${r.date}` : ''}${r.urgency ? ` (${r.urgency})` : ''}`),
    `Documents: ${c.documents.length ? c.documents.map((d) => `#${d.id}${d.included ? '' : ' (left out)'}`).join(', ') : 'none yet'}`,
    ...(c.questions.length ? ['Questions:', ...c.questions.map((q, i) => `  ${i + 1}. ${q}`)] : ['Questions: none yet']),
    'Checklist:',
    ...c.checklist.map((i) => `  [${MARK[i.status] ?? i.status}] ${i.message}${i.ask && i.status !== 'met' ? `\n            ${i.ask}` : ''}`),
  ].join('\n');
}

/** The recovery key, shown once, with what it is for. */
export function recoveryKeyText(recoveryKey: string): string {
  return [
    'Recovery key (shown only now):',
    '',
    `    ${recoveryKey}`,
    '',
    'Write it down or print it, and keep it away from this computer. If the passphrase is forgotten,',
    'only this key opens the library: nobody, Casebinder included, can recover it otherwise.',
    'Use it with --recovery-key-file F (a file holding it) in place of --passphrase-file.',
  ].join('\n');
}
