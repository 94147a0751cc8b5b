import { useEffect, useRef, useState } from 'react';
import type { SecurityStatus } from '../../../shared/security-types.ts';
import { IDLE_LOCK_CHOICES } from '../../../shared/security-types.ts';
import { ApiError, invoke, messageOf, on } from '../api.ts';
import { useT } from '../i18n/index.ts';
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
  readonly what: 'encrypt' | 'decrypt' | 'backup';
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
  const { t } = useT();

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
      <h2 id="privacy-title">{t('library.privacy')}</h2>
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
          <p>{t('privacy.running', { what: running.what })}…</p>
          <progress max={Math.max(1, running.total)} value={running.done} aria-label={t('privacy.running', { what: running.what })} />
          <div className="panel-actions">
            <button type="button" onClick={() => void invoke(running.what === 'backup' ? 'backup:cancel' : 'security:cancel', running.jobId)}>
              {t('common.cancel')}
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
          {t('common.close')}
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
  const { t } = useT();

  if (step === 'off') {
    return (
      <fieldset>
        <legend>{t('privacy.off')}</legend>
        <p className="hint">{t('privacy.offHint')}</p>
        <button type="button" className="primary" onClick={() => setStep('passphrase')}>
          {t('privacy.turnOn')}
        </button>
      </fieldset>
    );
  }
  if (step === 'passphrase') {
    return (
      <fieldset>
        <legend>{t('privacy.choose')}</legend>
        <p className="hint warning-banner">{t('privacy.noReset')}</p>
        <label htmlFor="new-passphrase">{t('privacy.newPassphrase')}</label>
        <input id="new-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-invalid={tooShort || undefined} />
        <label htmlFor="new-passphrase-again">{t('privacy.again')}</label>
        <input id="new-passphrase-again" type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} aria-invalid={mismatch || undefined} />
        {tooShort && <p className="form-error">{t('privacy.tooShort')}</p>}
        {mismatch && <p className="form-error">{t('privacy.differ')}</p>}
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
            {t('privacy.next')}
          </button>
          <button type="button" onClick={() => setStep('off')}>
            {t('privacy.back')}
          </button>
        </div>
      </fieldset>
    );
  }
  return (
    <fieldset>
      <legend>{t('privacy.yourKey')}</legend>
      <p className="hint">{t('privacy.keyHint')}</p>
      <p className="recovery-key mono" aria-label={t('lock.recoveryKey')}>
        {recoveryKey}
      </p>
      <div className="panel-actions">
        <button type="button" onClick={() => window.print()}>
          {t('document.print')}
        </button>
      </div>
      <label className="check">
        <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
        {t('privacy.kept')}
      </label>
      <div className="panel-actions">
        <button
          type="button"
          className="primary"
          disabled={!kept}
          onClick={() =>
            void attempt(async () => {
              const { jobId } = await invoke('security:encrypt', passphrase, recoveryKey!);
              setRunning({ jobId, what: 'encrypt', done: 0, total: 1 });
              try {
                onStatus(await invoke('security:conversion-result', jobId));
                setMessage(t('privacy.encrypted'));
              } finally {
                setRunning(null);
                setPassphrase('');
                setAgain('');
              }
            })
          }
        >
          {t('privacy.encrypt')}
        </button>
        <button type="button" onClick={() => setStep('passphrase')}>
          {t('privacy.back')}
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
  const { t } = useT();
  return (
    <fieldset>
      <legend>{t('privacy.on')}</legend>
      <p className="hint">{t('privacy.onHint')}</p>
      <div className="panel-actions">
        <button type="button" className="primary" onClick={onLock}>
          {t('privacy.lockNow')}
        </button>
        <label htmlFor="idle-lock">{t('privacy.lockAfter')}</label>
        <select
          id="idle-lock"
          value={status.idleLockMinutes ?? 0}
          onChange={(e) => void attempt(async () => onStatus(await invoke('security:settings', { idleLockMinutes: Number(e.target.value) })))}
        >
          {IDLE_LOCK_CHOICES.map((m) => (
            <option key={m} value={m}>
              {t('privacy.idle', { minutes: m })}
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
        {t('privacy.keychain', { backend: status.keychain.available ? status.keychain.backend : 'none' })}
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
              setMessage(t('privacy.changed'));
            });
          }}
        >
          <label htmlFor="current-passphrase">{t('privacy.current')}</label>
          <input id="current-passphrase" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          <label htmlFor="next-passphrase">{t('privacy.new')}</label>
          <input id="next-passphrase" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
          <div className="panel-actions">
            <button type="submit" className="primary" disabled={!current || [...next].length < 8}>
              {t('privacy.change')}
            </button>
            <button type="button" onClick={() => setChanging(false)}>
              {t('common.cancel')}
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
              setRunning({ jobId, what: 'decrypt', done: 0, total: 1 });
              try {
                onStatus(await invoke('security:conversion-result', jobId));
                setMessage(t('privacy.decrypted'));
              } finally {
                setRunning(null);
                setCurrent('');
              }
            });
          }}
        >
          <p className="hint warning-banner">{t('privacy.offWarning')}</p>
          <label htmlFor="off-passphrase">{t('lock.passphrase')}</label>
          <input id="off-passphrase" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          <div className="panel-actions">
            <button type="submit" disabled={!current}>
              {t('privacy.turnOff')}
            </button>
            <button type="button" onClick={() => setTurningOff(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="panel-actions">
          <button type="button" onClick={() => setChanging(true)}>
            {t('privacy.changeEllipsis')}
          </button>
          <button type="button" onClick={() => setTurningOff(true)}>
            {t('privacy.turnOffEllipsis')}
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
  const tr = useT();
  const { t } = tr;
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
    setRunning({ jobId, what: 'backup', done: 0, total: 1 });
    try {
      const result = await invoke('backup:result', jobId);
      setRecoveryKey(result.recoveryKey);
      setMessage(t('privacy.backedUp', { to: result.to, copied: result.copied, there: result.originals - result.copied }));
      onStatus(await invoke('security:status'));
    } finally {
      setRunning(null);
    }
  }
  return (
    <fieldset>
      <legend>{t('privacy.backups')}</legend>
      <p className="hint">
        {status.lastBackup
          ? tr.rich('privacy.lastBackup', { when: new Date(status.lastBackup.at).toLocaleString(tr.language), to: <span className="mono">{status.lastBackup.to}</span> })
          : t('privacy.noBackup')}
        {status.encrypted && <> {t('privacy.backupsEncrypted')}</>}
      </p>
      {!status.encrypted && (
        <>
          <label className="check">
            <input type="checkbox" checked={usePassword} onChange={(e) => setUsePassword(e.target.checked)} />
            {t('privacy.backupPassword')}
          </label>
          {usePassword && (
            <>
              <label htmlFor="backup-password">{t('privacy.backupPasswordLabel')}</label>
              <input id="backup-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </>
          )}
        </>
      )}
      {recoveryKey && (
        <>
          <p className="hint">{t('privacy.backupKeyHint')}</p>
          <p className="recovery-key mono" aria-label={t('privacy.backupKey')}>
            {recoveryKey}
          </p>
        </>
      )}
      <div className="panel-actions">
        <button type="button" className="primary" disabled={!passwordReady} onClick={() => void attempt(() => backUp(false))}>
          {status.lastBackup ? t('privacy.backUpNow') : t('lock.backUpNow')}
        </button>
        {status.lastBackup && (
          <>
            <button type="button" disabled={!passwordReady} onClick={() => void attempt(() => backUp(true))}>
              {t('privacy.anotherFolder')}
            </button>
            <button
              type="button"
              onClick={() =>
                void attempt(async () => {
                  const report = await invoke('backup:verify', status.lastBackup!.to);
                  setMessage(report.ok ? t('privacy.sound', { count: report.filesVerified }) : t('privacy.problems', { problems: report.problems.join(' ') }));
                })
              }
            >
              {t('privacy.check')}
            </button>
          </>
        )}
      </div>
      <div className="panel-actions">
        <label htmlFor="backup-reminder">{t('privacy.remind')}</label>
        <select
          id="backup-reminder"
          value={status.backupReminderDays ?? 7}
          onChange={(e) => void attempt(async () => onStatus(await invoke('security:settings', { backupReminderDays: Number(e.target.value) })))}
        >
          {REMINDER_CHOICES.map((d) => (
            <option key={d} value={d}>
              {t('privacy.reminder', { days: d })}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
