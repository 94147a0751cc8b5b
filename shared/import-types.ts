import type { DocumentType } from './document-types.ts';

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
  | 'cancelled'
  | 'internal';

export interface Refusal {
  readonly code: RefusalCode;
  readonly reason: string;
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
    }
  | { readonly status: 'duplicate'; readonly path: string; /** The document already holding these bytes. */ readonly of: number }
  | ({ readonly status: 'refused'; readonly path: string } & Refusal)
  /** Hidden and system files (.DS_Store, Thumbs.db) that are not records; listed, never imported. */
  | { readonly status: 'skipped'; readonly path: string; readonly reason: string };

export interface ImportResult {
  readonly imported: readonly Extract<ImportOutcome, { status: 'imported' }>[];
  readonly duplicates: readonly Extract<ImportOutcome, { status: 'duplicate' }>[];
  readonly refused: readonly Extract<ImportOutcome, { status: 'refused' }>[];
  readonly skipped: readonly Extract<ImportOutcome, { status: 'skipped' }>[];
  readonly cancelled: boolean;
}

export interface ImportProgress {
  readonly phase: 'scanning' | 'importing' | 'finished';
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The outcome that just completed, so a list can grow while the import runs. */
  readonly outcome?: ImportOutcome;
}
