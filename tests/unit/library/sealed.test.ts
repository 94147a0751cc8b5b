import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openOriginal, originalChunks, readOriginal, readOriginalRange, Sealer } from '../../../electron/library/sealed.ts';
import { tempDir } from '../../helpers/paths.ts';

const KEY = randomBytes(32);
const CHUNK = 1000;

/** Seals `plain` as the vault does (pushed in uneven pieces) into a file; returns its path. */
function sealed(plain: Buffer, pieces = 7, key = KEY): string {
  const sealer = new Sealer(key, CHUNK);
  const out: Buffer[] = [];
  const step = Math.max(1, Math.ceil(plain.length / pieces));
  for (let at = 0; at < plain.length; at += step) out.push(...sealer.push(plain.subarray(at, at + step)));
  out.push(...sealer.end());
  const file = path.join(tempDir(), 'sealed');
  fs.writeFileSync(file, Buffer.concat(out));
  return file;
}

describe('sealed vault files (AES-256-GCM in chunks)', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17])('gives back exactly the %i bytes sealed', async (size) => {
    const plain = randomBytes(size);
    const file = sealed(plain);
    expect((await readOriginal({ path: file, key: KEY })).equals(plain)).toBe(true);
    const reader = await openOriginal({ path: file, key: KEY });
    expect(reader.size).toBe(size);
    await reader.close();
    // Nothing of the original shows in the file: not its first bytes, not any slice of it.
    if (size >= 16) expect(fs.readFileSync(file).includes(plain.subarray(0, 16))).toBe(false);
  });

  it('reads any range, across chunk boundaries, and from an offset on', async () => {
    const plain = randomBytes(5 * CHUNK + 321);
    const ref = { path: sealed(plain), key: KEY };
    for (const [offset, length] of [[0, 10], [CHUNK - 5, 10], [2 * CHUNK, CHUNK], [999, 3000], [5 * CHUNK + 300, 100], [6 * CHUNK, 10]] as const) {
      expect((await readOriginalRange(ref, offset, length)).equals(plain.subarray(offset, offset + length))).toBe(true);
    }
    const tail: Buffer[] = [];
    for await (const chunk of originalChunks(ref, undefined, 2500)) tail.push(chunk);
    expect(Buffer.concat(tail).equals(plain.subarray(2500))).toBe(true);
  });

  it('refuses a file changed by one bit, cut short at a chunk boundary, with chunks swapped, or opened with another key', async () => {
    const plain = randomBytes(3 * CHUNK);
    const file = sealed(plain);
    const bytes = fs.readFileSync(file);
    const variants: Record<string, Buffer> = {};
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 100]! ^= 1;
    variants.flipped = flipped;
    variants.cut = bytes.subarray(0, 32 + 2 * (CHUNK + 16));
    const record = CHUNK + 16;
    variants.swapped = Buffer.concat([bytes.subarray(0, 32), bytes.subarray(32 + record, 32 + 2 * record), bytes.subarray(32, 32 + record), bytes.subarray(32 + 2 * record)]);
    for (const [name, content] of Object.entries(variants)) {
      const damaged = path.join(tempDir(), name);
      fs.writeFileSync(damaged, content);
      await expect(readOriginal({ path: damaged, key: KEY }), name).rejects.toMatchObject({ code: 'library-damaged' });
    }
    await expect(readOriginal({ path: file, key: randomBytes(32) })).rejects.toMatchObject({ code: 'library-damaged' });
  });

  it('reads a plain file given by its path the same way', async () => {
    const plain = randomBytes(2 * CHUNK);
    const file = path.join(tempDir(), 'plain');
    fs.writeFileSync(file, plain);
    expect((await readOriginalRange(file, 100, 50)).equals(plain.subarray(100, 150))).toBe(true);
    expect((await readOriginal(file)).equals(plain)).toBe(true);
  });
});
