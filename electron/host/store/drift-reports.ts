// Finished drift reports, cached by the comparison's key (both files' digests and the options),
// so running the same comparison again is instant. The report is stored as its JSON.
import type Database from 'better-sqlite3';

export class DriftReportRepository {
  constructor(private readonly db: Database.Database) {}

  put(key: string, report: unknown, computedAt = new Date()): void {
    this.db
      .prepare(
        `INSERT INTO drift_reports (key, report, computed_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET report = excluded.report, computed_at = excluded.computed_at`,
      )
      .run(key, JSON.stringify(report), computedAt.toISOString());
  }

  get(key: string): unknown {
    const row = this.db.prepare('SELECT report FROM drift_reports WHERE key = ?').get(key) as
      { report: string } | undefined;
    return row ? (JSON.parse(row.report) as unknown) : undefined;
  }
}
