// The secret vault: tokens and passwords the user types into the console. They are encrypted
// before they reach the store, which holds ciphertext only; plaintext is never written to SQLite
// or to any other file. The cipher comes from outside: the Electron main process passes one
// backed by safeStorage (the OS keychain); browser mode (`npm run serve`) uses sessionCipher().
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretRepository } from './secrets';

export interface SecretCipher {
  kind: 'safeStorage' | 'session';
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

export interface VaultDescription {
  kind: SecretCipher['kind'];
  available: boolean;
  /** Whether secrets saved now can still be read after the console restarts. */
  persistent: boolean;
  secretCount: number;
  /** One sentence for the Settings screen. */
  summary: string;
}

export interface Vault {
  put(id: string, plaintext: string): void;
  /** undefined when there is no such secret; VaultError when there is one this cipher cannot read. */
  get(id: string): string | undefined;
  remove(id: string): boolean;
  describe(): VaultDescription;
}

export class VaultError extends Error {
  readonly secretId: string | undefined;
  constructor(message: string, secretId?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'VaultError';
    this.secretId = secretId;
  }
}

// Each ciphertext is stored behind a short tag naming the cipher that made it, so a desktop
// secret is never fed to the browser-mode cipher (or the reverse) and the error can say why.
const tagFor = (kind: SecretCipher['kind']) => Buffer.from(`vault1:${kind}:`, 'utf8');
const kinds: SecretCipher['kind'][] = ['safeStorage', 'session'];

function unwrap(stored: Buffer): { kind: SecretCipher['kind']; body: Buffer } | undefined {
  for (const kind of kinds) {
    const tag = tagFor(kind);
    if (stored.subarray(0, tag.length).equals(tag))
      return { kind, body: stored.subarray(tag.length) };
  }
  return undefined;
}

const whoKept: Record<SecretCipher['kind'], string> = {
  safeStorage: "the desktop app's OS keychain encryption",
  session: 'a browser-mode session key',
};

export function createVault(store: { secrets: SecretRepository }, cipher: SecretCipher): Vault {
  return {
    put(id, plaintext) {
      if (!id) throw new VaultError('a secret needs an id');
      if (typeof plaintext !== 'string' || plaintext === '')
        throw new VaultError(`secret ${id}: the value is empty`, id);
      if (!cipher.isAvailable()) throw new VaultError(unavailableMessage(cipher), id);
      const existing = store.secrets.get(id);
      const existingKind = existing && unwrap(existing)?.kind;
      if (existingKind === 'safeStorage' && cipher.kind === 'session') {
        // Overwriting would trade a secret that survives restarts for one that dies with this process.
        throw new VaultError(
          `secret ${id} is kept by the desktop app; browser mode would replace it with a copy that lasts only this session. Change it in the desktop app, or remove it first.`,
          id,
        );
      }
      const body = cipher.encrypt(plaintext);
      if (Buffer.byteLength(plaintext) >= 4 && body.includes(Buffer.from(plaintext, 'utf8'))) {
        throw new VaultError(
          `secret ${id}: the ${cipher.kind} cipher returned the value unencrypted; not storing it`,
          id,
        );
      }
      store.secrets.put(id, Buffer.concat([tagFor(cipher.kind), body]));
    },

    get(id) {
      const stored = store.secrets.get(id);
      if (!stored) return undefined;
      const unwrapped = unwrap(stored);
      if (!unwrapped)
        throw new VaultError(`secret ${id} is not in a format this console knows`, id);
      if (unwrapped.kind !== cipher.kind) {
        throw new VaultError(
          `secret ${id} was saved with ${whoKept[unwrapped.kind]}, which ${cipher.kind === 'session' ? 'browser mode' : 'the desktop app'} cannot read. Enter it again here, or use the ${unwrapped.kind === 'safeStorage' ? 'desktop app' : 'browser mode'}.`,
          id,
        );
      }
      if (!cipher.isAvailable()) throw new VaultError(unavailableMessage(cipher), id);
      try {
        return cipher.decrypt(unwrapped.body);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new VaultError(`secret ${id} cannot be decrypted: ${why}`, id, error);
      }
    },

    remove(id) {
      return store.secrets.remove(id);
    },

    describe() {
      const available = cipher.isAvailable();
      const persistent = cipher.kind === 'safeStorage';
      return {
        kind: cipher.kind,
        available,
        persistent,
        secretCount: store.secrets.ids().length,
        summary: persistent
          ? available
            ? "Secrets are encrypted with the operating system's keychain and kept across restarts."
            : "The operating system's keychain is not available, so secrets cannot be saved; use environment variables or files instead."
          : "Browser mode: secrets are encrypted with a key that exists only in this process's memory. They last until the console stops; use the desktop app, environment variables or files to keep them.",
      };
    },
  };
}

function unavailableMessage(cipher: SecretCipher): string {
  return cipher.kind === 'safeStorage'
    ? "the operating system's keychain is not available, so the console cannot encrypt or decrypt secrets (use {env: ...} or {file: ...} references instead)"
    : 'the session cipher is not available';
}

/**
 * A cipher for browser mode. AES-256-GCM with a random key made when this process first asks
 * for it; the key is never written anywhere, so secrets saved with it last for this session
 * only: after a restart their ciphertexts are unreadable and the user enters them again.
 * Layout: session id (8) | iv (12) | tag (16) | ciphertext.
 */
export function createSessionCipher(): SecretCipher {
  const key = randomBytes(32);
  const sessionId = randomBytes(8);
  return {
    kind: 'session',
    isAvailable: () => true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const aes = createCipheriv('aes-256-gcm', key, iv);
      aes.setAAD(sessionId);
      const body = Buffer.concat([aes.update(plain, 'utf8'), aes.final()]);
      return Buffer.concat([sessionId, iv, aes.getAuthTag(), body]);
    },
    decrypt(cipher) {
      if (cipher.length < 36) throw new Error('the ciphertext is truncated');
      if (!cipher.subarray(0, 8).equals(sessionId)) {
        throw new Error(
          'it was saved in an earlier browser-mode session, whose key is gone; enter it again',
        );
      }
      const aes = createDecipheriv('aes-256-gcm', key, cipher.subarray(8, 20));
      aes.setAAD(sessionId);
      aes.setAuthTag(cipher.subarray(20, 36));
      return Buffer.concat([aes.update(cipher.subarray(36)), aes.final()]).toString('utf8');
    },
  };
}

let processSessionCipher: SecretCipher | undefined;

/** The one session cipher of this process (see createSessionCipher). */
export function sessionCipher(): SecretCipher {
  processSessionCipher ??= createSessionCipher();
  return processSessionCipher;
}
