import { useEffect, useRef, useState } from 'react';
import type { SecurityStatus } from '../../../shared/security-types.ts';
import { IDLE_LOCK_CHOICES } from '../../../shared/security-types.ts';
import { ApiError, invoke, messageOf, on } from '../api.ts';
import './PrivacyDialog.css';

interface Props {
  readonly status: SecurityStatus;
  readonly onStatus: (status: SecurityStatus) => void;
  readonly onClose: () => void;
  readonly onLock: () => void;
}

/** A job of this dialog (encrypting, decrypting, backing up) as it runs. */
interface Running {
  readonly jobId: string;
  readonly what: string;
  readonly done: number;
  readonly total: number;
}

const REMINDER_CHOICES = [0, 1, 3, 7, 14, 30] as const;

function useJobProgress(running: Running | null, setRunning: (r: Running | null) => void) {
  useEffect(() => {
    if (!running) return;
    return on('job:progress', (event) => {
      if (event.jobId !== running.jobId) return;
      const p = event.progress as { bytesDone?: number; bytesTotal?: number; done: number; total: number };
      setRunning({ ...running, done: p.bytesTotal ? (p.bytesDone ?? 0) : p.done, total: p.bytesTotal || p.total });
    });
  }, [running, setRunning]);
}

/** Encryption at rest, the lock and backups: what is on, and turning each on, off or changing it. */
export function PrivacyDialog({ status, onStatus, onClose, onLock }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  useJobProgress(running, setRunning);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  async function attempt(work: () => Promise<void>) {
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <dialog ref={ref} className="modal privacy" aria-labelledby="privacy-title" onClose={onClose} onCancel={(e) => running && e.preventDefault()}>
      <h2 id="privacy-title">Privacy and backups</h2>
      {message && (
        <p className="privacy-message" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {running ? (
        <section aria-live="polite">
          <p>{running.what}…</p>
          <progress max={Math.max(1, running.total)} value={running.done} aria-label={running.what} />
          <div className="panel-actions">
            <button type="button" onClick={() => void invoke(running.what.startsWith('Backing') ? 'backup:cancel' : 'security:cancel', running.jobId)}>
              Cancel
            </button>
          </div>
        </section>
      ) : status.encrypted ? (
        <Encrypted status={status} onStatus={onStatus} attempt={attempt} setRunning={setRunning} setMessage={setMessage} onLock={onLock} />
      ) : (
        <TurnOn attempt={attempt} setRunning={setRunning} onStatus={onStatus} setMessage={setMessage} />
      )}
      {!running && <Backups status={status} onStatus={onStatus} attempt={attempt} setRunning={setRunning} setMessage={setMessage} />}
      <div className="panel-actions dialog-end">
        <button type="button" onClick={onClose} disabled={running !== null}>
          Close
        </button>
      </div>
    </dialog>
  );
}

interface SectionProps {
  readonly attempt: (work: () => Promise<void>) => Promise<void>;
  readonly setRunning: (r: Running | null) => void;
  readonly setMessage: (m: string | null) => void;
  readonly onStatus: (s: SecurityStatus) => void;
}

/** Turning encryption on: what it means, a passphrase twice, the recovery key to keep, then the work. */
function TurnOn({ attempt, setRunning, onStatus, setMessage }: SectionProps) {
  const [step, setStep] = useState<'off' | 'passphrase' | 'recovery'>('off');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [kept, setKept] = useState(false);
  const mismatch = again.length > 0 && again !== passphrase;
  const tooShort = passphrase.length > 0 && [...passphrase].length < 8;

  if (step === 'off') {
    return (
      <fieldset>
        <legend>Encryption: off</legend>
        <p className="hint">
          The library's files can be read by anyone who opens this computer's disk, copies the folder, or finds it in a synced folder. Encrypted, the database and every original are
          unreadable without your passphrase, and the window locks when you leave it.
        </p>
        <button type="button" className="primary" onClick={() => setStep('passphrase')}>
          Turn on encryption…
        </button>
      </fieldset>
    );
  }
  if (step === 'passphrase') {
    return (
      <fieldset>
        <legend>Choose a passphrase</legend>
        <p className="hint warning-banner">
          If you forget the passphrase and lose the recovery key, nobody can open the library again, Casebinder included. There is no reset.
        </p>
        <label htmlFor="new-passphrase">Passphrase (at least 8 characters; a few unrelated words are best)</label>
        <input id="new-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-invalid={tooShort || undefined} />
        <label htmlFor="new-passphrase-again">The same passphrase again</label>
        <input id="new-passphrase-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch || undefined} />
        {tooShort && <p className="form-error">Use at least 8 characters.</p>}
        {mismatch && <p className="form-error">The two passphrases differ.</p>}
        <div className="panel-actions">
          <button
            type="button"
            className="primary"
            disabled={tooShort || mismatch || !passphrase || again !== passphrase}
            onClick={() =>
              void attempt(async () => {
                setRecoveryKey(await invoke('security:new-recovery-key'));
                setStep('recovery');
              })
            }
          >
            Next
          </button>
          <button type="button" onClick={() => setStep('off')}>
            Back
          </button>
        </div>
      </fieldset>
    );
  }
  return (
    <fieldset>
      <legend>Your recovery key</legend>
      <p className="hint">If the passphrase is ever forgotten, only this key opens the library. Write it down or print it, and keep it away from this computer. It is shown only now.</p>
      <p className="recovery-key mono" aria-label="Recovery key">
        {recoveryKey}
      </p>
      <div className="panel-actions">
        <button type="button" onClick={() => window.print()}>
          Print…
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />I have written down or printed the recovery key
      </label>
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          disabled={!kept}
          onClick={() =>
            void attempt(async () => {
              const { jobId } = await invoke('security:encrypt', passphrase, recoveryKey!);
              setRunning({ jobId, what: 'Encrypting the library', done: 0, total: 1 });
              try {
                onStatus(await invoke('security:conversion-result', jobId));
                setMessage('The library is encrypted. It opens with your passphrase from now on.');
              } finally {
                setRunning(null);
                setPassphrase('');
                setAgain('');
              }
            })
          }
        >
          Encrypt the library
        </button>
        <button type="button" onClick={() => setStep('passphrase')}>
          Back
        </button>
      </div>
    </fieldset>
  );
}

/** With encryption on: lock now, idle time, the passphrase, the keychain, turning it off. */
function Encrypted({ status, onStatus, attempt, setRunning, setMessage, onLock }: SectionProps & { readonly status: SecurityStatus; readonly onLock: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [changing, setChanging] = useState(false);
  const [turningOff, setTurningOff] = useState(false);
  return (
    <fieldset>
      <legend>Encryption: on</legend>
      <p className="hint">The database and every original are encrypted on disk; thumbnails and drafts are kept only in memory.</p>
      <div className="panel-actions">
        <button type="button" className="primary" onClick={onLock}>
          Lock now
        </button>
        <label htmlFor="idle-lock">Lock after</label>
        <select
          id="idle-lock"
          value={status.idleLockMinutes ?? 0}
          onChange={(e) => void attempt(async () => onStatus(await invoke('security:settings', { idleLockMinutes: Number(e.target.value) })))}
        >
          {IDLE_LOCK_CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? 'only when I lock it' : `${m} minute${m === 1 ? '' : 's'} unused`}
            </option>
          ))}
        </select>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={status.keychain.stored}
          disabled={!status.keychain.available && !status.keychain.stored}
          onChange={(e) => void attempt(async () => onStatus(await invoke('security:keychain', e.target.checked)))}
        />
        Also keep the key in the system keychain{status.keychain.available ? ` (${status.keychain.backend})` : ''}, to unlock without typing
      </label>
      {!status.keychain.available && status.keychain.why && <p className="hint">{status.keychain.why}</p>}
      {changing ? (
        <form
          className="stacked"
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(async () => {
              await invoke('security:change-passphrase', current, next);
              setChanging(false);
              setCurrent('');
              setNext('');
              setMessage('The passphrase is changed. The recovery key still works.');
            });
          }}
        >
          <label htmlFor="current-passphrase">Current passphrase</label>
          <input id="current-passphrase" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          <label htmlFor="next-passphrase">New passphrase (at least 8 characters)</label>
          <input id="next-passphrase" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
          <div className="panel-actions">
            <button type="submit" className="primary" disabled={!current || [...next].length < 8}>
              Change passphrase
            </button>
            <button type="button" onClick={() => setChanging(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : turningOff ? (
        <form
          className="stacked"
          onSubmit={(e) => {
            e.preventDefault();
            void attempt(async () => {
              const { jobId } = await invoke('security:decrypt', current);
              setRunning({ jobId, what: 'Decrypting the library', done: 0, total: 1 });
              try {
                onStatus(await invoke('security:conversion-result', jobId));
                setMessage('The library is no longer encrypted.');
              } finally {
                setRunning(null);
                setCurrent('');
              }
            });
          }}
        >
          <p className="hint warning-banner">Turned off, the library's files can be read by anyone with access to this computer's disk.</p>
          <label htmlFor="off-passphrase">Passphrase</label>
          <input id="off-passphrase" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          <div className="panel-actions">
            <button type="submit" disabled={!current}>
              Turn off encryption
            </button>
            <button type="button" onClick={() => setTurningOff(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="panel-actions">
          <button type="button" onClick={() => setChanging(true)}>
            Change passphrase…
          </button>
          <button type="button" onClick={() => setTurningOff(true)}>
            Turn off encryption…
          </button>
        </div>
      )}
    </fieldset>
  );
}

/** Backups: when the last one was made, making one now, checking it, and the reminder. */
function Backups({ status, onStatus, attempt, setRunning, setMessage }: SectionProps & { readonly status: SecurityStatus }) {
  const [usePassword, setUsePassword] = useState(false);
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const passwordReady = !usePassword || [...password].length >= 8;
  async function backUp(choose: boolean) {
    const to = !choose && status.lastBackup ? status.lastBackup.to : await invoke('backup:choose-folder');
    if (!to) return;
    let jobId: string;
    try {
      ({ jobId } = await invoke('backup:start', to, usePassword ? password : null));
    } catch (e) {
      // A folder backed up with a password needs it again.
      if (e instanceof ApiError && e.code === 'library-locked') setUsePassword(true);
      throw e;
    }
    setRunning({ jobId, what: 'Backing up', done: 0, total: 1 });
    try {
      const result = await invoke('backup:result', jobId);
      setRecoveryKey(result.recoveryKey);
      setMessage(`Backed up into ${result.to}: ${result.copied} new file(s) copied, ${result.originals - result.copied} already there.`);
      onStatus(await invoke('security:status'));
    } finally {
      setRunning(null);
    }
  }
  return (
    <fieldset>
      <legend>Backups</legend>
      <p className="hint">
        {status.lastBackup ? (
          <>
            Last backup: {new Date(status.lastBackup.at).toLocaleString()}, into <span className="mono">{status.lastBackup.to}</span>.
          </>
        ) : (
          'No backup yet. Back up to a folder on another drive (an external disk): only what changed is copied each time.'
        )}
        {status.encrypted && ' Backups of an encrypted library are encrypted too.'}
      </p>
      {!status.encrypted && (
        <>
          <label className="check">
            <input type="checkbox" checked={usePassword} onChange={(e) => setUsePassword(e.target.checked)} />
            Encrypt the backup with a password (the library itself is not encrypted)
          </label>
          {usePassword && (
            <>
              <label htmlFor="backup-password">Backup password (at least 8 characters)</label>
              <input id="backup-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </>
          )}
        </>
      )}
      {recoveryKey && (
        <>
          <p className="hint">The backup's recovery key: if its password is forgotten, only this key opens the backup. Write it down or print it; it is shown only now.</p>
          <p className="recovery-key mono" aria-label="Backup recovery key">
            {recoveryKey}
          </p>
        </>
      )}
      <div className="panel-actions">
        <button type="button" className="primary" disabled={!passwordReady} onClick={() => void attempt(() => backUp(false))}>
          Back up now{status.lastBackup ? '' : '…'}
        </button>
        {status.lastBackup && (
          <>
            <button type="button" disabled={!passwordReady} onClick={() => void attempt(() => backUp(true))}>
              Another folder…
            </button>
            <button
              type="button"
              onClick={() =>
                void attempt(async () => {
                  const report = await invoke('backup:verify', status.lastBackup!.to);
                  setMessage(report.ok ? `The backup is sound: ${report.filesVerified} file(s) re-read and matched.` : `The backup has problems: ${report.problems.join(' ')}`);
                })
              }
            >
              Check the backup
            </button>
          </>
        )}
      </div>
      <div className="panel-actions">
        <label htmlFor="backup-reminder">Remind me after</label>
        <select
          id="backup-reminder"
          value={status.backupReminderDays ?? 7}
          onChange={(e) => void attempt(async () => onStatus(await invoke('security:settings', { backupReminderDays: Number(e.target.value) })))}
        >
          {REMINDER_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d === 0 ? 'never' : `${d} day${d === 1 ? '' : 's'} without a backup`}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
