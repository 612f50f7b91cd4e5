// The last-known answer per source and query, so a screen can show data (marked stale) while a
// source is down, and something at once on start-up.
import type Database from 'better-sqlite3';

export interface Snapshot<T = unknown> {
  payload: T;
  /** ISO time the payload was fetched from the source. */
  fetchedAt: string;
}

interface SnapshotRow {
  key: string;
  payload: string;
  fetched_at: string;
}

export class SnapshotRepository {
  constructor(private readonly db: Database.Database) {}

  put(source: string, key: string, payload: unknown, fetchedAt: string | Date = new Date()): void {
    const at = new Date(fetchedAt);
    if (Number.isNaN(at.getTime()))
      throw new TypeError(`snapshot fetchedAt is not a time: ${String(fetchedAt)}`);
    const text = JSON.stringify(payload);
    if (text === undefined)
      throw new TypeError(`snapshot ${source}/${key}: payload has no JSON form`);
    this.db
      .prepare(
        `INSERT INTO snapshots (source, key, payload, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (source, key) DO UPDATE SET payload = excluded.payload, fetched_at = excluded.fetched_at`,
      )
      .run(source, key, text, at.toISOString());
  }

  get<T = unknown>(source: string, key: string): Snapshot<T> | undefined {
    const row = this.db
      .prepare('SELECT key, payload, fetched_at FROM snapshots WHERE source = ? AND key = ?')
      .get(source, key) as SnapshotRow | undefined;
    return row && { payload: JSON.parse(row.payload) as T, fetchedAt: row.fetched_at };
  }

  /** A source's answers, or only those whose key starts with `keyPrefix`. */
  listForSource<T = unknown>(source: string, keyPrefix = ''): (Snapshot<T> & { key: string })[] {
    const rows = this.db
      .prepare(
        'SELECT key, payload, fetched_at FROM snapshots WHERE source = ? AND substr(key, 1, ?) = ? ORDER BY key',
      )
      .all(source, keyPrefix.length, keyPrefix) as SnapshotRow[];
    return rows.map((row) => ({
      key: row.key,
      payload: JSON.parse(row.payload) as T,
      fetchedAt: row.fetched_at,
    }));
  }

  /** Forgets a source's answers, e.g. when its connection is removed. Returns how many. */
  removeForSource(source: string): number {
    return this.db.prepare('DELETE FROM snapshots WHERE source = ?').run(source).changes;
  }
}
