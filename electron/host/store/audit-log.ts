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
import { filterWhere, isoTime, whereSql, type AuditFilter } from './audit-filter';

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

export interface AuditQuery extends AuditFilter {
  /** At most this many rows, newest first. Default 100, at most 1000. */
  limit?: number;
  /** Paging: only rows older than this seq (pass the last seq of the previous page). */
  beforeSeq?: number;
  /** Paging in time order: only rows before this one (the last row of the previous page). */
  before?: { at: string; seq: number };
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
    this.appendInTransaction = db.transaction((input: AuditEntryInput) => this.appendNow(input));
  }

  /** Adds one row at the end of the chain. IMMEDIATE, so two console processes cannot fork it. */
  append(input: AuditEntryInput): AuditEntry {
    return this.appendInTransaction.immediate(input);
  }

  list(query: AuditQuery = {}): AuditEntry[] {
    const where = filterWhere(query);
    if (query.beforeSeq !== undefined) {
      where.clauses.push('seq < ?');
      where.params.push(query.beforeSeq);
    }
    if (query.before !== undefined) {
      where.clauses.push('(at, seq) < (?, ?)');
      where.params.push(query.before.at, query.before.seq);
    }
    const limit = Math.min(Math.max(Math.trunc(query.limit ?? 100), 1), 1000);
    // Newest first by time, then by position: every filter index ends in `at` (migration 2), so
    // this is a backwards walk of one index with no sort, whatever the log's length.
    const sql = `SELECT ${auditColumns} FROM audit_log ${whereSql(where)} ORDER BY at DESC, seq DESC LIMIT ${limit}`;
    return (this.db.prepare(sql).all(...where.params) as AuditRow[]).map(entryFromRow);
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
  *exportJsonl(filter: AuditFilter = {}): Generator<string> {
    for (const entry of this.allEntries(filter)) yield `${canonicalJson(entry)}\n`;
  }

  /** RFC 4180 CSV (CRLF line ends), oldest first; from/to/details are JSON inside their cells. */
  *exportCsv(filter: AuditFilter = {}): Generator<string> {
    yield `${csvHeader.join(',')}\r\n`;
    for (const e of this.allEntries(filter)) {
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

  /** Pages through the (filtered) log so a caller may use the store between pages of an export. */
  private *allEntries(filter: AuditFilter): Generator<AuditEntry> {
    const where = filterWhere(filter);
    where.clauses.push('seq > ?');
    const page = this.db.prepare(
      `SELECT ${auditColumns} FROM audit_log ${whereSql(where)} ORDER BY seq LIMIT ${exportPage}`,
    );
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = page.all(...where.params, after) as AuditRow[];
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

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
