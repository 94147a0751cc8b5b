import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { DocumentSummary } from '../../../shared/ipc-contract.ts';
import type { Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { plural } from '../format.ts';
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
  const what = plural(ids.length, 'document');

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
      return `Tagged ${plural(tagged.length, 'document')} “${name}”${tagged.length < ids.length ? ` (${ids.length - tagged.length} had it already)` : ''}.`;
    });
  };

  return (
    <div className="bulk-actions" role="toolbar" aria-label="Choose documents and act on them together">
      <label className="bulk-all">
        <input ref={selectAll} type="checkbox" checked={all} onChange={() => onSelected(all ? new Set() : new Set(documents.map((d) => d.id)))} />
        {all ? `All ${documents.length} chosen` : `Choose all ${documents.length}`}
      </label>
      {ids.length > 0 ? (
        <>
          <strong className="bulk-count">{what} chosen</strong>
          <select
            aria-label={`Add the ${what} to a case`}
            value=""
            disabled={cases.length === 0}
            title={cases.length === 0 ? 'Start a case first (Cases)' : undefined}
            onChange={(e) => {
              const c = cases.find((k) => k.id === Number(e.target.value));
              if (c) void act(async () => (await invoke('cases:add-documents', c.id, ids), `Added ${what} to the case “${c.title}”.`));
            }}
          >
            <option value="">{cases.length ? 'Add to a case…' : 'No case to add to yet'}</option>
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
                return confirmed.length ? `Accepted the suggestions of ${plural(confirmed.length, 'document')}.` : 'None of them had a suggestion left to accept.';
              })
            }
          >
            Accept suggestions
          </button>
          <form className="bulk-tag" onSubmit={addTag}>
            <input aria-label={`A tag for the ${what}`} value={tag} onChange={(e) => setTag(e.target.value)} placeholder="e.g. for Dr. Brandt" maxLength={100} />
            <button type="submit" disabled={!tag.trim()}>
              Tag
            </button>
          </form>
          {patients.length > 1 && (
            <select
              aria-label={`Move the ${what} to another patient`}
              value=""
              onChange={(e) => {
                const to = patients.find((p) => p.id === Number(e.target.value));
                if (to) void act(async () => (await invoke('documents:move-many', ids, to.id), `Moved ${what} from ${patient.name} to ${to.name}.`), true);
              }}
            >
              <option value="">Move to another patient…</option>
              {patients
                .filter((p) => p.id !== patient.id)
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          )}
          <button type="button" className="danger" onClick={() => void act(async () => (await invoke('documents:trash', ids), `Put ${what} in the trash.`), true)}>
            Move to trash
          </button>
          <button type="button" className="link" onClick={() => onSelected(new Set())}>
            Clear the choice
          </button>
        </>
      ) : (
        opened.length > 0 && (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                const { confirmed } = await invoke('documents:confirm-many', opened);
                return `Accepted the suggestions of ${plural(confirmed.length, 'document')} you had opened.`;
              })
            }
          >
            Accept the suggestions of the {plural(opened.length, 'document')} you have opened
          </button>
        )
      )}
      <span className="bulk-said" role="status">
        {said}
      </span>
    </div>
  );
}
