/**
 * What the app's channel handlers work with (the library, workers, jobs, the system's dialogs and
 * shell) and the types that tie each domain's handlers to its slice of the IPC contract.
 */
import type { z } from 'zod';
import type { Channel, ChannelResults, CHANNELS } from '../../shared/ipc-contract.ts';
import type { WindowLanguage } from '../../shared/languages.ts';
import type { Library } from '../library/library.ts';
import type { LibraryKey } from '../library/keyring.ts';
import type { WorkerPool } from '../workers/pool.ts';
import type { Emit, JobRegistry } from './jobs.ts';
import type { ChosenPaths } from './chosen-paths.ts';

/** The native dialogs the back end needs; Electron's in the app, a scripted stand-in in tests. */
export interface Dialogs {
  chooseImport(kind: 'files' | 'folder'): Promise<string[]>;
  /** Asks the person whether to open a link in their browser. */
  confirmExternalLink(url: string): Promise<boolean>;
  /** Asks where case bundles go, starting from the folder chosen last; null when they cancel. */
  chooseExportFolder(current: string | null): Promise<string | null>;
  /** Asks which folder (on another drive) backups go into; null when they cancel. */
  chooseBackupFolder(current: string | null): Promise<string | null>;
}

/**
 * The OS keychain (Electron's safeStorage in the app). `status` says whether it really protects what it
 * keeps: on Linux without a secret store it falls back to plain text, and then it is not offered.
 */
export interface Keychain {
  status(): Promise<{ readonly available: boolean; readonly backend: string; readonly why: string | null }>;
  /** Encrypts text with the OS's key; base64. */
  encrypt(text: string): Promise<string>;
  decrypt(data: string): Promise<string>;
}

export interface ExternalShell {
  openExternal(url: string): Promise<void>;
  /** Shows a file selected in the system's file manager. */
  showItemInFolder(file: string): void;
  /** Opens a file in the program the system uses for it; resolves to an error message, or '' when it opened. */
  openPath(file: string): Promise<string>;
  /**
   * Prints the window (what it lays out for paper) through the system's print dialog; resolves once
   * the dialog is closed: '' when it printed, else why not ('cancelled' when the person cancelled).
   */
  printWindow(): Promise<string>;
  /**
   * The window's language, for the native menu; when the person chose it (not the system's), also for
   * starting Chromium in it next time.
   */
  windowLanguage(language: WindowLanguage, chosen: boolean): void;
}

export interface AppContext {
  readonly library: Library;
  readonly pool: WorkerPool;
  readonly jobs: JobRegistry;
  readonly dialogs: Dialogs;
  /** What the person chose to import (dialog or drop): the only paths the window may import. */
  readonly chosen: ChosenPaths;
  readonly shell: ExternalShell;
  readonly emit: Emit;
  readonly version: string;
}

export type Args<C extends Channel> = z.output<(typeof CHANNELS)[C]>;
export type Handler<C extends Channel> = (...args: Args<C>) => Promise<ChannelResults[C]> | ChannelResults[C];
export type Handlers = { readonly [C in Channel]: Handler<C> };

/** The channels the back end itself answers, open library or not: what the app is, the lock, encryption, backups. */
export type BackendChannel = Extract<Channel, 'app:info' | `security:${string}` | `backup:${string}`>;
/** The channels that work on the open library. */
export type LibraryChannel = Exclude<Channel, BackendChannel>;
export type LibraryHandlers = { readonly [C in LibraryChannel]: Handler<C> };

/** What the back end's own channels (channels/security.ts) need of it: the lock and the open library. */
export interface LockHost {
  readonly options: { readonly libraryDir: string; readonly dialogs: Dialogs; readonly keychain?: Keychain; readonly emit: Emit; readonly version: string };
  readonly locked: boolean;
  /** The open library (throws while locked). */
  readonly library: Library;
  unlockWith(key: LibraryKey | null): Promise<void>;
  lock(): Promise<void>;
  /** Runs `work` with the library closed, then opens it with the key `reopen` gives. */
  withLibraryClosed<T>(doing: string, work: () => Promise<T>, reopen: (result: T | null) => Promise<LibraryKey | null>): Promise<T>;
}

/** The patients whose records a change touches: an id, several, or null for "anyone's" (a merge, an undo). */
export type Affected = number | null | readonly (number | null)[];

/**
 * What a channel changes in the library, so the window is told (`library:changed`) in one place:
 * `before` reads it from the arguments before the change (what a removal takes away), `after` from the
 * result and the arguments.
 */
export interface Changes<C extends Channel> {
  readonly before?: (...args: Args<C>) => Affected;
  readonly after?: (result: ChannelResults[C], ...args: Args<C>) => Affected;
}

/** One domain's part of the contract: a handler for each of its channels, and what each changes. */
export interface Slice<C extends Channel> {
  readonly handlers: { readonly [K in C]: Handler<K> };
  readonly changes: { readonly [K in C]?: Changes<K> };
}

/** A slice, typed by the channels it names. */
export function slice<C extends Channel>(handlers: { readonly [K in C]: Handler<K> }, changes: { readonly [K in C]?: Changes<K> } = {}): Slice<C> {
  return { handlers, changes };
}
