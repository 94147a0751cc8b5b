import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseDetails } from '../../../../shared/case-types.ts';
import type { ExportChoices, ExportPlan, ExportResult, PacketPreview } from '../../../../shared/export-types.ts';
import type { Patient } from '../../../../shared/library-types.ts';
import { invoke, messageOf } from '../../api.ts';
import type { PdfSource } from '../../pdf.ts';
import { useT } from '../../i18n/index.ts';
import { routeHash } from '../../route.ts';
import type { Route } from '../../route.ts';
import { ScreenHeader } from '../../components/ScreenHeader.tsx';
import { BeforeYouSend, ForWhom, HowWritten, WhatGoesIn, Where } from './Choices.tsx';
import type { PasswordChoice } from './Choices.tsx';
import { choicesFor, MIN_PASSWORD } from './defaults.ts';
import { PreviewPane } from './Preview.tsx';
import { useWork } from './work.tsx';
import { Outcome } from './Written.tsx';
import './export.css';

interface Props {
  readonly patient: Patient;
  readonly route: Extract<Route, { name: 'export' }>;
  readonly libraryVersion: number;
  readonly onError: (message: string) => void;
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
  const [secret, setSecret] = useState<PasswordChoice>({ usePassword: false, password: '', confirm: '' });
  const { usePassword, password, confirm } = secret;
  const [problem, setProblem] = useState<string | null>(null);
  const [previewedWith, setPreviewedWith] = useState<string | null>(null);
  const doneHeading = useRef<HTMLHeadingElement>(null);
  const started = useRef(false);
  const caseId = route.caseId;
  const { t, language } = useT();

  useEffect(() => {
    let live = true;
    // The checklist's open gaps in the window's language: asked for again when it changes.
    Promise.all([invoke('cases:get', caseId, language), invoke('export:plan', caseId, language)]).then(
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
  }, [caseId, libraryVersion, onError, language]);

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

  if (!plan || !details || !choices) return <p className="screen-loading" role="status">{t('case.opening')}</p>;

  const specialist = details.specialists.find((s) => s.id === specialistId) ?? null;
  const request = { caseId, specialistId, choices };
  const requestKey = JSON.stringify(request);
  const chosenIds = new Set(chosen.map((d) => d.id));
  // A redacted document goes as its redacted copy, unless the person chose its original.
  const sentSize = (d: (typeof chosen)[number]) => (d.redactedSize !== null && !choices.sendOriginal.includes(d.id) ? d.redactedSize : d.size);
  const fileBytes = chosen.filter((d) => d.kind === 'file').reduce((n, d) => n + sentSize(d), 0);
  const imageBytes = choices.reportsOnly ? 0 : chosen.filter((d) => d.kind === 'study').reduce((n, d) => n + d.size, 0);
  const packetBytes = preview.work?.state === 'done' && previewedWith === requestKey ? preview.work.value.size : fileBytes;
  // The packet, the originals, their second copy in the XDM folder, and the DICOM files.
  const estimate = packetBytes + 2 * fileBytes + imageBytes;
  const busy = writing.work?.state === 'running';
  const previewing = preview.work?.state === 'running';
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
    if (chosen.length === 0) return setProblem(t('export.chooseOne'));
    if (usePassword) {
      if (password.length < MIN_PASSWORD) return setProblem(t('export.passwordShort', { count: MIN_PASSWORD }));
      if (password !== confirm) return setProblem(t('export.passwordsDiffer'));
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
      ? (({ jobId, value }) => ({ key: `preview:${jobId}`, title: t('export.previewTitle'), size: value.size, read: (offset: number, length: number) => invoke('export:preview-read', jobId, offset, length) }))(preview.work)
      : null;
  const parts = choices.zip && choices.maxSizeMb ? Math.max(1, Math.ceil(estimate / (choices.maxSizeMb * 1e6))) : 1;

  return (
    <div className="record-screen export-screen">
      <ScreenHeader back={{ href: routeHash({ name: 'case', id: caseId }), label: details.title }} title={t('export.title')} subtitle={`${details.title} · ${patient.name}`} />
      <div className="export-body">
        <main className="export-options" aria-label={t('export.whatToSend')}>
          <ForWhom details={details} specialistId={specialistId} specialist={specialist} busy={busy} pickSpecialist={pickSpecialist} />


          <BeforeYouSend plan={plan} caseId={caseId} chosen={chosen} />

          <WhatGoesIn plan={plan} caseId={caseId} chosen={chosen} choices={choices} choose={choose} toggleDocument={toggleDocument} estimate={estimate} parts={parts} busy={busy} />

          <HowWritten choices={choices} choose={choose} specialist={specialist} specialistId={specialistId} busy={busy} secret={secret} setSecret={(change) => setSecret({ ...secret, ...change })} />

          <Where plan={plan} changeFolder={changeFolder} busy={busy} />

          {problem && (
            <p className="export-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="panel-actions export-actions">
            <button type="button" onClick={startPreview} disabled={busy || previewing || chosen.length === 0}>
              {t('export.preview')}
            </button>
            <button type="button" className="primary" onClick={() => void write()} disabled={busy || chosen.length === 0}>
              {t('export.write')}
            </button>
          </div>

        </main>

        <PreviewPane
          work={preview.work}
          source={previewSource}
          current={previewedWith === requestKey}
          chosenCount={chosen.length}
          onPreview={startPreview}
          onCancel={cancel}
          onError={onError}
        />
      </div>
      {writing.work && (
        <Outcome
          work={writing.work}
          encrypted={usePassword}
          headingRef={doneHeading}
          sent={details.status === 'sent' ? true : details.status === 'gathering' || details.status === 'ready' ? false : null}
          onSent={() => void invoke('cases:update', caseId, { status: 'sent' }).catch((e: unknown) => onError(messageOf(e)))}
          onCancel={cancel}
          onClose={writing.clear}
          onError={onError}
        />
      )}
    </div>
  );
}
