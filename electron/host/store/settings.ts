// Small user preferences (theme, last workspace, table layouts) as JSON values by key.
import type Database from 'better-sqlite3';

export class SettingsRepository {
  constructor(private readonly db: Database.Database) {}

  get<T = unknown>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row && (JSON.parse(row.value) as T);
  }

  set(key: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (text === undefined)
      throw new TypeError(`setting ${key}: value has no JSON form (use remove())`);
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, text);
  }

  remove(key: string): boolean {
    return this.db.prepare('DELETE FROM settings WHERE key = ?').run(key).changes > 0;
  }
}
