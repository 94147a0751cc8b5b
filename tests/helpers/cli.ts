import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './paths.ts';

export const CLI = path.join(ROOT, 'electron', 'cli', 'main.ts');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON (the commands were given --json). */
  readonly json: unknown;
}

/** Runs the real command line in a child process, as a person would. */
export function casebinder(library: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, CASEBINDER_LIBRARY: library, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let json: unknown;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    json = undefined;
  }
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, json };
}

export function spawnCasebinder(library: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, CASEBINDER_LIBRARY: library, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs a command that prints progress lines (--events) in a child and kills it with SIGKILL (no cleanup
 * of any kind) once it has printed `afterEvents` of them; or lets it finish. Says how many it printed.
 */
export function runAndKill(library: string, args: readonly string[], env: NodeJS.ProcessEnv, afterEvents: number): Promise<{ events: number; finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawnCasebinder(library, [...args, '--events', '--json'], env);
    let events = 0;
    let buffer = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffer += chunk;
      for (let n; (n = buffer.indexOf('\n')) >= 0; ) {
        const line = buffer.slice(0, n);
        buffer = buffer.slice(n + 1);
        if (line.startsWith('{') && ++events >= afterEvents && child.exitCode === null) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ events, finished: code === 0 }));
  });
}
