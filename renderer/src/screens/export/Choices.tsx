/** The export's choices: for whom, what is still open, what goes in, how it is written, and where. */
import type { CaseDetails, Specialist } from '../../../../shared/case-types.ts';
import { PACKET_LANGUAGES } from '../../../../shared/export-types.ts';
import type { ExportChoices, ExportPlan } from '../../../../shared/export-types.ts';
import { languageLabel } from '../../../../shared/languages.ts';
import { CheckItems } from '../../components/CheckItems.tsx';
import { formatDate, formatSize } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { routeHash } from '../../route.ts';
import { specialistLabel } from './defaults.ts';

type Choose = (change: Partial<ExportChoices>) => void;

/** Whom the bundle is for: the case's specialists, or not decided yet. */
export function ForWhom({ details, specialistId, specialist, busy, pickSpecialist }: { details: CaseDetails; specialistId: number | null; specialist: Specialist | null; busy: boolean; pickSpecialist: (value: string) => void }) {
  const { t } = useT();
  return (
    <section className="case-section" aria-labelledby="for-whom">
      <h2 id="for-whom">{t('export.forWhom')}</h2>
      <label className="field">
        {t('export.specialist')}
        <select value={specialistId ?? ''} onChange={(e) => pickSpecialist(e.target.value)} disabled={busy}>
          {details.specialists.map((s) => (
            <option key={s.id} value={s.id}>
              {specialistLabel(s)}
            </option>
          ))}
          <option value="">{t('export.notDecided')}</option>
        </select>
      </label>
      <p className="hint">
        {specialist
          ? t('export.takes', { accepts: specialist.accepts ?? 'other', limit: specialist.sizeLimitMb ?? 0 })
          : details.specialists.length
            ? t('export.forField')
            : t('export.addSpecialists')}
      </p>
    </section>
  );
}

/** What the case still lacks, values not yet checked, and documents with no date or kind: each with where to put it right. */
export function BeforeYouSend({ plan, caseId, chosen }: { plan: ExportPlan; caseId: number; chosen: readonly ExportPlan['documents'][number][] }) {
  const chosenIds = new Set(chosen.map((d) => d.id));
  const missing = plan.openGaps.filter((g) => g.status === 'missing').length;
  const unchecked = plan.documents.filter((d) => chosenIds.has(d.id) && d.unchecked > 0);
  const unsorted = chosen.filter((d) => d.kind === 'file' && (d.date === null || d.type === 'other'));
  const values = unchecked.reduce((n, d) => n + d.unchecked, 0);
  const t = useT();
  return (
    <>
      <section className="case-section" aria-labelledby="gaps">
        <h2 id="gaps">{t.t('export.beforeSend')}</h2>
        {plan.openGaps.length === 0 ? (
          <p className="export-ready">{t.t('export.ready')}</p>
        ) : (
          <>
            <p className="hint">
              {missing ? t.t('export.missing', { count: missing }) : t.t('export.toCheck')}{' '}
              <a href={routeHash({ name: 'case', id: caseId })}>{t.t('export.goToCase')}</a>
            </p>
            <div className="checklist export-gaps">
              <CheckItems items={plan.openGaps} />
            </div>
          </>
        )}
      </section>

      {unchecked.length > 0 && (
        <section className="case-section" aria-labelledby="unchecked-title">
          <h2 id="unchecked-title">{t.t('export.unchecked')}</h2>
          <p className="hint">{t.t('export.uncheckedText', { values, documents: unchecked.length })}</p>
          <ul className="export-unsorted">
            {unchecked.map((d) => (
              <li key={d.id}>
                <a href={routeHash({ name: 'document', id: d.id })}>{t.t('export.check', { title: d.title })}</a> <span className="hint">{t.t('export.values', { count: d.unchecked })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {unsorted.length > 0 && (
        <section className="case-section" aria-labelledby="unsorted-title">
          <h2 id="unsorted-title">{t.t('export.unsorted')}</h2>
          <p className="hint">{t.t('export.unsortedText', { count: unsorted.length })}</p>
          <ul className="export-unsorted">
            {unsorted.slice(0, 6).map((d) => (
              <li key={d.id}>
                <a href={routeHash({ name: 'document', id: d.id })}>{d.title}</a> <span className="hint">{t.t('export.unsortedWhy', { date: d.date ? 'yes' : 'no', kind: d.type === 'other' ? 'no' : 'yes' })}</span>
              </li>
            ))}
            {unsorted.length > 6 && <li className="hint">{t.t('export.andMore', { count: unsorted.length - 6 })}</li>}
          </ul>
        </section>
      )}
    </>
  );
}

/** Which of the case's documents go, how large it all is, and images or reports only. */
export function WhatGoesIn(props: { plan: ExportPlan; caseId: number; chosen: readonly ExportPlan['documents'][number][]; choices: ExportChoices; choose: Choose; toggleDocument: (id: number, on: boolean) => void; estimate: number; parts: number; busy: boolean }) {
  const { plan, caseId, chosen, choices, choose, toggleDocument, estimate, parts, busy } = props;
  const chosenIds = new Set(chosen.map((d) => d.id));
  const { t, rich } = useT();
  return (
    <section className="case-section" aria-labelledby="what-goes">
      <h2 id="what-goes">{t('export.whatGoesIn')}</h2>
      {plan.documents.length === 0 && (
        <p className="export-problem">{rich('export.noDocuments', { a: (chunks) => <a href={routeHash({ name: 'case', id: caseId })}>{chunks}</a> })}</p>
      )}
      <fieldset className="export-documents" disabled={busy}>
        <legend className="visually-hidden">{t('export.documentsToSend')}</legend>
        {plan.documents.map((d) => (
          <div key={d.id} className="export-document-row">
            <label className="export-document">
              <input type="checkbox" checked={chosenIds.has(d.id)} onChange={(e) => toggleDocument(d.id, e.target.checked)} />
              <span className="export-document-title">{d.title}</span>
              <span className="export-document-detail">
                {t('export.documentDetail', {
                  type: d.typeLabel,
                  date: d.date ? formatDate(d.date) : 'none',
                  size: formatSize(d.redactedSize !== null && !choices.sendOriginal.includes(d.id) ? d.redactedSize : d.size),
                  included: d.included ? 'yes' : 'no',
                  redacted: d.redactedSize === null ? 'none' : choices.sendOriginal.includes(d.id) ? 'original' : 'redacted',
                })}
              </span>
            </label>
            {d.redactedSize !== null && chosenIds.has(d.id) && (
              <label className="export-send-original">
                <input
                  type="checkbox"
                  checked={choices.sendOriginal.includes(d.id)}
                  onChange={(e) => choose({ sendOriginal: e.target.checked ? [...choices.sendOriginal, d.id] : choices.sendOriginal.filter((id) => id !== d.id) })}
                />{' '}
                {t('export.sendOriginal')}
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <p className="hint" role="status">
        {t('export.size', { chosen: chosen.length, total: plan.documents.length, size: formatSize(estimate), parts })}
      </p>
      <fieldset className="export-radio" disabled={busy}>
        <legend>{t('export.imaging')}</legend>
        <label>
          <input type="radio" name="images" checked={!choices.reportsOnly} onChange={() => choose({ reportsOnly: false })} /> {t('export.withImages')}
        </label>
        <label>
          <input type="radio" name="images" checked={choices.reportsOnly} onChange={() => choose({ reportsOnly: true })} /> {t('export.reportsOnly')}
        </label>
      </fieldset>
    </section>
  );
}

export interface PasswordChoice {
  readonly usePassword: boolean;
  readonly password: string;
  readonly confirm: string;
}


/** The packet's language, ZIP or not, parts of at most some size, and a password. */
export function HowWritten(props: { choices: ExportChoices; choose: Choose; specialist: Specialist | null; specialistId: number | null; busy: boolean; secret: PasswordChoice; setSecret: (change: Partial<PasswordChoice>) => void }) {
  const { choices, choose, specialist, specialistId, busy, secret, setSecret } = props;
  const { usePassword, password, confirm } = secret;
  const { t, language: windowLanguage } = useT();
  return (
    <section className="case-section" aria-labelledby="how-written">
      <h2 id="how-written">{t('export.howWritten')}</h2>
      <fieldset className="export-radio" disabled={busy}>
        <legend>{t('export.packetLanguage')}</legend>
        {PACKET_LANGUAGES.map((language) => (
          <label key={language} lang={language}>
            <input type="radio" name="packet-language" checked={choices.language === language} onChange={() => choose({ language })} /> {languageLabel(language, windowLanguage)}
          </label>
        ))}
        <p className="hint">{t('export.packetLanguageHint')}</p>
      </fieldset>
      <fieldset className="export-radio" disabled={busy}>
        <legend className="visually-hidden">{t('export.zipLegend')}</legend>
        <label>
          <input type="checkbox" checked={choices.zip} onChange={(e) => choose({ zip: e.target.checked })} /> {t('export.zip')}
        </label>
        <label className="export-inline">
          <input
            type="checkbox"
            checked={choices.maxSizeMb !== null}
            disabled={!choices.zip}
            onChange={(e) => choose({ maxSizeMb: e.target.checked ? (specialist?.sizeLimitMb ?? 25) : null })}
          />{' '}
          {t('export.split')}
          <input
            key={`${specialistId ?? 0}-${choices.maxSizeMb === null}`}
            type="number"
            min={1}
            step={1}
            className="export-size"
            aria-label={t('export.largestPart')}
            defaultValue={choices.maxSizeMb ?? ''}
            disabled={!choices.zip || choices.maxSizeMb === null}
            onChange={(e) => {
              // Kept as typed; a size counts once it is a number of at least 1 MB.
              const mb = Number(e.target.value);
              if (e.target.value && mb >= 1) choose({ maxSizeMb: mb });
            }}
          />{' '}
          {t('export.mb')}
        </label>
      </fieldset>
      <p className="hint">{t('export.emailGrows')}</p>
      <fieldset className="export-radio" disabled={busy}>
        <legend className="visually-hidden">{t('export.password')}</legend>
        <label>
          <input type="checkbox" checked={usePassword} onChange={(e) => setSecret({ usePassword: e.target.checked })} /> {t('export.protect')}
        </label>
        {usePassword && (
          <div className="export-password">
            <label className="field">
              {t('export.password')}
              <input type="password" autoComplete="new-password" value={password} onChange={(e) => setSecret({ password: e.target.value })} />
            </label>
            <label className="field">
              {t('export.sameAgain')}
              <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setSecret({ confirm: e.target.value })} />
            </label>
            <p className="hint">
              {t('export.zipTools')} {t('export.tellPassword')}
            </p>
          </div>
        )}
      </fieldset>
    </section>
  );
}

/** The folder the bundle is written into (chosen in the system's dialog, remembered). */
export function Where({ plan, changeFolder, busy }: { plan: ExportPlan; changeFolder: () => void; busy: boolean }) {
  const { t, rich } = useT();
  return (
    <section className="case-section" aria-labelledby="where">
      <h2 id="where">{t('export.where')}</h2>
      <p className="export-folder">
        {plan.folder ? rich('export.writtenInto', { folder: <code>{plan.folder}</code> }) : t('export.chooseLater')}{' '}
        <button type="button" className="small" onClick={changeFolder} disabled={busy}>
          {plan.folder ? t('export.change') : t('export.choose')}
        </button>
      </p>
    </section>
  );
}
