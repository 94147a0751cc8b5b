/** Encryption at rest, the app lock and backups, as the window sees them. */

/** The OS keychain (Electron's safeStorage) as a place to keep the library key. */
export interface KeychainStatus {
  /** The library key is kept there now. */
  readonly stored: boolean;
  /** It can be offered: a real secret store exists. */
  readonly available: boolean;
  /** Which store (macOS Keychain, Windows DPAPI, gnome_libsecret, kwallet…), or why none. */
  readonly backend: string;
  /** Why it is not offered, in plain words (Linux without a secret store falls back to plain text). */
  readonly why: string | null;
}

export interface SecurityStatus {
  readonly encrypted: boolean;
  /** Encrypted and not unlocked: nothing of the library can be read until it is. */
  readonly locked: boolean;
  readonly keychain: KeychainStatus;
  /** Minutes without use after which the window locks (0: only when asked). Null while locked. */
  readonly idleLockMinutes: number | null;
  readonly lastBackup: { readonly at: string; readonly to: string } | null;
  /** Days without a backup after which the window reminds (0: never). Null while locked. */
  readonly backupReminderDays: number | null;
  /** A backup is older than the reminder allows (or there is none yet, and the library holds documents). */
  readonly backupDue: boolean;
}

export type UnlockRequest = { readonly passphrase: string } | { readonly recoveryKey: string } | { readonly keychain: true };

export const IDLE_LOCK_CHOICES = [0, 1, 5, 10, 15, 30, 60] as const;
