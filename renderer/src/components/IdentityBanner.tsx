import { useState } from 'react';
import type { MedicalDocument, Patient } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate } from '../format.ts';
import { useT } from '../i18n/index.ts';
import './IdentityBanner.css';

interface Props {
  readonly document: MedicalDocument;
  readonly patients: readonly Patient[];
  /** Told what was done, so the window can offer to undo it. */
  readonly onCorrected: (message: string) => void;
  readonly onError: (message: string) => void;
}

/**
 * A document that names the patient only in another script ("محمد رضایی" for Mohammad Rezaei): read as
 * theirs, and said so, with the way to say it is someone else's.
 */
export function LikelyNameNote({ document: doc, patients }: { readonly document: MedicalDocument; readonly patients: readonly Patient[] }) {
  const patient = patients.find((p) => p.id === doc.patientId);
  const { rich, list } = useT();
  if (doc.identity.match !== 'same' || doc.identity.confirmed || doc.identity.likelyNames.length === 0 || !patient) return null;
  return (
    <p className="identity-likely" role="note">
      {rich('identity.likely', { names: <bdi>{list(doc.identity.likelyNames)}</bdi>, patient: patient.name })}
    </p>
  );
}

/**
 * A document that names someone else: what it says instead, that its facts are held back, and the
 * three ways to settle it: it is the patient's after all (a name change, a nickname), it is another
 * patient's (move it there), or it is not wanted (the trash).
 */
export function IdentityBanner({ document: doc, patients, onCorrected, onError }: Props) {
  const patient = patients.find((p) => p.id === doc.patientId);
  const others = patients.filter((p) => p.id !== doc.patientId);
  if (doc.identity.match !== 'other' || !patient) return null;
  const act = (work: Promise<unknown>, message: string) => void work.then(() => onCorrected(message), (e: unknown) => onError(messageOf(e)));
  return (
    <section className="identity-banner" role="alert" aria-labelledby="identity-title">
      <h2 id="identity-title">Is this {patient.name}’s record?</h2>
      <p>
        {doc.identity.reason}{' '}
        {doc.kind === 'study'
          ? `A specialist sent these images as ${patient.name}’s would read someone else’s: the case’s checklist warns until you say whose they are.`
          : `Its lab values, medications, allergies and problems are held back from ${patient.name}’s health record, the checklist, the timeline and the packet until you say whose it is.`}
      </p>
      {doc.identity.names.length > 0 && (
        <p className="identity-names">
          Names in it: {doc.identity.names.join(', ')}
          {doc.identity.birthDates.length ? ` · born ${doc.identity.birthDates.map(formatDate).join(', ')}` : ''}
        </p>
      )}
      <div className="identity-actions">
        <button type="button" className="primary" onClick={() => act(invoke('documents:mine', doc.id), `“${doc.title}” is ${patient.name}’s; its facts are in the health record.`)}>
          It is {patient.name}’s
        </button>
        <MoveControl document={doc} patients={patients} label="It is another patient’s…" onCorrected={onCorrected} onError={onError} />
        <button type="button" onClick={() => act(invoke('documents:trash', [doc.id]), `Put “${doc.title}” in the trash.`)}>
          Not wanted: put it in the trash
        </button>
      </div>
      {others.length === 0 && <p className="hint">To move it to the person it names, add them as a patient first (Patient → Add a patient…).</p>}
    </section>
  );
}

/** Files a document under another patient: a button, then the patient to choose and Move. */
export function MoveControl({ document: doc, patients, label, onCorrected, onError }: Props & { readonly label: string }) {
  const others = patients.filter((p) => p.id !== doc.patientId);
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState<number | null>(others[0]?.id ?? null);
  if (!moving) {
    return (
      <button type="button" onClick={() => setMoving(true)} disabled={others.length === 0} title={others.length ? undefined : 'Add the patient it belongs to first'}>
        {label}
      </button>
    );
  }
  return (
    <span className="identity-move">
      <label htmlFor={`move-to-${doc.id}`}>Move to</label>
      <select id={`move-to-${doc.id}`} value={target ?? ''} onChange={(e) => setTarget(Number(e.target.value))}>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.dateOfBirth ? ` (born ${formatDate(p.dateOfBirth)})` : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={target === null}
        onClick={() =>
          void invoke('documents:move', doc.id, target!).then(
            () => onCorrected(`Moved “${doc.title}” to ${others.find((p) => p.id === target)?.name ?? 'the other patient'}.`),
            (e: unknown) => onError(messageOf(e)),
          )
        }
      >
        Move
      </button>
      <button type="button" className="link" onClick={() => setMoving(false)}>
        Cancel
      </button>
    </span>
  );
}
