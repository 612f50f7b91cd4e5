// The vault's cipher in the desktop app: Electron safeStorage (macOS Keychain, Windows DPAPI,
// libsecret/kwallet on Linux). Secrets are never stored in plain text, in SQLite or anywhere.
import { safeStorage } from 'electron';
import type { SecretCipher } from './host/store';

export function safeStorageCipher(): SecretCipher {
  return {
    kind: 'safeStorage',
    // On Linux without a keyring Electron falls back to a fixed built-in password ("basic_text"):
    // that is obfuscation, not encryption, so the vault treats it as unavailable.
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
