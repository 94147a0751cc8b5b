import { useEffect, useRef } from 'react';
import type { ImportOutcome, ImportResult } from '../../../shared/import-types.ts';
import { plural, typeLabel } from '../format.ts';
import type { Imports } from '../imports.ts';
import './ImportPanel.css';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function Outcome({ outcome, onOpen }: { outcome: ImportOutcome; onOpen: (id: number) => void }) {
  switch (outcome.status) {
    case 'imported':
      return (
        <li className="outcome imported">
          <span className="outcome-status">Imported</span>
          <button type="button" className="link" onClick={() => onOpen(outcome.id)} title={outcome.path}>
            {outcome.study?.title ?? fileName(outcome.path)}
          </button>
          <span className="outcome-detail">
            {outcome.study
              ? `Imaging study: ${plural(outcome.study.files, 'image file')} in ${plural(outcome.study.series, 'series', 'series')}`
              : `${typeLabel(outcome.type)}, ${plural(outcome.pages, 'page')}`}
            {outcome.note ? ` · ${outcome.note}` : ''}
          </span>
        </li>
      );
    case 'merged':
      return (
        <li className="outcome imported">
          <span className="outcome-status">Added to</span>
          <button type="button" className="link" onClick={() => onOpen(outcome.into)} title={outcome.path}>
            {outcome.study.title}
          </button>
          <span className="outcome-detail">
            {plural(outcome.study.files, 'new image file')} joined an imaging study already in the library
            {outcome.note ? ` · ${outcome.note}` : ''}
          </span>
        </li>
      );
    case 'duplicate':
      return (
        <li className="outcome duplicate">
          <span className="outcome-status">Already in</span>
          <button type="button" className="link" onClick={() => onOpen(outcome.of)} title={outcome.path}>
            {outcome.title ?? fileName(outcome.path)}
          </button>
          <span className="outcome-detail">
            {outcome.files ? `all ${plural(outcome.files, 'image file')} of this study are already in the library` : 'the same file is already in the library'}
          </span>
        </li>
      );
    case 'refused':
      return (
        <li className="outcome refused">
          <span className="outcome-status">Not imported</span>
          <span className="outcome-file" title={outcome.path}>
            {fileName(outcome.path)}
          </span>
          <span className="outcome-detail">{outcome.reason}</span>
        </li>
      );
    case 'skipped':
      return (
        <li className="outcome skipped">
          <span className="outcome-status">Skipped</span>
          <span className="outcome-file">{fileName(outcome.path)}</span>
          <span className="outcome-detail">{outcome.reason}</span>
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
function groupsOf(result: ImportResult): { title: string; outcomes: readonly ImportOutcome[]; open: boolean }[] {
  const refused = result.refused.filter((r) => r.code !== 'cancelled');
  return [
    { title: 'Imported', outcomes: result.imported, open: result.imported.length <= OPEN_UP_TO },
    { title: 'Added to studies already in the library', outcomes: result.merged, open: result.merged.length <= OPEN_UP_TO },
    { title: 'Already in the library', outcomes: result.duplicates, open: result.duplicates.length <= OPEN_UP_TO },
    { title: 'Skipped', outcomes: result.skipped, open: result.skipped.length <= OPEN_UP_TO },
    { title: 'Not imported', outcomes: refused, open: true },
  ].filter((g) => g.outcomes.length > 0);
}

function OutcomeGroup({ title, outcomes, open, onOpen }: { title: string; outcomes: readonly ImportOutcome[]; open: boolean; onOpen: (id: number) => void }) {
  return (
    <details className="outcome-group" open={open}>
      <summary>
        {title} ({outcomes.length.toLocaleString()})
      </summary>
      <ul className="outcomes" aria-label={title}>
        {outcomes.slice(0, 500).map((o) => (
          <Outcome key={`${o.status}:${o.path}`} outcome={o} onOpen={onOpen} />
        ))}
      </ul>
      {outcomes.length > 500 && <p className="hint">and {(outcomes.length - 500).toLocaleString()} more</p>}
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

  return (
    <section className="import-panel" aria-labelledby="import-title" role="region">
      <h2 id="import-title" ref={heading} tabIndex={-1}>
        {state.status === 'starting' && `Starting the import for ${state.patient.name}…`}
        {state.status === 'running' && `Importing for ${state.patient.name}`}
        {state.status === 'finished' && `Import finished for ${state.patient.name}`}
        {state.status === 'cancelled' && 'Import cancelled'}
        {state.status === 'failed' && 'The import stopped'}
      </h2>
      <div aria-live="polite" className="import-status">
        {!done && (
          <>
            <progress max={100} value={percent} aria-label="Import progress" />
            <p>
              {!p
                ? 'Looking at the files…'
                : p.phase === 'previews'
                  ? 'Making previews of the imaging series…'
                  : `${plural(p.filesDone, 'file')} of ${p.filesTotal.toLocaleString()}${percent !== undefined ? ` (${percent}%)` : ''}`}
            </p>
          </>
        )}
        {result && (
          <p>
            {plural(result.imported.length, 'document')} imported,{result.merged.length ? ` ${result.merged.length.toLocaleString()} added to studies already in,` : ''}{' '}
            {result.duplicates.length.toLocaleString()} already in the library,{' '}
            {(result.refused.length - notReached).toLocaleString()} not imported.
            {notReached > 0 && ` ${plural(notReached, 'file was', 'files were')} not reached before you cancelled; import the same files again to finish.`}
          </p>
        )}
        {state.error && <p role="alert">{state.error}</p>}
      </div>
      {result ? (
        <div className="outcome-groups">
          {groupsOf(result).map((g) => (
            <OutcomeGroup key={g.title} title={g.title} outcomes={g.outcomes} open={g.open} onOpen={onOpen} />
          ))}
        </div>
      ) : (
        outcomes.length > 0 && (
          <ul className="outcomes" aria-label="Files">
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
            Cancel import
          </button>
        ) : (
          <button key="done" type="button" className="primary" onClick={imports.dismiss}>
            Done
          </button>
        )}
      </div>
    </section>
  );
}
