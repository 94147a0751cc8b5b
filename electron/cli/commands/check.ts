import { EXIT_FAILURE, EXIT_OK } from '../common.ts';
import type { Command } from '../common.ts';
import { formatCheck } from '../format.ts';
import { withLibrary } from '../session.ts';

export const check: Command = {
  names: ['check'],
  usage: `
  check                                 verify the database and re-read every original`,
  options: ['events'],
  run: (_args, values) =>
    withLibrary(values, async (library) => {
      const report = await library.check({
        onProgress: (p) => {
          if (values.events) process.stderr.write(`${JSON.stringify({ event: 'progress', ...p })}\n`);
        },
      });
      return { json: report, text: formatCheck(report), exit: report.ok ? EXIT_OK : EXIT_FAILURE };
    }),
};
