import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenSteps, STEPS, summary } from '../run.ts';

const RUNNER = path.resolve(import.meta.dirname, '../run.ts');

/** A project whose npm scripts stand in for the real steps: each records that it ran, some fail. */
function project(exits: Record<string, number>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-npm-test-'));
  fs.mkdirSync(path.join(dir, 'tests'));
  fs.copyFileSync(RUNNER, path.join(dir, 'tests', 'run.ts'));
  const scripts = Object.fromEntries(
    STEPS.map((s) => [s.script, `node -e "require('fs').appendFileSync('ran.txt', '${s.name}\\n'); process.exit(${exits[s.name] ?? 0})"`]),
  );
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'runner-check', private: true, type: 'module', scripts }));
  return dir;
}

function npmTest(dir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['tests/run.ts', ...args], { cwd: dir, encoding: 'utf8' });
  const ran = fs.existsSync(path.join(dir, 'ran.txt')) ? fs.readFileSync(path.join(dir, 'ran.txt'), 'utf8').trim().split('\n') : [];
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, out: result.stdout, err: result.stderr, ran };
}

describe('npm test', () => {
  it('runs the end-to-end tests when a unit test fails, reports both, and still fails', () => {
    const result = npmTest(project({ unit: 1 }));
    expect(result.ran).toEqual(['typecheck', 'lint', 'unit', 'e2e']);
    expect(result.status).toBe(1);
    expect(result.out).toMatch(/unit\s+FAILED \(exit 1\)/);
    expect(result.out).toMatch(/e2e\s+passed/);
    expect(result.out).toContain('1 of 4 steps failed: unit.');
  });

  it('runs every step after a type error too, and passes only when all pass', () => {
    const failing = npmTest(project({ typecheck: 2, e2e: 1 }));
    expect(failing.ran).toEqual(['typecheck', 'lint', 'unit', 'e2e']);
    expect(failing.status).toBe(1);
    expect(failing.out).toContain('2 of 4 steps failed: typecheck, e2e.');

    const passing = npmTest(project({}));
    expect(passing.status).toBe(0);
    expect(passing.out).toContain('All 4 steps passed.');
  });

  it('runs only the steps named, and refuses a name it does not know', () => {
    expect(npmTest(project({}), 'e2e').ran).toEqual(['e2e']);
    const unknown = npmTest(project({}), 'unit', 'smoke');
    expect(unknown.status).toBe(2);
    expect(unknown.ran).toEqual([]);
    expect(unknown.err).toContain('No test step called smoke. The steps are: typecheck, lint, unit, e2e.');
    expect(chosenSteps(['e2e', 'unit']).map((s) => s.name)).toEqual(['unit', 'e2e']);
  });

  it('gives each step its time in the summary', () => {
    const text = summary([
      { step: STEPS[2]!, status: 0, seconds: 312.4 },
      { step: STEPS[3]!, status: 1, seconds: 42 },
    ]);
    expect(text).toMatch(/unit\s+passed\s+5 min 12 s/);
    expect(text).toMatch(/e2e\s+FAILED \(exit 1\)\s+42 s/);
    expect(text).toContain('1 of 2 steps failed: e2e. 5 min 54 s in all.');
  });
});
