/** What every command shares: its output, exit statuses, and reading ids and dates from arguments. */
import { isIsoDate, invalidDateMessage } from '../../shared/dates.ts';
import { CasebinderError } from '../../shared/errors.ts';

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

export function invalid(message: string): never {
  throw new CasebinderError('invalid-input', message);
}

export function parseId(value: string | undefined, what = 'document'): number {
  if (!value) invalid(`Say which ${what}: give its number, e.g. "casebinder show 12".`);
  const id = Number(value.replace(/^#/, ''));
  if (!Number.isInteger(id) || id < 1) invalid(`"${value}" is not a ${what} number.`);
  return id;
}

export function parseDate(value: string | undefined, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) invalid(invalidDateMessage(what, value));
  return value;
}

