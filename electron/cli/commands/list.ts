import { EXIT_OK } from '../common.ts';
import type { Command } from '../common.ts';
import { FILTER_OPTIONS, filtersFrom, parseLimit } from '../filters.ts';
import { formatDocuments } from '../format.ts';
import { documentJson } from '../json.ts';
import { withLibrary } from '../session.ts';

const USAGE = 'list [--patient NAME] [--type TYPE] [--from DATE] [--to DATE] [--facility TEXT] [--tag TAG] [--language CODE]';

export const list: Command = {
  names: ['list'],
  usage: `
  ${USAGE}`,
  options: FILTER_OPTIONS,
  run: (_args, values) =>
    withLibrary(values, (library) => {
      const docs = library.documents.list(filtersFrom(values, library, USAGE), { limit: parseLimit(values.limit, 100_000) });
      return { json: docs.map((d) => documentJson(d, library)), text: formatDocuments(docs), exit: EXIT_OK };
    }),
};
