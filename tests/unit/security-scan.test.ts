/**
 * Doyensec's Electronegativity (the Electron security scanner) over the app's own code, as a reviewer
 * would run it: nothing of high severity, and at medium only the checks that ask a person to review a
 * use (openExternal, the preload), each of which the code answers where it is used.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPolicyInPage } from '../../shared/security-policy.ts';
import { ROOT, tempDir } from '../helpers/paths.ts';

/** Checks that only ask for a review of a use, answered in the code (see electron/desktop/policy.ts and preload.ts). */
const REVIEW_ONLY = new Set(['OPEN_EXTERNAL_JS_CHECK', 'PRELOAD_JS_CHECK']);
const SCANNER = path.join(path.dirname(createRequire(import.meta.url).resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');

interface Finding {
  readonly check: string;
  readonly severity: string;
  readonly where: string;
}

/** Scans the app's sources (what ships: the back end, the window, shared code, the page). */
function scan(): Finding[] {
  const dir = tempDir();
  const files = execFileSync('git', ['ls-files', 'electron', 'renderer', 'shared', 'package.json'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  for (const file of files) fs.cpSync(path.join(ROOT, file), path.join(dir, file));
  // The page as the build writes it, with the policy it carries.
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), withPolicyInPage(fs.readFileSync(path.join(ROOT, 'renderer', 'index.html'), 'utf8')));
  const csv = path.join(dir, 'findings.csv');
  const run = spawnSync(process.execPath, [SCANNER, '-i', dir, '-o', csv, '-r'], { encoding: 'utf8', timeout: 300_000 });
  if (!fs.existsSync(csv)) throw new Error(`electronegativity wrote no report:\n${run.stdout}\n${run.stderr}`);
  return fs
    .readFileSync(csv, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [check, severity, , file, location] = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
      return { check: check!, severity: severity!, where: `${file}:${location}` };
    });
}

describe('the Electron security scanner', () => {
  it('finds nothing high and nothing medium beyond review-only checks', () => {
    const findings = scan();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.severity === 'HIGH')).toEqual([]);
    expect(findings.filter((f) => f.severity === 'MEDIUM' && !REVIEW_ONLY.has(f.check))).toEqual([]);
  }, 300_000);
});
