/**
 * Redaction: what a person takes out of a document before sending it. The original in the vault never
 * changes; a redaction is a new file made from it (every page drawn again with the covered parts burned
 * in black, and a text layer of the page's own words without the covered ones), which exports send
 * instead of the original unless the person chooses to send the original.
 */
import type { Said } from './said.ts';

/** A rectangle on one page, in fractions of the page as it is shown (upright; 0,0 is the top left). */
export interface RedactionBox {
  /** 1-based. */
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What a person asks to remove, added to what the document's current redaction already removes. */
export interface RedactionRequest {
  readonly documentId: number;
  /** Boxes drawn by the person. */
  readonly boxes: readonly RedactionBox[];
  /** Words or numbers to remove wherever they occur (case, accents and spacing ignored). */
  readonly find: readonly string[];
  /** Also remove every identifier the app suggests (each is listed in the result). */
  readonly suggested: boolean;
}

export type IdentifierKind = 'ssn' | 'member-id' | 'group-number' | 'phone' | 'address';

export const IDENTIFIER_LABELS: Readonly<Record<IdentifierKind, string>> = {
  ssn: 'Social Security number',
  'member-id': 'Insurance member number',
  'group-number': 'Insurance group number',
  phone: 'Phone number',
  address: 'Street address',
};

/** Something on a page the app thinks a person may not want to send, for them to accept or reject. */
export interface SuggestedRedaction {
  readonly kind: IdentifierKind;
  /** The text as it is on the page. */
  readonly text: string;
  readonly page: number;
  /** Why it is suggested, in a sentence (English, as the command line prints it). */
  readonly reason: string;
  /** The same, as said (shared/said.ts), for the window to say in its language. */
  readonly words: Said;
  /** Where it is (one box per line it spans). */
  readonly boxes: readonly RedactionBox[];
}

/** Where a searched text was found. */
export interface FoundText {
  readonly text: string;
  readonly boxes: readonly RedactionBox[];
}

/** What a document offers for redacting: its pages' text positions are read once for both. */
export interface RedactionPreview {
  readonly documentId: number;
  readonly pages: number;
  /** Pages with no text of their own (scans, photos): their words are what OCR reads, when read. */
  readonly pagesWithoutText: readonly number[];
  /** Whether those pages were read by OCR for this preview (suggestions and finds there need it). */
  readonly picturesRead: boolean;
  readonly suggestions: readonly SuggestedRedaction[];
  readonly found: readonly FoundText[];
}

/** One redaction of a document (each one includes everything the ones before it removed). */
export interface Redaction {
  readonly id: number;
  readonly documentId: number;
  readonly createdAt: string;
  /** Every box burned in, those drawn and those of the matches found. */
  readonly boxes: readonly RedactionBox[];
  /** The texts searched for, and how many places each was found. */
  readonly found: readonly { readonly text: string; readonly matches: number }[];
  /** Suggestions accepted, as they read. */
  readonly suggestionsAccepted: readonly string[];
  /** The redacted file (in the vault, like an original). */
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly pages: number;
  /** Words of the pages' text left out of the new text layer because they were covered. */
  readonly wordsRemoved: number;
}

/** A document's redactions, newest first; the first is the one exports send. */
export interface DocumentRedactions {
  readonly documentId: number;
  readonly current: Redaction | null;
  readonly history: readonly Redaction[];
}

/** Media types that can be redacted (PDFs and pictures); a study, a health-record file or text cannot. */
export function canRedact(mediaType: string): boolean {
  return mediaType === 'application/pdf' || /^image\/(jpeg|png|tiff|webp|heic)$/.test(mediaType);
}
