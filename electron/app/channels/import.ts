/** The import channels: choosing files, starting, cancelling and collecting an import (the job tells the window when it changes the library). */
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';

export function importChannels({ dialogs, jobs, chosen }: AppContext) {
  return slice({
    'import:choose': async (kind) => {
      const paths = await dialogs.chooseImport(kind);
      chosen.choose(...paths);
      return paths;
    },
    'import:start': (paths, patientId) => {
      chosen.check(paths);
      return { jobId: jobs.startImport({ paths, patientId }) };
    },
    'import:cancel': (jobId) => {
      jobs.cancel(jobId);
      return null;
    },
    'import:result': (jobId) => jobs.result(jobId),
  });
}
