import { useEffect, useState } from 'react';
import type { DragEvent } from 'react';
import { invoke, messageOf } from '../api.ts';
import { useLoaded } from '../loaded.ts';
import { useT } from '../i18n/index.ts';
import './CaseDrop.css';

/** The kind of drag data a library document carries. */
const DOCUMENT_DRAG_TYPE = 'application/x-casebinder-document';

/** Makes a library row or a search hit draggable onto a case. */
export function dragDocument(id: number) {
  return {
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(DOCUMENT_DRAG_TYPE, String(id));
      e.dataTransfer.effectAllowed = 'copyLink';
    },
  };
}

/**
 * While a document is dragged in the library or the search results, the patient's cases appear as
 * places to drop it: dropped there, it joins that case.
 */
export function CaseDrop({ patientId, libraryVersion, onError }: { patientId: number; libraryVersion: number; onError: (m: string) => void }) {
  const cases = useLoaded(() => invoke('cases:list', patientId), [patientId, libraryVersion, onError], onError) ?? [];
  const [dragging, setDragging] = useState(false);
  const { t } = useT();
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    const start = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes(DOCUMENT_DRAG_TYPE)) setDragging(true);
    };
    const end = () => setDragging(false);
    document.addEventListener('dragstart', start);
    document.addEventListener('dragend', end);
    document.addEventListener('drop', end);
    return () => {
      document.removeEventListener('dragstart', start);
      document.removeEventListener('dragend', end);
      document.removeEventListener('drop', end);
    };
  }, []);
  if (added && !dragging) {
    return (
      <p className="case-drop-done" role="status">
        {added}
      </p>
    );
  }
  if (!dragging || cases.length === 0) return null;
  return (
    <div className="case-drop" aria-label={t('caseDrop.label')}>
      <p>{t('caseDrop.text')}</p>
      <ul>
        {cases.map((c) => (
          <li
            key={c.id}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes(DOCUMENT_DRAG_TYPE)) {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'copy';
              }
            }}
            onDrop={(e) => {
              e.preventDefault();
              const id = Number(e.dataTransfer.getData(DOCUMENT_DRAG_TYPE));
              setDragging(false);
              if (id) {
                void invoke('cases:add-documents', c.id, [id]).then(
                  () => setAdded(t('caseDrop.added', { title: c.title })),
                  (err: unknown) => onError(messageOf(err)),
                );
              }
            }}
          >
            {c.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
