// The audit log: every change the console makes to an external system, and every intent to make
// one, as an append-only hash chain. Each row's hash covers its fields and the previous row's
// hash, so changing, removing or slipping in a row breaks the chain where it happened.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import {
  auditColumns,
  auditResults,
  entryFromRow,
  genesisHash,
  hashAuditEntry,
  type AuditEntry,
  type AuditResult,
  type AuditRow,
} from './audit-entry';
import { verifyAuditChain, type AuditVerification } from './audit-verify';

export interface AuditEntryInput {
  actor: string;
  action: string;
  target: string;
  from?: unknown;
  to?: unknown;
  reason?: string | null;
  result: AuditResult;
  /** Pass the intent row's id on its outcome row; a fresh id is made when absent. */
  correlationId?: string;
  details?: Record<string, unknown>;
  /** Defaults to now. Set by tests and by imports of entries that happened elsewhere. */
  at?: string | Date;
}

export interface AuditQuery {
  action?: string;
  actor?: string;
  result?: AuditResult;
  /** Inclusive, ISO time. */
  since?: string | Date;
  /** Exclusive, ISO time. */
  until?: string | Date;
  /** At most this many rows, newest first. Default 100, at most 1000. */
  limit?: number;
  /** Paging: only rows older than this seq (pass the last seq of the previous page). */
  beforeSeq?: number;
}

const exportPage = 500;
const csvHeader = [
  'seq',
  'at',
  'actor',
  'action',
  'target',
  'from',
  'to',
  'reason',
  'result',
  'correlation_id',
  'details',
  'prev_hash',
  'hash',
];

export class AuditLog {
  private readonly insert: Database.Statement;
  private readonly last: Database.Statement<[], { seq: number; hash: string }>;
  private readonly setHead: Database.Statement;
  private readonly page: Database.Statement<[number, number], AuditRow>;
  private readonly appendInTransaction: Database.Transaction<
    (input: AuditEntryInput) => AuditEntry
  >;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (${auditColumns}) VALUES (@seq, @at, @actor, @action, @target, @from_value, @to_value, @reason, @result, @correlation_id, @details, @prev_hash, @hash)`,
    );
    this.last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.setHead = db.prepare(
      'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash',
    );
    this.page = db.prepare(
      `SELECT ${auditColumns} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    this.appendInTransaction = db.transaction((input: AuditEntryInput) => this.appendNow(input));
  }

  /** Adds one row at the end of the chain. IMMEDIATE, so two console processes cannot fork it. */
  append(input: AuditEntryInput): AuditEntry {
    return this.appendInTransaction.immediate(input);
  }

  list(query: AuditQuery = {}): AuditEntry[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, value: string | number) => {
      where.push(clause);
      params.push(value);
    };
    if (query.action !== undefined) add('action = ?', query.action);
    if (query.actor !== undefined) add('actor = ?', query.actor);
    if (query.result !== undefined) add('result = ?', query.result);
    if (query.since !== undefined) add('at >= ?', isoTime(query.since, 'since'));
    if (query.until !== undefined) add('at < ?', isoTime(query.until, 'until'));
    if (query.beforeSeq !== undefined) add('seq < ?', query.beforeSeq);
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 1000);
    const sql = `SELECT ${auditColumns} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ${limit}`;
    return (this.db.prepare(sql).all(...params) as AuditRow[]).map(entryFromRow);
  }

  /** Every row that shares an intent's correlation id, oldest first. */
  byCorrelation(correlationId: string): AuditEntry[] {
    const rows = this.db
      .prepare(`SELECT ${auditColumns} FROM audit_log WHERE correlation_id = ? ORDER BY seq`)
      .all(correlationId) as AuditRow[];
    return rows.map(entryFromRow);
  }

  verify(): AuditVerification {
    return verifyAuditChain(this.db);
  }

  /** One JSON object per line, oldest first: the form to keep, diff or re-verify elsewhere. */
  *exportJsonl(): Generator<string> {
    for (const entry of this.allEntries()) yield `${canonicalJson(entry)}\n`;
  }

  /** RFC 4180 CSV (CRLF line ends), oldest first; from/to/details are JSON inside their cells. */
  *exportCsv(): Generator<string> {
    yield `${csvHeader.join(',')}\r\n`;
    for (const e of this.allEntries()) {
      const cells = [
        String(e.seq),
        e.at,
        e.actor,
        e.action,
        e.target,
        e.from === null ? '' : canonicalJson(e.from),
        e.to === null ? '' : canonicalJson(e.to),
        e.reason ?? '',
        e.result,
        e.correlationId,
        canonicalJson(e.details),
        e.prevHash,
        e.hash,
      ];
      yield `${cells.map(csvCell).join(',')}\r\n`;
    }
  }

  /** Pages through the log so a caller may use the store between rows of a long export. */
  private *allEntries(): Generator<AuditEntry> {
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = this.page.all(after, exportPage);
      for (const row of rows) yield entryFromRow(row);
      const lastRow = rows.at(-1);
      if (!lastRow || rows.length < exportPage) return;
      after = lastRow.seq;
    }
  }

  private appendNow(input: AuditEntryInput): AuditEntry {
    for (const field of ['actor', 'action', 'target'] as const) {
      if (typeof input[field] !== 'string' || input[field].trim() === '') {
        throw new TypeError(`audit entry needs a non-empty ${field}`);
      }
    }
    if (!auditResults.includes(input.result)) {
      throw new TypeError(
        `audit entry result must be one of ${auditResults.join(', ')}, not ${String(input.result)}`,
      );
    }
    const details = input.details ?? {};
    if (typeof details !== 'object' || details === null || Array.isArray(details)) {
      throw new TypeError('audit entry details must be an object');
    }
    const previous = this.last.get();
    // Values go through their JSON form first, so the hash covers exactly what is stored and read back.
    const fields = {
      seq: (previous?.seq ?? 0) + 1,
      at: isoTime(input.at ?? new Date(), 'at'),
      actor: input.actor,
      action: input.action,
      target: input.target,
      from: jsonRoundTrip(input.from),
      to: jsonRoundTrip(input.to),
      reason: input.reason ?? null,
      result: input.result,
      correlationId: input.correlationId ?? randomUUID(),
      details: jsonRoundTrip(details) as Record<string, unknown>,
      prevHash: previous?.hash ?? genesisHash,
    };
    const entry: AuditEntry = { ...fields, hash: hashAuditEntry(fields) };
    this.insert.run({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      from_value: entry.from === null ? null : canonicalJson(entry.from),
      to_value: entry.to === null ? null : canonicalJson(entry.to),
      reason: entry.reason,
      result: entry.result,
      correlation_id: entry.correlationId,
      details: canonicalJson(entry.details),
      prev_hash: entry.prevHash,
      hash: entry.hash,
    });
    this.setHead.run(entry.seq, entry.hash);
    return entry;
  }
}

function jsonRoundTrip(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(canonicalJson(value));
}

function isoTime(value: string | Date, what: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new TypeError(`audit ${what}: not a time: ${String(value)}`);
  return date.toISOString();
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
