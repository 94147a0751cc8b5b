import { useState } from 'react';
import type { TimelineEntry, TimelineKind } from '../../../shared/timeline.ts';
import { TIMELINE_KINDS } from '../../../shared/timeline.ts';
import type { DocumentType } from '../../../shared/document-types.ts';
import { formatDate, typeLabel } from '../format.ts';
import { useT } from '../i18n/index.ts';
import type { Translator } from '../i18n/index.ts';
import { routeHash } from '../route.ts';
import './Timeline.css';

/** An entry's title in the window's language (a document's title is its own). */
function entryTitle(e: TimelineEntry, { t }: Translator): string {
  const f = e.facts ?? {};
  if (e.kind === 'lab' && f.values !== undefined) return t('timeline.labs', { values: f.values, outOfRange: f.outOfRange ?? 0 });
  if (e.kind === 'recommendation' && f.procedure) return t('timeline.recommended', { procedure: f.procedure });
  if (e.kind === 'opinion' && f.stand) return f.procedure ? t('timeline.opinionOn', { stand: f.stand, procedure: f.procedure }) : t('timeline.opinion', { stand: f.stand });
  return e.title;
}
/** Every dated thing, newest first, grouped by month or year, filterable by kind and document type; each entry opens its document. */
export function Timeline({ entries, undated }: { entries: readonly TimelineEntry[]; undated: number }) {
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(new Set());
  const [type, setType] = useState<DocumentType | ''>('');
  const [by, setBy] = useState<'month' | 'year'>('month');
  const tr = useT();
  const { t } = tr;
  const types = [...new Set(entries.map((e) => e.type).filter((t): t is DocumentType => !!t))].sort((a, b) => typeLabel(a).localeCompare(typeLabel(b)));
  const shown = entries.filter((e) => !hidden.has(e.kind) && (!type || e.type === type));
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of [...shown].reverse()) {
    const key = by === 'month' ? e.date.slice(0, 7) : e.date.slice(0, 4);
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return (
    <section className="case-section" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('record.tab', { tab: 'timeline' })}</h2>
      <div className="timeline-filters" role="group" aria-label={t('timeline.show')}>
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
            {t('timeline.kindCount', { kind: k, count: entries.filter((e) => e.kind === k).length })}
          </label>
        ))}
        <label className="timeline-select">
          {t('details.kind')}
          <select value={type} onChange={(e) => setType(e.target.value as DocumentType | '')}>
            <option value="">{t('timeline.all')}</option>
            {types.map((x) => (
              <option key={x} value={x}>
                {typeLabel(x)}
              </option>
            ))}
          </select>
        </label>
        <label className="timeline-select">
          {t('timeline.groupBy')}
          <select value={by} onChange={(e) => setBy(e.target.value as 'month' | 'year')}>
            <option value="month">{t('timeline.month')}</option>
            <option value="year">{t('timeline.year')}</option>
          </select>
        </label>
      </div>
      {undated > 0 && (
        <p className="timeline-undated">{t('timeline.undated', { count: undated })}</p>
      )}
      {shown.length === 0 && <p className="empty">{t('timeline.nothing')}</p>}
      {[...groups].map(([month, items]) => (
        <div key={month} className="timeline-month">
          <h3>{month.length === 4 ? month : new Date(`${month}-01T00:00:00Z`).toLocaleDateString(tr.language === 'en' ? 'en-GB' : tr.language, { month: 'long', year: 'numeric', timeZone: 'UTC' })}</h3>
          <ul>
            {items.map((e, i) => (
              <li key={`${e.kind}-${e.documentId}-${i}`} className={`timeline-entry kind-${e.kind}${e.flagged ? ' flagged' : ''}`}>
                <span className="timeline-date">{formatDate(e.date)}</span>
                <span>
                  {e.documentId ? <a href={routeHash({ name: 'document', id: e.documentId })}>{entryTitle(e, tr)}</a> : entryTitle(e, tr)}
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

