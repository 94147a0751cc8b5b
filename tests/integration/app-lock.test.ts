import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/app/backend.ts';
import type { Keychain } from '../../electron/app/context.ts';
import { dispatch } from '../../electron/app/dispatch.ts';
import { safeStorageKeychain } from '../../electron/desktop/keychain.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';
import { fixture, tempDir } from '../helpers/paths.ts';
import { plaintextFound } from '../helpers/plaintext.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

/** A stand-in for the OS keychain: encrypts by reversing and base64 (what matters is that the back end keeps only its output). */
const FAKE_KEYCHAIN: Keychain = {
  status: async () => ({ available: true, backend: 'test keychain', why: null }),
  encrypt: async (text) => Buffer.from([...text].reverse().join('')).toString('base64'),
  decrypt: async (data) => [...Buffer.from(data, 'base64').toString()].reverse().join(''),
};

function backendFor(libraryDir: string, keychain?: Keychain) {
  const events: { event: string; payload: unknown }[] = [];
  const backend = new Backend({
    libraryDir,
    ...NO_DESKTOP,
    emit: (event, payload) => events.push({ event, payload }),
    version: 'test',
    importThreads: 1,
    backgroundOcr: false,
    ...(keychain ? { keychain } : {}),
  });
  cleanup.push(() => backend.close());
  const call = async (channel: string, ...args: unknown[]) => {
    const answer = await dispatch(backend.handlers, channel, args);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
    return answer.value as never;
  };
  return { backend, events, call };
}

async function waitFor(backend: ReturnType<typeof backendFor>, jobId: string) {
  return backend.call('security:conversion-result', jobId);
}

describe('the lock', () => {
  it('starts locked, answers only its own channels, unlocks with the passphrase, and locks again dropping the library', async () => {
    const dir = path.join(tempDir(), 'library');
    const first = backendFor(dir);
    first.backend.chosen.choose(fixture('document-corpus', 'blind'));
    const patient = (await first.call('patients:add', { name: 'Theodora Vantongeren' })) as { id: number };
    const { jobId } = (await first.call('import:start', [fixture('document-corpus', 'blind')], patient.id)) as { jobId: string };
    await first.call('import:result', jobId);

    // Turning encryption on: a recovery key to write down first, then the job, then the library open again.
    const recoveryKey = (await first.call('security:new-recovery-key')) as string;
    await expect(first.call('security:encrypt', 'a good long passphrase', 'WRONG')).rejects.toMatchObject({ code: 'invalid-input' });
    const again = (await first.call('security:new-recovery-key')) as string;
    expect(again).not.toBe(recoveryKey);
    const conversion = (await first.call('security:encrypt', 'a good long passphrase', again)) as { jobId: string };
    const status = await waitFor(first, conversion.jobId);
    expect(status).toMatchObject({ encrypted: true, locked: false, idleLockMinutes: 10 });
    expect(first.events.filter((e) => e.event === 'job:progress').length).toBeGreaterThan(0);
    expect(first.events).toContainEqual({ event: 'job:finished', payload: { jobId: conversion.jobId, kind: 'encrypt', status: 'finished' } });
    expect(((await first.call('documents:list', { patientId: patient.id })) as unknown[]).length).toBe(5);
    expect(plaintextFound(dir)).toEqual([]);

    // Locking drops the library: its channels refuse, plainly; the window is told.
    await first.call('security:lock');
    expect(first.events.at(-1)).toEqual({ event: 'security:locked', payload: {} });
    await expect(first.call('documents:list', { patientId: patient.id })).rejects.toMatchObject({ code: 'library-locked', message: expect.stringMatching(/locked.*passphrase/) });
    expect(await first.call('security:status')).toMatchObject({ encrypted: true, locked: true, idleLockMinutes: null });
    await first.backend.close();

    // The next start is locked until the passphrase (or the recovery key) opens it.
    const second = backendFor(dir);
    expect(await second.call('app:info')).toMatchObject({ libraryDir: dir });
    expect(await second.call('security:status')).toMatchObject({ encrypted: true, locked: true });
    await expect(second.call('patients:list')).rejects.toMatchObject({ code: 'library-locked' });
    await expect(second.call('security:unlock', { passphrase: 'a good long passphrasE' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await second.call('security:unlock', { recoveryKey: again })).toMatchObject({ locked: false });
    expect(((await second.call('patients:list')) as unknown[]).length).toBe(1);
    // What is written while the library is open goes through SQLite's journal (-wal): encrypted too.
    await second.call('patients:add', { name: 'Zebulon Quartermaine-Ashdown' });
    expect(fs.readdirSync(dir)).toContain('library.sqlite-wal');
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('library.sqlite'))) {
      expect(fs.readFileSync(path.join(dir, file)).includes('Quartermaine'), file).toBe(false);
    }

    // Changing the passphrase asks for the current one.
    await expect(second.call('security:change-passphrase', 'not it at all', 'another good passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await second.call('security:change-passphrase', 'a good long passphrase', 'another good passphrase');
    await second.call('security:lock');
    expect(await second.call('security:unlock', { passphrase: 'another good passphrase' })).toMatchObject({ locked: false });

    // Idle time and the backup reminder are the person's choice.
    expect(await second.call('security:settings', { idleLockMinutes: 5, backupReminderDays: 3 })).toMatchObject({ idleLockMinutes: 5, backupReminderDays: 3, backupDue: true });

    // Turning it off again asks for the passphrase, and leaves a plain library that is open.
    await expect(second.call('security:decrypt', 'wrong passphrase!')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const off = (await second.call('security:decrypt', 'another good passphrase')) as { jobId: string };
    expect(await waitFor(second, off.jobId)).toMatchObject({ encrypted: false, locked: false });
    expect(fs.existsSync(path.join(dir, 'keys.json'))).toBe(false);
    expect(((await second.call('documents:list', { patientId: patient.id })) as unknown[]).length).toBe(5);
  }, 240_000);

  it('keeps the key in the keychain only when it is a real secret store, and unlocks with it', async () => {
    const dir = path.join(tempDir(), 'library');
    const first = backendFor(dir, FAKE_KEYCHAIN);
    await first.call('patients:add', { name: 'Ada Keychain' });
    const recoveryKey = (await first.call('security:new-recovery-key')) as string;
    await waitFor(first, ((await first.call('security:encrypt', 'a good long passphrase', recoveryKey)) as { jobId: string }).jobId);
    expect(await first.call('security:keychain', true)).toMatchObject({ keychain: { stored: true, available: true } });
    await first.backend.close();

    const second = backendFor(dir, FAKE_KEYCHAIN);
    expect(await second.call('security:unlock', { keychain: true })).toMatchObject({ locked: false });
    expect(await second.call('security:keychain', false)).toMatchObject({ keychain: { stored: false } });
    await second.call('security:lock');
    await expect(second.call('security:unlock', { keychain: true })).rejects.toMatchObject({ code: 'not-found' });

    // Linux without a secret store: safeStorage's basic_text protects nothing, so it is not offered.
    const basic = safeStorageKeychain(
      { isAsyncEncryptionAvailable: async () => true, encryptStringAsync: async () => Buffer.alloc(0), decryptStringAsync: async () => ({ result: '', shouldReEncrypt: false }), getSelectedStorageBackend: () => 'basic_text' },
      'linux',
    );
    expect(await basic.status()).toMatchObject({ available: false, backend: 'basic_text', why: expect.stringMatching(/protects nothing/) });
    const third = backendFor(dir, basic);
    await third.call('security:unlock', { passphrase: 'a good long passphrase' });
    await expect(third.call('security:keychain', true)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/protects nothing/) });
  }, 240_000);

  it('a plain library never locks', async () => {
    const dir = path.join(tempDir(), 'library');
    const app = backendFor(dir);
    await expect(app.call('security:lock')).rejects.toMatchObject({ code: 'conflict' });
    await app.backend.lock();
    expect(await app.call('patients:list')).toEqual([]);
    expect(app.events.filter((e) => e.event === 'security:locked')).toEqual([]);
  });
});
