/**
 * The OS keychain through Electron's safeStorage (its async API), as the back end's Keychain. On Linux,
 * safeStorage without a secret store (GNOME Keyring, KWallet) falls back to `basic_text`, a fixed key
 * that protects nothing: then it says so and is not offered.
 */
import type { Keychain } from '../app/context.ts';

/** The part of Electron's safeStorage used here (a stand-in in unit tests). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

const NAMES: Record<string, string> = { darwin: 'the macOS Keychain', win32: 'Windows (your account\'s data protection)' };

export function safeStorageKeychain(safe: SafeStorageLike, platform: NodeJS.Platform = process.platform): Keychain {
  return {
    async status() {
      if (!(await safe.isAsyncEncryptionAvailable())) return { available: false, backend: 'none', why: 'The system keychain is not available on this computer right now.' };
      if (platform !== 'linux') return { available: true, backend: NAMES[platform] ?? platform, why: null };
      const backend = safe.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        return {
          available: false,
          backend,
          why: 'This Linux desktop offers no secret store Casebinder can use (such as GNOME Keyring or KWallet): the key would be kept with a fixed key anyone can read, which protects nothing. Unlock with the passphrase.',
        };
      }
      return { available: true, backend, why: null };
    },
    encrypt: async (text) => (await safe.encryptStringAsync(text)).toString('base64'),
    decrypt: async (data) => (await safe.decryptStringAsync(Buffer.from(data, 'base64'))).result,
  };
}
