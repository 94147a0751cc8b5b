import { EXIT_OK } from '../common.ts';
import type { Command } from '../common.ts';
import { withLibrary } from '../session.ts';

export const undo: Command = {
  names: ['undo'],
  usage: `
  undo [list]                           undo the newest move, merge, edit, delete or "mine"
                                        (until the trash is emptied)`,
  options: [],
  run: (args, values) =>
    withLibrary(values, (library) => {
      if (args[0] === 'list') {
        const history = library.corrections.history();
        return { json: history, text: history.length ? history.map((c) => `${c.at.slice(0, 16).replace('T', ' ')}  ${c.description}`).join('\n') : 'Nothing to undo.', exit: EXIT_OK };
      }
      const undone = library.corrections.undo();
      return { json: undone, text: `Undone: ${undone.description}.`, exit: EXIT_OK };
    }),
};
