import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changePassphrase, keysPath, LibraryKey, newRecoveryKey, readKeys, sealKeys, unlock, writeKeys } from '../../../electron/library/keyring.ts';
import { tempDir } from '../../helpers/paths.ts';

async function keyedFolder(passphrase: string) {
  const dir = tempDir();
  const key = LibraryKey.random();
  const { keys, recoveryKey } = await sealKeys(key, passphrase);
  await writeKeys(dir, keys);
  return { dir, key, recoveryKey };
}

describe('the library key and what wraps it', () => {
  it('opens with the passphrase or the recovery key, and with nothing else', async () => {
    const { dir, key, recoveryKey } = await keyedFolder('a long passphrase');
    expect((await unlock(dir, { passphrase: 'a long passphrase' })).bytes.equals(key.bytes)).toBe(true);
    expect((await unlock(dir, { recoveryKey })).bytes.equals(key.bytes)).toBe(true);
    // Written by hand: lower case, spaces for dashes, O for 0 and I/L for 1 still read back.
    const typed = recoveryKey.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o').replaceAll('1', 'l');
    expect((await unlock(dir, { recoveryKey: typed })).bytes.equals(key.bytes)).toBe(true);
    await expect(unlock(dir, { passphrase: 'a long passphrasE' })).rejects.toMatchObject({ code: 'wrong-passphrase', message: expect.stringMatching(/not this library's/) });
    await expect(unlock(dir, { recoveryKey: newRecoveryKey() })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(unlock(dir, { recoveryKey: 'not a key' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
  });

  it('keeps no key, passphrase or recovery key in the clear, and a memory-hard KDF with its salt and cost', async () => {
    const { dir, key, recoveryKey } = await keyedFolder('a long passphrase');
    const text = fs.readFileSync(keysPath(dir), 'utf8');
    for (const secret of [key.bytes.toString('base64'), key.bytes.toString('hex'), 'a long passphrase', recoveryKey, recoveryKey.replaceAll('-', '')]) expect(text).not.toContain(secret);
    const kdf = readKeys(dir).passphrase.kdf;
    expect(kdf).toMatchObject({ name: 'scrypt', r: 8, p: 1 });
    expect(kdf.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(Buffer.from(kdf.salt, 'base64')).toHaveLength(16);
    expect((fs.statSync(keysPath(dir)).mode & 0o777).toString(8)).toBe('600');
  });

  it('changes the passphrase by re-wrapping the same key; the old one stops working, the recovery key goes on working', async () => {
    const { dir, key, recoveryKey } = await keyedFolder('the first passphrase');
    await changePassphrase(dir, key, 'the second passphrase');
    await expect(unlock(dir, { passphrase: 'the first passphrase' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect((await unlock(dir, { passphrase: 'the second passphrase' })).bytes.equals(key.bytes)).toBe(true);
    expect((await unlock(dir, { recoveryKey })).bytes.equals(key.bytes)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([path.basename(keysPath(dir))]);
  });

  it('refuses a passphrase too short to protect anything', async () => {
    await expect(sealKeys(LibraryKey.random(), 'short')).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/at least 8/) });
  });

  it('makes recovery keys of 32 letters and digits without look-alikes, each new', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newRecoveryKey()));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });
});
