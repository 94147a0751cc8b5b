/**
 * An error a person can act on: `message` says what happened and what to do next, in plain words;
 * `code` lets programs (the renderer, the CLI, tests) tell kinds apart without parsing the words.
 */
import { say } from './said.ts';
import type { Said } from './said.ts';

export class CasebinderError extends Error {
  readonly code: ErrorCode;
  /** What was said, for the window to say in its language (shared/said.ts); the message is its English. */
  readonly words?: Said;
  constructor(code: ErrorCode, message: string | Said, options?: { cause?: unknown }) {
    super(typeof message === 'string' ? message : say(message), options);
    this.name = 'CasebinderError';
    this.code = code;
    if (typeof message !== 'string') this.words = message;
  }
}

export type ErrorCode =
  | 'library-missing'
  | 'library-too-new'
  | 'not-a-library'
  | 'library-damaged'
  /** The library is encrypted and no passphrase (or key) was given. */
  | 'library-locked'
  /** The passphrase or recovery key given does not open this library. */
  | 'wrong-passphrase'
  | 'invalid-input'
  | 'not-found'
  | 'ambiguous'
  | 'conflict'
  | 'cancelled'
  | 'internal';

/** What crosses a process boundary (IPC, the CLI's JSON): plain data, never a stack. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
  /** The message as said, for the window to say in its language. */
  readonly words?: Said;
}

export function toErrorInfo(error: unknown, where: string): ErrorInfo {
  if (error instanceof CasebinderError) return { code: error.code, message: error.message, ...(error.words ? { words: error.words } : {}) };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `${where}: ${detail}` };
}
