/**
 * The channels the back end answers itself, open library or not: what the app is; the lock (unlock by
 * passphrase, recovery key or the OS keychain; lock); turning encryption on and off; the passphrase;
 * backups. Encrypting or decrypting closes the library while it runs and opens it again after.
 */
import { CasebinderError } from '../../../shared/errors.ts';
import { said } from '../../../shared/said.ts';
import type { AppEvents } from '../../../shared/ipc-contract.ts';
import type { KeychainStatus, SecurityStatus } from '../../../shared/security-types.ts';
import type { Job } from '../../jobs/job.ts';
import { startBackup, startVerify } from '../../library/backup.ts';
import { startConversion } from '../../library/encryption.ts';
import type { ConvertResult } from '../../library/encryption.ts';
import type { EncryptionProgress } from '../../../shared/encryption-types.ts';
import type { LibraryKey } from '../../library/keyring.ts';
import { changePassphrase, forgetKeychain, isEncrypted, keepInKeychain, keychainData, keyFromText, keyText, newRecoveryKey, unlock } from '../../library/keyring.ts';
import type { BackendChannel, Handler, LockHost } from '../context.ts';

const DAY = 24 * 60 * 60 * 1000;

type JobKind = 'encrypt' | 'decrypt' | 'backup';
type Progress = AppEvents['job:progress'];

export function securityChannels(backend: LockHost): { readonly [C in BackendChannel]: Handler<C> } {
  const { options } = backend;
  const dir = options.libraryDir;
  const jobs = new Map<string, { cancel: () => void; done: Promise<unknown> }>();
  let pendingRecoveryKey: string | null = null;

  function follow<P, R>(kind: JobKind, job: Job<P, R>, done: Promise<unknown>): { jobId: string } {
    jobs.set(job.id, { cancel: () => job.cancel(), done });
    job.onProgress((progress) => options.emit('job:progress', { jobId: job.id, kind, progress } as Progress));
    void done.then(
      () => options.emit('job:finished', { jobId: job.id, kind, status: job.status === 'cancelled' ? 'cancelled' : 'finished' }),
      () => options.emit('job:finished', { jobId: job.id, kind, status: job.status === 'cancelled' ? 'cancelled' : 'failed' }),
    );
    return { jobId: job.id };
  }

  function running(jobId: string) {
    const found = jobs.get(jobId);
    if (!found) throw new CasebinderError('not-found', said('err.job-gone', { restarted: 'no' }));
    return found;
  }

  /**
   * Closes the library, converts it in a job the window follows, and opens it again with the key it then
   * needs (whatever the job's end: finished, cancelled or failed). Resolves once the job has started.
   */
  function convertInBackground(kind: 'encrypt' | 'decrypt', start: () => Job<EncryptionProgress, ConvertResult>, reopen: () => Promise<LibraryKey | null>): Promise<{ jobId: string }> {
    return new Promise((resolve, reject) => {
      const done: Promise<unknown> = backend.withLibraryClosed(kind === 'encrypt' ? 'encrypted' : 'decrypted', async () => {
        const job = start();
        resolve(follow(kind, job, done));
        return job.result;
      }, reopen);
      // Before the job started (the library could not be closed): the window hears why. After, the job tells.
      done.catch(reject);
    });
  }

  async function keychain(): Promise<KeychainStatus> {
    const stored = isEncrypted(dir) && keychainData(dir) !== null;
    if (!options.keychain) return { stored, available: false, backend: 'none', why: 'This build of Casebinder has no access to the system keychain.' };
    return { stored, ...(await options.keychain.status()) };
  }

  async function status(): Promise<SecurityStatus> {
    const settings = backend.locked ? null : backend.library.settings;
    const lastBackup = settings?.lastBackup() ?? null;
    const days = settings?.backupReminderDays() ?? null;
    const due =
      days !== null && days > 0 && (lastBackup ? backend.library.now().getTime() - Date.parse(lastBackup.at) > days * DAY : backend.library.documents.count() > 0);
    return {
      encrypted: isEncrypted(dir),
      locked: backend.locked,
      keychain: await keychain(),
      idleLockMinutes: settings && isEncrypted(dir) ? settings.idleLockMinutes() : null,
      lastBackup,
      backupReminderDays: days,
      backupDue: due,
    };
  }

  function mustBeEncrypted(): void {
    if (!isEncrypted(dir)) throw new CasebinderError('conflict', said('err.not-encrypted'));
  }

  return {
    'app:info': () => ({ version: options.version, libraryDir: dir, platform: process.platform }),
    'security:status': status,
    'security:unlock': async (request) => {
      if (!backend.locked) return status();
      mustBeEncrypted();
      if ('keychain' in request) {
        const data = keychainData(dir);
        if (!data || !options.keychain) throw new CasebinderError('not-found', said('err.keychain-none'));
        const key = keyFromText(await options.keychain.decrypt(data));
        if (!key) throw new CasebinderError('library-damaged', said('err.keychain-wrong'));
        await backend.unlockWith(key);
      } else {
        await backend.unlockWith(await unlock(dir, request));
      }
      return status();
    },
    'security:lock': async () => {
      mustBeEncrypted();
      await backend.lock();
      return null;
    },
    'security:new-recovery-key': () => {
      if (isEncrypted(dir)) throw new CasebinderError('conflict', said('err.encrypted-has-key'));
      pendingRecoveryKey = newRecoveryKey();
      return pendingRecoveryKey;
    },
    'security:encrypt': (passphrase, recoveryKey) => {
      if (isEncrypted(dir)) throw new CasebinderError('conflict', said('err.encrypted-already'));
      if (!pendingRecoveryKey || recoveryKey !== pendingRecoveryKey) throw new CasebinderError('invalid-input', said('err.recovery-key-changed'));
      pendingRecoveryKey = null;
      return convertInBackground(
        'encrypt',
        () => startConversion({ dir, from: null, passphrase, recoveryKey }),
        async () => (isEncrypted(dir) ? unlock(dir, { passphrase }) : null),
      );
    },
    'security:decrypt': async (passphrase) => {
      mustBeEncrypted();
      const key = await unlock(dir, { passphrase });
      return convertInBackground(
        'decrypt',
        () => startConversion({ dir, from: { key }, passphrase: null }),
        async () => (isEncrypted(dir) ? key : null),
      );
    },
    'security:conversion-result': async (jobId) => {
      await running(jobId).done;
      jobs.delete(jobId);
      return status();
    },
    'security:cancel': (jobId) => {
      jobs.get(jobId)?.cancel();
      return null;
    },
    'security:change-passphrase': async (current, next) => {
      mustBeEncrypted();
      const key = await unlock(dir, { passphrase: current });
      await changePassphrase(dir, key, next);
      return null;
    },
    'security:keychain': async (keep) => {
      mustBeEncrypted();
      const key = backend.library.key!;
      if (!keep) await forgetKeychain(dir);
      else {
        const found = await keychain();
        if (!found.available || !options.keychain) throw new CasebinderError('conflict', said('err.keychain-unsafe', { why: found.why ?? 'it is not available' }));
        await keepInKeychain(dir, found.backend, await options.keychain.encrypt(keyText(key)));
      }
      return status();
    },
    'security:settings': async (change) => {
      const { settings } = backend.library;
      if (change.idleLockMinutes !== undefined) settings.setIdleLockMinutes(change.idleLockMinutes);
      if (change.backupReminderDays !== undefined) settings.setBackupReminderDays(change.backupReminderDays);
      return status();
    },
    'backup:choose-folder': () => options.dialogs.chooseBackupFolder(backend.library.settings.lastBackup()?.to ?? null),
    'backup:start': (to, password) => {
      const job = startBackup(backend.library, to, { password: password ?? null });
      return follow('backup', job, job.result);
    },
    'backup:cancel': (jobId) => {
      jobs.get(jobId)?.cancel();
      return null;
    },
    'backup:result': async (jobId) => {
      const result = (await running(jobId).done) as Awaited<ReturnType<typeof startBackup>['result']>;
      jobs.delete(jobId);
      return { to: result.to, createdAt: result.createdAt, originals: result.originals, copied: result.copied, bytesCopied: result.bytesCopied, recoveryKey: result.recoveryKey };
    },
    'backup:verify': async (from) => {
      const report = await startVerify(from).result;
      return { ok: report.ok, createdAt: report.createdAt, filesVerified: report.filesVerified, problems: report.problems };
    },
  };
}
