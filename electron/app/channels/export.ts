/** The export channels: the plan of a case's bundle, its folder, the preview, writing it, and showing what was written. */
import fs from 'node:fs';
import { todayIso as today } from '../../../shared/dates.ts';
import { CasebinderError } from '../../../shared/errors.ts';
import { said } from '../../../shared/said.ts';
import { exportPlan } from '../../export/plan.ts';
import { slice } from '../context.ts';
import type { AppContext } from '../context.ts';

export function exportChannels({ library, jobs, dialogs, shell }: AppContext) {
  /** A bundle this session wrote, checked to be still where it was written. */
  const written = async (jobId: string) => {
    const result = await jobs.exportResult(jobId);
    if (!fs.existsSync(result.packet)) {
      throw new CasebinderError('not-found', said('err.bundle-gone', { folder: result.folder }));
    }
    return result;
  };
  return slice({
    'export:plan': (caseId, language) => exportPlan(library, caseId, today(), language),
    'export:choose-folder': async () => {
      const folder = await dialogs.chooseExportFolder(library.settings.exportFolder());
      if (folder) library.settings.setExportFolder(folder);
      return folder;
    },
    'export:preview': (request) => ({ jobId: jobs.startPreview(request) }),
    'export:preview-info': (jobId) => jobs.previewInfo(jobId),
    'export:preview-read': (jobId, offset, length) => jobs.previewBytes(jobId, offset, length),
    'export:preview-discard': (jobId) => {
      jobs.discardPreview(jobId);
      return null;
    },
    'export:start': ({ password, ...request }) => {
      // Only a folder the person chose in the dialog: the window never names where files are written.
      const outDir = library.settings.exportFolder();
      if (!outDir) throw new CasebinderError('invalid-input', said('err.export-folder'));
      return { jobId: jobs.startExport({ ...request, outDir, password }) };
    },
    'export:running': (caseId) => {
      const job = jobs.runningExport(caseId);
      return job ? { jobId: job.id, progress: job.progress ?? null } : null;
    },
    'export:cancel': (jobId) => {
      jobs.cancel(jobId);
      return null;
    },
    'export:result': (jobId) => jobs.exportResult(jobId),
    'export:show': async (jobId) => {
      shell.showItemInFolder((await written(jobId)).packet);
      return null;
    },
    'export:open-packet': async (jobId) => {
      const { packet } = await written(jobId);
      const failed = await shell.openPath(packet);
      if (failed) throw new CasebinderError('not-found', said('err.packet-not-opened', { detail: failed, packet }));
      return null;
    },
  });
}
