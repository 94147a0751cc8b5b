/** The export's choices: for whom, what is still open, what goes in, how it is written, and where. */
import type { CaseDetails, Specialist } from '../../../../shared/case-types.ts';
import { SUBMISSION_METHOD_LABELS } from '../../../../shared/case-types.ts';
import { ENCRYPTED_ZIP_TOOLS, PACKET_LANGUAGES } from '../../../../shared/export-types.ts';
import type { ExportChoices, ExportPlan, PacketLanguage } from '../../../../shared/export-types.ts';
import { CheckItems } from '../../components/CheckItems.tsx';
import { formatDate, formatSize, plural } from '../../format.ts';
import { routeHash } from '../../route.ts';
import { specialistLabel } from './defaults.ts';

type Choose = (change: Partial<ExportChoices>) => void;

/** Whom the bundle is for: the case's specialists, or not decided yet. */
export function ForWhom({ details, specialistId, specialist, busy, pickSpecialist }: { details: CaseDetails; specialistId: number | null; specialist: Specialist | null; busy: boolean; pickSpecialist: (value: string) => void }) {
  return (
    <section className="case-section" aria-labelledby="for-whom">
      <h2 id="for-whom">For whom</h2>
      <label className="field">
        Specialist
        <select value={specialistId ?? ''} onChange={(e) => pickSpecialist(e.target.value)} disabled={busy}>
          {details.specialists.map((s) => (
            <option key={s.id} value={s.id}>
              {specialistLabel(s)}
            </option>
          ))}
          <option value="">Not decided yet</option>
        </select>
      </label>
      <p className="hint">
        {specialist
          ? `${specialist.accepts ? `Takes records as ${SUBMISSION_METHOD_LABELS[specialist.accepts]}` : 'How they take records: not known'}${specialist.sizeLimitMb ? `; up to ${specialist.sizeLimitMb} MB` : ''}. The cover page names them.`
          : details.specialists.length
            ? 'The cover page will say it is prepared for a specialist in this field.'
            : 'Add the specialists you are asking on the case page; the cover page names the one you send to.'}
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
  return (
    <>
      <section className="case-section" aria-labelledby="gaps">
        <h2 id="gaps">Before you send</h2>
        {plan.openGaps.length === 0 ? (
          <p className="export-ready">✓ Everything a specialist usually asks for is in this case.</p>
        ) : (
          <>
            <p className="hint">
              {missing
                ? `${plural(missing, 'thing')} a specialist usually asks for ${missing === 1 ? 'is' : 'are'} not in the case yet. You can send it now and the rest later.`
                : 'A few things to check before sending.'}{' '}
              <a href={routeHash({ name: 'case', id: caseId })}>Go to the case</a>
            </p>
            <div className="checklist export-gaps">
              <CheckItems items={plan.openGaps} />
            </div>
          </>
        )}
      </section>

      {unchecked.length > 0 && (
        <section className="case-section" aria-labelledby="unchecked-title">
          <h2 id="unchecked-title">Not yet checked</h2>
          <p className="hint">
            {plural(unchecked.reduce((n, d) => n + d.unchecked, 0), 'value')} read from {unchecked.length === 1 ? 'a document' : `${unchecked.length} documents`} to send (lab values,
            medications, allergies) {unchecked.reduce((n, d) => n + d.unchecked, 0) === 1 ? 'has' : 'have'} not been checked against the page. The packet prints them marked
            &ldquo;not yet checked&rdquo;; check them beside each document to send them as checked.
          </p>
          <ul className="export-unsorted">
            {unchecked.map((d) => (
              <li key={d.id}>
                <a href={routeHash({ name: 'document', id: d.id })}>Check {d.title}</a> <span className="hint">({plural(d.unchecked, 'value')})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {unsorted.length > 0 && (
        <section className="case-section" aria-labelledby="unsorted-title">
          <h2 id="unsorted-title">Undated or unsorted</h2>
          <p className="hint">
            {unsorted.length === 1 ? 'One document to send has' : `${unsorted.length} documents to send have`} no date or no kind of document yet, so the packet&apos;s
            index and timeline list {unsorted.length === 1 ? 'it' : 'them'} as &ldquo;Undated&rdquo; or &ldquo;Other&rdquo;. A specialist reads the packet in date order: set{' '}
            {unsorted.length === 1 ? 'it' : 'them'} on the document&apos;s page.
          </p>
          <ul className="export-unsorted">
            {unsorted.slice(0, 6).map((d) => (
              <li key={d.id}>
                <a href={routeHash({ name: 'document', id: d.id })}>{d.title}</a> <span className="hint">({[d.date ? null : 'no date', d.type === 'other' ? 'kind not set' : null].filter(Boolean).join(', ')})</span>
              </li>
            ))}
            {unsorted.length > 6 && <li className="hint">and {unsorted.length - 6} more</li>}
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
  return (
    <section className="case-section" aria-labelledby="what-goes">
      <h2 id="what-goes">What goes in</h2>
      {plan.documents.length === 0 && (
        <p className="export-problem">
          This case has no documents yet. <a href={routeHash({ name: 'case', id: caseId })}>Add them on the case page</a>, then come back to send it.
        </p>
      )}
      <fieldset className="export-documents" disabled={busy}>
        <legend className="visually-hidden">Documents to send</legend>
        {plan.documents.map((d) => (
          <div key={d.id} className="export-document-row">
            <label className="export-document">
              <input type="checkbox" checked={chosenIds.has(d.id)} onChange={(e) => toggleDocument(d.id, e.target.checked)} />
              <span className="export-document-title">{d.title}</span>
              <span className="export-document-detail">
                {d.typeLabel}
                {d.date ? ` · ${formatDate(d.date)}` : ''} · {formatSize(d.redactedSize !== null && !choices.sendOriginal.includes(d.id) ? d.redactedSize : d.size)}
                {d.included ? '' : ' · left out of the case'}
                {d.redactedSize !== null ? (choices.sendOriginal.includes(d.id) ? ' · the original, not your redacted copy' : ' · redacted by you') : ''}
              </span>
            </label>
            {d.redactedSize !== null && chosenIds.has(d.id) && (
              <label className="export-send-original">
                <input
                  type="checkbox"
                  checked={choices.sendOriginal.includes(d.id)}
                  onChange={(e) => choose({ sendOriginal: e.target.checked ? [...choices.sendOriginal, d.id] : choices.sendOriginal.filter((id) => id !== d.id) })}
                />{' '}
                Send the original instead of the redacted copy
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <p className="hint" role="status">
        {plural(chosen.length, 'document')} of {plan.documents.length} · about {formatSize(estimate)} in all
        {parts > 1 ? `, in about ${parts} parts` : ''}
      </p>
      <fieldset className="export-radio" disabled={busy}>
        <legend>Imaging studies</legend>
        <label>
          <input type="radio" name="images" checked={!choices.reportsOnly} onChange={() => choose({ reportsOnly: false })} /> With the images (every DICOM file, as on the CD)
        </label>
        <label>
          <input type="radio" name="images" checked={choices.reportsOnly} onChange={() => choose({ reportsOnly: true })} /> Reports only (the packet still lists each study; much smaller)
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

/** Each packet language by its own name, as a reader of it looks for it. */
const PACKET_LANGUAGE_NAMES: Readonly<Record<PacketLanguage, string>> = { en: 'English', es: 'Español (Spanish)' };

/** The packet's language, ZIP or not, parts of at most some size, and a password. */
export function HowWritten(props: { choices: ExportChoices; choose: Choose; specialist: Specialist | null; specialistId: number | null; busy: boolean; secret: PasswordChoice; setSecret: (change: Partial<PasswordChoice>) => void }) {
  const { choices, choose, specialist, specialistId, busy, secret, setSecret } = props;
  const { usePassword, password, confirm } = secret;
  return (
    <section className="case-section" aria-labelledby="how-written">
      <h2 id="how-written">How it is written</h2>
      <fieldset className="export-radio" disabled={busy}>
        <legend>Language of the packet</legend>
        {PACKET_LANGUAGES.map((language) => (
          <label key={language} lang={language}>
            <input type="radio" name="packet-language" checked={choices.language === language} onChange={() => choose({ language })} /> {PACKET_LANGUAGE_NAMES[language]}
          </label>
        ))}
        <p className="hint">The packet's headings, labels and notes; what you and your records wrote stays as written.</p>
      </fieldset>
      <fieldset className="export-radio" disabled={busy}>
        <legend className="visually-hidden">ZIP</legend>
        <label>
          <input type="checkbox" checked={choices.zip} onChange={(e) => choose({ zip: e.target.checked })} /> Also as a ZIP file, for uploading or email
        </label>
        <label className="export-inline">
          <input
            type="checkbox"
            checked={choices.maxSizeMb !== null}
            disabled={!choices.zip}
            onChange={(e) => choose({ maxSizeMb: e.target.checked ? (specialist?.sizeLimitMb ?? 25) : null })}
          />{' '}
          Split the ZIP into parts of at most
          <input
            key={`${specialistId ?? 0}-${choices.maxSizeMb === null}`}
            type="number"
            min={1}
            step={1}
            className="export-size"
            aria-label="Largest part, in megabytes"
            defaultValue={choices.maxSizeMb ?? ''}
            disabled={!choices.zip || choices.maxSizeMb === null}
            onChange={(e) => {
              // Kept as typed; a size counts once it is a number of at least 1 MB.
              const mb = Number(e.target.value);
              if (e.target.value && mb >= 1) choose({ maxSizeMb: mb });
            }}
          />{' '}
          MB
        </label>
      </fieldset>
      <p className="hint">Email grows an attachment by about a third: for a 25 MB mailbox, choose 18 MB.</p>
      <fieldset className="export-radio" disabled={busy}>
        <legend className="visually-hidden">Password</legend>
        <label>
          <input type="checkbox" checked={usePassword} onChange={(e) => setSecret({ usePassword: e.target.checked })} /> Protect with a password (AES-256: the packet and the ZIP)
        </label>
        {usePassword && (
          <div className="export-password">
            <label className="field">
              Password
              <input type="password" autoComplete="new-password" value={password} onChange={(e) => setSecret({ password: e.target.value })} />
            </label>
            <label className="field">
              The same again
              <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setSecret({ confirm: e.target.value })} />
            </label>
            <p className="hint">
              {ENCRYPTED_ZIP_TOOLS} Tell the specialist the password another way (by phone or text), never in the same email. Casebinder does not keep it.
            </p>
          </div>
        )}
      </fieldset>
    </section>
  );
}

/** The folder the bundle is written into (chosen in the system's dialog, remembered). */
export function Where({ plan, changeFolder, busy }: { plan: ExportPlan; changeFolder: () => void; busy: boolean }) {
  return (
    <section className="case-section" aria-labelledby="where">
      <h2 id="where">Where</h2>
      <p className="export-folder">
        {plan.folder ? (
          <>
            Written into <code>{plan.folder}</code>
          </>
        ) : (
          'You will choose a folder when you write the bundle.'
        )}{' '}
        <button type="button" className="small" onClick={changeFolder} disabled={busy}>
          {plan.folder ? 'Change…' : 'Choose…'}
        </button>
      </p>
    </section>
  );
}
