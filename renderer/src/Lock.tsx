import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { SecurityStatus, UnlockRequest } from '../../shared/security-types.ts';
import { ApiError, invoke, messageOf, on } from './api.ts';
import { keepRecordsInMemoryOnly } from './cache.ts';
import { PrivacyDialog } from './components/PrivacyDialog.tsx';
import { useT } from './i18n/index.ts';
import './Lock.css';

/** Events that count as the person using the window (idle time starts again). */
/** How a recovery key is written: eight groups of four characters. */
const RECOVERY_KEY_SHAPE = 'XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX';
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Asks for the privacy dialog from anywhere in the window (the library's button does). */
export function openPrivacy(): void {
  window.dispatchEvent(new CustomEvent('casebinder:privacy'));
}

/**
 * What stands between the window and an encrypted library: while it is locked, only the lock screen is
 * shown (nothing of the library is fetched or kept); once unlocked, the app. It locks after the chosen
 * idle time, on Ctrl/Cmd+L (the menu's shortcut) and when the back end says so; the app is then
 * unmounted, so nothing of it stays on screen or in the window's memory.
 */
export function LockGate({ children }: { children: (unlocks: number) => ReactNode }) {
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [privacy, setPrivacy] = useState(false);
  const { t, language } = useT();
  const [reminderDismissed, setReminderDismissed] = useState(false);
  const unlocks = useRef(0);

  /** A new status; turning encryption on also takes the window's stored thumbnails and drafts off the disk. */
  const apply = useCallback((next: SecurityStatus) => {
    void keepRecordsInMemoryOnly(next.encrypted);
    setStatus(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await invoke('security:status'));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const lock = useCallback(async () => {
    try {
      await invoke('security:lock');
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'conflict')) setError(messageOf(e));
    }
  }, []);

  useEffect(
    () =>
      on('security:locked', () => {
        setPrivacy(false);
        void keepRecordsInMemoryOnly(true, true);
        setStatus((s) => (s ? { ...s, locked: true } : s));
      }),
    [],
  );

  useEffect(
    () =>
      on('menu:command', ({ command }) => {
        if (command === 'lock') void lock();
        if (command === 'privacy') setPrivacy(true);
      }),
    [lock],
  );

  useEffect(() => {
    const open = () => setPrivacy(true);
    window.addEventListener('casebinder:privacy', open);
    return () => window.removeEventListener('casebinder:privacy', open);
  }, []);

  const encrypted = status?.encrypted ?? false;
  const locked = status?.locked ?? false;
  const idleMinutes = status?.idleLockMinutes ?? 0;

  // Ctrl/Cmd+L locks. In the desktop app the menu's accelerator has it first and sends the same command.
  useEffect(() => {
    if (!encrypted || locked) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [encrypted, locked, lock]);

  // Idle: no pointer, key or wheel for the chosen minutes.
  useEffect(() => {
    if (!encrypted || locked || idleMinutes <= 0) return;
    let timer = window.setTimeout(() => void lock(), idleMinutes * 60_000);
    const active = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lock(), idleMinutes * 60_000);
    };
    for (const event of ACTIVITY) window.addEventListener(event, active, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, active);
    };
  }, [encrypted, locked, idleMinutes, lock]);

  if (status === null) {
    return error ? (
      <p className="form-error" role="alert">
        {error}
      </p>
    ) : (
      <p className="screen-loading" role="status">
        {t('app.opening')}
      </p>
    );
  }
  if (locked) {
    return (
      <LockScreen
        keychain={status.keychain.stored && status.keychain.available}
        onUnlocked={(next) => {
          unlocks.current++;
          setReminderDismissed(false);
          apply(next);
        }}
      />
    );
  }
  return (
    <>
      {status.backupDue && !reminderDismissed && (
        <div className="backup-reminder" role="status">
          <p>
            {status.lastBackup ? t('lock.lastBackup', { when: daysAgo(status.lastBackup.at, language) }) : t('lock.neverBackedUp')}
          </p>
          <button type="button" className="small primary" onClick={() => setPrivacy(true)}>
            {t('lock.backUpNow')}
          </button>
          <button type="button" className="small" onClick={() => setReminderDismissed(true)}>
            {t('lock.later')}
          </button>
        </div>
      )}
      {children(unlocks.current)}
      {privacy && <PrivacyDialog status={status} onStatus={apply} onClose={() => setPrivacy(false)} onLock={() => void lock()} />}
    </>
  );
}

/** "today", "yesterday", "3 days ago", as the window's language says it. */
function daysAgo(iso: string, language: string): string {
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-days, 'day');
}

/** The whole window while the library is locked: its passphrase, or its recovery key, or the keychain. */
function LockScreen({ keychain, onUnlocked }: { keychain: boolean; onUnlocked: (status: SecurityStatus) => void }) {
  const [secret, setSecret] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useT();

  async function unlock(request: UnlockRequest) {
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await invoke('security:unlock', request));
    } catch (e) {
      setError(messageOf(e));
      setSecret('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="lock-screen">
      <form
        className="lock-card"
        aria-labelledby="lock-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (secret) void unlock(useRecovery ? { recoveryKey: secret } : { passphrase: secret });
        }}
      >
        <h1 id="lock-title">{t('lock.title')}</h1>
        <p className="hint">{t('lock.encrypted')}</p>
        <label htmlFor="lock-secret">{useRecovery ? t('lock.recoveryKey') : t('lock.passphrase')}</label>
        <input
          id="lock-secret"
          type={useRecovery ? 'text' : 'password'}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          placeholder={useRecovery ? RECOVERY_KEY_SHAPE : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'lock-error' : undefined}
        />
        {error && (
          <p id="lock-error" className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="panel-actions">
          <button type="submit" className="primary" disabled={busy || !secret}>
            {busy ? t('lock.unlocking') : t('lock.unlock')}
          </button>
          {keychain && !useRecovery && (
            <button type="button" disabled={busy} onClick={() => void unlock({ keychain: true })}>
              {t('lock.keychain')}
            </button>
          )}
        </div>
        <button
          type="button"
          className="link"
          onClick={() => {
            setUseRecovery((r) => !r);
            setSecret('');
            setError(null);
          }}
        >
          {useRecovery ? t('lock.usePassphrase') : t('lock.forgot')}
        </button>
      </form>
    </main>
  );
}
