/** What the export wrote: the folder, the packet, the ZIP parts, and where to go next. */
import type { RefObject } from 'react';
import { ENCRYPTED_ZIP_TOOLS } from '../../../../shared/export-types.ts';
import type { ExportResult } from '../../../../shared/export-types.ts';
import { invoke, messageOf } from '../../api.ts';
import { formatSize, plural } from '../../format.ts';
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
  return (
      <section className="export-outcome" aria-labelledby="outcome-title">
        {work.state === 'running' && (
          <>
            <h2 id="outcome-title">Writing the bundle</h2>
            <Progress label="Writing the bundle" progress={work.progress} onCancel={() => onCancel(work.jobId)} />
          </>
        )}
        {work.state === 'cancelled' && (
          <>
            <h2 id="outcome-title">Cancelled</h2>
            <p>The export was cancelled; nothing was written.</p>
          </>
        )}
        {work.state === 'failed' && (
          <>
            <h2 id="outcome-title">The bundle was not written</h2>
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
              Close
            </button>
          </div>
        )}
      </section>
    );
}
