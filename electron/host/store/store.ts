// The console's local database: one SQLite file, console.db, in the data folder. It holds what
// the console itself owns (connections added in Settings, vault ciphertexts, last-known answers,
// the audit log, preferences), never anything an external system is the source of truth for.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLog } from './audit-log';
import { ConnectionRepository } from './connections';
import { storeFileName } from './data-dir';
import { DriftReportRepository } from './drift-reports';
import { StoreCorruptError, StoreTooNewError, isCorruption } from './errors';
import { assertNotTooNew, migrate, schemaVersion } from './migrations';
import { SecretRepository } from './secrets';
import { SettingsRepository } from './settings';
import { SnapshotRepository } from './snapshots';

export { storeFileName };

/** How long a write waits for another console process holding the lock before giving up. */
const busyTimeoutMs = 5_000;

export interface Store {
  /** Absolute path of console.db. */
  readonly file: string;
  readonly schemaVersion: number;
  readonly connections: ConnectionRepository;
  readonly snapshots: SnapshotRepository;
  readonly settings: SettingsRepository;
  readonly secrets: SecretRepository;
  readonly audit: AuditLog;
  readonly driftReports: DriftReportRepository;
  /** The connection's settings, for the About screen and for tests. */
  diagnostics(): StoreDiagnostics;
  close(): void;
}

export interface StoreDiagnostics {
  journalMode: string;
  foreignKeys: boolean;
  busyTimeoutMs: number;
  schemaVersion: number;
}

export interface OpenStoreOptions {
  dataDir: string;
}

/**
 * Opens (creating if needed) console.db and brings its schema up to date. Refuses, without
 * writing a byte, a file from a newer console (StoreTooNewError) or a damaged one (StoreCorruptError).
 */
export function openStore({ dataDir }: OpenStoreOptions): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, storeFileName);
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    // Order matters: everything up to the integrity check only reads. Switching to WAL rewrites
    // the file header, so it comes after the file has been accepted.
    assertNotTooNew(db, file);
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok')
      throw new StoreCorruptError(file, `integrity check: ${String(integrity)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // durable across application crashes; WAL keeps it consistent
    db.pragma('foreign_keys = ON');
    migrate(db, file);
  } catch (error) {
    db.close();
    if (error instanceof StoreTooNewError || error instanceof StoreCorruptError) throw error;
    if (isCorruption(error)) throw new StoreCorruptError(file, (error as Error).message, error);
    throw error;
  }

  return {
    file,
    schemaVersion: schemaVersion(db),
    connections: new ConnectionRepository(db),
    snapshots: new SnapshotRepository(db),
    settings: new SettingsRepository(db),
    secrets: new SecretRepository(db),
    audit: new AuditLog(db),
    driftReports: new DriftReportRepository(db),
    diagnostics() {
      return {
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        foreignKeys: db.pragma('foreign_keys', { simple: true }) === 1,
        busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
        schemaVersion: schemaVersion(db),
      };
    },
    close() {
      if (!db.open) return;
      db.pragma('optimize');
      db.close();
    },
  };
}
