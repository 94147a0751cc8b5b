import { useEffect, useRef } from 'react';
import type { ImportOutcome, ImportResult } from '../../../shared/import-types.ts';
import { sayAll } from '../../../shared/said.ts';
import { typeLabel } from '../format.ts';
import { useT } from '../i18n/index.ts';
import type { Imports } from '../imports.ts';
import './ImportPanel.css';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** What the back end said about a file (its reason or note), in the window's language when it said it in words. */
function said(outcome: ImportOutcome, language: string): string {
  if (outcome.words?.length) return sayAll(outcome.words, language);
  return outcome.status === 'refused' || outcome.status === 'skipped' ? outcome.reason : (outcome.note ?? '');
}

function Outcome({ outcome, onOpen }: { outcome: ImportOutcome; onOpen: (id: number) => void }) {
  const { t, language } = useT();
  const detail = said(outcome, language);
  switch (outcome.status) {
    case 'imported':
      return (
        <li className="outcome imported">
          <span className="outcome-status">{t('import.group', { group: 'imported' })}</span>
          <button type="button" className="link" onClick={() => onOpen(outcome.id)} title={outcome.path}>
            {outcome.study?.title ?? fileName(outcome.path)}
          </button>
          <span className="outcome-detail">
            {outcome.study ? t('import.study', { files: outcome.study.files, series: outcome.study.series }) : t('import.file', { type: typeLabel(outcome.type), pages: outcome.pages })}
            {detail ? ' · ' + detail : ''}
          </span>
        </li>
      );
    case 'merged':
      return (
        <li className="outcome imported">
          <span className="outcome-status">{t('import.addedTo')}</span>
          <button type="button" className="link" onClick={() => onOpen(outcome.into)} title={outcome.path}>
            {outcome.study.title}
          </button>
          <span className="outcome-detail">
            {t('import.joined', { count: outcome.study.files })}
            {detail ? ' · ' + detail : ''}
          </span>
        </li>
      );
    case 'duplicate':
      return (
        <li className="outcome duplicate">
          <span className="outcome-status">{t('import.alreadyIn')}</span>
          <button type="button" className="link" onClick={() => onOpen(outcome.of)} title={outcome.path}>
            {outcome.title ?? fileName(outcome.path)}
          </button>
          <span className="outcome-detail">
            {t('import.duplicate', { files: outcome.files ?? 0 })}
            {detail ? ' · ' + detail : ''}
          </span>
        </li>
      );
    case 'refused':
      return (
        <li className="outcome refused">
          <span className="outcome-status">{t('import.group', { group: 'refused' })}</span>
          <span className="outcome-file" title={outcome.path}>
            {fileName(outcome.path)}
          </span>
          <span className="outcome-detail">{detail}</span>
        </li>
      );
    case 'skipped':
      return (
        <li className="outcome skipped">
          <span className="outcome-status">{t('import.group', { group: 'skipped' })}</span>
          <span className="outcome-file">{fileName(outcome.path)}</span>
          <span className="outcome-detail">{detail}</span>
        </li>
      );
  }
}

/** Groups shown open when this short (a long group is one line until opened, so the list behind stays in view). */
const OPEN_UP_TO = 5;

/**
 * A finished import's files in groups, what went in first: imported, added to studies, already in the
 * library, skipped, and last the files not imported, each with its reason (open: they need the person).
 */
type Group = 'imported' | 'merged' | 'duplicates' | 'skipped' | 'refused';

function groupsOf(result: ImportResult): { group: Group; outcomes: readonly ImportOutcome[]; open: boolean }[] {
  const refused = result.refused.filter((r) => r.code !== 'cancelled');
  const groups: { group: Group; outcomes: readonly ImportOutcome[]; open: boolean }[] = [
    { group: 'imported', outcomes: result.imported, open: result.imported.length <= OPEN_UP_TO },
    { group: 'merged', outcomes: result.merged, open: result.merged.length <= OPEN_UP_TO },
    { group: 'duplicates', outcomes: result.duplicates, open: result.duplicates.length <= OPEN_UP_TO },
    { group: 'skipped', outcomes: result.skipped, open: result.skipped.length <= OPEN_UP_TO },
    { group: 'refused', outcomes: refused, open: true },
  ];
  return groups.filter((g) => g.outcomes.length > 0);
}

function OutcomeGroup({ group, outcomes, open, onOpen }: { group: Group; outcomes: readonly ImportOutcome[]; open: boolean; onOpen: (id: number) => void }) {
  const { t } = useT();
  const title = t('import.group', { group });
  return (
    <details className="outcome-group" open={open}>
      <summary>{t('import.groupCount', { title, count: outcomes.length })}</summary>
      <ul className="outcomes" aria-label={title}>
        {outcomes.slice(0, 500).map((o) => (
          <Outcome key={`${o.status}:${o.path}`} outcome={o} onOpen={onOpen} />
        ))}
      </ul>
      {outcomes.length > 500 && <p className="hint">{t('export.andMore', { count: outcomes.length - 500 })}</p>}
    </details>
  );
}

/** Progress of the import with a way to cancel, then every file's outcome in groups, the files not imported last with their reasons. */
export function ImportPanel({ imports, onOpen }: { imports: Imports; onOpen: (id: number) => void }) {
  const state = imports.state!;
  const heading = useRef<HTMLHeadingElement>(null);
  const done = state.status === 'finished' || state.status === 'cancelled' || state.status === 'failed';
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done]);

  const p = state.progress;
  const percent = p && p.bytesTotal > 0 ? Math.round((100 * p.bytesDone) / p.bytesTotal) : undefined;
  const result = state.result;
  const outcomes: readonly ImportOutcome[] = result ? [] : [...state.outcomes].reverse();
  const notReached = result?.refused.filter((r) => r.code === 'cancelled').length ?? 0;
  const { t } = useT();

  return (
    <section className="import-panel" aria-labelledby="import-title" role="region">
      <h2 id="import-title" ref={heading} tabIndex={-1}>
        {t('import.title', { status: state.status, name: state.patient.name })}
      </h2>
      <div aria-live="polite" className="import-status">
        {!done && (
          <>
            <progress max={100} value={percent} aria-label={t('import.progress')} />
            <p>
              {!p
                ? t('import.looking')
                : p.phase === 'previews'
                  ? t('import.previews')
                  : t('import.files', { done: p.filesDone, total: p.filesTotal, known: percent === undefined ? 'no' : 'yes', percent: (percent ?? 0) / 100 })}
            </p>
          </>
        )}
        {result && (
          <p>
            {t('import.summary', { imported: result.imported.length, merged: result.merged.length, duplicates: result.duplicates.length, refused: result.refused.length - notReached })}
            {notReached > 0 && <> {t('import.notReached', { count: notReached })}</>}
          </p>
        )}
        {state.error && <p role="alert">{state.error}</p>}
      </div>
      {result ? (
        <div className="outcome-groups">
          {groupsOf(result).map((g) => (
            <OutcomeGroup key={g.group} group={g.group} outcomes={g.outcomes} open={g.open} onOpen={onOpen} />
          ))}
        </div>
      ) : (
        outcomes.length > 0 && (
          <ul className="outcomes" aria-label={t('import.filesLabel')}>
            {outcomes.slice(0, 500).map((o) => (
              <Outcome key={`${o.status}:${o.path}`} outcome={o} onOpen={onOpen} />
            ))}
          </ul>
        )
      )}
      {/* Two different elements in two places: a click aimed at Cancel as the import ends must not
          land on Done and close the results. */}
      <div className={`panel-actions${done ? ' done' : ''}`}>
        {!done ? (
          <button key="cancel" type="button" onClick={imports.cancel} disabled={!state.jobId}>
            {t('import.cancel')}
          </button>
        ) : (
          <button key="done" type="button" className="primary" onClick={imports.dismiss}>
            {t('redact.done')}
          </button>
        )}
      </div>
    </section>
  );
}
