import { useState } from 'react';
import type { CaseDetails, RequestMethod, RequestState } from '../../../../shared/case-types.ts';
import { REQUEST_METHODS } from '../../../../shared/case-types.ts';
import type { DocumentSummary } from '../../../../shared/ipc-contract.ts';
import { invoke } from '../../api.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { caller, useForm } from './form.tsx';
import { daysBetween, todayIso } from '../../../../shared/dates.ts';
import { isOverdue } from '../../../../shared/practice.ts';

export function Requests({ details, documents, onError }: { details: CaseDetails; documents: readonly DocumentSummary[]; onError: (m: string) => void }) {
  const form = useForm({ facility: '', what: '', askedOn: new Date().toISOString().slice(0, 10) });
  const [method, setMethod] = useState<RequestMethod>('portal');
  const call = caller(onError);
  const today = todayIso();
  const { t } = useT();
  return (
    <section className="case-section" aria-labelledby="requests-title">
      <h2 id="requests-title">{t('requests.title')}</h2>
      <ul className="requests">
        {details.requests.map((r) => {
          const days = daysBetween(r.askedOn, today);
          return (
            <li key={r.id}>
              <div>
                <strong>{r.facility}</strong>: {r.what}
                <small>
                  {t('requests.asked', { date: formatDate(r.askedOn), method: r.method.replace('-', '_') })}
                  {isOverdue(r, today) && <span className="reminder"> · {t('requests.overdue', { days })}</span>}
                  {r.documentIds.length > 0 && ' · ' + t('requests.came', { titles: r.documentIds.map((id) => documents.find((d) => d.id === id)?.title ?? '#' + id).join(', ') })}
                </small>
              </div>
              <select aria-label={t('requests.state', { facility: r.facility })} value={r.state} onChange={(e) => call(invoke('cases:set-request-state', r.id, e.target.value as RequestState))}>
                <option value="asked">{t('requests.stateName', { state: 'asked' })}</option>
                <option value="received">{t('requests.stateName', { state: 'received' })}</option>
                <option value="refused">{t('requests.stateName', { state: 'refused' })}</option>
              </select>
              {r.state === 'received' && (
                <select
                  aria-label={t('requests.whatCame', { facility: r.facility })}
                  value=""
                  onChange={(e) => e.target.value && call(invoke('cases:set-request-state', r.id, 'received', [Number(e.target.value)]))}
                >
                  <option value="">{t('requests.cameCount', { count: r.documentIds.length })}</option>
                  {documents
                    .filter((d) => !r.documentIds.includes(d.id))
                    .map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.title}
                      </option>
                    ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
      <form
        className="case-form compact"
        aria-label={t('requests.ask')}
        onSubmit={(e) => {
          e.preventDefault();
          call(invoke('cases:add-request', details.id, { ...form.values, method }).then(() => form.reset()));
        }}
      >
        {form.field('facility', t('opinions.from'), { required: true, placeholder: t('requests.fromExample') })}
        {form.field('what', t('requests.what'), { required: true, placeholder: t('requests.whatExample') })}
        {form.field('askedOn', t('requests.askedOn'), { type: 'date', required: true })}
        <label>
          {t('requests.how')}
          <select value={method} onChange={(e) => setMethod(e.target.value as RequestMethod)}>
            {REQUEST_METHODS.map((m) => (
              <option key={m} value={m}>
                {t('requests.method', { method: m.replace('-', '_') })}
              </option>
            ))}
          </select>
        </label>
        <div className="panel-actions">
          <button type="submit">{t('requests.add')}</button>
        </div>
      </form>
    </section>
  );
}
