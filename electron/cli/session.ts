/** What a command opens and must close: the library, worker threads; and following a long job in the terminal. */
import { CasebinderError } from '../../shared/errors.ts';
import { readStatedPatientsOfOlderDocuments } from '../import/stated-patients.ts';
import type { Job } from '../jobs/job.ts';
import { Library } from '../library/library.ts';
import { resolveLibraryDir } from '../library/location.ts';
import { WorkerPool } from '../workers/pool.ts';
import { readSecretFile } from './common.ts';
import type { Values } from './common.ts';
import { isEncrypted, unlock } from '../library/keyring.ts';
import type { Secret } from '../library/keyring.ts';

/** The passphrase file named by --passphrase-file, or by CASEBINDER_PASSPHRASE_FILE. */
export function passphraseFile(values: Values): string | null {
  return values['passphrase-file'] ?? (process.env.CASEBINDER_PASSPHRASE_FILE || null);
}

/** What opens the library in `dir`: nothing when it is plain, else the passphrase (or recovery key) from its file. */
export function secretFor(dir: string, values: Values): Secret | null {
  if (!isEncrypted(dir)) return null;
  if (values['recovery-key-file']) return { recoveryKey: readSecretFile(values['recovery-key-file'], 'recovery key') };
  const file = passphraseFile(values);
  if (!file) {
    throw new CasebinderError(
      'library-locked',
      `The library in ${dir} is encrypted. Give its passphrase in a file: --passphrase-file F, or set CASEBINDER_PASSPHRASE_FILE=F (a passphrase is never taken on the command line, where others could see it).`,
    );
  }
  return { passphrase: readSecretFile(file, 'passphrase') };
}

export async function openLibrary(values: Values, create = false): Promise<Library> {
  const dir = resolveLibraryDir(values.library);
  try {
    const secret = secretFor(dir, values);
    const library = Library.open(dir, { create, key: secret ? await unlock(dir, secret) : null });
    // A library from before names were read: what its documents say about whose they are, once.
    readStatedPatientsOfOlderDocuments(library);
    return library;
  } catch (error) {
    if (error instanceof CasebinderError && error.code === 'library-missing') {
      const where = values.library ? ` --library "${values.library}"` : '';
      throw new CasebinderError('library-missing', `${error.message} Create one with: casebinder${where} init`);
    }
    throw error;
  }
}

/** Opens the library for one command and closes it whatever happens. */
export async function withLibrary<T>(values: Values, use: (library: Library) => T | Promise<T>): Promise<T> {
  const library = await openLibrary(values);
  try {
    return await use(library);
  } finally {
    library.close();
  }
}

/** Worker threads for one command, ended whatever happens. */
export async function withWorkers<T>(use: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool();
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/**
 * Waits for a job, showing its progress: JSON lines on stderr with --events, else a line that
 * rewrites itself when stderr is a terminal (never with --json). Ctrl-C cancels the job, which
 * leaves everything as it was or finished.
 */
export async function follow<P, R>(job: Job<P, R>, values: Values, show: { readonly event: (p: P) => object; readonly line: (p: P) => string | null }): Promise<R> {
  const showBar = !values.json && !values.events && process.stderr.isTTY;
  job.onProgress((p) => {
    if (values.events) process.stderr.write(`${JSON.stringify(show.event(p))}\n`);
    else if (showBar) {
      const line = show.line(p);
      if (line !== null) process.stderr.write(`\r${line}`);
    }
  });
  const onInterrupt = () => job.cancel();
  process.once('SIGINT', onInterrupt);
  try {
    return await job.result;
  } finally {
    process.off('SIGINT', onInterrupt);
    if (showBar) process.stderr.write('\n');
  }
}
