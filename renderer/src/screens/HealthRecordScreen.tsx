import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import type { ClinicalRecord, LabResult } from '../../../shared/records-types.ts';
import { invoke, messageOf } from '../api.ts';
import { TrendChart } from '../components/TrendChart.tsx';
import type { TimelineEntry } from '../../../shared/timeline.ts';
import { Timeline } from '../components/Timeline.tsx';
import { formatDate, formatUnit } from '../format.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import { identityReason } from '../components/IdentityBanner.tsx';
import { RECORD_TABS, routeHash } from '../route.ts';
import type { RecordTab, Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import './HealthRecordScreen.css';
import '../components/IdentityBanner.css';

interface Props {
  readonly patient: Patient;
  readonly route: Extract<Route, { name: 'record' }>;
  readonly libraryVersion: number;
  readonly onError: (message: string) => void;
}

const KINDS = { problems: 'problem', medications: 'medication', allergies: 'allergy' } as const;

/** A result's unit as the library knows it, else as the report printed it. */
function unitText(r: LabResult): string {
  return r.unit ? formatUnit(r.unit) : (r.unitAsPrinted ?? '');
}

function valueText(r: LabResult): string {
  return r.value.number !== null ? `${r.value.comparator ?? ''}${Number(r.value.number.toPrecision(6))}` : (r.value.text ?? r.value.printed);
}

/** Every test as a row, every date as a column; values outside their range marked with their flag. */
function LabsTable({ labs, onOpen }: { labs: readonly LabResult[]; onOpen: (analyte: string) => void }) {
  const dates = useMemo(() => [...new Set(labs.map((l) => l.date ?? ''))].sort().reverse(), [labs]);
  const rows = useMemo(() => {
    const byTest = new Map<string, LabResult[]>();
    for (const l of labs) byTest.set(l.analyte, [...(byTest.get(l.analyte) ?? []), l]);
    return [...byTest].sort(([a], [b]) => a.localeCompare(b));
  }, [labs]);
  const { t } = useT();
  return (
    <div className="labs-table-wrap" tabIndex={0} role="region" aria-label={t('record.labsByDate')}>
      <table className="labs-table">
        <thead>
          <tr>
            <th scope="col">{t('record.test')}</th>
            <th scope="col">{t('record.unit')}</th>
            <th scope="col">{t('record.range')}</th>
            {dates.map((d) => (
              <th scope="col" key={d}>
                {d ? formatDate(d) : t('record.noDate')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([analyte, results]) => {
            const latest = results.at(-1)!;
            return (
              <tr key={analyte}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpen(analyte)}>
                    {analyte}
                  </button>
                </th>
                <td>{unitText(latest)}</td>
                <td>{latest.range?.text ?? ''}</td>
                {dates.map((d) => {
                  const here = results.filter((r) => (r.date ?? '') === d);
                  return (
                    <td key={d} className={here.some((r) => r.flag) ? 'lab-value out' : 'lab-value'}>
                      {here.map((r) => (
                        <span key={r.id} title={r.flag ? t('record.flag', { flag: r.flag }) : undefined}>
                          {valueText(r)}
                          {r.unit !== latest.unit && (r.unit ?? r.unitAsPrinted) ? ' ' + unitText(r) : ''}
                          {r.flag && <strong className="lab-flag"> {r.flag}</strong>}
                          {!r.confirmed && <span className="to-confirm"> {t('record.toCheck')}</span>}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Trend({ analyte, labs }: { analyte: string; labs: readonly LabResult[] }) {
  const results = labs.filter((l) => l.analyte === analyte);
  const units = [...new Set(results.map((r) => r.unit))];
  const { t } = useT();
  return (
    <section className="trend" aria-labelledby="trend-title">
      <header className="trend-header">
        <h2 id="trend-title">{analyte}</h2>
        <a href={routeHash({ name: 'record', tab: 'labs' })}>{t('record.allLabs')}</a>
      </header>
      {units.map((unit) => (
        <div key={unit ?? 'none'}>
          {units.length > 1 && <h3>{unit ? t('record.inUnit', { unit: formatUnit(unit) }) : t('record.noUnit')}</h3>}
          <TrendChart results={results} unit={unit} />
        </div>
      ))}
      <table className="trend-values">
        <caption className="visually-hidden">{t('record.everyValue', { analyte })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('record.date')}</th>
            <th scope="col">{t('record.value')}</th>
            <th scope="col">{t('record.range')}</th>
            <th scope="col">{t('record.flagHeader')}</th>
            <th scope="col">{t('record.from')}</th>
          </tr>
        </thead>
        <tbody>
          {[...results].reverse().map((r) => (
            <tr key={r.id}>
              <td>{formatDate(r.date)}</td>
              <td>
                {r.value.printed} {r.unitAsPrinted ?? ''}
                {!r.confirmed && <span className="to-confirm"> {t('record.toCheck')}</span>}
              </td>
              <td>{r.range?.text ?? ''}</td>
              <td>{r.flag ? t('record.flag', { flag: r.flag }) : ''}</td>
              <td>
                {r.source.documentId ? (
                  <a href={routeHash({ name: 'document', id: r.source.documentId, ...(r.source.page ? { page: r.source.page } : {}) })}>
                    {t('record.source', { lab: r.lab ?? 'none', page: r.source.page ?? 0 })}
                  </a>
                ) : (
                  t('record.typedIn')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Problems, medications or allergies: what downloads listed and what the person adds, each editable. */
type ListTab = Exclude<RecordTab, 'labs' | 'timeline'>;

function RecordList({ patient, tab, records, onError }: { patient: Patient; tab: ListTab; records: readonly ClinicalRecord[]; onError: (m: string) => void }) {
  const kind = KINDS[tab];
  const { t } = useT();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [form, setForm] = useState({ name: '', date: '', detail: '', status: '' });
  const start = (record?: ClinicalRecord) => {
    setEditing(record?.id ?? 'new');
    setForm({ name: record?.name ?? '', date: record?.date ?? '', detail: record?.detail ?? '', status: record?.status ?? '' });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { name: form.name, date: form.date || null, detail: form.detail || null, status: form.status || null };
    try {
      if (editing === 'new') await invoke('records:add', patient.id, { kind, ...fields });
      else if (editing !== null) await invoke('records:update', editing, fields);
      setEditing(null);
    } catch (e) {
      onError(messageOf(e));
    }
  };
  const detailLabel = t('record.detail', { tab });
  const editor = (
    <form className="record-form" onSubmit={(e) => void save(e)}>
      <label>
        {t('record.name')}
        <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required autoFocus />
      </label>
      <label>
        {t('record.since')}
        <input type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
      </label>
      <label>
        {detailLabel}
        <input value={form.detail} onChange={(e) => setForm({ ...form, detail: e.target.value })} />
      </label>
      <label>
        {t('record.status')}
        <input value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value })} placeholder={t('record.statusExample')} />
      </label>
      <div className="panel-actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => setEditing(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
  return (
    <section className="record-list" aria-label={t('record.tab', { tab })}>
      {records.length === 0 && editing !== 'new' && <p className="empty">{t('record.noneYet', { tab })}</p>}
      <ul>
        {records.map((r) =>
          editing === r.id ? (
            <li key={r.id}>{editor}</li>
          ) : (
            <li key={r.id} className="record-item">
              <div>
                <strong>{r.name}</strong>
                {r.detail && <span> · {r.detail}</span>}
                <small>
                  {[
                    r.date ? t('record.sinceDate', { date: formatDate(r.date) }) : null,
                    r.endDate ? t('record.untilDate', { date: formatDate(r.endDate) }) : null,
                    r.status,
                    r.codes[0] ? `${r.codes[0].system} ${r.codes[0].code}` : null,
                    t('record.origin', { origin: r.origin }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </small>
                {!r.confirmed && r.source.documentId !== null && (
                  <small className="unchecked">
                    {t('record.notChecked')}{' '}
                    <a href={routeHash({ name: 'document', id: r.source.documentId, ...(r.source.page ? { page: r.source.page } : {}) })}>{t('record.checkIt')}</a>
                  </small>
                )}
              </div>
              <div className="record-actions">
                <button type="button" className="small" onClick={() => start(r)} aria-label={t('record.editName', { name: r.name })}>
                  {t('record.edit')}
                </button>
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    if (window.confirm(t('record.confirmRemove', { name: r.name, patient: patient.name, tab }))) void invoke('records:remove', r.id).catch((e: unknown) => onError(messageOf(e)));
                  }}
                  aria-label={t('record.removeName', { name: r.name })}
                >
                  {t('record.remove')}
                </button>
              </div>
            </li>
          ),
        )}
        {editing === 'new' && <li>{editor}</li>}
      </ul>
      {editing === null && (
        <button type="button" onClick={() => start()}>
          {t('record.add', { tab })}
        </button>
      )}
    </section>
  );
}

/** A patient's health record: lab results across dates and each test's trend, problems, medications, allergies. */
export function HealthRecordScreen({ patient, route, libraryVersion, onError }: Props) {
  const [labs, setLabs] = useState<LabResult[] | null>(null);
  const [records, setRecords] = useState<ClinicalRecord[] | null>(null);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [undated, setUndated] = useState(0);
  const [heldBack, setHeldBack] = useState<{ documentId: number; title: string; reason: string; count: number }[]>([]);
  const { t, language } = useT();
  useEffect(() => {
    let live = true;
    Promise.all([invoke('labs:list', patient.id, { withHeldBack: true }), invoke('records:list', patient.id, undefined, { withHeldBack: true }), invoke('timeline', patient.id), invoke('timeline:undated', patient.id)]).then(
      ([l, r, t, u]) => {
        if (!live) return;
        setLabs(l.filter((x) => !x.heldBack));
        setRecords(r.filter((x) => !x.heldBack));
        setEntries(t);
        setUndated(u);
        // What is left out of the record, by the document it came from.
        const held = new Map<number, { reason: string; count: number }>();
        for (const fact of [...l, ...r]) {
          if (!fact.heldBack || fact.source.documentId === null) continue;
          const entry = held.get(fact.source.documentId) ?? { reason: fact.heldBack, count: 0 };
          entry.count++;
          held.set(fact.source.documentId, entry);
        }
        void Promise.all(
          [...held].map(async ([documentId, h]) => {
            const doc = await invoke('documents:get', documentId);
            return { documentId, title: doc.title, ...h, reason: identityReason(doc.identity, patient, currentTranslator()) };
          }),
        ).then((list) => live && setHeldBack(list));
      },
      (e: unknown) => onError(messageOf(e)),
    );
    return () => {
      live = false;
    };
    // The reasons are said in the window's language: said again when it changes.
  }, [patient, libraryVersion, onError, language]);

  const toCheck = labs?.filter((l) => !l.confirmed) ?? [];
  const count = (tab: RecordTab) => (tab === 'labs' ? (labs?.length ?? 0) : tab === 'timeline' ? entries.length : (records?.filter((r) => r.kind === KINDS[tab]).length ?? 0));
  return (
    <div className="record-screen">
      <ScreenHeader
        back={{ href: '#/', label: t('trash.library') }}
        title={t('record.title', { name: patient.name })}
        subtitle={t('record.subtitle')}
      />
      <nav className="record-tabs" aria-label={t('record.parts')}>
        {RECORD_TABS.map((tab) => (
          <a key={tab} href={routeHash({ name: 'record', tab })} aria-current={route.tab === tab ? 'page' : undefined}>
            {t('record.tab', { tab })} <span className="count">{count(tab)}</span>
          </a>
        ))}
      </nav>
      <main className="record-body" aria-label={t('record.tab', { tab: route.tab })}>
        {heldBack.length > 0 && (
          <section className="held-back" role="status" aria-labelledby="held-back-title">
            <h2 id="held-back-title">{t('record.leftOut', { count: heldBack.reduce((n, h) => n + h.count, 0) })}</h2>
            <ul>
              {heldBack.map((h) => (
                <li key={h.documentId}>
                  <a href={routeHash({ name: 'document', id: h.documentId })}>{h.title}</a> {t('record.leftOutEntries', { count: h.count })} {h.reason} {t('record.sayWhose')}
                </li>
              ))}
            </ul>
          </section>
        )}
        {labs === null || records === null ? (
          <p role="status">{t('cases.loading')}</p>
        ) : route.tab === 'labs' ? (
          <>
            {toCheck.length > 0 && (
              <p className="notice" role="status">
                {t('record.labsToCheck', { count: toCheck.length })}
              </p>
            )}
            {route.analyte ? (
              <Trend analyte={route.analyte} labs={labs} />
            ) : labs.length === 0 ? (
              <p className="empty">{t('record.noLabs')}</p>
            ) : (
              <LabsTable labs={labs} onOpen={(analyte) => (window.location.hash = routeHash({ name: 'record', tab: 'labs', analyte }))} />
            )}
          </>
        ) : route.tab === 'timeline' ? (
          <Timeline entries={entries} undated={undated} />
        ) : (
          <RecordList patient={patient} tab={route.tab} records={records.filter((r) => r.kind === KINDS[route.tab as ListTab])} onError={onError} />
        )}
      </main>
    </div>
  );
}
