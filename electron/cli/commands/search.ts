import { DEFAULT_SEARCH_LIMIT } from '../../library/search.ts';
import { checked, EXIT_OK, invalid } from '../common.ts';
import type { Command } from '../common.ts';
import { FILTER_OPTIONS, filtersFrom, parseLimit } from '../filters.ts';
import { formatHits, styleFor } from '../format.ts';
import { hitJson } from '../json.ts';
import { withLibrary } from '../session.ts';

const USAGE = 'search QUERY... [filters as for list]';

export const search: Command = {
  names: ['search'],
  usage: `
  ${USAGE} full text of every page, best first`,
  options: FILTER_OPTIONS,
  run: (args, values) => {
    const query = args.join(' ');
    if (!query.trim()) invalid('Say what to search for, e.g. casebinder search "PSA, total"');
    return withLibrary(values, (library) => {
      const [checkedQuery, filters] = checked('search', [query, filtersFrom(values, library, USAGE)], { '0': 'The query' }, USAGE);
      const hits = library.search.search(checkedQuery, filters, parseLimit(values.limit, DEFAULT_SEARCH_LIMIT));
      return { json: hits.map(hitJson), text: formatHits(hits, styleFor(process.stdout)), exit: EXIT_OK };
    });
  },
};
