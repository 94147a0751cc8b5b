import { useCallback, useEffect, useState } from 'react';
import type { OcrStatus as Status } from '../../../shared/ipc-contract.ts';
import { invoke, messageOf, on } from '../api.ts';
import { useT } from '../i18n/index.ts';
import './OcrStatus.css';

/**
 * Reading scanned pages happens in the background, after imports: this says how far it is, and lets
 * the person stop it (the rest waits) or start it again.
 */
export function OcrStatus({ libraryVersion, onError }: { libraryVersion: number; onError: (message: string) => void }) {
  const [status, setStatus] = useState<Status | null>(null);
  const { t } = useT();
  const refresh = useCallback(() => {
    invoke('ocr:status').then(setStatus, (e: unknown) => onError(messageOf(e)));
  }, [onError]);

  useEffect(refresh, [refresh, libraryVersion]);
  useEffect(() => {
    const offProgress = on('job:progress', (event) => {
      if (event.kind === 'ocr') setStatus((s) => s && { ...s, jobId: event.jobId, progress: event.progress });
    });
    const offFinished = on('job:finished', ({ kind }) => kind === 'ocr' && refresh());
    return () => {
      offProgress();
      offFinished();
    };
  }, [refresh]);

  if (!status) return null;
  if (status.jobId && status.progress) {
    const { pagesDone, pagesTotal } = status.progress;
    return (
      <div className="ocr-status" role="status" aria-live="polite">
        <progress max={Math.max(1, pagesTotal)} value={pagesDone} aria-label={t('ocr.reading')} />
        <span>{t('ocr.progress', { done: pagesDone, total: pagesTotal })}</span>
        <button type="button" className="small" onClick={() => void invoke('ocr:cancel').then(refresh, (e: unknown) => onError(messageOf(e)))}>
          {t('ocr.stop')}
        </button>
      </div>
    );
  }
  if (status.waiting > 0) {
    return (
      <div className="ocr-status" role="status">
        <span>{t('ocr.waiting', { count: status.waiting })}</span>
        <button type="button" className="small" onClick={() => void invoke('ocr:start').then(refresh, (e: unknown) => onError(messageOf(e)))}>
          {t('ocr.readNow')}
        </button>
      </div>
    );
  }
  return null;
}
