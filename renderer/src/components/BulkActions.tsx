import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { DocumentSummary } from '../../../shared/ipc-contract.ts';
import type { Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { useT } from '../i18n/index.ts';
import { useLoaded } from '../loaded.ts';
import './BulkActions.css';

interface Props {
  readonly patient: Patient;
  readonly patients: readonly Patient[];
  /** The documents listed (the filter's result), in order. */
  readonly documents: readonly DocumentSummary[];
  readonly selected: ReadonlySet<number>;
  readonly onSelected: (ids: ReadonlySet<number>) => void;
  readonly libraryVersion: number;
  /** A correction that can be undone (a move, the trash): said with Undo. */
  readonly onCorrected: (message: string) => void;
  readonly onError: (message: string) => void;
}

/**
 * What a person does to many documents at once: choose all the filter shows (or some, in the list), then
 * add them to a case, accept their suggestions, tag them, move them to another patient or to the trash.
 * Also accepts, in one go, the suggestions of the documents the person has opened and so looked at.
 */
export function BulkActions({ patient, patients, documents, selected, onSelected, libraryVersion, onCorrected, onError }: Props) {
  const cases = useLoaded(() => invoke('cases:list', patient.id), [patient.id, libraryVersion, onError], onError) ?? [];
  const opened = useLoaded(() => invoke('documents:opened-with-suggestions', patient.id), [patient.id, libraryVersion, onError], onError) ?? [];
  const [said, setSaid] = useState('');
  const [tag, setTag] = useState('');
  const selectAll = useRef<HTMLInputElement>(null);
  const ids = documents.filter((d) => selected.has(d.id)).map((d) => d.id);
  const all = ids.length === documents.length && documents.length > 0;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = ids.length > 0 && !all;
  }, [ids.length, all]);
  const { t } = useT();
  const count = ids.length;
  const act = async (work: () => Promise<string>, undoable = false) => {
    try {
      const message = await work();
      onSelected(new Set());
      if (undoable) onCorrected(message);
      else setSaid(message);
    } catch (e) {
      onError(messageOf(e));
    }
  };

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const name = tag.trim();
    if (!name) return;
    void act(async () => {
      const { tagged } = await invoke('documents:tag', ids, name);
      setTag('');
      return t('bulk.tagged', { count: tagged.length, name, already: ids.length - tagged.length });
    });
  };

  return (
    <div className="bulk-actions" role="toolbar" aria-label={t('bulk.toolbar')}>
      <label className="bulk-all">
        <input ref={selectAll} type="checkbox" checked={all} onChange={() => onSelected(all ? new Set() : new Set(documents.map((d) => d.id)))} />
        {t(all ? 'bulk.allChosen' : 'bulk.chooseAll', { count: documents.length })}
      </label>
      {ids.length > 0 ? (
        <>
          <strong className="bulk-count">{t('bulk.chosen', { count })}</strong>
          <select
            aria-label={t('bulk.addToCaseLabel', { count })}
            value=""
            disabled={cases.length === 0}
            title={cases.length === 0 ? t('bulk.startCase') : undefined}
            onChange={(e) => {
              const c = cases.find((k) => k.id === Number(e.target.value));
              if (c) void act(async () => (await invoke('cases:add-documents', c.id, ids), t('bulk.added', { count, title: c.title })));
            }}
          >
            <option value="">{cases.length ? t('bulk.addToCase') : t('bulk.noCase')}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const { confirmed } = await invoke('documents:confirm-many', ids);
                return confirmed.length ? t('bulk.accepted', { count: confirmed.length }) : t('bulk.noneToAccept');
              })
            }
          >
            {t('bulk.accept')}
          </button>
          <form className="bulk-tag" onSubmit={addTag}>
            <input aria-label={t('bulk.tagLabel', { count })} value={tag} onChange={(e) => setTag(e.target.value)} placeholder={t('bulk.tagExample')} maxLength={100} />
            <button type="submit" disabled={!tag.trim()}>
              {t('bulk.tag')}
            </button>
          </form>
          {patients.length > 1 && (
            <select
              aria-label={t('bulk.moveLabel', { count })}
              value=""
              onChange={(e) => {
                const to = patients.find((p) => p.id === Number(e.target.value));
                if (to) void act(async () => (await invoke('documents:move-many', ids, to.id), t('bulk.moved', { count, from: patient.name, to: to.name })), true);
              }}
            >
              <option value="">{t('bulk.move')}</option>
              {patients
                .filter((p) => p.id !== patient.id)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          )}
          <button type="button" className="danger" onClick={() => void act(async () => (await invoke('documents:trash', ids), t('bulk.trashed', { count })), true)}>
            {t('bulk.trash')}
          </button>
          <button type="button" className="link" onClick={() => onSelected(new Set())}>
            {t('bulk.clear')}
          </button>
        </>
      ) : (
        opened.length > 0 && (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const { confirmed } = await invoke('documents:confirm-many', opened);
                return t('bulk.acceptedOpened', { count: confirmed.length });
              })
            }
          >
            {t('bulk.acceptOpened', { count: opened.length })}
          </button>
        )
      )}
      <span className="bulk-said" role="status">
        {said}
      </span>
    </div>
  );
}
