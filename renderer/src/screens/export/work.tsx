/** Following an export's jobs (the preview, the writing): their progress, cancelling, and result. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportProgress } from '../../../../shared/export-types.ts';
import { ApiError, messageOf, on } from '../../api.ts';
import { formatSize } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** A job of the export (the preview or the writing) as the screen follows it. */
export type Work<T> =
  | { readonly state: 'running'; readonly jobId: string; readonly progress: ExportProgress | null }
  | { readonly state: 'done'; readonly jobId: string; readonly value: T }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string };

/**
 * Follows one job's progress events, then its result; cancelling ends in 'cancelled', not an error.
 * `leave` runs for the last job when the screen goes (a preview's packet is let go of).
 */
export function useWork<T>(kind: 'export' | 'preview', finish: (jobId: string) => Promise<T>, leave?: (jobId: string) => void) {
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

export function Progress({ label, progress, onCancel }: { label: string; progress: ExportProgress | null; onCancel: () => void }) {
  const { t } = useT();
  const phase = t('export.phase', { phase: progress?.phase ?? 'starting' });
  const counted = progress && progress.total > 1;
  return (
    <div className="export-progress" role="status" aria-label={label}>
      <p>
        <strong>{phase}</strong>
        {counted && <> · {t('export.of', progress.phase === 'zip' ? { done: formatSize(progress.done), total: formatSize(progress.total) } : { done: progress.done, total: progress.total })}</>}
      </p>
      <progress max={progress?.total || 1} value={progress ? progress.done : undefined} aria-label={phase} />
      {progress?.current && <p className="export-current">{progress.current}</p>}
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
