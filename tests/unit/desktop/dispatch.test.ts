import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/app/dispatch.ts';
import type { Handlers } from '../../../electron/app/context.ts';
import { CasebinderError } from '../../../shared/errors.ts';

const calls: unknown[][] = [];
const handlers = {
  'documents:get': (id: number) => {
    calls.push([id]);
    if (id === 404) throw new CasebinderError('not-found', 'There is no document number 404 in this library.');
    if (id === 500) throw new Error('disk on fire');
    return { id };
  },
  search: (query: string, filters: unknown, limit?: number) => ({ query, filters, limit }),
} as unknown as Handlers;

describe('dispatch: every request from the window is checked before a handler sees it', () => {
  it('runs a valid request and wraps its value', async () => {
    expect(await dispatch(handlers, 'documents:get', [12])).toEqual({ ok: true, value: { id: 12 } });
    expect(await dispatch(handlers, 'search', ['PSA', { patientId: 1 }, 20])).toEqual({ ok: true, value: { query: 'PSA', filters: { patientId: 1 }, limit: 20 } });
  });

  it.each([
    ['an unknown channel', 'documents:delete-all', [1]],
    ['a prototype key', '__proto__', []],
    ['a channel that is not a string', 42, []],
    ['arguments that are not a list', 'documents:get', { id: 1 }],
    ['a string where a number belongs', 'documents:get', ['12']],
    ['a negative id', 'documents:get', [-1]],
    ['extra arguments', 'documents:get', [1, 2]],
    ['unknown filter keys', 'search', ['x', { patientId: 1, sql: 'DROP TABLE' }]],
    ['an impossible date', 'search', ['x', { from: '2024-02-30' }]],
    ['a huge read', 'documents:read', [1, 0, 1e12]],
  ])('refuses %s, without calling any handler', async (_what, channel, args) => {
    calls.length = 0;
    const result = await dispatch(handlers, channel, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it("passes on the back end's own message, and labels an internal error with where it arose", async () => {
    expect(await dispatch(handlers, 'documents:get', [404])).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no document number 404 in this library.' },
    });
    expect(await dispatch(handlers, 'documents:get', [500])).toEqual({ ok: false, error: { code: 'internal', message: 'documents:get: disk on fire' } });
  });
});
