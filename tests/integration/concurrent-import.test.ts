/**
 * Two imports of the same folder at once, in two processes (the app and the command line, or two
 * command lines): each file comes in once, the other import says it is already there, and no file is
 * refused for a reason that is not true of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/import-types.ts';
import { casebinder, spawnCasebinder } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

function finished(child: ReturnType<typeof spawnCasebinder>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('two imports of one folder at once', () => {
  it('takes each file once, and gives only true outcomes', async () => {
    const folder = path.join(tempDir(), 'records');
    fs.cpSync(fixture('dicom/pydicom_dicomdirtests'), path.join(folder, 'disc'), { recursive: true });
    fs.cpSync(fixture('document-corpus'), path.join(folder, 'letters'), { recursive: true });
    const library = path.join(tempDir(), 'library');
    expect(casebinder(library, ['init']).code).toBe(0);
    expect(casebinder(library, ['patient', 'add', 'Ana Twice']).code).toBe(0);

    const runs = await Promise.all([0, 1].map(() => finished(spawnCasebinder(library, ['import', folder, '--json']))));
    const results = runs.map((run) => {
      expect(run.stderr).not.toContain('internal error');
      return JSON.parse(run.stdout) as ImportResult;
    });
    const falseRefusals = results.flatMap((r) => r.refused.filter((o) => o.code === 'internal' || /locked/.test(o.reason)));
    expect(falseRefusals).toEqual([]);
    // The same refusals (files that are not records) in both, for their own reasons.
    const refused = results.map((r) => r.refused.map((o) => `${o.path} ${o.code}`).sort());
    expect(refused[0]).toEqual(refused[1]);

    const listed = casebinder(library, ['list', '--json']).json as { id: number }[];
    const importedIds = results.flatMap((r) => r.imported.map((o) => o.id));
    expect(new Set(importedIds).size).toBe(importedIds.length);
    expect(listed.map((d) => d.id).sort((a, b) => a - b)).toEqual([...importedIds].sort((a, b) => a - b));
    const check = casebinder(library, ['check', '--json']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  }, 180_000);
});
