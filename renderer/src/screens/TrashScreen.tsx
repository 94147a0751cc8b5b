import { useState } from 'react';
import type { Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { ScreenHeader } from '../components/ScreenHeader.tsx';
import { formatDate, typeLabel } from '../format.ts';
import { useLoaded } from '../loaded.ts';
import { routeHash } from '../route.ts';
import { useT } from '../i18n/index.ts';
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
  const { t } = useT();
  const whose = (id: number) => patients.find((p) => p.id === id)?.name ?? t('trash.anotherPatient');
  return (
    <div className="trash-screen">
      <ScreenHeader back={{ href: '#/', label: t('trash.library') }} title={t('trash.title')} subtitle={t('trash.subtitle')} />
      <main className="trash-body">
        {emptied && (
          <p className="notice" role="status">
            {emptied}
          </p>
        )}
        {documents === null ? (
          <p role="status">{t('trash.opening')}</p>
        ) : documents.length === 0 ? (
          <p className="empty">{t('trash.empty')}</p>
        ) : (
          <>
            <p className="hint">{t('trash.hint')}</p>
            <ul className="trash-list" aria-label={t('trash.list')}>
              {documents.map((d) => (
                <li key={d.id} className="trash-item">
                  <span className="trash-main">
                    <a href={routeHash({ name: 'document', id: d.id })}>{d.title}</a>
                    <span className="muted">
                      {t('trash.item', { type: typeLabel(d.type ?? d.suggested.type), whose: whose(d.patientId), since: formatDate(d.deletedAt.slice(0, 10)), until: formatDate(d.removedAfter) })}
                    </span>
                  </span>
                  <button type="button" onClick={() => void invoke('documents:restore', d.id).then(() => onCorrected(t('trash.restored', { title: d.title })), (e: unknown) => onError(messageOf(e)))}>
                    {t('trash.restore')}
                  </button>
                </li>
              ))}
            </ul>
            {confirming ? (
              <div className="confirm-empty" role="group" aria-label={t('trash.emptyLabel')}>
                <p>{t('trash.confirm', { count: documents.length })}</p>
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    void invoke('trash:empty').then(
                      (r) => {
                        setConfirming(false);
                        setEmptied(t('trash.removed', { count: r.removed }));
                      },
                      (e: unknown) => onError(messageOf(e)),
                    )
                  }
                >
                  {t('trash.removeForGood')}
                </button>
                <button type="button" className="link" onClick={() => setConfirming(false)}>
                  {t('trash.keep')}
                </button>
              </div>
            ) : (
              <button type="button" onClick={() => setConfirming(true)}>
                {t('trash.emptyButton')}
              </button>
            )}
          </>
        )}
      </main>
    </div>
  );
}
