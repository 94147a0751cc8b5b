import { EXIT_OK } from '../common.ts';
import type { Command } from '../common.ts';
import { withLibrary } from '../session.ts';

export const trash: Command = {
  names: ['trash'],
  usage: `
  trash [--empty]                       what is in the trash; --empty removes it for good`,
  options: ['empty'],
  run: (_args, values) =>
    withLibrary(values, async (library) => {
      if (values.empty) {
        const report = await library.corrections.emptyTrash();
        return {
          json: report,
          text: report.removed
            ? `Removed ${report.removed} document(s) for good, and ${report.filesRemoved} original file(s) no other document used. What was done before can no longer be undone.`
            : 'The trash is empty.',
          exit: EXIT_OK,
        };
      }
      const docs = library.corrections.inTrash();
      return {
        json: docs.map((d) => ({ id: d.id, title: d.title, patientId: d.patientId, deletedAt: d.deletedAt, removedAfter: d.removedAfter })),
        text: docs.length
          ? [...docs.map((d) => `#${d.id}  ${d.title}  (in the trash since ${d.deletedAt!.slice(0, 10)}; removed for good after ${d.removedAfter})`), 'Restore with: casebinder document restore ID; empty it with: casebinder trash --empty'].join('\n')
          : 'The trash is empty.',
        exit: EXIT_OK,
      };
    }),
};
