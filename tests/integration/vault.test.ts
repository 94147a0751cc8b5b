import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../electron/library/vault.ts';
import { fixture, tempDir } from '../helpers/paths.ts';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the vault of originals', () => {
  it('stores a file under its SHA-256, byte for byte, read-only', async () => {
    const vault = new Vault(path.join(tempDir(), 'vault'));
    vault.prepare();
    const source = fixture('pdf/ocrmypdf/multipage.pdf');
    const staged = await vault.stage(source);
    expect(staged.sha256).toBe(sha256(source));
    expect(staged.size).toBe(fs.statSync(source).size);
    expect(vault.has(staged.sha256)).toBe(false);
    const stored = await vault.commit(staged);
    expect(stored).toBe(vault.pathFor(staged.sha256));
    expect(sha256(stored)).toBe(staged.sha256);
    expect(fs.statSync(stored).mode & 0o222).toBe(0);
    expect(fs.existsSync(staged.tempPath)).toBe(false);
    expect(await vault.verify(staged.sha256, staged.size)).toBeNull();
  });

  it('stores the same bytes once', async () => {
    const vault = new Vault(path.join(tempDir(), 'vault'));
    vault.prepare();
    const dir = tempDir();
    const copy = path.join(dir, 'copy.pdf');
    fs.copyFileSync(fixture('pdf/pdfjs/rotation.pdf'), copy);
    await vault.commit(await vault.stage(fixture('pdf/pdfjs/rotation.pdf')));
    await vault.commit(await vault.stage(copy));
    expect([...vault.storedNames()]).toEqual([sha256(copy)]);
  });

  it('leaves nothing behind for a discarded file', async () => {
    const vault = new Vault(path.join(tempDir(), 'vault'));
    vault.prepare();
    const staged = await vault.stage(fixture('images/linn.png'));
    await vault.discard(staged);
    expect(fs.existsSync(staged.tempPath)).toBe(false);
    expect([...vault.storedNames()]).toEqual([]);
  });

  it('notices an original that was changed or removed', async () => {
    const vault = new Vault(path.join(tempDir(), 'vault'));
    vault.prepare();
    const staged = await vault.stage(fixture('pdf/pdfjs/rotation.pdf'));
    const stored = await vault.commit(staged);
    fs.chmodSync(stored, 0o644);
    const bytes = fs.readFileSync(stored);
    bytes[100] = bytes[100]! ^ 0xff;
    fs.writeFileSync(stored, bytes);
    expect(await vault.verify(staged.sha256, staged.size)).toMatch(/no longer matches its fingerprint/);
    fs.rmSync(stored);
    expect(await vault.verify(staged.sha256, staged.size)).toMatch(/missing/);
  });

  it('clears temp files of processes that are gone, and only those', () => {
    const root = path.join(tempDir(), 'vault');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const deadDir = path.join(root, 'tmp', `${dead}-abcd1234`);
    const liveDir = path.join(root, 'tmp', `${process.ppid}-abcd1234`);
    for (const d of [deadDir, liveDir]) {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, 'partial'), 'x');
    }
    const vault = new Vault(root);
    expect(vault.leftoverTempFiles()).toBe(1);
    vault.prepare();
    expect(fs.existsSync(deadDir)).toBe(false);
    expect(fs.existsSync(liveDir)).toBe(true);
    expect(vault.leftoverTempFiles()).toBe(0);
  });
});
