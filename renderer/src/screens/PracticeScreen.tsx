import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { CASE_STAGES, filterClients, sortClients } from '../../../shared/practice.ts';
import type { CaseStage, PracticeCase, PracticeClient, PracticeSort } from '../../../shared/practice.ts';
import { invoke } from '../api.ts';
import { preference, setPreference } from '../cache.ts';
import { formatDate } from '../format.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import { useLoaded } from '../loaded.ts';
import type { Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import './PracticeScreen.css';

const SORTS: readonly PracticeSort[] = ['name', 'status', 'activity'];
/**
 * Clients drawn at first: more than the tallest window shows. The rest follow in steps, a frame
 * apart, so a practice of a hundred clients is on screen as soon as its first rows are laid out
 * (laying out all of them at once took most of the view's time) and stays responsive while the rest come.
 */
const FIRST_ROWS = 25;
const MORE_ROWS = 25;
/** When something last happened, as a person says it: "today", "3 days ago", else the date. */
function whenText(iso: string | null, today = new Date()): string {
  const { t } = currentTranslator();
  if (!iso) return t('practice.nothingYet');
  const days = Math.floor((today.getTime() - Date.parse(iso)) / 86_400_000);
  if (days < 14) return t('practice.daysAgo', { days: Math.max(0, days) });
  return formatDate(iso.slice(0, 10));
}

/**
 * An advocate's practice: every client with their open cases, where each stands, what its checklist
 * still misses, records requests overdue and the last activity; found by typing, sorted, filtered by stage.
 */
export function PracticeScreen({ libraryVersion, onOpen, onError }: { libraryVersion: number; onOpen: (patientId: number, route: Route) => void; onError: (m: string) => void }) {
  const { t, language } = useT();
  // The checklist's gaps in the window's language: asked for again when it changes.
  const clients = useLoaded(() => invoke('practice:overview', language), [libraryVersion, onError, language], onError);
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

  const [drawn, setDrawn] = useState(FIRST_ROWS);
  useEffect(() => {
    if (!shown || drawn >= shown.length) return;
    // After the frame that shows what is drawn: then the next rows.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setDrawn((n) => n + MORE_ROWS));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, drawn]);

  useLayoutEffect(() => {
    // For the bench: when the clients are on screen.
    if (clients) requestAnimationFrame(() => performance.mark('casebinder:practice-rendered'));
  }, [clients]);

  const openCases = clients?.reduce((n, c) => n + c.cases.length, 0) ?? 0;
  const overdue = clients?.reduce((n, c) => n + c.cases.reduce((m, k) => m + k.overdueRequests, 0), 0) ?? 0;
  return (
    <div className="record-screen practice">
      <ScreenHeader
        back={{ href: '#/', label: t('trash.library') }}
        title={t('practice.title')}
        subtitle={clients ? t('practice.summary', { clients: clients.length, cases: openCases, overdue }) : t('cases.loading')}
      />
      <main className="record-body" aria-label={t('practice.title')}>
        <div className="practice-controls" role="search">
          <label>
            {t('practice.find')}
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('practice.findExample')} autoComplete="off" spellCheck={false} autoFocus />
          </label>
          <label>
            {t('practice.stage')}
            <select value={stage} onChange={(e) => setStage(e.target.value as CaseStage | 'any')}>
              <option value="any">{t('practice.anyStage')}</option>
              {CASE_STAGES.filter((s) => s !== 'decided').map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('practice.sortBy')}
            <select
              value={sort}
              onChange={(e) => {
                const next = e.target.value as PracticeSort;
                setSort(next);
                void setPreference('practiceSort', next);
              }}
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t('practice.sort', { sort: s })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {shown === null ? (
          <p role="status">{t('practice.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="empty" role="status">
            {clients!.length === 0
              ? t('practice.noClients')
              : t('practice.noMatch', { typed: typed.trim() || 'none', stage: stage === 'any' ? 'any' : t(`status.${stage}`).toLocaleLowerCase() })}
          </p>
        ) : (
          <table className="practice-table">
            <caption className="visually-hidden">{t('practice.caption', { sort: t('practice.sort', { sort }).toLocaleLowerCase() })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('practice.client')}</th>
                <th scope="col">{t('practice.openCases')}</th>
                <th scope="col">{t('practice.sort', { sort: 'activity' })}</th>
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, drawn).map((c) => (
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
  const { t } = useT();
  return (
    <tr>
      <th scope="row">
        <button type="button" className="link client-name" onClick={() => onOpen(c.patient.id, { name: 'library' })}>
          {c.patient.name}
        </button>
        <small>
          {t('practice.clientFacts', { born: c.patient.dateOfBirth ? formatDate(c.patient.dateOfBirth) : 'none', documents: c.documents, decided: c.closedCases })}
        </small>
      </th>
      <td>
        {c.cases.length === 0 ? (
          <span className="muted">
            {t('practice.noOpenCase')} ·{' '}
            <button type="button" className="link" onClick={() => onOpen(c.patient.id, { name: 'cases' })}>
              {t('practice.startOne')}
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
  const { t } = useT();
  return (
    <li>
      <button type="button" className="link" onClick={onOpen}>
        {k.title}
      </button>
      <span className="practice-case-facts">
        <span className={`badge stage-${k.status}`}>{t(`status.${k.status}`)}</span>
        {k.openGaps === 0 && <span className="badge badge-ok">{t('practice.complete')}</span>}
        {k.overdueRequests > 0 && <span className="badge badge-alert">{t('practice.overdue', { count: k.overdueRequests })}</span>}
        <small>
          {t(`specialty.${k.specialty}`)} · {whenText(k.lastActivity)}
        </small>
      </span>
      {k.openGaps > 0 && (
        <details className="practice-gaps" onToggle={(e) => setShowGaps(e.currentTarget.open)}>
          <summary>{t('practice.gaps', { count: k.openGaps })}</summary>
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
