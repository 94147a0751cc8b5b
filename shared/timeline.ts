/** One dated thing in a patient's (or a case's) timeline; each opens what it came from. */
import type { IsoDate } from './dates.ts';
import type { DocumentType } from './document-types.ts';

export const TIMELINE_KINDS = ['document', 'study', 'lab', 'recommendation', 'opinion'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  readonly date: IsoDate;
  readonly kind: TimelineKind;
  readonly title: string;
  /** A line under the title: the facility, a lab value, who recommended what. */
  readonly detail: string | null;
  /** For documents: their type, to filter by. */
  readonly type: DocumentType | null;
  /** The document it opens, when there is one. */
  readonly documentId: number | null;
  /** Out of range (a lab) or differing (an opinion): marked. */
  readonly flagged: boolean;
  /**
   * What the title says, as facts, so it can be said in another language: a lab day's counts, the
   * procedure recommended or opined on, the opinion's stand.
   */
  readonly facts?: {
    readonly values?: number;
    readonly outOfRange?: number;
    readonly procedure?: string | null;
    readonly stand?: 'agrees' | 'differs' | 'partly';
  };
}
