import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportOutcome, ImportProgress, ImportResult } from '../../shared/import-types.ts';
import type { Patient } from '../../shared/library-types.ts';
import { invoke, messageOf, on } from './api.ts';

export interface ImportState {
  readonly jobId: string | null;
  readonly patient: Patient;
  readonly progress: ImportProgress | null;
  /** Outcomes as they arrive, newest last. */
  readonly outcomes: readonly ImportOutcome[];
  readonly result: ImportResult | null;
  readonly status: 'starting' | 'running' | 'finished' | 'cancelled' | 'failed';
  readonly error: string | null;
}

export interface Imports {
  readonly state: ImportState | null;
  start(paths: readonly string[], patient: Patient): Promise<void>;
  choose(kind: 'files' | 'folder', patient: Patient): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

/** One import at a time, followed through its job's events until its result is in. */
export function useImports(): Imports {
  const [state, setState] = useState<ImportState | null>(null);
  const jobId = useRef<string | null>(null);
  // A quick import can report progress, even finish, before the window learns its job id: its events
  // wait here until then.
  const early = useRef(new Map<string, (() => void)[]>());

  useEffect(() => {
    const forJob = (id: string, apply: () => void) => {
      if (id === jobId.current) apply();
      else if (jobId.current === null) early.current.set(id, [...(early.current.get(id) ?? []), apply]);
    };
    const offProgress = on('job:progress', (event) => {
      if (event.kind !== 'import') return;
      const { jobId: id, progress } = event;
      forJob(id, () =>
        setState((s) => s && { ...s, status: 'running', progress, outcomes: progress.outcome ? [...s.outcomes, progress.outcome] : s.outcomes }),
      );
    });
    const offFinished = on('job:finished', ({ jobId: id, kind, status }) =>
      kind === 'import' &&
      forJob(id, () => {
        void invoke('import:result', id).then(
          (result) => setState((s) => s && { ...s, result, status: result.cancelled ? 'cancelled' : 'finished' }),
          (error: unknown) => setState((s) => s && { ...s, status: status === 'cancelled' ? 'cancelled' : 'failed', error: messageOf(error) }),
        );
      }),
    );
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const start = useCallback(async (paths: readonly string[], patient: Patient) => {
    if (paths.length === 0) return;
    jobId.current = null;
    early.current.clear();
    setState({ jobId: null, patient, progress: null, outcomes: [], result: null, status: 'starting', error: null });
    try {
      const { jobId: id } = await invoke('import:start', [...paths], patient.id);
      jobId.current = id;
      setState((s) => s && { ...s, jobId: id, status: s.status === 'starting' ? 'running' : s.status });
      for (const apply of early.current.get(id) ?? []) apply();
      early.current.clear();
    } catch (error) {
      setState((s) => s && { ...s, status: 'failed', error: messageOf(error) });
    }
  }, []);

  const choose = useCallback(
    async (kind: 'files' | 'folder', patient: Patient) => {
      const paths = await invoke('import:choose', kind);
      await start(paths, patient);
    },
    [start],
  );

  const cancel = useCallback(() => {
    if (jobId.current) void invoke('import:cancel', jobId.current);
  }, []);

  const dismiss = useCallback(() => {
    jobId.current = null;
    setState(null);
  }, []);

  return { state, start, choose, cancel, dismiss };
}
