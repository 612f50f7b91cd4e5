import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';
import { StoreCorruptError, StoreTooNewError } from './errors';
import { latestSchemaVersion } from './migrations';
import { openStore, storeFileName } from './store';
import { temporaryDataDirs } from './test-support';

const dirs = temporaryDataDirs();
afterEach(() => dirs.cleanup());

function rawVersion(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('openStore', () => {
  it('creates console.db with every migration applied, and re-opens it without re-running them', () => {
    const dataDir = join(dirs.make(), 'nested', 'folder');
    const store = openStore({ dataDir });
    expect(store.file).toBe(join(dataDir, storeFileName));
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    store.settings.set('theme', 'dark');
    store.close();

    const again = openStore({ dataDir });
    expect(again.schemaVersion).toBe(latestSchemaVersion);
    expect(again.settings.get('theme')).toBe('dark');
    again.close();
    expect(rawVersion(join(dataDir, storeFileName))).toBe(latestSchemaVersion);
  });

  it('turns on WAL, foreign keys and a busy timeout', () => {
    const store = openStore({ dataDir: dirs.make() });
    expect(store.diagnostics()).toEqual({
      journalMode: 'wal',
      foreignKeys: true,
      busyTimeoutMs: 5000,
      schemaVersion: latestSchemaVersion,
    });
    // WAL is a property of the file: another connection sees it too.
    const raw = new Database(store.file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    store.close();
  });

  it.each([
    ['rollback journal', 'delete'],
    ['WAL', 'wal'],
  ])('refuses a newer schema (%s) and leaves the file byte-identical', (_label, journal) => {
    const dataDir = dirs.make();
    const file = join(dataDir, storeFileName);
    const newer = new Database(file);
    newer.pragma(`journal_mode = ${journal}`);
    newer.exec('CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES (1)');
    newer.pragma(`user_version = ${latestSchemaVersion + 5}`);
    newer.close();
    const before = readFileSync(file);

    let thrown: unknown;
    try {
      openStore({ dataDir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreTooNewError);
    const message = (thrown as Error).message;
    expect(message).toContain(`schema version ${latestSchemaVersion + 5}`);
    expect(message).toContain(`up to ${latestSchemaVersion}`);
    expect(message).toMatch(/use a newer console/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database, and does not overwrite it', () => {
    const dataDir = dirs.make();
    const file = join(dataDir, storeFileName);
    const garbage = Buffer.from(
      'this is not sqlite, it is a note someone saved here\n'.repeat(200),
    );
    writeFileSync(file, garbage);
    expect(() => openStore({ dataDir })).toThrow(StoreCorruptError);
    expect(() => openStore({ dataDir })).toThrow(
      /console\.db is damaged or is not a console database/,
    );
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('refuses a database whose pages are damaged, and does not overwrite it', () => {
    const dataDir = dirs.make();
    const store = openStore({ dataDir });
    for (let i = 0; i < 200; i++)
      store.snapshots.put('kube', `pods-${i}`, { items: 'x'.repeat(500) });
    store.close();
    const file = join(dataDir, storeFileName);
    const bytes = readFileSync(file);
    // Scribble over the middle of the file, past the header page.
    bytes.fill(0xa5, 4096 * 3, 4096 * 5);
    writeFileSync(file, bytes);
    expect(() => openStore({ dataDir })).toThrow(StoreCorruptError);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('repositories', () => {
  it('keeps the last-known answer per source and query', () => {
    const store = openStore({ dataDir: dirs.make() });
    expect(store.snapshots.get('kube-prod', 'pods')).toBeUndefined();
    store.snapshots.put('kube-prod', 'pods', { items: [1, 2] }, '2026-05-01T10:00:00Z');
    store.snapshots.put(
      'kube-prod',
      'pods',
      { items: [1, 2, 3] },
      new Date('2026-05-01T10:05:00Z'),
    );
    store.snapshots.put('kube-prod', 'nodes', ['n1']);
    store.snapshots.put('mlflow', 'models', []);
    expect(store.snapshots.get('kube-prod', 'pods')).toEqual({
      payload: { items: [1, 2, 3] },
      fetchedAt: '2026-05-01T10:05:00.000Z',
    });
    expect(store.snapshots.listForSource('kube-prod').map((s) => s.key)).toEqual(['nodes', 'pods']);
    expect(store.snapshots.removeForSource('kube-prod')).toBe(2);
    expect(store.snapshots.listForSource('mlflow')).toHaveLength(1);
    store.close();
  });

  it('stores settings as JSON values', () => {
    const store = openStore({ dataDir: dirs.make() });
    store.settings.set('layout', { columns: ['name', 'age'], dense: true });
    expect(store.settings.get<{ dense: boolean }>('layout')?.dense).toBe(true);
    expect(store.settings.get('missing')).toBeUndefined();
    expect(store.settings.remove('layout')).toBe(true);
    expect(store.settings.get('layout')).toBeUndefined();
    store.close();
  });

  it('stores connections per workspace, validated, with secret references only', () => {
    const store = openStore({ dataDir: dirs.make() });
    const mlflow = {
      id: 'mlflow',
      name: 'MLflow',
      kind: 'mlflow' as const,
      trackingUri: 'https://mlflow.example.com',
      auth: { type: 'bearer' as const, token: { secret: 'mlflow-token' } },
    };
    const first = store.connections.upsert('local', mlflow, new Date('2026-01-01T00:00:00Z'));
    const second = store.connections.upsert(
      'local',
      { ...mlflow, name: 'MLflow (prod)' },
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(second.createdAt).toBe(first.createdAt);
    expect(second.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(store.connections.get('local', 'mlflow')?.connection.name).toBe('MLflow (prod)');
    expect(store.connections.list('local')).toHaveLength(1);
    expect(store.connections.list('other')).toHaveLength(0);
    const withPlaintext = { ...mlflow, auth: { type: 'bearer', token: 'plaintext-token' } };
    expect(() => store.connections.upsert('local', withPlaintext as never)).toThrow();
    expect(store.connections.remove('local', 'mlflow')).toBe(true);
    expect(store.connections.remove('local', 'mlflow')).toBe(false);
    store.close();
  });

  it('stores secret ciphertexts as blobs', () => {
    const store = openStore({ dataDir: dirs.make() });
    store.secrets.put('a', Buffer.from([0, 1, 2, 255]));
    expect(store.secrets.get('a')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(() => store.secrets.put('b', 'text' as never)).toThrow(/ciphertext/);
    expect(store.secrets.ids()).toEqual(['a']);
    expect(store.secrets.remove('a')).toBe(true);
    expect(store.secrets.get('a')).toBeUndefined();
    store.close();
  });
});

describe('defaultDataDir', () => {
  it('prefers CONSOLE_DATA_DIR', () => {
    expect(
      defaultDataDir('MLOps Console', {
        env: { CONSOLE_DATA_DIR: '/data/console' },
        platform: 'linux',
      }),
    ).toBe('/data/console');
  });

  it("uses the platform's per-user application data folder", () => {
    const home = '/home/ada';
    expect(defaultDataDir('app', { env: {}, platform: 'linux', home })).toBe(
      '/home/ada/.config/app',
    );
    expect(
      defaultDataDir('app', { env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home }),
    ).toBe('/xdg/app');
    expect(defaultDataDir('app', { env: {}, platform: 'darwin', home })).toBe(
      '/home/ada/Library/Application Support/app',
    );
    expect(defaultDataDir('app', { env: { APPDATA: '/appdata' }, platform: 'win32', home })).toBe(
      '/appdata/app',
    );
  });
});
