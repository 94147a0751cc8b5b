import { Library } from '../../library/library.ts';
import { resolveLibraryDir } from '../../library/location.ts';
import { EXIT_OK } from '../common.ts';
import type { Command } from '../common.ts';

export const init: Command = {
  names: ['init'],
  usage: `
  init                                  create the library (default: your app-data folder)`,
  options: [],
  run: (_args, values) => {
    const dir = resolveLibraryDir(values.library);
    const existed = Library.exists(dir);
    const library = Library.open(dir, { create: true });
    library.close();
    return {
      json: { library: dir, created: !existed },
      text: existed ? `A library is already here: ${dir}` : `Created a new library in ${dir}`,
      exit: EXIT_OK,
    };
  },
};
