// The audit view's filters must stay index walks on a long log: every filter's query plan uses
// one index and never sorts (a sort means reading every matching row before the first page).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filterWhere, whereSql, type AuditFilter } from './audit-filter';
import { openStore, storeFileName } from './store';
import { temporaryDataDirs } from './test-support';

const dirs = temporaryDataDirs();
afterEach(() => dirs.cleanup());

function plan(filter: AuditFilter): string {
  const dir = dirs.make();
  openStore({ dataDir: dir }).close();
  const db = new Database(join(dir, storeFileName), { readonly: true });
  try {
    const where = filterWhere(filter);
    const rows = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT seq FROM audit_log ${whereSql(where)} ORDER BY at DESC, seq DESC LIMIT 200`,
      )
      .all(...where.params) as { detail: string }[];
    return rows.map((r) => r.detail).join('; ');
  } finally {
    db.close();
  }
}

describe('audit filter query plans', () => {
  it.each([
    [{}, 'audit_log_at'],
    [{ action: 'model.promote' }, 'audit_log_action_at'],
    [{ actor: 'ada' }, 'audit_log_actor_at'],
    [{ target: 'models/fraud@champion' }, 'audit_log_target_at'],
    [{ result: 'failed' as const }, 'audit_log_result_at'],
    [{ since: '2026-01-01T00:00:00Z', until: '2026-02-01T00:00:00Z' }, 'audit_log_at'],
    [{ action: 'model.promote', since: '2026-01-01T00:00:00Z' }, 'audit_log_action_at'],
    [{ action: 'model.promote', result: 'failed' as const }, 'audit_log_action_result_at'],
  ])('%j walks %s without sorting', (filter, index) => {
    const detail = plan(filter);
    expect(detail).toContain(index);
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('escapes LIKE wildcards in free text', () => {
    expect(filterWhere({ text: '50%_off\\' }).params[0]).toBe('%50\\%\\_off\\\\%');
  });
});
