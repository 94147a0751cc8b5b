/** The shell channels: opening a web link in the person's browser once they agree; printing the window; the window's language. */
import { CasebinderError } from '../../../shared/errors.ts';
import { said } from '../../../shared/said.ts';
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';
import { mayOpenExternally } from '../links.ts';

export function shellChannels({ dialogs, shell }: AppContext) {
  return slice({
    'shell:open-external': async (url) => {
      if (!mayOpenExternally(url)) throw new CasebinderError('invalid-input', said('err.web-links'));
      if (!(await dialogs.confirmExternalLink(url))) return false;
      await shell.openExternal(url);
      return true;
    },
    'shell:print': () => shell.printWindow(),
    'shell:window-language': (language, chosen) => {
      shell.windowLanguage(language, chosen);
      return null;
    },
  });
}
