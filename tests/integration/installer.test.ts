/**
 * The installers' packaging, run here with electron-builder itself (what `npm run dist` and the release
 * workflow run) on electron-builder.yml. Only Electron's program is a stand-in: it cannot be downloaded
 * here, so a file carrying Electron's fuse wire (as Electron 45 ships it) takes its place. What
 * electron-builder does with the app (the ASAR, what is unpacked beside it, the fuses it flips) is real.
 */
import * as asar from '@electron/asar';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fuseProblems } from '../release/fuses.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

/** Electron's sentinel, then wire version 1, 8 fuses, each '1' (on) or '0' (off) as Electron ships them. */
const ELECTRON_FUSE_WIRE = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001')]);

function standInElectron(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.alloc(4096), ELECTRON_FUSE_WIRE, Buffer.alloc(4096)]), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'version'), (require('electron/package.json') as { version: string }).version);
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe('the installers', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casebinder-installer-'));
  const electronDist = path.join(work, 'electron');
  const output = path.join(work, 'dist');
  const unpacked = path.join(output, 'linux-unpacked');
  const archive = path.join(unpacked, 'resources', 'app.asar');
  let files: string[] = [];

  beforeAll(() => {
    standInElectron(electronDist);
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build']);
    const arch = process.arch === 'arm64' ? '--arm64' : '--x64';
    run(process.execPath, [require.resolve('electron-builder/cli.js'), '--linux', 'dir', arch, '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`]);
    files = asar.listPackage(archive, { isPack: false }).map((f) => f.split(path.sep).join('/'));
    return () => fs.rmSync(work, { recursive: true, force: true });
  }, 300_000);

  it('flips the fuses electron-builder.yml asks for on the packaged program', async () => {
    expect(await fuseProblems(path.join(electronDist, 'electron'))).toHaveLength(7);
    expect(await fuseProblems(path.join(unpacked, 'casebinder'))).toEqual([]);
  });

  it('packs the built app and its production dependencies, nothing of the sources, tests or dev tools', () => {
    for (const file of ['/package.json', '/out/main/main.js', '/out/main/worker.js', '/out/preload/preload.cjs', '/out/renderer/index.html']) expect(files).toContain(file);
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string };
    expect(files).toContain(`/${manifest.main}`);
    expect(files.filter((f) => /^\/(electron|renderer|shared|tests)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const devOnly = ['electron', 'electron-builder', 'vite', 'vitest', '@playwright/test', 'typescript', 'eslint'];
    expect(devOnly.filter((name) => files.includes(`/node_modules/${name}/package.json`))).toEqual([]);
    for (const name of ['better-sqlite3-multiple-ciphers', 'sharp', 'pdfjs-dist', 'tesseract.js', 'dcmjs-imaging', '@cantoo/pdf-lib']) expect(files).toContain(`/node_modules/${name}/package.json`);
  });

  it('unpacks every native module and the WebAssembly and data the back end opens by path', () => {
    const isUnpacked = (file: string) => (asar.statFile(archive, file.slice(1)) as { unpacked?: boolean }).unpacked === true;
    const natives = files.filter((f) => f.endsWith('.node'));
    expect(natives.length).toBeGreaterThan(3);
    expect(natives.filter((f) => !isUnpacked(f))).toEqual([]);
    const byPath = files.filter((f) => /^\/node_modules\/(tesseract\.js-core|dcmjs-imaging|pdfjs-dist\/wasm|@tesseract\.js-data|pdfjs-dist\/standard_fonts|pdfjs-dist\/cmaps)\/.+\.(wasm|gz|pfb|ttf|bcmap)$/.test(f));
    expect(byPath.length).toBeGreaterThan(10);
    expect(byPath.filter((f) => !isUnpacked(f))).toEqual([]);
    // Unpacked means on disk beside the ASAR, where the OS and worker threads can open them.
    for (const file of [...natives, ...byPath]) expect(fs.existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', file))).toBe(true);
    const platform = `${process.platform}-${process.arch}`;
    expect(natives.some((f) => f.includes(`sharp-${platform}`))).toBe(true);
    expect(natives).toContain(`/node_modules/better-sqlite3-multiple-ciphers/prebuilds/${platform}.node`);
  });
});
