import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { genesisHash, hashAuditEntry, type AuditEntry, type AuditRow } from './audit-entry';
import { canonicalJson } from './canonical-json';
import { openStore, type Store } from './store';
import { temporaryDataDirs } from './test-support';
import { verifyAuditCommand } from './verify-audit-command';

const dirs = temporaryDataDirs();
let dataDir: string;
let store: Store;

beforeEach(() => {
  dataDir = dirs.make();
  store = openStore({ dataDir });
});
afterEach(() => {
  store.close();
  dirs.cleanup();
});

/** Five rows: an intent and its outcome for a promotion, then three connection tests. */
function writeFive(): AuditEntry[] {
  const intent = store.audit.append({
    actor: 'ada@example.com',
    action: 'model.promote',
    target: 'models/fraud@champion',
    from: { version: 3 },
    to: { version: 4 },
    reason: 'beats v3 on recall',
    result: 'intent',
    at: '2026-05-01T10:00:00Z',
  });
  return [
    intent,
    store.audit.append({
      actor: 'ada@example.com',
      action: 'model.promote',
      target: 'models/fraud@champion',
      from: { version: 3 },
      to: { version: 4 },
      result: 'ok',
      correlationId: intent.correlationId,
      details: { latencyMs: 120 },
      at: '2026-05-01T10:00:01Z',
    }),
    ...['kube-prod', 'mlflow', 'prometheus'].map((target, i) =>
      store.audit.append({
        actor: 'bob',
        action: 'connection.test',
        target,
        result: i === 1 ? 'failed' : 'ok',
        at: `2026-05-0${i + 2}T00:00:00Z`,
      }),
    ),
  ];
}

/** A second connection, as someone editing the file with the sqlite3 shell would have. */
function tamper(sql: (db: Database.Database) => void): void {
  const raw = new Database(store.file);
  try {
    raw.exec(
      'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;',
    );
    sql(raw);
  } finally {
    raw.close();
  }
}

/** A row a tamperer who knows the hashing rule would forge. */
function forgedRow(seq: number, prevHash: string): AuditRow {
  const fields = {
    seq,
    at: '2026-05-01T12:00:00.000Z',
    actor: 'mallory',
    action: 'model.promote',
    target: 'models/fraud@champion',
    from: null,
    to: { version: 9 },
    reason: null,
    result: 'ok' as const,
    correlationId: 'forged',
    details: {},
    prevHash,
  };
  return {
    seq,
    at: fields.at,
    actor: fields.actor,
    action: fields.action,
    target: fields.target,
    from_value: null,
    to_value: canonicalJson(fields.to),
    reason: null,
    result: fields.result,
    correlation_id: fields.correlationId,
    details: '{}',
    prev_hash: prevHash,
    hash: hashAuditEntry(fields),
  };
}

function insertRow(db: Database.Database, row: AuditRow): void {
  db.prepare(
    'INSERT INTO audit_log VALUES (@seq, @at, @actor, @action, @target, @from_value, @to_value, @reason, @result, @correlation_id, @details, @prev_hash, @hash)',
  ).run(row);
}

describe('audit log', () => {
  it('chains each row to the one before it', () => {
    const rows = writeFive();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prevHash).toBe(genesisHash);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    for (const row of rows) {
      const { hash, ...fields } = row;
      expect(hashAuditEntry(fields)).toBe(hash);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(rows[1]!.correlationId).toBe(rows[0]!.correlationId);
    expect(rows[2]!.correlationId).not.toBe(rows[0]!.correlationId);
    expect(store.audit.byCorrelation(rows[0]!.correlationId).map((r) => r.result)).toEqual([
      'intent',
      'ok',
    ]);
    expect(store.audit.verify()).toEqual({ ok: true, count: 5 });
  });

  it('reads back exactly what it wrote, and still verifies after re-opening', () => {
    const rows = writeFive();
    expect(store.audit.list({ limit: 5 }).reverse()).toEqual(rows);
    store.close();
    store = openStore({ dataDir });
    expect(store.audit.verify()).toEqual({ ok: true, count: 5 });
    expect(store.audit.append({ actor: 'a', action: 'x.y', target: 't', result: 'ok' }).seq).toBe(
      6,
    );
  });

  it('hashes independently of key order in details', () => {
    const a = store.audit.append({
      actor: 'a',
      action: 'x',
      target: 't',
      result: 'ok',
      details: { b: 1, a: { d: 2, c: 3 } },
    });
    expect(a.details).toEqual({ a: { c: 3, d: 2 }, b: 1 });
    expect(JSON.stringify(a.details)).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(store.audit.verify().ok).toBe(true);
  });

  it('refuses incomplete entries', () => {
    expect(() => store.audit.append({ actor: '', action: 'x', target: 't', result: 'ok' })).toThrow(
      /actor/,
    );
    expect(() =>
      store.audit.append({ actor: 'a', action: 'x', target: 't', result: 'done' as never }),
    ).toThrow(/result/);
    expect(() =>
      store.audit.append({ actor: 'a', action: 'x', target: 't', result: 'ok', at: 'yesterday' }),
    ).toThrow(/not a time/);
  });

  it('filters and pages, newest first', () => {
    writeFive();
    expect(store.audit.list({ action: 'model.promote' }).map((r) => r.seq)).toEqual([2, 1]);
    expect(store.audit.list({ actor: 'bob', result: 'failed' }).map((r) => r.target)).toEqual([
      'mlflow',
    ]);
    expect(
      store.audit
        .list({ since: '2026-05-02T00:00:00Z', until: '2026-05-04T00:00:00Z' })
        .map((r) => r.seq),
    ).toEqual([4, 3]);
    const page1 = store.audit.list({ limit: 2 });
    const page2 = store.audit.list({ limit: 2, beforeSeq: page1.at(-1)!.seq });
    const page3 = store.audit.list({ limit: 2, beforeSeq: page2.at(-1)!.seq });
    expect([...page1, ...page2, ...page3].map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
  });

  it('refuses UPDATE and DELETE in SQL while its triggers stand', () => {
    writeFive();
    const raw = new Database(store.file);
    expect(() => raw.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    raw.close();
  });
});

describe('audit verify finds the first bad row', () => {
  it('an edited row', () => {
    writeFive();
    tamper((db) => db.prepare("UPDATE audit_log SET reason = 'it was fine' WHERE seq = 3").run());
    tamper((db) => db.prepare("UPDATE audit_log SET actor = 'nobody' WHERE seq = 4").run());
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'edited' });
  });

  it('an edited row whose hash was recomputed', () => {
    const rows = writeFive();
    const { hash: _old, ...fields } = { ...rows[2]!, actor: 'nobody' };
    tamper((db) =>
      db
        .prepare("UPDATE audit_log SET actor = 'nobody', hash = ? WHERE seq = 3")
        .run(hashAuditEntry(fields)),
    );
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'edited' });
  });

  it.each([
    [1, 'the first'],
    [3, 'a middle'],
  ])('a deleted row (%i, %s one)', (seq) => {
    writeFive();
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq));
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: seq, problem: 'deleted' });
  });

  it('rows cut off the end', () => {
    writeFive();
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq >= 4').run());
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 4, problem: 'deleted' });
  });

  it('a row inserted with a seq already taken', () => {
    const rows = writeFive();
    tamper((db) => {
      // The seq key forbids a duplicate, so the tamperer rebuilds the table without it.
      db.exec(
        'CREATE TABLE copy AS SELECT * FROM audit_log; DROP TABLE audit_log; ALTER TABLE copy RENAME TO audit_log;',
      );
      insertRow(db, forgedRow(3, rows[1]!.hash));
    });
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'inserted' });
  });

  it('a row slipped into the middle, the rest renumbered', () => {
    const rows = writeFive();
    tamper((db) => {
      db.exec(
        'UPDATE audit_log SET seq = -seq WHERE seq >= 3; UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;',
      );
      insertRow(db, forgedRow(3, rows[1]!.hash));
      db.exec('UPDATE audit_head SET seq = 6');
    });
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'inserted' });
  });

  it('a row added at the end behind the console', () => {
    const rows = writeFive();
    tamper((db) => insertRow(db, forgedRow(6, rows[4]!.hash)));
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 6, problem: 'inserted' });
  });

  it('a row that chains but does not follow on', () => {
    const rows = writeFive();
    tamper((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = 5').run();
      insertRow(db, forgedRow(9, rows[3]!.hash));
    });
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 9, problem: 'inserted' });
  });

  it('two rows swapped', () => {
    writeFive();
    tamper((db) =>
      db.exec(
        'UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -2;',
      ),
    );
    expect(store.audit.verify()).toMatchObject({ ok: false, firstBadSeq: 2, problem: 'reordered' });
  });

  it('through the audit:verify command', () => {
    writeFive();
    expect(verifyAuditCommand(dataDir)).toEqual({
      exitCode: 0,
      output: expect.stringMatching(/^Audit log OK: 5 entries, hash chain intact/),
    });
    tamper((db) =>
      db.prepare('UPDATE audit_log SET details = \'{"latencyMs":1}\' WHERE seq = 2').run(),
    );
    const broken = verifyAuditCommand(dataDir);
    expect(broken.exitCode).toBe(1);
    expect(broken.output).toMatch(/^Audit log BROKEN at seq 2: edited\./);
    expect(verifyAuditCommand(dirs.make())).toMatchObject({
      exitCode: 2,
      output: expect.stringMatching(/No console database/),
    });
  });
});

describe('audit exports', () => {
  it('writes JSONL, one canonical entry per line, oldest first', () => {
    const rows = writeFive();
    const lines = [...store.audit.exportJsonl()];
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l))).toEqual(rows);
    expect(
      lines[0]!.startsWith(
        '{"action":"model.promote","actor":"ada@example.com","at":"2026-05-01T10:00:00.000Z"',
      ),
    ).toBe(true);
  });

  it('writes CSV with quoting for commas, quotes and line breaks', () => {
    const entry = store.audit.append({
      actor: 'ada',
      action: 'silence.create',
      target: 'alertmanager/GpuHot',
      reason: 'maintenance, "planned"\nuntil noon',
      to: { endsAt: '2026-05-01T12:00:00Z' },
      result: 'ok',
      correlationId: 'c-1',
      at: '2026-05-01T10:00:00Z',
    });
    const [header, row, ...rest] = [...store.audit.exportCsv()];
    expect(rest).toEqual([]);
    expect(header).toBe(
      'seq,at,actor,action,target,from,to,reason,result,correlation_id,details,prev_hash,hash\r\n',
    );
    expect(row).toBe(
      `1,2026-05-01T10:00:00.000Z,ada,silence.create,alertmanager/GpuHot,,"{""endsAt"":""2026-05-01T12:00:00Z""}","maintenance, ""planned""\nuntil noon",ok,c-1,{},${genesisHash},${entry.hash}\r\n`,
    );
  });

  it('pages through long logs', () => {
    for (let i = 0; i < 1203; i++)
      store.audit.append({ actor: 'a', action: 'x', target: `t${i}`, result: 'ok' });
    const seqs = [...store.audit.exportJsonl()].map((l) => (JSON.parse(l) as AuditEntry).seq);
    expect(seqs).toHaveLength(1203);
    expect(seqs.at(-1)).toBe(1203);
    expect(store.audit.verify()).toEqual({ ok: true, count: 1203 });
  });
});
