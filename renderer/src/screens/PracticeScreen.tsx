import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { SPECIALTY_LABELS } from '../../../shared/case-types.ts';
import { CASE_STAGE_LABELS, CASE_STAGES, filterClients, sortClients } from '../../../shared/practice.ts';
import type { CaseStage, PracticeCase, PracticeClient, PracticeSort } from '../../../shared/practice.ts';
import { plural } from '../../../shared/format.ts';
import { invoke } from '../api.ts';
import { preference, setPreference } from '../cache.ts';
import { formatDate } from '../format.ts';
import { useLoaded } from '../loaded.ts';
import type { Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import './PracticeScreen.css';

const SORT_LABELS: Readonly<Record<PracticeSort, string>> = { name: 'Name', status: 'Where the case stands', activity: 'Last activity' };

/** When something last happened, as a person says it: "today", "3 days ago", else the date. */
function whenText(iso: string | null, today = new Date()): string {
  if (!iso) return 'nothing yet';
  const days = Math.floor((today.getTime() - Date.parse(iso)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return formatDate(iso.slice(0, 10));
}

/**
 * An advocate's practice: every client with their open cases, where each stands, what its checklist
 * still misses, records requests overdue and the last activity; found by typing, sorted, filtered by stage.
 */
export function PracticeScreen({ libraryVersion, onOpen, onError }: { libraryVersion: number; onOpen: (patientId: number, route: Route) => void; onError: (m: string) => void }) {
  const clients = useLoaded(() => invoke('practice:overview'), [libraryVersion, onError], onError);
  const [query, setQuery] = useState('');
  const typed = useDeferredValue(query);
  const [sort, setSort] = useState<PracticeSort>('name');
  const [stage, setStage] = useState<CaseStage | 'any'>('any');
  useEffect(() => {
    // The order the person chose last time.
    void preference<PracticeSort>('practiceSort', 'name').then(setSort);
  }, []);

  const shown = useMemo(() => {
    if (!clients) return null;
    const staged = stage === 'any' ? clients : clients.filter((c) => c.cases.some((k) => k.status === stage)).map((c) => ({ ...c, cases: c.cases.filter((k) => k.status === stage) }));
    return sortClients(filterClients(staged, typed), sort);
  }, [clients, typed, sort, stage]);

  useLayoutEffect(() => {
    // For the bench: when the clients are on screen.
    if (clients) requestAnimationFrame(() => performance.mark('casebinder:practice-rendered'));
  }, [clients]);

  const openCases = clients?.reduce((n, c) => n + c.cases.length, 0) ?? 0;
  const overdue = clients?.reduce((n, c) => n + c.cases.reduce((m, k) => m + k.overdueRequests, 0), 0) ?? 0;

  return (
    <div className="record-screen practice">
      <ScreenHeader
        back={{ href: '#/', label: 'Library' }}
        title="Clients"
        subtitle={clients ? `${plural(clients.length, 'client')} · ${plural(openCases, 'open case')}${overdue ? ` · ${plural(overdue, 'records request')} overdue` : ''}` : 'Loading…'}
      />
      <main className="record-body" aria-label="Clients">
        <div className="practice-controls" role="search">
          <label>
            Find a client or case
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Müller, or knee" autoComplete="off" spellCheck={false} autoFocus />
          </label>
          <label>
            Stage
            <select value={stage} onChange={(e) => setStage(e.target.value as CaseStage | 'any')}>
              <option value="any">Any open case</option>
              {CASE_STAGES.filter((s) => s !== 'decided').map((s) => (
                <option key={s} value={s}>
                  {CASE_STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Sort by
            <select
              value={sort}
              onChange={(e) => {
                const next = e.target.value as PracticeSort;
                setSort(next);
                void setPreference('practiceSort', next);
              }}
            >
              {(Object.keys(SORT_LABELS) as PracticeSort[]).map((s) => (
                <option key={s} value={s}>
                  {SORT_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {shown === null ? (
          <p role="status">Loading clients…</p>
        ) : shown.length === 0 ? (
          <p className="empty" role="status">
            {clients!.length === 0 ? 'No clients yet.' : `No client matches${typed.trim() ? ` “${typed.trim()}”` : ''}${stage !== 'any' ? ` with a case ${CASE_STAGE_LABELS[stage].toLowerCase()}` : ''}.`}
          </p>
        ) : (
          <table className="practice-table">
            <caption className="visually-hidden">Clients and their open cases, sorted by {SORT_LABELS[sort].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Open cases</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <ClientRow key={c.patient.id} client={c} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
        )}
      </main>
    </div>
  );
}

function ClientRow({ client: c, onOpen }: { client: PracticeClient; onOpen: (patientId: number, route: Route) => void }) {
  return (
    <tr>
      <th scope="row">
        <button type="button" className="link client-name" onClick={() => onOpen(c.patient.id, { name: 'library' })}>
          {c.patient.name}
        </button>
        <small>
          {c.patient.dateOfBirth ? `born ${formatDate(c.patient.dateOfBirth)} · ` : ''}
          {plural(c.documents, 'document')}
          {c.closedCases ? ` · ${plural(c.closedCases, 'case')} decided` : ''}
        </small>
      </th>
      <td>
        {c.cases.length === 0 ? (
          <span className="muted">
            No open case ·{' '}
            <button type="button" className="link" onClick={() => onOpen(c.patient.id, { name: 'cases' })}>
              start one
            </button>
          </span>
        ) : (
          <ul className="practice-cases">
            {c.cases.map((k) => (
              <CaseLine key={k.id} item={k} onOpen={() => onOpen(c.patient.id, { name: 'case', id: k.id })} />
            ))}
          </ul>
        )}
      </td>
      <td className="practice-when">{whenText(c.lastActivity)}</td>
    </tr>
  );
}

function CaseLine({ item: k, onOpen }: { item: PracticeCase; onOpen: () => void }) {
  const [showGaps, setShowGaps] = useState(false);
  return (
    <li>
      <button type="button" className="link" onClick={onOpen}>
        {k.title}
      </button>
      <span className="practice-case-facts">
        <span className={`badge stage-${k.status}`}>{CASE_STAGE_LABELS[k.status]}</span>
        {k.openGaps === 0 && <span className="badge badge-ok">Checklist complete</span>}
        {k.overdueRequests > 0 && <span className="badge badge-alert">{plural(k.overdueRequests, 'request')} overdue</span>}
        <small>
          {SPECIALTY_LABELS[k.specialty]} · {whenText(k.lastActivity)}
        </small>
      </span>
      {k.openGaps > 0 && (
        <details className="practice-gaps" onToggle={(e) => setShowGaps(e.currentTarget.open)}>
          <summary>{plural(k.openGaps, 'gap')} in the checklist</summary>
          {/* Drawn when opened: two hundred cases' gaps are not laid out for nothing. */}
          {showGaps && (
            <ul>
              {k.gaps.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          )}
        </details>
      )}
    </li>
  );
}
