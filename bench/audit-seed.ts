// Writes a long, valid audit chain straight into a store file: the same hash as the console's
// append, batched in large transactions so a million rows take seconds, not an afternoon.
// The mix resembles a busy team: connection tests and pipeline actions most, promotions and
// approvals fewer, some failures, every intent followed by its outcome.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { genesisHash, hashAuditEntry, type HashedFields } from '../electron/host/store/audit-entry';
import { canonicalJson } from '../electron/host/store/canonical-json';

const actions = [
  'connection.test',
  'connection.update',
  'pipeline.retry',
  'pipeline.stop',
  'model.approve',
  'model.reject',
  'model.promote',
  'model.rollback',
  'gate.override',
  'silence.create',
];
const actors = Array.from({ length: 40 }, (_, i) => `user${i}@example.com`);
const targets = Array.from({ length: 2000 }, (_, i) => `models/model-${i}@champion`);

export interface SeededLog {
  rows: number;
  first: string;
  last: string;
}

/** Appends `rows` rows (intent + outcome pairs) one minute apart, starting `rows` minutes ago. */
export function seedAuditLog(file: string, rows: number): SeededLog {
  const db = new Database(file);
  // Bulk load without the secondary indexes, then build each once: far fewer page splits.
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, at, actor, action, target, from_value, to_value, reason, result, correlation_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const head = db.prepare(
    'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
  );
  const start = Date.now() - rows * 60_000;
  let prevHash = genesisHash;
  let correlationId = '';
  let seq = 0;
  const batch = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      seq++;
      const pair = Math.floor((seq - 1) / 2);
      const isIntent = seq % 2 === 1;
      if (isIntent) correlationId = randomUUID();
      const fields: HashedFields = {
        seq,
        at: new Date(start + seq * 60_000).toISOString(),
        actor: actors[pair % actors.length]!,
        action: actions[(pair * 7) % actions.length]!,
        target: targets[(pair * 13) % targets.length]!,
        from: { version: pair % 50 },
        to: { version: (pair % 50) + 1 },
        reason: pair % 3 === 0 ? `ticket OPS-${pair}` : null,
        result: isIntent ? 'intent' : pair % 17 === 0 ? 'failed' : 'ok',
        correlationId,
        details: {},
        prevHash,
      };
      const hash = hashAuditEntry(fields);
      insert.run(
        seq,
        fields.at,
        fields.actor,
        fields.action,
        fields.target,
        canonicalJson(fields.from),
        canonicalJson(fields.to),
        fields.reason,
        fields.result,
        correlationId,
        '{}',
        prevHash,
        hash,
      );
      prevHash = hash;
    }
    head.run(seq, prevHash);
  });
  while (seq < rows) batch(Math.min(50_000, rows - seq));
  for (const index of indexes) db.exec(index.sql);
  db.close();
  return {
    rows,
    first: new Date(start + 60_000).toISOString(),
    last: new Date(start + rows * 60_000).toISOString(),
  };
}
