import { createEncryptedLibrary } from '../../library/encryption.ts';
import { Library } from '../../library/library.ts';
import { resolveLibraryDir } from '../../library/location.ts';
import { EXIT_OK, invalid, readSecretFile } from '../common.ts';
import type { Command } from '../common.ts';
import { recoveryKeyText } from '../format.ts';
import { passphraseFile } from '../session.ts';

export const init: Command = {
  names: ['init'],
  usage: `
  init [--encrypt]                      create the library (default: your app-data folder);
                                        --encrypt: encrypted with the passphrase in
                                        --passphrase-file F (prints a one-time recovery key)`,
  options: ['encrypt'],
  run: async (_args, values) => {
    const dir = resolveLibraryDir(values.library);
    const existed = Library.exists(dir);
    if (values.encrypt) {
      if (existed) invalid(`A library is already in ${dir}. To encrypt it, run: casebinder encrypt --passphrase-file F`);
      const file = passphraseFile(values);
      if (!file) invalid('Say which passphrase encrypts the library: --passphrase-file F (or set CASEBINDER_PASSPHRASE_FILE). The file\'s first line is the passphrase.');
      const { library, recoveryKey } = await createEncryptedLibrary(dir, readSecretFile(file, 'passphrase'));
      library.close();
      return {
        json: { library: dir, created: true, encrypted: true, recoveryKey },
        text: `Created a new encrypted library in ${dir}\n\n${recoveryKeyText(recoveryKey)}`,
        exit: EXIT_OK,
      };
    }
    const library = Library.open(dir, { create: true });
    library.close();
    return {
      json: { library: dir, created: !existed, encrypted: false },
      text: existed ? `A library is already here: ${dir}` : `Created a new library in ${dir}`,
      exit: EXIT_OK,
    };
  },
};
