/**
 * The keys of an encrypted library. One random 256-bit library key encrypts everything (the database
 * through SQLCipher, each vault file through its own derived key); it is never stored in the clear.
 * `keys.json` beside the database keeps it wrapped (AES-256-GCM) by:
 *   - a key derived from the passphrase with scrypt (memory-hard; its salt and cost are stored with it),
 *   - the one-time recovery key the person prints (random, 160 bits, so HKDF is enough),
 *   - optionally the operating system's keychain (Electron's safeStorage; the desktop floor adds it).
 * Changing the passphrase re-wraps the same key: no document is rewritten.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CasebinderError } from '../../shared/errors.ts';
import { said } from '../../shared/said.ts';
import { replaceFileDurably } from './durable.ts';
import { PRIVATE_FILE } from './private.ts';

export const KEYS_FILE = 'keys.json';
const FORMAT = 'casebinder-library-keys';
const WRAP_AAD = Buffer.from('casebinder library key v1');
/** scrypt's cost: N = 2^17, r = 8 (128 MiB, about 0.4 s on one core of a 2024 laptop), as OWASP advises at least. */
export const SCRYPT_COST = { N: 1 << 17, r: 8, p: 1 } as const;
const SCRYPT_MAXMEM = 512 << 20;
export const MIN_PASSPHRASE_LENGTH = 8;

interface ScryptParams {
  readonly name: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
}

interface Wrapped {
  readonly iv: string;
  readonly data: string;
}

/** What keys.json holds (base64 throughout). */
export interface KeysFile {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly passphrase: Wrapped & { readonly kdf: ScryptParams };
  readonly recovery: Wrapped & { readonly salt: string };
  /** The library key as the OS keychain encrypted it (safeStorage), and which store that was. */
  readonly keychain?: { readonly backend: string; readonly data: string } | null;
}

/** The library key and the keys derived from it for each use. */
export class LibraryKey {
  readonly bytes: Buffer;
  constructor(bytes: Uint8Array) {
    if (bytes.length !== 32) throw new Error('a library key has 32 bytes');
    this.bytes = Buffer.from(bytes);
  }
  static random(): LibraryKey {
    return new LibraryKey(randomBytes(32));
  }
  private derive(use: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.bytes, Buffer.alloc(0), `casebinder ${use}`, 32));
  }
  /** The raw SQLCipher key of the database. */
  get database(): Buffer {
    return this.derive('database');
  }
  /** The key each vault file's own key is derived from. */
  get vault(): Buffer {
    return this.derive('vault');
  }
  /** The key that names vault files, so a file's name does not give away the fingerprint of its contents. */
  get names(): Buffer {
    return this.derive('vault names');
  }
  /** Drops the key from memory as far as JavaScript allows (the buffers are overwritten). */
  forget(): void {
    this.bytes.fill(0);
  }
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64');

function wrap(wrappingKey: Uint8Array, key: LibraryKey): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv);
  cipher.setAAD(WRAP_AAD);
  const data = Buffer.concat([cipher.update(key.bytes), cipher.final(), cipher.getAuthTag()]);
  return { iv: b64(iv), data: b64(data) };
}

function unwrap(wrappingKey: Uint8Array, wrapped: Wrapped): LibraryKey | null {
  const data = unb64(wrapped.data);
  const decipher = createDecipheriv('aes-256-gcm', wrappingKey, unb64(wrapped.iv));
  decipher.setAAD(WRAP_AAD);
  decipher.setAuthTag(data.subarray(data.length - 16));
  try {
    return new LibraryKey(Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]));
  } catch {
    return null;
  }
}

function passphraseKey(passphrase: string, kdf: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), unb64(kdf.salt), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: SCRYPT_MAXMEM }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

// Crockford's base32: no I, L, O or U, so a printed key is read back without confusion.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new recovery key: 160 random bits as 32 base32 letters and digits in groups of four. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  const letters = bits.match(/.{5}/g)!.map((b) => BASE32[parseInt(b, 2)]).join('');
  return letters.match(/.{4}/g)!.join('-');
}

function recoveryBytes(recoveryKey: string): Buffer | null {
  const letters = recoveryKey.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{32}$/.test(letters)) return null;
  const bits = [...letters].map((c) => BASE32.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
}

function recoveryWrappingKey(bytes: Uint8Array, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', bytes, salt, 'casebinder recovery key', 32));
}

export function keysPath(dir: string): string {
  return path.join(dir, KEYS_FILE);
}

export function isEncrypted(dir: string): boolean {
  return fs.existsSync(keysPath(dir));
}

export function readKeys(dir: string): KeysFile {
  let parsed: KeysFile;
  try {
    parsed = JSON.parse(fs.readFileSync(keysPath(dir), 'utf8')) as KeysFile;
  } catch (error) {
    throw new CasebinderError('library-damaged', said('err.keys-unreadable', { file: keysPath(dir), detail: (error as Error).message }));
  }
  if (parsed.format !== FORMAT || parsed.version !== 1) {
    throw new CasebinderError('library-too-new', said('err.keys-too-new', { file: keysPath(dir) }));
  }
  return parsed;
}

/** Writes keys.json so that a crash leaves the old file or the new one, never half of one. */
export async function writeKeys(dir: string, keys: KeysFile): Promise<void> {
  await replaceFileDurably(keysPath(dir), JSON.stringify(keys, null, 2) + '\n', PRIVATE_FILE);
}

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new CasebinderError('invalid-input', said('err.passphrase-short', { min: MIN_PASSPHRASE_LENGTH }));
  }
}

/** Wraps a library key by a passphrase and a new recovery key; returns what keys.json should hold and the recovery key to show once. */
export async function sealKeys(key: LibraryKey, passphrase: string, chosenRecoveryKey?: string): Promise<{ keys: KeysFile; recoveryKey: string }> {
  checkNewPassphrase(passphrase);
  if (chosenRecoveryKey !== undefined && !recoveryBytes(chosenRecoveryKey)) throw new CasebinderError('invalid-input', said('err.not-a-recovery-key'));
  const recoveryKey = chosenRecoveryKey ?? newRecoveryKey();
  const kdf: ScryptParams = { name: 'scrypt', ...SCRYPT_COST, salt: b64(randomBytes(16)) };
  const recoverySalt = randomBytes(16);
  return {
    keys: {
      format: FORMAT,
      version: 1,
      passphrase: { kdf, ...wrap(await passphraseKey(passphrase, kdf), key) },
      recovery: { salt: b64(recoverySalt), ...wrap(recoveryWrappingKey(recoveryBytes(recoveryKey)!, recoverySalt), key) },
      keychain: null,
    },
    recoveryKey,
  };
}

/** What opens an encrypted library: its passphrase, its recovery key, or the key itself (from the keychain). */
export type Secret = { readonly passphrase: string } | { readonly recoveryKey: string } | { readonly key: LibraryKey };

/** The library key, or a plain error saying the passphrase (or recovery key) is wrong. */
export async function unlock(dir: string, secret: Secret): Promise<LibraryKey> {
  if ('key' in secret) return secret.key;
  return unlockKeys(readKeys(dir), secret, 'library');
}

/** The key a keys file wraps (a library's, or a password-protected backup's: `whose` says which, in the messages). */
export async function unlockKeys(keys: KeysFile, secret: Secret, whose: 'library' | 'backup'): Promise<LibraryKey> {
  if ('key' in secret) return secret.key;
  if ('passphrase' in secret) {
    const key = unwrap(await passphraseKey(secret.passphrase, keys.passphrase.kdf), keys.passphrase);
    if (!key) throw new CasebinderError('wrong-passphrase', said('err.wrong-passphrase', { whose }));
    return key;
  }
  const bytes = recoveryBytes(secret.recoveryKey);
  const key = bytes && unwrap(recoveryWrappingKey(bytes, unb64(keys.recovery.salt)), keys.recovery);
  if (!key) throw new CasebinderError('wrong-passphrase', said('err.wrong-recovery-key', { whose }));
  return key;
}

/** A new passphrase for the same library key: keys.json is rewritten, no document or database page is. */
export async function changePassphrase(dir: string, key: LibraryKey, passphrase: string): Promise<void> {
  checkNewPassphrase(passphrase);
  const keys = readKeys(dir);
  const kdf: ScryptParams = { name: 'scrypt', ...SCRYPT_COST, salt: b64(randomBytes(16)) };
  await writeKeys(dir, { ...keys, passphrase: { kdf, ...wrap(await passphraseKey(passphrase, kdf), key) } });
}

/** Keeps the library key also in the OS keychain (`data`: what safeStorage encrypted, base64). */
export async function keepInKeychain(dir: string, backend: string, data: string): Promise<void> {
  await writeKeys(dir, { ...readKeys(dir), keychain: { backend, data } });
}

export async function forgetKeychain(dir: string): Promise<void> {
  await writeKeys(dir, { ...readKeys(dir), keychain: null });
}

/** The library key as the keychain encrypted it, if it is kept there. */
export function keychainData(dir: string): string | null {
  return readKeys(dir).keychain?.data ?? null;
}

/** The key in a form the keychain can keep (safeStorage takes strings). */
export function keyText(key: LibraryKey): string {
  return key.bytes.toString('base64');
}

export function keyFromText(text: string): LibraryKey | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 32 ? new LibraryKey(bytes) : null;
}

/** A new recovery key (the old one stops working); returns it to show once. */
export async function replaceRecoveryKey(dir: string, key: LibraryKey): Promise<string> {
  const keys = readKeys(dir);
  const recoveryKey = newRecoveryKey();
  const salt = randomBytes(16);
  await writeKeys(dir, { ...keys, recovery: { salt: b64(salt), ...wrap(recoveryWrappingKey(recoveryBytes(recoveryKey)!, salt), key) } });
  return recoveryKey;
}
