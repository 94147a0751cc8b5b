import { todayIso } from '../../../shared/dates.ts';
import { CASE_STAGE_LABELS, filterClients, sortClients } from '../../../shared/practice.ts';
import type { PracticeClient, PracticeSort } from '../../../shared/practice.ts';
import { formatDate, plural } from '../../../shared/format.ts';
import { EXIT_OK, invalid } from '../common.ts';
import type { Command } from '../common.ts';
import { withLibrary } from '../session.ts';

const SORTS: readonly PracticeSort[] = ['name', 'status', 'activity'];

function clientText(c: PracticeClient): string {
  const head = `${c.patient.name}${c.patient.dateOfBirth ? ` (born ${formatDate(c.patient.dateOfBirth)})` : ''}: ${plural(c.documents, 'document')}` +
    `${c.lastActivity ? `, last activity ${formatDate(c.lastActivity.slice(0, 10))}` : ''}${c.closedCases ? `, ${plural(c.closedCases, 'case')} decided` : ''}`;
  const cases = c.cases.map((k) => {
    const parts = [CASE_STAGE_LABELS[k.status], k.openGaps ? `${plural(k.openGaps, 'gap')} in the checklist` : 'checklist complete'];
    if (k.overdueRequests) parts.push(`${plural(k.overdueRequests, 'records request')} overdue`);
    return `  #${k.id}  ${k.title}  (${parts.join('; ')}; last activity ${formatDate(k.lastActivity.slice(0, 10))})`;
  });
  return [head, ...(cases.length ? cases : ['  no open case'])].join('\n');
}

export const practice: Command = {
  names: ['practice'],
  usage: `
  practice [WORDS...] [--sort name|status|activity]
                                        every client with their open cases: where each stands,
                                        the checklist's gaps, overdue records requests, last activity`,
  options: ['sort'],
  run: (args, values) =>
    withLibrary(values, (library) => {
      const sort = (values.sort ?? 'name') as PracticeSort;
      if (!SORTS.includes(sort)) invalid(`"${values.sort}" is not a way to sort clients. Use --sort name, --sort status or --sort activity.`);
      const clients = sortClients(filterClients(library.practice(todayIso(library.now())), args.join(' ')), sort);
      const text = clients.length ? clients.map(clientText).join('\n\n') : args.length ? `No client matches "${args.join(' ')}".` : 'No clients yet. Add one: casebinder patient add NAME';
      return { json: clients, text, exit: EXIT_OK };
    }),
};
