import { useState } from 'react';
import type { MedicalDocument, Patient } from '../../../shared/library-types.ts';
import { identityWords } from '../../../shared/patient-match.ts';
import { say } from '../../../shared/said.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate } from '../format.ts';
import { useT } from '../i18n/index.ts';
import type { Translator } from '../i18n/index.ts';
import './IdentityBanner.css';

interface Props {
  readonly document: MedicalDocument;
  readonly patients: readonly Patient[];
  /** Told what was done, so the window can offer to undo it. */
  readonly onCorrected: (message: string) => void;
  readonly onError: (message: string) => void;
}

/** What a document says instead of the patient's name or birth date, in the window's language. */
export function identityReason(identity: MedicalDocument['identity'], patient: Patient, { language }: Translator): string {
  return identity.others ? say(identityWords(identity.others, patient), language) : (identity.reason ?? '');
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
  const tr = useT();
  const { t, list } = tr;
  if (doc.identity.match !== 'other' || !patient) return null;
  const act = (work: Promise<unknown>, message: string) => void work.then(() => onCorrected(message), (e: unknown) => onError(messageOf(e)));
  return (
    <section className="identity-banner" role="alert" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('identity.question', { name: patient.name })}</h2>
      <p>
        {identityReason(doc.identity, patient, tr)} {t(doc.kind === 'study' ? 'identity.heldStudy' : 'identity.held', { name: patient.name })}
      </p>
      {doc.identity.names.length > 0 && (
        <p className="identity-names">
          {t('identity.names', { names: list(doc.identity.names), born: doc.identity.birthDates.length ? list(doc.identity.birthDates.map(formatDate)) : 'none' })}
        </p>
      )}
      <div className="identity-actions">
        <button type="button" className="primary" onClick={() => act(invoke('documents:mine', doc.id), t('identity.minedDone', { title: doc.title, name: patient.name }))}>
          {t('identity.mine', { name: patient.name })}
        </button>
        <MoveControl document={doc} patients={patients} label={t('identity.another')} onCorrected={onCorrected} onError={onError} />
        <button type="button" onClick={() => act(invoke('documents:trash', [doc.id]), t('identity.trashed', { title: doc.title }))}>
          {t('identity.trash')}
        </button>
      </div>
      {others.length === 0 && <p className="hint">{t('identity.addFirst')}</p>}
    </section>
  );
}

/** Files a document under another patient: a button, then the patient to choose and Move. */
export function MoveControl({ document: doc, patients, label, onCorrected, onError }: Props & { readonly label: string }) {
  const others = patients.filter((p) => p.id !== doc.patientId);
  const [moving, setMoving] = useState(false);
  const [target, setTarget] = useState<number | null>(others[0]?.id ?? null);
  const { t } = useT();
  if (!moving) {
    return (
      <button type="button" onClick={() => setMoving(true)} disabled={others.length === 0} title={others.length ? undefined : t('identity.addOwner')}>
        {label}
      </button>
    );
  }
  return (
    <span className="identity-move">
      <label htmlFor={`move-to-${doc.id}`}>{t('identity.moveTo')}</label>
      <select id={`move-to-${doc.id}`} value={target ?? ''} onChange={(e) => setTarget(Number(e.target.value))}>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.dateOfBirth ? t('patients.born', { name: p.name, date: formatDate(p.dateOfBirth) }) : p.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={target === null}
        onClick={() =>
          void invoke('documents:move', doc.id, target!).then(
            () => onCorrected(t('identity.moved', { title: doc.title, name: others.find((p) => p.id === target)?.name ?? '' })),
            (e: unknown) => onError(messageOf(e)),
          )
        }
      >
        {t('identity.move')}
      </button>
      <button type="button" className="link" onClick={() => setMoving(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
