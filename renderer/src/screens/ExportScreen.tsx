import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { CaseDetails, Specialist } from '../../../shared/case-types.ts';
import { DEFAULT_EXPORT_CHOICES, ENCRYPTED_ZIP_TOOLS, EXPORT_PHASE_LABELS } from '../../../shared/export-types.ts';
import type { ExportChoices, ExportPlan, ExportProgress, ExportResult, PacketPreview } from '../../../shared/export-types.ts';
import type { Patient } from '../../../shared/library-types.ts';
import { ApiError, invoke, messageOf, on } from '../api.ts';
import { CheckItems } from '../components/CheckItems.tsx';
import { PdfView } from '../components/PdfView.tsx';
import { formatDate, formatSize, plural } from '../format.ts';
import type { PdfSource } from '../pdf.ts';
import { routeHash } from '../route.ts';
import type { Route } from '../route.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';

interface Props {
  readonly patient: Patient;
  readonly route: Extract<Route, { name: 'export' }>;
  readonly libraryVersion: number;
  readonly onError: (message: string) => void;
}

/** A job of the export (the preview or the writing) as the screen follows it. */
type Work<T> =
  | { readonly state: 'running'; readonly jobId: string; readonly progress: ExportProgress | null }
  | { readonly state: 'done'; readonly jobId: string; readonly value: T }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string };

const MIN_PASSWORD = 8;

/**
 * Follows one job's progress events, then its result; cancelling ends in 'cancelled', not an error.
 * `leave` runs for the last job when the screen goes (a preview's packet is let go of).
 */
function useWork<T>(kind: 'export' | 'preview', finish: (jobId: string) => Promise<T>, leave?: (jobId: string) => void) {
  const [work, setWork] = useState<Work<T> | null>(null);
  const current = useRef<string | null>(null);
  const leaving = useRef(leave);
  useEffect(
    () => () => {
      if (current.current) leaving.current?.(current.current);
    },
    [],
  );
  useEffect(
    () =>
      on('job:progress', (event) => {
        if (event.kind === kind && event.jobId === current.current) {
          const progress = event.progress;
          setWork((w) => (w?.state === 'running' && w.jobId === event.jobId ? { ...w, progress } : w));
        }
      }),
    [kind],
  );
  const start = useCallback(
    async (begin: () => Promise<{ jobId: string; progress?: ExportProgress | null }>) => {
      let jobId: string | null = null;
      try {
        const begun = await begin();
        jobId = begun.jobId;
        current.current = jobId;
        setWork({ state: 'running', jobId, progress: begun.progress ?? null });
        const value = await finish(jobId);
        if (current.current === jobId) setWork({ state: 'done', jobId, value });
      } catch (e) {
        // A job a newer one replaced says nothing here.
        if (jobId !== null && current.current !== jobId) return;
        const cancelled = e instanceof ApiError && e.code === 'cancelled';
        setWork(cancelled ? { state: 'cancelled' } : { state: 'failed', message: messageOf(e) });
      }
    },
    [finish],
  );
  return { work, start, clear: () => setWork(null) };
}

function Progress({ label, progress, onCancel }: { label: string; progress: ExportProgress | null; onCancel: () => void }) {
  const phase = progress ? EXPORT_PHASE_LABELS[progress.phase] : 'Starting';
  const counted = progress && progress.total > 1;
  return (
    <div className="export-progress" role="status" aria-label={label}>
      <p>
        <strong>{phase}</strong>
        {counted && progress.phase !== 'zip' ? ` · ${progress.done} of ${progress.total}` : ''}
        {counted && progress.phase === 'zip' ? ` · ${formatSize(progress.done)} of ${formatSize(progress.total)}` : ''}
      </p>
      <progress max={progress?.total || 1} value={progress ? progress.done : undefined} aria-label={phase} />
      {progress?.current && <p className="export-current">{progress.current}</p>}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

/** The choices for a specialist: what was used for them last time, else the case's included documents and their size limit. */
function choicesFor(plan: ExportPlan, specialist: Specialist | null): ExportChoices {
  const remembered = plan.remembered[String(specialist?.id ?? 0)];
  if (remembered) {
    const inCase = new Set(plan.documents.map((d) => d.id));
    const ids = remembered.documentIds?.filter((id) => inCase.has(id)) ?? null;
    return { ...remembered, documentIds: ids && ids.length ? ids : null };
  }
  return { ...DEFAULT_EXPORT_CHOICES, maxSizeMb: specialist?.sizeLimitMb ?? null };
}

function specialistLabel(s: Specialist): string {
  return s.institution ? `${s.name}, ${s.institution}` : s.name;
}

/**
 * Preparing what a specialist receives: whom it is for, what the checklist still misses, which
 * documents go and how (images or reports only, a size limit, a password), the packet looked through
 * before anything is written, then the writing with its progress, cancel and "show in folder".
 */
export function ExportScreen({ patient, route, libraryVersion, onError }: Props) {
  const [loaded, setLoaded] = useState<{ case: CaseDetails; plan: ExportPlan } | null>(null);
  const [specialistId, setSpecialistId] = useState<number | null>(null);
  const [choices, setChoices] = useState<ExportChoices | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [usePassword, setUsePassword] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [previewedWith, setPreviewedWith] = useState<string | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const started = useRef(false);
  const caseId = route.caseId;

  useEffect(() => {
    let live = true;
    Promise.all([invoke('cases:get', caseId), invoke('export:plan', caseId)]).then(
      ([c, plan]) => {
        if (!live) return;
        setLoaded({ case: c.case, plan });
        if (started.current) return;
        // The first time: for the case's first specialist, with what was chosen for them last time.
        started.current = true;
        const first = c.case.specialists[0] ?? null;
        setSpecialistId(first?.id ?? null);
        setChoices(choicesFor(plan, first));
      },
      (e: unknown) => onError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [caseId, libraryVersion, onError]);

  const readPreview = useCallback((jobId: string) => invoke('export:preview-info', jobId), []);
  const readResult = useCallback((jobId: string) => invoke('export:result', jobId), []);
  const preview = useWork<PacketPreview>('preview', readPreview, (jobId) => void invoke('export:preview-discard', jobId).catch(() => undefined));
  const writing = useWork<ExportResult>('export', readResult);

  // An export of this case still being written when the person left this screen: follow it again.
  const followWriting = writing.start;
  useEffect(() => {
    void invoke('export:running', caseId).then(
      (running) => running && followWriting(async () => running),
      (e: unknown) => onError(messageOf(e)),
    );
  }, [caseId, followWriting, onError]);

  const writtenDone = writing.work?.state === 'done';
  useEffect(() => {
    if (writtenDone) doneHeading.current?.focus();
  }, [writtenDone]);

  const plan = loaded?.plan ?? null;
  const details = loaded?.case ?? null;
  const chosen = useMemo(() => {
    if (!plan || !choices) return [];
    const ids = choices.documentIds ? new Set(choices.documentIds) : null;
    return plan.documents.filter((d) => (ids ? ids.has(d.id) : d.included));
  }, [plan, choices]);

  if (!plan || !details || !choices) return <p className="screen-loading" role="status">Opening the case…</p>;

  const specialist = details.specialists.find((s) => s.id === specialistId) ?? null;
  const request = { caseId, specialistId, choices };
  const requestKey = JSON.stringify(request);
  const chosenIds = new Set(chosen.map((d) => d.id));
  const unsorted = chosen.filter((d) => d.kind === 'file' && (d.date === null || d.type === 'other'));
  const fileBytes = chosen.filter((d) => d.kind === 'file').reduce((n, d) => n + d.size, 0);
  const imageBytes = choices.reportsOnly ? 0 : chosen.filter((d) => d.kind === 'study').reduce((n, d) => n + d.size, 0);
  const packetBytes = preview.work?.state === 'done' && previewedWith === requestKey ? preview.work.value.size : fileBytes;
  // The packet, the originals, their second copy in the XDM folder, and the DICOM files.
  const estimate = packetBytes + 2 * fileBytes + imageBytes;
  const running = writing.work?.state === 'running' ? writing.work : null;
  const previewing = preview.work?.state === 'running' ? preview.work : null;
  const busy = running !== null;
  const cancel = (jobId: string) => void invoke('export:cancel', jobId).catch((e: unknown) => onError(messageOf(e)));

  const choose = (change: Partial<ExportChoices>) => setChoices({ ...choices, ...change });
  const toggleDocument = (id: number, on: boolean) => {
    const ids = plan.documents.filter((d) => (d.id === id ? on : chosenIds.has(d.id))).map((d) => d.id);
    const included = plan.documents.filter((d) => d.included).map((d) => d.id);
    const same = ids.length === included.length && ids.every((x, i) => x === included[i]);
    choose({ documentIds: same ? null : ids });
  };
  const pickSpecialist = (value: string) => {
    const next = value ? Number(value) : null;
    setSpecialistId(next);
    setChoices(choicesFor(plan, details.specialists.find((s) => s.id === next) ?? null));
  };

  const startPreview = () => {
    setPreviewedWith(requestKey);
    void preview.start(() => invoke('export:preview', request));
  };

  const write = async () => {
    setProblem(null);
    if (chosen.length === 0) return setProblem('Choose at least one document to send.');
    if (usePassword) {
      if (password.length < MIN_PASSWORD) return setProblem(`Use a password of at least ${MIN_PASSWORD} characters.`);
      if (password !== confirm) return setProblem('The two passwords are not the same. Type the password again in both boxes.');
    }
    try {
      if (!plan.folder) {
        const folder = await invoke('export:choose-folder');
        if (!folder) return;
        setLoaded({ case: details, plan: { ...plan, folder } });
      }
      void writing.start(() => invoke('export:start', { ...request, password: usePassword ? password : null }));
    } catch (e) {
      onError(messageOf(e));
    }
  };

  const changeFolder = () =>
    void invoke('export:choose-folder').then(
      (folder) => folder && setLoaded({ case: details, plan: { ...plan, folder } }),
      (e: unknown) => onError(messageOf(e)),
    );

  const previewSource: PdfSource | null =
    preview.work?.state === 'done'
      ? (({ jobId, value }) => ({ key: `preview:${jobId}`, title: 'Packet preview', size: value.size, read: (offset: number, length: number) => invoke('export:preview-read', jobId, offset, length) }))(preview.work)
      : null;
  const missing = plan.openGaps.filter((g) => g.status === 'missing').length;
  const unchecked = plan.documents.filter((d) => chosenIds.has(d.id) && d.unchecked > 0);
  const parts = choices.zip && choices.maxSizeMb ? Math.max(1, Math.ceil(estimate / (choices.maxSizeMb * 1e6))) : 1;

  return (
    <div className="record-screen export-screen">
      <ScreenHeader back={{ href: routeHash({ name: 'case', id: caseId }), label: details.title }} title="Prepare the bundle" subtitle={`${details.title} · ${patient.name}`} />
      <div className="export-body">
        <main className="export-options" aria-label="What to send">
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
                ? `${specialist.accepts ? `Takes records by ${specialist.accepts}` : 'How they take records: not known'}${specialist.sizeLimitMb ? `; up to ${specialist.sizeLimitMb} MB` : ''}. The cover page names them.`
                : details.specialists.length
                  ? 'The cover page will say it is prepared for a specialist in this field.'
                  : 'Add the specialists you are asking on the case page; the cover page names the one you send to.'}
            </p>
          </section>

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
                <label key={d.id} className="export-document">
                  <input type="checkbox" checked={chosenIds.has(d.id)} onChange={(e) => toggleDocument(d.id, e.target.checked)} />
                  <span className="export-document-title">{d.title}</span>
                  <span className="export-document-detail">
                    {d.typeLabel}
                    {d.date ? ` · ${formatDate(d.date)}` : ''} · {formatSize(d.size)}
                    {d.included ? '' : ' · left out of the case'}
                  </span>
                </label>
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

          <section className="case-section" aria-labelledby="how-written">
            <h2 id="how-written">How it is written</h2>
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
                <input type="checkbox" checked={usePassword} onChange={(e) => setUsePassword(e.target.checked)} /> Protect with a password (AES-256: the packet and the ZIP)
              </label>
              {usePassword && (
                <div className="export-password">
                  <label className="field">
                    Password
                    <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
                  </label>
                  <label className="field">
                    The same again
                    <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
                  </label>
                  <p className="hint">
                    {ENCRYPTED_ZIP_TOOLS} Tell the specialist the password another way (by phone or text), never in the same email. Casebinder does not keep it.
                  </p>
                </div>
              )}
            </fieldset>
          </section>

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

          {problem && (
            <p className="export-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="panel-actions export-actions">
            <button type="button" onClick={startPreview} disabled={busy || previewing !== null || chosen.length === 0}>
              Preview the packet
            </button>
            <button type="button" className="primary" onClick={() => void write()} disabled={busy || chosen.length === 0}>
              Write the bundle
            </button>
          </div>

        </main>

        <section className="export-preview" aria-label="Packet preview">
          {preview.work?.state === 'done' && previewSource ? (
            <>
              <p className={`export-preview-note${previewedWith === requestKey ? '' : ' stale'}`} role="status">
                {previewedWith === requestKey
                  ? `The packet as it will be written: ${plural(preview.work.value.pages, 'page')}.`
                  : 'The choices changed since this preview.'}{' '}
                {previewedWith !== requestKey && (
                  <button type="button" className="small" onClick={startPreview}>
                    Preview again
                  </button>
                )}
                {preview.work.value.warnings.map((w) => (
                  <span key={w} className="export-warning">
                    {w}
                  </span>
                ))}
              </p>
              <PdfView source={previewSource} onError={onError} />
            </>
          ) : previewing ? (
            <div className="export-preview-empty">
              <Progress label="Making the preview" progress={previewing.progress} onCancel={() => cancel(previewing.jobId)} />
            </div>
          ) : (
            <div className="export-preview-empty">
              <p>
                {preview.work?.state === 'failed'
                  ? `The preview could not be made: ${preview.work.message}`
                  : preview.work?.state === 'cancelled'
                    ? 'The preview was cancelled.'
                    : 'See the packet page by page before you write it: the cover, the summary, the timeline, the labs and every document, as the specialist will.'}
              </p>
              <button type="button" onClick={startPreview} disabled={chosen.length === 0}>
                Preview the packet
              </button>
            </div>
          )}
        </section>
      </div>
      {writing.work && (
        <section className="export-outcome" aria-labelledby="outcome-title">
          {writing.work.state === 'running' && (
            <>
              <h2 id="outcome-title">Writing the bundle</h2>
              <Progress label="Writing the bundle" progress={writing.work.progress} onCancel={() => running && cancel(running.jobId)} />
            </>
          )}
          {writing.work.state === 'cancelled' && (
            <>
              <h2 id="outcome-title">Cancelled</h2>
              <p>The export was cancelled; nothing was written.</p>
            </>
          )}
          {writing.work.state === 'failed' && (
            <>
              <h2 id="outcome-title">The bundle was not written</h2>
              <p role="alert">{writing.work.message}</p>
            </>
          )}
          {writing.work.state === 'done' && <Written
              jobId={writing.work.jobId}
              result={writing.work.value}
              encrypted={usePassword}
              headingRef={doneHeading}
              sent={details.status === 'sent' ? true : details.status === 'gathering' || details.status === 'ready' ? false : null}
              onSent={() => void invoke('cases:update', caseId, { status: 'sent' }).catch((e: unknown) => onError(messageOf(e)))}
              onClose={writing.clear}
              onError={onError}
            />}
          {(writing.work.state === 'cancelled' || writing.work.state === 'failed') && (
            <div className="panel-actions done">
              <button type="button" onClick={writing.clear}>
                Close
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function Written({
  jobId,
  result,
  encrypted,
  headingRef,
  sent,
  onSent,
  onClose,
  onError,
}: {
  jobId: string;
  result: ExportResult;
  encrypted: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Whether the case is marked as sent; null once it is past that (an opinion came back). */
  sent: boolean | null;
  onSent: () => void;
  onClose: () => void;
  onError: (m: string) => void;
}) {
  const call = (channel: 'export:show' | 'export:open-packet') => void invoke(channel, jobId).catch((e: unknown) => onError(messageOf(e)));
  const fileName = (p: string) => p.split(/[\\/]/).pop() ?? p;
  return (
    <>
      <h2 id="outcome-title" tabIndex={-1} ref={headingRef}>
        ✓ The bundle is written
      </h2>
      <p>
        <code>{result.folder}</code>
      </p>
      <p>
        A packet of {plural(result.pages, 'page')} with {plural(result.documents, 'document')}; {formatSize(result.bytes)} in all.
      </p>
      {result.zip.length > 0 && (
        <p>
          {result.zip.length === 1 ? 'ZIP: ' : `ZIP in ${result.zip.length} parts (send every part): `}
          {result.zip.map(fileName).join(', ')}
        </p>
      )}
      {encrypted && <p className="hint">{ENCRYPTED_ZIP_TOOLS}</p>}
      {sent === false && (
        <p className="export-sent">
          Once you have sent it (uploaded, emailed or mailed),{' '}
          <button type="button" className="link" onClick={onSent}>
            mark the case as sent
          </button>
          .
        </p>
      )}
      {sent === true && <p className="export-sent">✓ The case is marked as sent.</p>}
      {result.warnings.length > 0 && (
        <ul className="export-warnings">
          {result.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="panel-actions">
        <button type="button" className="primary" onClick={() => call('export:show')}>
          Show in folder
        </button>
        <button type="button" onClick={() => call('export:open-packet')}>
          Open the packet
        </button>
        <button type="button" className="push-right" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
