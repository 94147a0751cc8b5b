import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/library.ts';
import type { ImportOutcome } from '../../shared/import-types.ts';
import { FOLDERS } from '../corpus/folders.ts';
import { writeCorpus } from '../corpus/generate.ts';
import { renderPdf } from '../corpus/render.ts';
import type { Block } from '../corpus/render.ts';
import { casebinder, spawnCasebinder } from '../helpers/cli.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

type KillPoint = { readonly afterImported: number } | { readonly afterMs: number };

interface KilledRun {
  /** Documents the child reported as imported (committed) before it was killed. */
  readonly finished: Extract<ImportOutcome, { status: 'imported' }>[];
  /** True when the kill landed while the import was still running. */
  readonly midImport: boolean;
}

/** Starts a real import in a child process and kills it (SIGKILL: no cleanup of any kind) at a point. */
function importAndKill(library: string, folder: string, when: KillPoint): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCasebinder(library, ['import', folder, '--patient', '1', '--events', '--json']);
    const finished: Extract<ImportOutcome, { status: 'imported' }>[] = [];
    let killed = false;
    const kill = () => {
      if (!killed && child.exitCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    let buffer = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as { outcome?: ImportOutcome };
        if (event.outcome?.status === 'imported') finished.push(event.outcome);
        if ('afterImported' in when && finished.length >= when.afterImported) kill();
      }
    });
    const timer = 'afterMs' in when ? setTimeout(kill, when.afterMs) : undefined;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ finished, midImport: signal === 'SIGKILL' });
    });
  });
}

/** A long record (a hospital stay printed in full) so that a kill can land inside one big file. */
async function longRecord(file: string): Promise<void> {
  const blocks: Block[] = [{ kind: 'title', text: 'HOSPITAL RECORD' }];
  for (let page = 1; page <= 250; page++) {
    blocks.push({ kind: 'heading', text: `Nursing note ${page}` });
    blocks.push({ kind: 'paragraph', text: `Day ${page}. Patient resting comfortably. Vital signs stable. Pain 3/10. Ambulating with assistance. Tolerating diet. Plan: continue current management and reassess tomorrow. `.repeat(6) });
    blocks.push({ kind: 'pagebreak' });
  }
  await renderPdf(blocks, { font: 'Helvetica' }, file);
}

describe('killing the process in the middle of an import', () => {
  let folder: string;
  let importable: number;

  beforeAll(async () => {
    folder = tempDir('casebinder-crash-');
    await writeCorpus(folder, FOLDERS);
    await longRecord(path.join(folder, 'hospital record.pdf'));
    fs.copyFileSync(fixture('images/linn.png'), path.join(folder, 'scan.png'));
    fs.copyFileSync(fixture('bad/truncated_rotation.pdf'), path.join(folder, 'cut off.pdf'));
    importable = FOLDERS.length + 2;
  }, 120_000);

  const killPoints: KillPoint[] = [
    { afterMs: 150 },
    { afterImported: 1 },
    { afterImported: 4 },
    { afterMs: 500 },
    { afterImported: 13 },
    { afterMs: 900 },
    { afterImported: 27 },
    { afterMs: 1400 },
  ];

  it('leaves a library that opens, passes its check, keeps every finished document and shows no half-imported one', async () => {
    const library = path.join(tempDir(), 'lib');
    expect(casebinder(library, ['init']).code).toBe(0);
    expect(casebinder(library, ['patient', 'add', 'Ann Example']).code).toBe(0);

    const reported = new Map<number, Extract<ImportOutcome, { status: 'imported' }>>();
    let midImport = 0;
    for (const point of killPoints) {
      const run = await importAndKill(library, folder, point);
      if (run.midImport) midImport++;
      for (const outcome of run.finished) reported.set(outcome.id, outcome);

      const opened = Library.open(library);
      try {
        const report = await opened.check();
        expect(report.problems, JSON.stringify(point)).toEqual([]);
        expect(report.ok).toBe(true);
        for (const outcome of reported.values()) {
          const doc = opened.documents.get(outcome.id);
          expect(doc.sourcePath).toBe(outcome.path);
          expect(doc.pages).toBe(outcome.pages);
          expect(opened.documents.pageTexts(doc.id)).toHaveLength(outcome.pages);
        }
        // The dead process's temp copies are gone once the library is opened again.
        const tmp = path.join(library, 'vault', 'tmp');
        const leftovers = fs.readdirSync(tmp).filter((d) => !d.startsWith(`${process.pid}-`)).flatMap((d) => fs.readdirSync(path.join(tmp, d)));
        expect(leftovers).toEqual([]);
      } finally {
        opened.close();
      }
    }
    // Most kills must have landed while the import was running, or this test proves little.
    expect(midImport).toBeGreaterThanOrEqual(6);

    // Importing again completes the job: nothing lost, nothing doubled.
    const again = casebinder(library, ['import', folder, '--patient', '1', '--json']);
    const result = again.json as { imported: unknown[]; duplicates: { of: number }[]; refused: { path: string }[] };
    expect(result.refused.map((r) => path.basename(r.path))).toEqual(['cut off.pdf']);
    expect(result.imported.length + result.duplicates.length).toBe(importable);
    const final = Library.open(library);
    try {
      expect(final.documents.count()).toBe(importable);
      expect(await final.check()).toMatchObject({ ok: true, problems: [] });
    } finally {
      final.close();
    }
  }, 180_000);
});
