/** Encryption at rest from the terminal: turning it on or off, and changing the passphrase. */
import { startConversion } from '../../library/encryption.ts';
import { changePassphrase, checkNewPassphrase, unlock } from '../../library/keyring.ts';
import { Library } from '../../library/library.ts';
import { resolveLibraryDir } from '../../library/location.ts';
import { EXIT_CANCELLED, EXIT_OK, invalid, readSecretFile } from '../common.ts';
import type { Command, Values } from '../common.ts';
import { recoveryKeyText } from '../format.ts';
import { follow, passphraseFile, secretFor } from '../session.ts';
import { CasebinderError } from '../../../shared/errors.ts';
import type { EncryptionProgress } from '../../../shared/encryption-types.ts';

const MB = 1024 * 1024;

function existing(values: Values): string {
  const dir = resolveLibraryDir(values.library);
  if (!Library.exists(dir)) throw new CasebinderError('library-missing', `There is no Casebinder library in ${dir} yet.`);
  return dir;
}

const progress = {
  event: (p: EncryptionProgress) => ({ event: 'progress', ...p }),
  line: (p: EncryptionProgress) =>
    p.phase === 'originals'
      ? `Originals: ${p.done} of ${p.total} (${Math.round(p.bytesDone / MB)} of ${Math.round(p.bytesTotal / MB)} MB)`
      : p.phase === 'database'
        ? 'The database…'
        : 'Switching over…',
};

async function convert(values: Values, encrypting: boolean) {
  const dir = existing(values);
  let passphrase: string | null = null;
  if (encrypting) {
    const file = passphraseFile(values);
    if (!file) invalid('Say which passphrase encrypts the library: --passphrase-file F (or set CASEBINDER_PASSPHRASE_FILE). The file\'s first line is the passphrase.');
    passphrase = readSecretFile(file, 'passphrase');
    checkNewPassphrase(passphrase);
  }
  const job = startConversion({ dir, from: encrypting ? null : secretFor(dir, values), passphrase });
  try {
    const result = await follow(job, values, progress);
    const done = `${result.originals} original(s), ${Math.round(result.bytes / MB)} MB, and the database`;
    return {
      json: { library: dir, ...result },
      text: encrypting ? `Encrypted the library in ${dir}: ${done}.\n\n${recoveryKeyText(result.recoveryKey!)}` : `Decrypted the library in ${dir}: ${done}. It now opens without a passphrase.`,
      exit: EXIT_OK,
    };
  } catch (error) {
    if (error instanceof CasebinderError && error.code === 'cancelled') return { json: { cancelled: true }, text: error.message, exit: EXIT_CANCELLED };
    throw error;
  }
}

export const encrypt: Command = {
  names: ['encrypt'],
  usage: `
  encrypt                               encrypt an existing library with the passphrase in
                                        --passphrase-file F (prints a one-time recovery key)`,
  options: ['events'],
  run: (_args, values) => convert(values, true),
};

export const decrypt: Command = {
  names: ['decrypt'],
  usage: `
  decrypt                               store the library unencrypted again (opened with
                                        --passphrase-file F or --recovery-key-file R)`,
  options: ['events', 'recovery-key-file'],
  run: (_args, values) => convert(values, false),
};

export const passphrase: Command = {
  names: ['passphrase'],
  usage: `
  passphrase change --new-passphrase-file N
                                        a new passphrase (opened with --passphrase-file F or
                                        --recovery-key-file R); no document is rewritten`,
  options: ['new-passphrase-file', 'recovery-key-file'],
  run: async (args, values) => {
    if (args[0] !== 'change' || args.length !== 1) invalid('Say what to do: casebinder passphrase change --new-passphrase-file N');
    const dir = existing(values);
    if (!values['new-passphrase-file']) invalid('Say where the new passphrase is: --new-passphrase-file N (its first line).');
    const next = readSecretFile(values['new-passphrase-file'], 'new passphrase');
    checkNewPassphrase(next);
    const secret = secretFor(dir, values);
    if (!secret) throw new CasebinderError('conflict', `The library in ${dir} is not encrypted, so it has no passphrase. To encrypt it: casebinder encrypt --passphrase-file F`);
    await changePassphrase(dir, await unlock(dir, secret), next);
    return { json: { library: dir, changed: true }, text: `The library's passphrase is changed. The recovery key still works.`, exit: EXIT_OK };
  },
};
