/**
 * An export killed midway (SIGKILL: no cleanup of its own) leaves temporary copies of the patient's
 * files in the folder it was writing to; the next start of the app or the command line removes them,
 * and nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { casebinder, spawnCasebinder } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const leftovers = (dir: string) => fs.readdirSync(dir).filter((name) => /\.partial-[0-9a-f]{8}$/.test(name));

describe('an export killed midway', () => {
  it('leaves nothing once the library opens again', async () => {
    const library = path.join(tempDir(), 'library');
    expect(casebinder(library, ['init']).code).toBe(0);
    expect(casebinder(library, ['patient', 'add', 'Ana Killed']).code).toBe(0);
    const imported = casebinder(library, ['import', fixture('pdf/ocrmypdf/multipage.pdf'), fixture('dicom/hospital_cd'), fixture('pdf/pdfjs/rotation.pdf'), '--json']).json as { imported: { id: number }[] };
    const made = casebinder(library, ['case', 'create', '--patient', 'Ana Killed', '--title', 'Second opinion', '--specialty', 'other', '--json']).json as { id: number };
    expect(casebinder(library, ['case', 'add', String(made.id), ...imported.imported.map((d) => String(d.id))]).code).toBe(0);

    const out = tempDir();
    // Someone's own folder that merely looks like a leftover is not the library's to remove.
    fs.mkdirSync(path.join(out, '.holiday photos.partial-0badcafe'));
    const child = spawnCasebinder(library, ['export', String(made.id), '--out', out, '--zip']);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    while (leftovers(out).length < 2 && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const left = leftovers(out).filter((name) => !name.startsWith('.holiday'));
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((name) => name.startsWith('.Casebinder - Ana Killed - Second opinion'))).toBe(true);

    // Any command opens the library, and with it clears what the killed export left.
    expect(casebinder(library, ['case', 'list', '--json']).code).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['.holiday photos.partial-0badcafe']);

    // An export after that writes its bundle whole.
    const again = casebinder(library, ['export', String(made.id), '--out', out, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['.holiday photos.partial-0badcafe', expect.stringMatching(/^Casebinder - Ana Killed - Second opinion - \d{4}-\d{2}-\d{2}$/)]);
  }, 120_000);
});
