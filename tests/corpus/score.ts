import type { DocumentSuggestions } from '../../shared/library-types.ts';
import type { CorpusDocument } from './folders.ts';

/** Facility names compare without case, punctuation or "&"/"and" differences. */
export function sameFacility(found: string | null, truth: readonly string[] | null): boolean {
  if (truth === null) return found === null;
  if (found === null) return false;
  const norm = (s: string) => s.toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return truth.some((t) => norm(t) === norm(found));
}

/** Clinicians compare by name only ("Kevin Patel, MD" and "Kevin Patel" are the same person). */
export function sameClinician(found: string | null, truth: string | null): boolean {
  if (truth === null) return found === null;
  if (found === null) return false;
  const norm = (s: string) => s.split(',')[0]!.toLowerCase().replace(/[^\p{L} ]+/gu, '').trim();
  return norm(found) === norm(truth);
}

export interface Scored {
  readonly doc: CorpusDocument;
  readonly suggested: DocumentSuggestions;
  readonly type: boolean;
  readonly date: boolean;
  readonly facility: boolean;
  readonly clinician: boolean;
}

export function score(doc: CorpusDocument, suggested: DocumentSuggestions): Scored {
  return {
    doc,
    suggested,
    type: (suggested.type ?? 'other') === doc.truth.type,
    date: suggested.dateOfService === doc.truth.dateOfService,
    facility: sameFacility(suggested.facility, doc.truth.facility),
    clinician: sameClinician(suggested.clinician, doc.truth.clinician),
  };
}

export interface Accuracy {
  readonly documents: number;
  readonly type: number;
  readonly date: number;
  readonly facility: number;
  readonly clinician: number;
}

export function accuracy(scored: readonly Scored[]): Accuracy {
  const share = (key: 'type' | 'date' | 'facility' | 'clinician') => scored.filter((s) => s[key]).length / scored.length;
  return { documents: scored.length, type: share('type'), date: share('date'), facility: share('facility'), clinician: share('clinician') };
}
