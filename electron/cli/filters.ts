/** The filters `list` and `search` share, checked by the contract's documentFilters. */
import { readUnreadLanguages } from '../suggest/language.ts';
import type { DocumentFilters } from '../../shared/library-types.ts';
import type { Library } from '../library/library.ts';
import { checked, invalid } from './common.ts';
import type { Values } from './common.ts';

export const FILTER_OPTIONS = ['patient', 'type', 'from', 'to', 'facility', 'language', 'tag', 'limit'] as const;

const FILTER_NAMES: Readonly<Record<string, string>> = {
  '0.types': '--type',
  '0.from': '--from',
  '0.to': '--to',
  '0.facility': '--facility',
  '0.tag': '--tag',
  '0.language': '--language',
};

export function filtersFrom(values: Values, library: Library, usage: string): DocumentFilters {
  const filters = {
    ...(values.patient ? { patientId: library.patients.find(values.patient).id } : {}),
    ...(values.type?.length ? { types: values.type.flatMap((v) => v.split(',')).map((v) => v.trim()) } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    ...(values.facility ? { facility: values.facility } : {}),
    ...(values.tag?.[0] ? { tag: values.tag[0] } : {}),
    ...(values.language ? { language: values.language.trim().toLowerCase() } : {}),
  };
  // Documents from before languages were read are read now, so the filter misses none of them.
  if (values.language) readUnreadLanguages(library, Number.MAX_SAFE_INTEGER);
  return checked('documents:list', [filters], FILTER_NAMES, usage)[0];
}

/** --limit N: how many results at most (the command line may list more than the window asks for at once). */
export function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) invalid(`--limit takes a whole number above 0, not "${value}".`);
  return n;
}
