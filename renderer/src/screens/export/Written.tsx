/** What the export wrote: the folder, the packet, the ZIP parts, and where to go next. */
import type { RefObject } from 'react';
import type { ExportResult } from '../../../../shared/export-types.ts';
import { say } from '../../../../shared/said.ts';
import { invoke, messageOf } from '../../api.ts';
import { formatSize } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { Progress } from './work.tsx';
import type { Work } from './work.tsx';

export function Written({
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
  const { t, rich, language } = useT();
  return (
    <>
      <h2 id="outcome-title" tabIndex={-1} ref={headingRef}>
        {t('export.written')}
      </h2>
      <p>
        <code>{result.folder}</code>
      </p>
      <p>
        {t('export.writtenSize', { pages: result.pages, documents: result.documents, size: formatSize(result.bytes) })}
      </p>
      {result.zip.length > 0 && (
        <p>
          {t('export.zipParts', { count: result.zip.length, files: result.zip.map(fileName).join(', ') })}
        </p>
      )}
      {encrypted && <p className="hint">{t('export.zipTools')}</p>}
      {sent === false && (
        <p className="export-sent">
          {rich('export.markSent', {
            button: (chunks) => (
              <button type="button" className="link" onClick={onSent}>
                {chunks}
              </button>
            ),
          })}
        </p>
      )}
      {sent === true && <p className="export-sent">{t('export.markedSent')}</p>}
      {result.warnings.length > 0 && (
        <ul className="export-warnings">
          {result.warnings.map((w) => say(w, language)).map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="panel-actions">
        <button type="button" className="primary" onClick={() => call('export:show')}>
          {t('export.show')}
        </button>
        <button type="button" onClick={() => call('export:open-packet')}>
          {t('export.open')}
        </button>
        <button type="button" className="push-right" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </>
  );
}

/** Writing the bundle: its progress with cancel, then what was written (or why not). */
export function Outcome(props: {
  work: Work<ExportResult>;
  encrypted: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  sent: boolean | null;
  onSent: () => void;
  onCancel: (jobId: string) => void;
  onClose: () => void;
  onError: (m: string) => void;
}) {
  const { work, encrypted, headingRef, sent, onSent, onCancel, onClose, onError } = props;
  const { t } = useT();
  return (
      <section className="export-outcome" aria-labelledby="outcome-title">
        {work.state === 'running' && (
          <>
            <h2 id="outcome-title">{t('export.writing')}</h2>
            <Progress label={t('export.writing')} progress={work.progress} onCancel={() => onCancel(work.jobId)} />
          </>
        )}
        {work.state === 'cancelled' && (
          <>
            <h2 id="outcome-title">{t('export.cancelled')}</h2>
            <p>{t('export.cancelledText')}</p>
          </>
        )}
        {work.state === 'failed' && (
          <>
            <h2 id="outcome-title">{t('export.notWritten')}</h2>
            <p role="alert">{work.message}</p>
          </>
        )}
        {work.state === 'done' && <Written
            jobId={work.jobId}
            result={work.value}
            encrypted={encrypted}
            headingRef={headingRef}
            sent={sent}
            onSent={onSent}
            onClose={onClose}
            onError={onError}
          />}
        {(work.state === 'cancelled' || work.state === 'failed') && (
          <div className="panel-actions done">
            <button type="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        )}
      </section>
    );
}
