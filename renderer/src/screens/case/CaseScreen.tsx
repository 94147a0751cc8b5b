import { useCallback, useEffect, useState } from 'react';
import type { CaseStatus } from '../../../../shared/case-types.ts';
import { CASE_STATUSES } from '../../../../shared/case-types.ts';
import type { ChannelResults } from '../../../../shared/ipc-contract.ts';
import type { Patient } from '../../../../shared/library-types.ts';
import { Timeline } from '../../components/Timeline.tsx';
import { invoke, messageOf } from '../../api.ts';
import { routeHash } from '../../route.ts';
import type { Route } from '../../route.ts';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { preference, setPreference } from '../../cache.ts';
import { CaseGroup } from './CaseGroup.tsx';
import type { CaseGroupId } from './CaseGroup.tsx';
import { Checklist } from './Checklist.tsx';
import { Documents } from './Documents.tsx';
import { Opinions } from './Opinions.tsx';
import { Questions } from './Questions.tsx';
import { Recommendations } from './Recommendation.tsx';
import { Requests } from './Requests.tsx';
import { Specialists } from './Specialists.tsx';
import { useT } from '../../i18n/index.ts';
import './case.css';

const GROUPS: readonly CaseGroupId[] = ['decision', 'records', 'opinions', 'timeline'];

interface Props {
  readonly patient: Patient;
  readonly route: Extract<Route, { name: 'case' }>;
  readonly libraryVersion: number;
  readonly onError: (message: string) => void;
}

/** One case: the recommendation under review, questions, documents, opinions, requests, timeline, and whether it is ready. */
export function CaseScreen({ patient, route, libraryVersion, onError }: Props) {
  const [data, setData] = useState<ChannelResults['cases:get'] | null>(null);
  const { t, language } = useT();
  const groupTitle = (g: CaseGroupId) => t('case.group', { group: g });
  const [openedAt] = useState(() => performance.now());
  // Which groups the person opened or closed in this case (the rest follow isOpen's defaults).
  const [groups, setGroups] = useState<Partial<Record<CaseGroupId, boolean>>>({});
  useEffect(() => {
    void preference<Partial<Record<CaseGroupId, boolean>>>(`caseGroups:${route.id}`, {}).then(setGroups);
  }, [route.id]);
  const toggle = useCallback(
    (g: CaseGroupId, open: boolean) =>
      setGroups((now) => {
        if (now[g] === open) return now;
        const next = { ...now, [g]: open };
        void setPreference(`caseGroups:${route.id}`, next);
        return next;
      }),
    [route.id],
  );
  const load = useCallback(() => {
    let live = true;
    // The checklist in the window's language: asked for again when it changes.
    // One request for everything the screen shows: one round trip, and the timeline of the same moment as the case.
    invoke('cases:get', route.id, language).then(
      (c) => {
        if (live) setData(c);
      },
      (e: unknown) => onError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [route.id, onError, language]);
  useEffect(() => load(), [load, libraryVersion]);
  const shown = data !== null;
  useEffect(() => {
    // For the bench: from opening the case to it, its checklist and timeline on screen.
    if (shown) requestAnimationFrame(() => performance.measure('casebinder:case-rendered', { start: openedAt, end: performance.now() }));
  }, [shown, openedAt]);

  if (!data) {
    return (
      <p className="screen-loading" role="status">
        {t('case.opening')}
      </p>
    );
  }
  const c = data.case;
  // Open unless the person closed it; until then, what matters now is open: the opinions once the case
  // has gone out (or one is in), the timeline (long) only when asked for.
  const isOpen = (g: CaseGroupId) => groups[g] ?? (g === 'opinions' ? c.status !== 'gathering' && c.status !== 'ready' || c.opinions.length > 0 || c.specialists.length > 0 : g !== 'timeline');
  const documents = data.documents;
  return (
    <div className="record-screen case-screen">
      <ScreenHeader back={{ href: routeHash({ name: 'cases' }), label: t('library.cases') }} title={c.title} subtitle={[t(`specialty.${c.specialty}`), ...(c.condition ? [c.condition] : []), patient.name].join(' · ')}>
        <label className="case-status">
          {t('case.status')}
          <select value={c.status} onChange={(e) => void invoke('cases:update', c.id, { status: e.target.value as CaseStatus }).catch((err: unknown) => onError(messageOf(err)))}>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <a className="button primary" href={routeHash({ name: 'export', caseId: c.id })}>
          {t('case.prepare')}
        </a>
      </ScreenHeader>
      <div className="case-body">
        <main className="case-main" aria-label={t('case.main')}>
          <nav className="case-nav" aria-label={t('case.parts')}>
            {GROUPS.map((g) => (
              <a
                key={g}
                href={`#case-group-${g}`}
                onClick={(e) => {
                  e.preventDefault();
                  toggle(g, true);
                  document.getElementById(`case-group-${g}`)?.scrollIntoView({ block: 'start' });
                }}
              >
                {groupTitle(g)}
              </a>
            ))}
          </nav>
          <CaseGroup id="decision" title={groupTitle('decision')} summary={t('case.decisionSummary', { recommendations: c.recommendations.length, questions: c.questions.length })} open={isOpen('decision')} onToggle={toggle}>
            <Recommendations details={c} patientId={patient.id} documents={documents} onError={onError} />
            <Questions details={c} patient={patient} onError={onError} />
            <section className="case-section" aria-labelledby="notes-title">
              <h2 id="notes-title">{t('case.notes')}</h2>
              <textarea
                key={c.notes}
                className="case-notes"
                aria-labelledby="notes-title"
                defaultValue={c.notes}
                rows={3}
                placeholder={t('case.notesPlaceholder')}
                onBlur={(e) => {
                  if (e.target.value !== c.notes) void invoke('cases:update', c.id, { notes: e.target.value }).catch((err: unknown) => onError(messageOf(err)));
                }}
              />
            </section>
          </CaseGroup>
          <CaseGroup
            id="records"
            title={groupTitle('records')}
            summary={t('case.recordsSummary', { documents: c.documents.length, hasRequests: c.requests.length ? 'yes' : 'no', requests: c.requests.filter((r) => r.state === 'asked').length })}
            open={isOpen('records')}
            onToggle={toggle}
          >
            <Documents details={c} documents={documents} onError={onError} />
            <Requests details={c} documents={documents} onError={onError} />
          </CaseGroup>
          <CaseGroup id="opinions" title={groupTitle('opinions')} summary={t('case.opinionsSummary', { specialists: c.specialists.length, opinions: c.opinions.length })} open={isOpen('opinions')} onToggle={toggle}>
            <Specialists details={c} onError={onError} />
            <Opinions details={c} documents={documents} onError={onError} />
          </CaseGroup>
          <CaseGroup id="timeline" title={groupTitle('timeline')} summary={t('case.timelineSummary', { entries: data.timeline.length, undated: data.undated })} open={isOpen('timeline')} onToggle={toggle}>
            <Timeline entries={data.timeline} undated={data.undated} />
          </CaseGroup>
        </main>
        {/* Focusable so a long checklist scrolls from the keyboard. */}
        <aside className="case-aside" aria-label={t('case.completeness')} tabIndex={0}>
          <Checklist items={data.checklist} />
        </aside>
      </div>
    </div>
  );
}
