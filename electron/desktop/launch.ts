/**
 * `npm start`: launches the built app in Electron. Electron fetches its own program from github.com the
 * first time; where that cannot happen (no internet, a closed network), this says so in one line
 * instead of a stack trace, and points to what works without it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronPackage = path.join(root, 'node_modules', 'electron');

if (!fs.existsSync(path.join(electronPackage, 'dist'))) {
  console.log('Casebinder: getting Electron (first start only, about 100 MB)…');
}
// require('electron') from Node gives the path of Electron's program, downloading it if it is missing.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  cwd: root,
  encoding: 'utf8',
  timeout: 15 * 60_000,
});
const program = probe.stdout?.trim();
if (probe.status !== 0 || !program || !fs.existsSync(program)) {
  // The first error is the cause (a failed download); Electron's own last line only says to reinstall.
  const lines = `${probe.stderr ?? ''}`.split('\n').map((l) => l.trim());
  const reason =
    lines.find((l) => /fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT|timed out|certificate|40[34]|proxy/i.test(l)) ??
    lines.find((l) => /error/i.test(l)) ??
    'no reason given';
  console.error(
    `Casebinder cannot start the desktop app on this machine: Electron's program could not be downloaded from github.com (${reason.slice(0, 160)}). ` +
      'Connect to the internet and run npm start again; the command line works without it: npm run --silent casebinder -- help',
  );
  process.exit(1);
}
const app = spawn(program, [root], { stdio: 'inherit' });
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.kill(signal));
