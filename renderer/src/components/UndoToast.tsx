import { useEffect, useRef, useState } from 'react';
import { invoke, messageOf } from '../api.ts';
import { useT } from '../i18n/index.ts';
import './UndoToast.css';

/**
 * Says what a correction just did (a move, "this is mine", a document in the trash, a merge) with a way
 * to undo it: undone at once, until the trash is emptied. It stays until the person closes it or does
 * something else, and takes the focus so a keyboard user can undo straight away.
 */
export function UndoToast({ message, onClose, onError }: { message: string; onClose: () => void; onError: (m: string) => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const { t } = useT();
  useEffect(() => undo.current?.focus(), [message]);
  return (
    <div className="undo-toast" role="status" aria-live="polite">
      <p>{undone ? t('undo.undone', { what: undone }) : message}</p>
      {!undone && (
        <button
          type="button"
          ref={undo}
          onClick={() =>
            void invoke('corrections:undo').then(
              (c) => setUndone(c.description),
              (e: unknown) => onError(messageOf(e)),
            )
          }
        >
          {t('undo.undo')}
        </button>
      )}
      <button type="button" className="link" onClick={onClose} aria-label={t('undo.close')}>
        {t('undo.closeShort')}
      </button>
    </div>
  );
}
