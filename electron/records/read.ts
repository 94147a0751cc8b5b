/**
 * A portal download's file read into what the library keeps: a document (its title, searchable text,
 * suggested details) and the records it lists, normalised. Runs in a worker thread.
 */
import type { DocumentSuggestions } from '../../shared/library-types.ts';
import type { Refusal } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { sayTitle } from '../../shared/suggestion-words.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import { refusal } from '../../shared/import-types.ts';
import type { Said } from '../../shared/said.ts';
import type { StatedPatient } from '../../shared/patient-match.ts';
import { readableName } from '../../shared/patient-match.ts';
import type { RecordKind } from '../../shared/records-types.ts';
import { normalizeLab } from '../labs/normalize.ts';
import type { DerivedRecords } from '../library/records.ts';
import { NotReadable, readCcda } from './ccda.ts';
import { fhirResources, readFhirResources } from './fhir.ts';
import type { FhirRead } from './fhir.ts';
import { readOriginal } from '../library/sealed.ts';
import { describeRecords } from './describe.ts';
import type { OriginalRef } from '../library/sealed.ts';

export type RecordFormat = 'ccda' | 'fhir';

export interface RecordsRead {
  readonly ok: true;
  readonly title: string;
  readonly text: string;
  readonly suggested: DocumentSuggestions;
  readonly derived: DerivedRecords;
  /** Whose record the file says it is (names as Family^Given, birth dates), to check against the patient. */
  readonly patients: readonly StatedPatient[];
  /** What the person should know: what was left out, what could not be read. */
  readonly notes: Said[];
  readonly embedded: { readonly bytes: Uint8Array; readonly mediaType: string } | null;
}


/** Each kind of record in a word, for the searchable text. */
const KIND_WORD: Readonly<Record<RecordKind, string>> = {
  problem: 'problem',
  medication: 'medication',
  allergy: 'allergy',
  vital: 'vital sign',
  procedure: 'procedure',
  encounter: 'visit',
  immunization: 'immunization',
};

function leftOutNote(read: FhirRead): Said | null {
  const billing = (read.leftOut.Claim ?? 0) + (read.leftOut.ExplanationOfBenefit ?? 0) + (read.leftOut.Coverage ?? 0);
  const parts = [
    ...(billing ? [said('left-out-billing', { count: billing })] : []),
    ...(read.labsWithoutValue ? [said('left-out-pending', { count: read.labsWithoutValue })] : []),
    ...(read.leftOut['AllergyIntolerance (no known allergies)'] ? [said('left-out-nka')] : []),
  ];
  return parts.length ? said('left-out', { parts: { list: parts, commas: true } }) : null;
}

/** A summary of the records, in words, so search finds a download by what it holds. */
function recordsText(derived: DerivedRecords): string {
  const lines: string[] = [];
  for (const lab of derived.labs) lines.push(`${lab.analyte} ${lab.value.printed}${lab.unitAsPrinted ? ` ${lab.unitAsPrinted}` : ''}${lab.date ? ` ${lab.date}` : ''}`);
  for (const r of derived.records) lines.push(`${KIND_WORD[r.kind]}: ${r.name}${r.detail ? ` (${r.detail})` : ''}${r.date ? ` ${r.date}` : ''}`);
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
function singleEntry(derived: DerivedRecords, language: WindowLanguage): { title: string; suggested: DocumentSuggestions } | null {
  if (derived.labs.length + derived.records.length !== 1) return null;
  const lab = derived.labs[0];
  if (lab) {
    return {
      title: sayTitle(language, 'title-lab-result', { what: `${lab.analyte} ${lab.value.printed}${lab.unitAsPrinted ? ` ${lab.unitAsPrinted}` : ''}` }),
      suggested: { ...NO_SUGGESTIONS, type: 'lab-report', dateOfService: lab.date, facility: lab.lab },
    };
  }
  const record = derived.records[0]!;
  return {
    title: sayTitle(language, 'title-record', { kind: record.kind, name: record.name }),
    suggested: { ...NO_SUGGESTIONS, type: record.kind === 'medication' ? 'medication-list' : null, dateOfService: record.date ?? null },
  };
}

export async function readRecordsFile(file: OriginalRef, format: RecordFormat, originalName: string, language: WindowLanguage = 'en'): Promise<RecordsRead | { ok: false; refusal: Refusal }> {
  const text = new TextDecoder('utf-8').decode(await readOriginal(file));
  if (format === 'fhir') {
    const resources = fhirResources(text);
    if (!Array.isArray(resources)) {
      return { ok: false, refusal: refusal('damaged', said('fhir-damaged', { problem: resources.problem })) };
    }
    const read = readFhirResources(resources);
    const derived = derive(read, 'fhir');
    const holds = describeRecords(derived.labs.length, countKinds(derived));
    if (!holds) {
      return { ok: false, refusal: refusal('unsupported', said('fhir-nothing', { types: Object.keys(read.leftOut).join(', ') })) };
    }
    const whose = readableName(read.patients[0]?.names[0]);
    const single = singleEntry(derived, language);
    const title = single?.title ?? (whose ? sayTitle(language, 'title-fhir-for', { whose }) : sayTitle(language, 'title-fhir'));
    return {
      ok: true,
      title,
      text: `${title}\n${recordsText(derived)}`,
      suggested: single?.suggested ?? NO_SUGGESTIONS,
      derived,
      patients: read.patients,
      notes: [leftOutNote(read)].filter((n): n is Said => !!n),
      embedded: null,
    };
  }
  let ccda;
  try {
    ccda = readCcda(text);
  } catch (error) {
    if (error instanceof NotReadable) return { ok: false, refusal: error.refusal };
    return { ok: false, refusal: { code: 'damaged', reason: (error as Error).message } };
  }
  const derived = ccda.records ? derive(ccda.records, 'ccda') : { labs: [], records: [], origin: 'ccda' as const };
  const notes = [
    ...(ccda.records ? [leftOutNote(ccda.records)] : []),
    ccda.entriesProblem ? said('entries-unreadable', { detail: ccda.entriesProblem }) : null,
  ].filter((n): n is Said => !!n);
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
