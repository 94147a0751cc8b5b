import { useState } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { formatDate, typeLabel } from '../format.ts';
import { useLoaded } from '../loaded.ts';
import { routeHash } from '../route.ts';
import './TrashScreen.css';

interface Props {
  readonly patients: readonly Patient[];
  readonly libraryVersion: number;
  readonly onCorrected: (message: string) => void;
  readonly onError: (message: string) => void;
}

/**
 * The trash: documents put there, each restorable until the trash is emptied (on its own after 30
 * days). Emptying it removes them for good, and their original files when no other document uses them.
 */
export function TrashScreen({ patients, libraryVersion, onCorrected, onError }: Props) {
  const documents = useLoaded(() => invoke('trash:list'), [libraryVersion, onError], onError);
  const [confirming, setConfirming] = useState(false);
  const [emptied, setEmptied] = useState<string | null>(null);
  const whose = (id: number) => patients.find((p) => p.id === id)?.name ?? 'another patient';
  return (
    <div className="trash-screen">
      <ScreenHeader back={{ href: '#/', label: 'Library' }} title="Trash" subtitle="Restore a document, or remove them for good" />
      <main className="trash-body">
        {emptied && (
          <p className="notice" role="status">
            {emptied}
          </p>
        )}
        {documents === null ? (
          <p role="status">Opening the trash…</p>
        ) : documents.length === 0 ? (
          <p className="empty">The trash is empty.</p>
        ) : (
          <>
            <p className="hint">Documents stay here for 30 days, out of every list, search, case and packet, and can be restored until then.</p>
            <ul className="trash-list" aria-label="Documents in the trash">
              {documents.map((d) => (
                <li key={d.id} className="trash-item">
                  <span className="trash-main">
                    <a href={routeHash({ name: 'document', id: d.id })}>{d.title}</a>
                    <span className="muted">
                      {typeLabel(d.type ?? d.suggested.type)} · {whose(d.patientId)} · in the trash since {formatDate(d.deletedAt.slice(0, 10))}; removed for good after {formatDate(d.removedAfter)}
                    </span>
                  </span>
                  <button type="button" onClick={() => void invoke('documents:restore', d.id).then(() => onCorrected(`Restored “${d.title}”.`), (e: unknown) => onError(messageOf(e)))}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
            {confirming ? (
              <div className="confirm-empty" role="group" aria-label="Empty the trash">
                <p>
                  Remove {documents.length === 1 ? 'this document' : `these ${documents.length} documents`} for good? Their original files go too, unless another document
                  uses them. What you did before (moves, merges) can no longer be undone.
                </p>
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    void invoke('trash:empty').then(
                      (r) => {
                        setConfirming(false);
                        setEmptied(`Removed ${r.removed === 1 ? '1 document' : `${r.removed} documents`} for good.`);
                      },
                      (e: unknown) => onError(messageOf(e)),
                    )
                  }
                >
                  Remove for good
                </button>
                <button type="button" className="link" onClick={() => setConfirming(false)}>
                  Keep them
                </button>
              </div>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                Empty the trash…
              </button>
            )}
          </>
        )}
      </main>
    </div>
  );
}
