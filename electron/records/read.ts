/**
 * A portal download's file read into what the library keeps: a document (its title, searchable text,
 * suggested details) and the records it lists, normalised. Runs in a worker thread.
 */
import type { DocumentSuggestions } from '../../shared/library-types.ts';
import type { Refusal } from '../../shared/import-types.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import { readableName } from '../../shared/patient-match.ts';
import type { RecordKind } from '../../shared/records-types.ts';
import { normalizeLab } from '../labs/normalize.ts';
import type { DerivedRecords } from '../library/records.ts';
import { readCcda } from './ccda.ts';
import { fhirResources, readFhirResources } from './fhir.ts';
import type { FhirRead } from './fhir.ts';
import { readOriginal } from '../library/sealed.ts';
import type { OriginalRef } from '../library/sealed.ts';

export type RecordFormat = 'ccda' | 'fhir';

/** Larger than any C-CDA or FHIR export of one person a portal gives; past it, a file is refused. */
export const MAX_RECORDS_FILE_BYTES = 128 * 1024 * 1024;

export interface RecordsRead {
  readonly ok: true;
  readonly title: string;
  readonly text: string;
  readonly suggested: DocumentSuggestions;
  readonly derived: DerivedRecords;
  /** Whose record the file says it is (names as Family^Given, birth dates), to check against the patient. */
  readonly patients: readonly StatedPatient[];
  /** What the person should know: what was left out, what could not be read. */
  readonly notes: string[];
  readonly embedded: { readonly bytes: Uint8Array; readonly mediaType: string } | null;
}

const KIND_WORDS: Readonly<Record<RecordKind, [string, string]>> = {
  problem: ['problem', 'problems'],
  medication: ['medication', 'medications'],
  allergy: ['allergy', 'allergies'],
  vital: ['vital sign', 'vital signs'],
  procedure: ['procedure', 'procedures'],
  encounter: ['visit', 'visits'],
  immunization: ['immunization', 'immunizations'],
};

export function describeRecords(labs: number, kinds: Readonly<Partial<Record<RecordKind, number>>>): string {
  const parts = [
    ...(labs ? [`${labs} lab result${labs === 1 ? '' : 's'}`] : []),
    ...Object.entries(kinds).flatMap(([kind, n]) => (n ? [`${n} ${KIND_WORDS[kind as RecordKind][n === 1 ? 0 : 1]}`] : [])),
  ];
  return parts.join(', ');
}

function leftOutNote(read: FhirRead): string | null {
  const billing = (read.leftOut.Claim ?? 0) + (read.leftOut.ExplanationOfBenefit ?? 0) + (read.leftOut.Coverage ?? 0);
  const parts = [
    ...(billing ? [`${billing} billing entr${billing === 1 ? 'y' : 'ies'} (claims, insurance)`] : []),
    ...(read.labsWithoutValue ? [`${read.labsWithoutValue} test${read.labsWithoutValue === 1 ? '' : 's'} with no result yet`] : []),
    ...(read.leftOut['AllergyIntolerance (no known allergies)'] ? ['a statement of no known allergies'] : []),
  ];
  return parts.length ? `Left out: ${parts.join(', ')}.` : null;
}

/** A summary of the records, in words, so search finds a download by what it holds. */
function recordsText(derived: DerivedRecords): string {
  const lines: string[] = [];
  for (const lab of derived.labs) lines.push(`${lab.analyte} ${lab.value.printed}${lab.unitAsPrinted ? ` ${lab.unitAsPrinted}` : ''}${lab.date ? ` ${lab.date}` : ''}`);
  for (const r of derived.records) lines.push(`${KIND_WORDS[r.kind][0]}: ${r.name}${r.detail ? ` (${r.detail})` : ''}${r.date ? ` ${r.date}` : ''}`);
  return lines.join('\n');
}

function derive(read: FhirRead, origin: 'fhir' | 'ccda'): DerivedRecords {
  return { labs: read.labs.map((l) => normalizeLab(l, origin)), records: read.records, origin };
}

const NO_SUGGESTIONS: DocumentSuggestions = { type: null, dateOfService: null, facility: null, clinician: null };

/**
 * A file with one entry (an iPhone's Health export writes one file per record): named and dated by
 * that entry, so hundreds of them can be told apart in the library.
 */
function singleEntry(derived: DerivedRecords): { title: string; suggested: DocumentSuggestions } | null {
  if (derived.labs.length + derived.records.length !== 1) return null;
  const lab = derived.labs[0];
  if (lab) {
    return {
      title: `Lab result: ${lab.analyte} ${lab.value.printed}${lab.unitAsPrinted ? ` ${lab.unitAsPrinted}` : ''}`,
      suggested: { ...NO_SUGGESTIONS, type: 'lab-report', dateOfService: lab.date, facility: lab.lab },
    };
  }
  const record = derived.records[0]!;
  const kind = KIND_WORDS[record.kind][0];
  return {
    title: `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${record.name}`,
    suggested: { ...NO_SUGGESTIONS, type: record.kind === 'medication' ? 'medication-list' : null, dateOfService: record.date ?? null },
  };
}

export async function readRecordsFile(file: OriginalRef, format: RecordFormat, originalName: string): Promise<RecordsRead | { ok: false; refusal: Refusal }> {
  const text = new TextDecoder('utf-8').decode(await readOriginal(file));
  if (format === 'fhir') {
    const resources = fhirResources(text);
    if (!Array.isArray(resources)) {
      return { ok: false, refusal: { code: 'damaged', reason: `This FHIR file cannot be read: ${resources.problem}. Download it from the portal again.` } };
    }
    const read = readFhirResources(resources);
    const derived = derive(read, 'fhir');
    const holds = describeRecords(derived.labs.length, countKinds(derived));
    if (!holds) {
      const types = Object.keys(read.leftOut).join(', ');
      return {
        ok: false,
        refusal: {
          code: 'unsupported',
          reason: `This FHIR file holds no lab results, problems, medications, allergies, vital signs, procedures, visits or immunizations (it holds: ${types}), so there is nothing to import from it.`,
        },
      };
    }
    const whose = readableName(read.patients[0]?.names[0]);
    const single = singleEntry(derived);
    const title = single?.title ?? `Health record download (FHIR)${whose ? ` for ${whose}` : ''}`;
    return {
      ok: true,
      title,
      text: `${title}\n${recordsText(derived)}`,
      suggested: single?.suggested ?? NO_SUGGESTIONS,
      derived,
      patients: read.patients,
      notes: [leftOutNote(read)].filter((n): n is string => !!n),
      embedded: null,
    };
  }
  let ccda;
  try {
    ccda = readCcda(text);
  } catch (error) {
    return { ok: false, refusal: { code: /DOCTYPE/.test((error as Error).message) ? 'unsupported' : 'damaged', reason: (error as Error).message } };
  }
  const derived = ccda.records ? derive(ccda.records, 'ccda') : { labs: [], records: [], origin: 'ccda' as const };
  const notes = [
    ...(ccda.records ? [leftOutNote(ccda.records)] : []),
    ccda.entriesProblem ? `Its structured entries could not be read (${ccda.entriesProblem}); its text is kept and searchable.` : null,
  ].filter((n): n is string => !!n);
  return {
    ok: true,
    title: ccda.title || originalName,
    text: ccda.text || `${ccda.title}\n${recordsText(derived)}`,
    suggested: { type: ccda.type, dateOfService: ccda.date, facility: ccda.facility, clinician: ccda.author },
    derived,
    patients: ccda.patients,
    notes,
    embedded: ccda.embedded,
  };
}

function countKinds(derived: DerivedRecords): Partial<Record<RecordKind, number>> {
  const kinds: Partial<Record<RecordKind, number>> = {};
  for (const r of derived.records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
  return kinds;
}
