/** Backups from the terminal: making one (incremental), verifying one, and restoring one elsewhere. */
import path from 'node:path';
import type { BackupProgress } from '../../../shared/backup-types.ts';
import { CasebinderError } from '../../../shared/errors.ts';
import { readManifest, startBackup, startRestore, startVerify } from '../../library/backup.ts';
import { EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, invalid, readSecretFile } from '../common.ts';
import type { Command, Output, Values } from '../common.ts';
import { recoveryKeyText } from '../format.ts';
import { follow, passphraseFile, withLibrary } from '../session.ts';
import type { Job } from '../../jobs/job.ts';
import type { Secret } from '../../library/keyring.ts';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

const progress = {
  event: (p: BackupProgress) => ({ event: 'progress', ...p }),
  line: (p: BackupProgress) => (p.phase === 'database' || p.phase === 'finishing' ? null : `${p.phase === 'originals' ? 'Originals' : p.phase === 'restoring' ? 'Restoring' : 'Verifying'}: ${p.done} of ${p.total} (${mb(p.bytesDone)} of ${mb(p.bytesTotal)})`),
};

async function run<R>(job: Job<BackupProgress, R>, values: Values, done: (result: R) => Output): Promise<Output> {
  try {
    return done(await follow(job, values, progress));
  } catch (error) {
    if (job.status === 'cancelled') return { json: { cancelled: true }, text: 'Cancelled. Nothing was changed; the previous backup is as it was.', exit: EXIT_CANCELLED };
    throw error;
  }
}

export const backup: Command = {
  names: ['backup'],
  usage: `
  backup --to DIR [--password-file F]   back the whole library up into DIR (a folder on another
                                        drive): the database and every original, with a manifest
                                        of fingerprints; again into DIR copies only what changed.
                                        Encrypted when the library is; --password-file: a library
                                        that is not encrypted gets an encrypted backup all the same
  backup verify DIR                     re-read a backup against its manifest`,
  options: ['to', 'events', 'password-file'],
  run: async (args, values) => {
    if (args[0] === 'verify') {
      if (!args[1] || args.length > 2) invalid('Say which backup to verify: casebinder backup verify DIR');
      return run(startVerify(args[1]), values, (report) => ({
        json: report,
        text: report.ok
          ? `The backup of ${report.createdAt} is sound: ${report.filesVerified} file(s) re-read and matched their fingerprints (${report.contents.documents} document(s), ${report.contents.cases} case(s)${report.encrypted ? ', encrypted' : ''}).`
          : `The backup has problems:\n${report.problems.map((p) => `  - ${p}`).join('\n')}\nMake a new backup into another folder.`,
        exit: report.ok ? EXIT_OK : EXIT_FAILURE,
      }));
    }
    if (args.length) invalid(`"backup ${args[0]}" is not a backup command. Use: casebinder backup --to DIR, or casebinder backup verify DIR`);
    return withLibrary(values, (library) => {
      const to = values.to ?? library.settings.lastBackup()?.to;
      if (!to) invalid('Say where to back up: --to DIR (a folder on another drive; later backups into it copy only what changed).');
      const password = values['password-file'] ? readSecretFile(values['password-file'], 'password') : null;
      return run(startBackup(library, path.resolve(to), { password }), values, (result) => ({
        json: result,
        text:
          `Backed up ${result.contents.documents} document(s) and ${result.originals} original file(s) into ${result.to}: ` +
          (result.copied === result.originals ? `all copied (${mb(result.bytesCopied)}).` : `${result.copied} new or changed (${mb(result.bytesCopied)}) copied; the other ${result.originals - result.copied} were there already.`) +
          (result.recoveryKey ? `\n\nThe backup is encrypted with your password. ${recoveryKeyText(result.recoveryKey).replace('only this key opens the library', 'only this key opens the backup')}` : ''),
        exit: EXIT_OK,
      }));
    });
  },
};

function restoreSecret(from: string, values: Values): Secret | null {
  const manifest = readManifest(from);
  if (!manifest.encrypted) return null;
  if (values['recovery-key-file']) return { recoveryKey: readSecretFile(values['recovery-key-file'], 'recovery key') };
  if (manifest.password) {
    if (!values['password-file']) throw new CasebinderError('library-locked', 'This backup is protected by a password. Give it in a file: --password-file F (or its recovery key: --recovery-key-file F).');
    return { passphrase: readSecretFile(values['password-file'], 'password') };
  }
  const file = passphraseFile(values);
  if (!file) throw new CasebinderError('library-locked', 'This backup is of an encrypted library. Give its passphrase in a file: --passphrase-file F (or CASEBINDER_PASSPHRASE_FILE), or its recovery key: --recovery-key-file F.');
  return { passphrase: readSecretFile(file, 'passphrase') };
}

export const restore: Command = {
  names: ['restore'],
  usage: `
  restore --from DIR --library NEWDIR   rebuild the library backed up in DIR as a new library in
                                        NEWDIR, and prove it equal (every original re-read, the
                                        same documents and cases); an encrypted backup opens with
                                        --passphrase-file F, --password-file F or
                                        --recovery-key-file F`,
  options: ['from', 'events', 'recovery-key-file', 'password-file'],
  run: async (args, values) => {
    if (args.length) invalid('restore takes no arguments: casebinder restore --from DIR --library NEWDIR');
    if (!values.from) invalid('Say which backup to restore: --from DIR');
    if (!values.library) invalid('Say where the restored library goes: --library NEWDIR (a new, empty folder).');
    const from = path.resolve(values.from);
    return run(startRestore(from, path.resolve(values.library), restoreSecret(from, values)), values, (result) => ({
      json: result,
      text: `Restored the backup of ${result.createdAt} into ${result.library}: ${result.documents} document(s), ${result.originals} original file(s) re-read and matched, ${result.cases} case(s); the same as when it was backed up.`,
      exit: EXIT_OK,
    }));
  },
};
