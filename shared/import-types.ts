import type { DocumentType } from './document-types.ts';
import { say, sayAll } from './said.ts';
import type { Said } from './said.ts';

/** Why a file was not imported; the `reason` beside it says it in plain words with what to do. */
export type RefusalCode =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'password-protected'
  | 'truncated'
  | 'damaged'
  | 'unsupported'
  | 'mislabeled'
  | 'too-large'
  | 'unsafe'
  | 'cancelled'
  | 'internal';

export interface Refusal {
  readonly code: RefusalCode;
  /** In English, as the command line prints it. */
  readonly reason: string;
  /** The same, as said (shared/said.ts), for the window to say in its own language. */
  readonly words?: readonly Said[];
}

export type ImportOutcome =
  | {
      readonly status: 'imported';
      readonly path: string;
      readonly id: number;
      readonly type: DocumentType;
      readonly pages: number;
      /** Something the person should know, e.g. a file whose name did not match its content. */
      readonly note?: string;
      /** The note, as said (shared/said.ts), for the window to say in its own language. */
      readonly words?: readonly Said[];
      /** For an imaging study: how many of its DICOM files and series came in. */
      readonly study?: StudyImport;
    }
  /** New files of an imaging study already in the library, added to it. */
  | { readonly status: 'merged'; readonly path: string; readonly into: number; readonly study: StudyImport; readonly note?: string; readonly words?: readonly Said[] }
  | {
      readonly status: 'duplicate';
      readonly path: string;
      /** The document already holding these bytes (for a study: the study holding all these files). */
      readonly of: number;
      /** For an imaging study: how many of its files were found already in. */
      readonly files?: number;
      /** For an imaging study: its title in the library. */
      readonly title?: string;
      /** E.g. that the document was in the trash and is back. */
      readonly note?: string;
      readonly words?: readonly Said[];
    }
  | ({ readonly status: 'refused'; readonly path: string } & Refusal)
  /** Hidden and system files (.DS_Store, Thumbs.db) that are not records; listed, never imported. */
  | { readonly status: 'skipped'; readonly path: string; readonly reason: string; readonly words?: readonly Said[] };

export interface StudyImport {
  /** The study's title in the library (its description, else its modality), shown instead of a file name. */
  readonly title: string;
  /** DICOM files of the study added by this import. */
  readonly files: number;
  /** Files of the study this import found already in the library. */
  readonly alreadyIn: number;
  /** Series the study has now. */
  readonly series: number;
}

/** Where an import's time goes, by kind of work (for the bench and `import --json`). */
export const IMPORT_STAGES = ['pdf-text', 'photos', 'suggestions', 'lab-reading', 'medication-lists', 'records', 'dicom', 'archives', 'vault', 'database', 'thumbnails'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

export const IMPORT_STAGE_LABELS: Readonly<Record<ImportStage, string>> = {
  'pdf-text': "PDFs: every page's text (worker threads)",
  photos: 'photos and scans: read, turned, previews (worker threads)',
  suggestions: 'suggestions: type, date, facility, title, whose (worker threads)',
  'lab-reading': 'lab values read from tables (worker threads)',
  'medication-lists': 'medication and allergy lists (worker threads)',
  records: 'portal downloads: C-CDA and FHIR read and filed',
  dicom: 'DICOM files: read, filed by study and series',
  archives: 'ZIPs and XDM: opened and listed',
  vault: 'originals: hashed, copied into the vault, made durable',
  database: 'database: documents, pages and facts written (SQLite, FTS)',
  thumbnails: "imaging series' key images drawn",
};

export interface ImportResult {
  readonly imported: readonly Extract<ImportOutcome, { status: 'imported' }>[];
  readonly merged: readonly Extract<ImportOutcome, { status: 'merged' }>[];
  readonly duplicates: readonly Extract<ImportOutcome, { status: 'duplicate' }>[];
  readonly refused: readonly Extract<ImportOutcome, { status: 'refused' }>[];
  readonly skipped: readonly Extract<ImportOutcome, { status: 'skipped' }>[];
  readonly cancelled: boolean;
  /**
   * Milliseconds spent in each kind of work, summed over files and threads: the worker stages are the
   * workers' own time; the others include their waits for the disk and overlap with the workers.
   */
  readonly profile?: Readonly<Record<ImportStage, number>>;
}

export interface ImportProgress {
  /** Previews: thumbnails of the new imaging series are being made. */
  readonly phase: 'scanning' | 'importing' | 'previews' | 'finished';
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The outcome that just completed, so a list can grow while the import runs. */
  readonly outcome?: ImportOutcome;
}

/** A file not imported, and why: English for the command line, the words for the window. */
export function refusal(code: RefusalCode, what: Said): Refusal {
  return { code, reason: say(what), words: [what] };
}

/** A skipped file's reason, both ways. */
export function skipping(what: Said): { readonly reason: string; readonly words: readonly Said[] } {
  return { reason: say(what), words: [what] };
}

/** Notes on what came in, both ways; nothing when there is nothing to say. */
export function noting(what: readonly (Said | null | undefined | false)[]): { readonly note: string; readonly words: readonly Said[] } | Record<string, never> {
  const words = what.filter((w): w is Said => !!w);
  return words.length ? { note: sayAll(words), words } : {};
}
