/**
 * What every command shares: the options it may be given, its output and exit statuses, reading ids
 * from arguments, and checking what it will do by the IPC contract's own schemas.
 */
import fs from 'node:fs';
import type { parseArgs } from 'node:util';
import type { z } from 'zod';
import { CasebinderError } from '../../shared/errors.ts';
import { CHANNELS } from '../../shared/ipc-contract.ts';
import type { Channel } from '../../shared/ipc-contract.ts';

/** What a command prints: one JSON document with --json, else the text; and its exit status. */
export interface Output {
  json: unknown;
  text: string;
  exit: number;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_REFUSED = 2;
export const EXIT_CANCELLED = 130;

/** Every option any command takes; each command names the ones it accepts (besides the global ones). */
export const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  events: { type: 'boolean', default: false },
  patient: { type: 'string' },
  dob: { type: 'string' },
  notes: { type: 'string' },
  type: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  facility: { type: 'string' },
  language: { type: 'string' },
  clinician: { type: 'string' },
  title: { type: 'string' },
  date: { type: 'string' },
  tag: { type: 'string', multiple: true },
  field: { type: 'string', multiple: true },
  text: { type: 'boolean', default: false },
  limit: { type: 'string' },
  ocr: { type: 'boolean', default: false },
  again: { type: 'boolean', default: false },
  document: { type: 'string', multiple: true },
  rotate: { type: 'string', multiple: true },
  crop: { type: 'string', multiple: true },
  specialty: { type: 'string' },
  condition: { type: 'string' },
  by: { type: 'string' },
  procedure: { type: 'string' },
  urgency: { type: 'string' },
  reasons: { type: 'string' },
  risks: { type: 'string' },
  alternatives: { type: 'string' },
  out: { type: 'string' },
  zip: { type: 'boolean', default: false },
  'password-file': { type: 'string' },
  'reports-only': { type: 'boolean', default: false },
  'max-size': { type: 'string' },
  specialist: { type: 'string' },
  contact: { type: 'string' },
  institution: { type: 'string' },
  name: { type: 'string' },
  empty: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  'passphrase-file': { type: 'string' },
  'new-passphrase-file': { type: 'string' },
  'recovery-key-file': { type: 'string' },
  encrypt: { type: 'boolean', default: false },
  sort: { type: 'string' },
  find: { type: 'string', multiple: true },
  box: { type: 'string', multiple: true },
  suggested: { type: 'boolean', default: false },
  undo: { type: 'boolean', default: false },
  'send-original': { type: 'string', multiple: true },
  interpreter: { type: 'boolean' },
  'no-interpreter': { type: 'boolean' },
  reads: { type: 'string' },
} as const;

export type OptionName = keyof typeof OPTIONS;
export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** The options every command takes. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['library', 'json', 'help', 'passphrase-file'];

/**
 * The first line of a file holding a secret (a password, a passphrase, a recovery key). Secrets are
 * never taken as arguments: those show in the process list and the shell's history.
 */
export function readSecretFile(file: string, what: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return invalid(`Cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message}.`);
  }
  const secret = text.split(/\r?\n/)[0]!;
  if (!secret) invalid(`The ${what} file ${file} is empty; put the ${what} on its first line.`);
  return secret;
}

/** One command of the table: the words that run it, its lines of the usage, the options it takes, and what it does. */
export interface Command {
  readonly names: readonly string[];
  readonly usage: string;
  readonly options: readonly OptionName[];
  /** `name` is the word it was run by (one command may have several). */
  run(args: string[], values: Values, name: string): Output | Promise<Output>;
}

export function invalid(message: string): never {
  throw new CasebinderError('invalid-input', message);
}

export function parseId(value: string | undefined, what = 'document'): number {
  if (!value) invalid(`Say which ${what}: give its number, e.g. "casebinder show 12".`);
  const id = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(id) || id < 1) invalid(`"${value}" is not a ${what} number.`);
  return id;
}

type Issue = z.core.$ZodIssue;

/**
 * A schema's generic complaint in plain words, as the end of a sentence about the part ("cannot be
 * empty."); the contract's own messages are whole sentences and are kept.
 */
function plainly(issue: Issue): { readonly fragment: boolean; readonly text: string } {
  const origin = 'origin' in issue ? issue.origin : undefined;
  if (issue.code === 'too_small') {
    if (origin === 'string') return { fragment: true, text: Number(issue.minimum) === 1 ? 'cannot be empty.' : `needs at least ${issue.minimum} characters.` };
    return { fragment: true, text: origin === 'array' ? `needs at least ${issue.minimum}.` : `must be at least ${issue.minimum}.` };
  }
  if (issue.code === 'too_big') {
    if (origin === 'string') return { fragment: true, text: `can be at most ${issue.maximum} characters long.` };
    return { fragment: true, text: origin === 'array' ? `can hold at most ${issue.maximum}.` : `must be at most ${issue.maximum}.` };
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { fragment: true, text: 'is missing.' };
  return { fragment: false, text: issue.message.endsWith('.') ? issue.message : `${issue.message}.` };
}

/**
 * What a command is about to do, checked by the schema the window's request for it passes (the IPC
 * contract), so the two doors accept the same things. `names` says what the person typed for each
 * part ("--dob" for "0.dateOfBirth"); a problem is reported with it and the command's usage.
 */
export function checked<C extends Channel>(channel: C, args: readonly unknown[], names: Readonly<Record<string, string>>, usage: string): z.output<(typeof CHANNELS)[C]> {
  const parsed = CHANNELS[channel].safeParse(args);
  if (parsed.success) return parsed.data as z.output<(typeof CHANNELS)[C]>;
  const issue = parsed.error.issues[0]!;
  // The most exact name given for where the problem is ("0.pages.*.crop.left", then "0.pages.*.crop", ...);
  // an item of a list is "*" after the argument's own position.
  const key = (parts: readonly PropertyKey[]) => parts.map((p, i) => (i > 0 && typeof p === 'number' ? '*' : String(p))).join('.');
  let what: string | undefined;
  for (let n = issue.path.length; n >= 0 && what === undefined; n--) what = names[key(issue.path.slice(0, n))];
  const { fragment, text } = plainly(issue);
  const sentence = what ? (fragment ? `${what} ${text}` : `${what}: ${text}`) : text;
  invalid(`${sentence} Usage: casebinder ${usage.trim().split('\n')[0]!.trim()}`);
}
