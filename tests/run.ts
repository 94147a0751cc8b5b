/**
 * npm test: every step of the suite runs, whatever an earlier step found, and the end says how each
 * went. A failing unit test does not hide what the end-to-end tests would have said (they run on
 * the built app, so they still run after a type or lint error), and the exit status fails if any
 * step failed.
 *
 * npm test -- unit e2e      runs only the named steps, in this order.
 */
import { spawnSync } from 'node:child_process';

export interface Step {
  readonly name: string;
  /** The npm script it runs. */
  readonly script: string;
  readonly what: string;
}

export const STEPS: readonly Step[] = [
  { name: 'typecheck', script: 'typecheck', what: 'types of the back end, renderer, shared code and tests' },
  { name: 'lint', script: 'lint', what: 'eslint, with the layering rule' },
  { name: 'unit', script: 'test:unit', what: 'unit and integration tests (vitest)' },
  { name: 'e2e', script: 'test:e2e', what: 'the built app in Chromium with the real back end (Playwright)' },
];

export interface Outcome {
  readonly step: Step;
  readonly status: number;
  readonly seconds: number;
}

/** The steps named on the command line, or all of them; an unknown name is an error, not a quiet skip. */
export function chosenSteps(names: readonly string[]): Step[] {
  if (names.length === 0) return [...STEPS];
  const unknown = names.filter((n) => !STEPS.some((s) => s.name === n));
  if (unknown.length) throw new Error(`No test step called ${unknown.join(', ')}. The steps are: ${STEPS.map((s) => s.name).join(', ')}.`);
  return STEPS.filter((s) => names.includes(s.name));
}

/** The closing lines: each step, passed or failed, and how long it took. */
export function summary(outcomes: readonly Outcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.step.name.length));
  const lines = outcomes.map((o) => {
    const verdict = o.status === 0 ? 'passed' : `FAILED (exit ${o.status})`;
    return `  ${o.step.name.padEnd(width)}  ${verdict.padEnd(18)} ${formatSeconds(o.seconds).padStart(10)}  ${o.step.what}`;
  });
  const total = outcomes.reduce((sum, o) => sum + o.seconds, 0);
  const failed = outcomes.filter((o) => o.status !== 0).map((o) => o.step.name);
  const verdict = failed.length ? `${failed.length} of ${outcomes.length} steps failed: ${failed.join(', ')}.` : `All ${outcomes.length} steps passed.`;
  return ['', 'npm test:', ...lines, `  ${verdict} ${formatSeconds(total)} in all.`, ''].join('\n');
}

function formatSeconds(seconds: number): string {
  return seconds < 60 ? `${seconds.toFixed(0)} s` : `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

function run(step: Step): Outcome {
  console.log(`\n=== npm test: ${step.name}: ${step.what} ===`);
  const started = performance.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', step.script], { stdio: 'inherit', shell: process.platform === 'win32' });
  // A step killed by a signal (or npm not found) has no exit status: it counts as failed.
  const status = result.status ?? 1;
  return { step, status, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.main) {
  let steps: Step[];
  try {
    steps = chosenSteps(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const outcomes = steps.map(run);
  console.log(summary(outcomes));
  process.exitCode = outcomes.some((o) => o.status !== 0) ? 1 : 0;
}
