import { useState } from 'react';
import type { TimelineEntry, TimelineKind } from '../../../shared/timeline.ts';
import { TIMELINE_KINDS } from '../../../shared/timeline.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import { formatDate, typeLabel } from '../format.ts';
import { routeHash } from '../route.ts';
import './Timeline.css';

const KIND_LABELS: Record<TimelineKind, string> = { document: 'Documents', study: 'Imaging', lab: 'Labs', recommendation: 'Recommendations', opinion: 'Opinions' };

/** Every dated thing, newest first, grouped by month or year, filterable by kind and document type; each entry opens its document. */
export function Timeline({ entries, undated }: { entries: readonly TimelineEntry[]; undated: number }) {
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set());
  const [type, setType] = useState<DocumentType | ''>('');
  const [by, setBy] = useState<'month' | 'year'>('month');
  const types = [...new Set(entries.map((e) => e.type).filter((t): t is DocumentType => !!t))].sort((a, b) => typeLabel(a).localeCompare(typeLabel(b)));
  const shown = entries.filter((e) => !hidden.has(e.kind) && (!type || e.type === type));
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of [...shown].reverse()) {
    const key = by === 'month' ? e.date.slice(0, 7) : e.date.slice(0, 4);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return (
    <section className="case-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <div className="timeline-filters" role="group" aria-label="Show in the timeline">
        {TIMELINE_KINDS.map((k) => (
          <label key={k} className="chip">
            <input
              type="checkbox"
              checked={!hidden.has(k)}
              onChange={() => {
                const next = new Set(hidden);
                if (next.has(k)) next.delete(k);
                else next.add(k);
                setHidden(next);
              }}
            />
            {KIND_LABELS[k]} ({entries.filter((e) => e.kind === k).length})
          </label>
        ))}
        <label className="timeline-select">
          Kind of document
          <select value={type} onChange={(e) => setType(e.target.value as DocumentType | '')}>
            <option value="">All</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label className="timeline-select">
          Group by
          <select value={by} onChange={(e) => setBy(e.target.value as 'month' | 'year')}>
            <option value="month">Month</option>
            <option value="year">Year</option>
          </select>
        </label>
      </div>
      {undated > 0 && (
        <p className="timeline-undated">
          {undated === 1 ? '1 document has' : `${undated} documents have`} no date of service, so {undated === 1 ? 'it is' : 'they are'} not in the timeline. Give{' '}
          {undated === 1 ? 'it' : 'them'} a date in the library to place {undated === 1 ? 'it' : 'them'} here.
        </p>
      )}
      {shown.length === 0 && <p className="empty">Nothing dated yet.</p>}
      {[...groups].map(([month, items]) => (
        <div key={month} className="timeline-month">
          <h3>{month.length === 4 ? month : new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })}</h3>
          <ul>
            {items.map((e, i) => (
              <li key={`${e.kind}-${e.documentId}-${i}`} className={`timeline-entry kind-${e.kind}${e.flagged ? ' flagged' : ''}`}>
                <span className="timeline-date">{formatDate(e.date)}</span>
                <span>
                  {e.documentId ? <a href={routeHash({ name: 'document', id: e.documentId })}>{e.title}</a> : e.title}
                  {e.detail && <small>{e.detail}</small>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

