// The store's schema, as numbered steps. A step is never edited once released: a change is a new
// step. `PRAGMA user_version` records the last step applied, inside the same transaction as the
// step, so a crash leaves either the old schema or the new one.
import type Database from 'better-sqlite3';
import { StoreTooNewError } from './errors';

export interface Migration {
  version: number;
  /** What the step does, for the log and for whoever reads this list. */
  summary: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    summary: 'connections, secrets, snapshots, settings and the hash-chained audit log',
    sql: `
      CREATE TABLE connections (
        workspace  TEXT NOT NULL,
        id         TEXT NOT NULL,
        kind       TEXT NOT NULL,
        name       TEXT NOT NULL,
        config     TEXT NOT NULL,   -- the Connection as JSON: secret references only, never secrets
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (workspace, id)
      );

      CREATE TABLE secrets (
        id         TEXT PRIMARY KEY,
        ciphertext BLOB NOT NULL,   -- written by the vault; plaintext never reaches this table
        created_at TEXT NOT NULL
      );

      CREATE TABLE snapshots (
        source     TEXT NOT NULL,   -- connection id
        key        TEXT NOT NULL,   -- which query of that source
        payload    TEXT NOT NULL,   -- the last-known answer, JSON
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (source, key)
      );

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL         -- JSON
      );

      -- seq is the row's position in the chain. It is the table's key, so a second row with the
      -- same seq needs a rebuilt table; verify() still checks for one.
      CREATE TABLE audit_log (
        seq            INTEGER PRIMARY KEY,
        at             TEXT NOT NULL,
        actor          TEXT NOT NULL,
        action         TEXT NOT NULL,
        target         TEXT NOT NULL,
        from_value     TEXT,          -- JSON or NULL
        to_value       TEXT,          -- JSON or NULL
        reason         TEXT,
        result         TEXT NOT NULL CHECK (result IN ('intent', 'ok', 'failed', 'compensated')),
        correlation_id TEXT NOT NULL,
        details        TEXT NOT NULL, -- JSON object
        prev_hash      TEXT NOT NULL,
        hash           TEXT NOT NULL
      );
      CREATE INDEX audit_log_action ON audit_log (action, seq);
      CREATE INDEX audit_log_correlation ON audit_log (correlation_id);

      -- The chain's head, written with every append: cutting rows off the end of the log leaves
      -- the chain itself consistent, but not equal to this.
      CREATE TABLE audit_head (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  INTEGER NOT NULL,
        hash TEXT NOT NULL
      );

      -- Defence in depth: the console never changes a written row. Someone who drops these
      -- triggers to edit the log is caught by verify() instead.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted'); END;
    `,
  },
  {
    version: 2,
    summary: 'indexes for the audit view: filter by action, actor, target, result or time',
    // The view lists newest first (at DESC, seq DESC). Each index ends in at (and, implicitly,
    // seq), so "the newest 200 rows where X = ? in this window" is a walk of one index range with
    // no sort, however long the log. They replace step 1's (action, seq).
    sql: `
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_action_at ON audit_log (action, at);
      CREATE INDEX audit_log_actor_at ON audit_log (actor, at);
      CREATE INDEX audit_log_target_at ON audit_log (target, at);
      CREATE INDEX audit_log_result_at ON audit_log (result, at);
      DROP INDEX audit_log_action;
    `,
  },
  {
    version: 3,
    summary: 'drift reports cached by the digests of both datasets and the options',
    sql: `
      -- A finished drift comparison, keyed by sha256 of (both files' sha256, options, engine
      -- version): comparing the same bytes the same way again is instant.
      CREATE TABLE drift_reports (
        key         TEXT PRIMARY KEY,
        report      TEXT NOT NULL, -- JSON DriftReport
        computed_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    summary: 'audit index for an action narrowed by its result ("failed promotions")',
    // With (action, at) alone, a rare result inside a common action reads thousands of rows
    // for one page; this walks exactly the matching ones.
    sql: `
      CREATE INDEX audit_log_action_result_at ON audit_log (action, result, at);
    `,
  },
];

export const latestSchemaVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a file from a newer console before anything is written to it. */
export function assertNotTooNew(db: Database.Database, file: string): number {
  const version = schemaVersion(db);
  if (version > latestSchemaVersion) throw new StoreTooNewError(file, version, latestSchemaVersion);
  return version;
}

/** Applies the steps the file has not seen yet, all in one transaction. Returns the steps applied. */
export function migrate(db: Database.Database, file: string): Migration[] {
  const apply = db.transaction(() => {
    // Read again inside the write lock: another console process may have migrated meanwhile.
    const current = assertNotTooNew(db, file);
    const pending = migrations
      .filter((m) => m.version > current)
      .sort((a, b) => a.version - b.version);
    for (const step of pending) {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
    return pending;
  });
  return apply.immediate();
}
