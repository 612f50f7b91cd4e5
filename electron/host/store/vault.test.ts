import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './store';
import { temporaryDataDirs } from './test-support';
import {
  createSessionCipher,
  createVault,
  sessionCipher,
  VaultError,
  type SecretCipher,
} from './vault';

const dirs = temporaryDataDirs();
afterEach(() => dirs.cleanup());

/** Stands in for Electron's safeStorage: a fixed key the "OS keychain" would hold. */
function keychainCipher(available = true): SecretCipher {
  const key = randomBytes(32);
  return {
    kind: 'safeStorage',
    isAvailable: () => available,
    encrypt(plain) {
      const iv = randomBytes(16);
      const aes = createCipheriv('aes-256-cbc', key, iv);
      return Buffer.concat([iv, aes.update(plain, 'utf8'), aes.final()]);
    },
    decrypt(cipher) {
      const aes = createDecipheriv('aes-256-cbc', key, cipher.subarray(0, 16));
      return Buffer.concat([aes.update(cipher.subarray(16)), aes.final()]).toString('utf8');
    },
  };
}

function everyFileIn(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
}

describe('vault', () => {
  it('never writes the plaintext to the database or any other file', () => {
    const dataDir = dirs.make();
    const store = openStore({ dataDir });
    const vault = createVault(store, sessionCipher());
    const secret = 'mlflow-token-3f9a1c7e5b2d4068a1b2c3d4e5f60718';
    vault.put('mlflow-token', secret);
    vault.put('grafana-password', 'pässwörd-with-ümlauts-0042');
    expect(vault.get('mlflow-token')).toBe(secret);

    const needles = [secret, 'pässwörd-with-ümlauts-0042'].flatMap((s) => [
      Buffer.from(s, 'utf8'),
      Buffer.from(s, 'utf16le'),
      Buffer.from(s, 'latin1'),
    ]);
    // While open (the rows sit in the WAL file) and after closing (checkpointed into console.db).
    for (const bytes of [everyFileIn(dataDir), (store.close(), everyFileIn(dataDir))]) {
      expect(bytes.length).toBeGreaterThan(0);
      for (const needle of needles) expect(bytes.includes(needle)).toBe(false);
    }
    expect(readdirSync(dataDir)).toContain('console.db');
  });

  it('reads back, replaces and removes secrets', () => {
    const store = openStore({ dataDir: dirs.make() });
    const vault = createVault(store, keychainCipher());
    expect(vault.get('token')).toBeUndefined();
    vault.put('token', 'first');
    vault.put('token', 'second');
    expect(vault.get('token')).toBe('second');
    expect(vault.describe()).toMatchObject({
      kind: 'safeStorage',
      available: true,
      persistent: true,
      secretCount: 1,
    });
    expect(vault.remove('token')).toBe(true);
    expect(vault.get('token')).toBeUndefined();
    expect(() => vault.put('token', '')).toThrow(/empty/);
    store.close();
  });

  it('says that browser-mode secrets last for this session only', () => {
    const store = openStore({ dataDir: dirs.make() });
    const first = createVault(store, createSessionCipher());
    first.put('token', 'abc123456');
    expect(first.describe()).toMatchObject({ kind: 'session', persistent: false });
    expect(first.describe().summary).toMatch(/last until the console stops/);

    const afterRestart = createVault(store, createSessionCipher());
    expect(() => afterRestart.get('token')).toThrow(VaultError);
    expect(() => afterRestart.get('token')).toThrow(/earlier browser-mode session.*enter it again/);
    store.close();
  });

  it('keeps desktop secrets away from browser mode, without overwriting them', () => {
    const store = openStore({ dataDir: dirs.make() });
    createVault(store, keychainCipher()).put('token', 'durable-secret');
    const browser = createVault(store, sessionCipher());
    expect(() => browser.get('token')).toThrow(
      /desktop app's OS keychain.*which browser mode cannot read/,
    );
    expect(() => browser.put('token', 'session-copy')).toThrow(/kept by the desktop app/);
    store.close();
  });

  it('refuses to store when the keychain is unavailable, or when a cipher does not encrypt', () => {
    const store = openStore({ dataDir: dirs.make() });
    expect(() => createVault(store, keychainCipher(false)).put('t', 'secret-value')).toThrow(
      /keychain is not available/,
    );
    expect(createVault(store, keychainCipher(false)).describe()).toMatchObject({
      available: false,
    });
    const broken: SecretCipher = {
      kind: 'safeStorage',
      isAvailable: () => true,
      encrypt: (plain) => Buffer.from(`v10${plain}`),
      decrypt: (cipher) => cipher.subarray(3).toString(),
    };
    expect(() => createVault(store, broken).put('t', 'secret-value')).toThrow(/unencrypted/);
    expect(store.secrets.get('t')).toBeUndefined();
    store.close();
  });
});
