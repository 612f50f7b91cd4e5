// What one audit row is, and how its hash is computed. Shared by the writer (audit-log.ts), the
// checker (audit-verify.ts) and the exports, so all three agree on the bytes that are hashed.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const auditResults = ['intent', 'ok', 'failed', 'compensated'] as const;
export type AuditResult = (typeof auditResults)[number];

/** The prev_hash of the first row: 64 zeros, so a chain can be checked from a printout. */
export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  /** Position in the chain: 1, 2, 3, ... without gaps. */
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  /** Who did it: the identity the console acts as (kube user, MLflow user, OS user). */
  actor: string;
  /** What was done, dotted: `connection.test`, `model.promote`, `silence.create`. */
  action: string;
  /** What it was done to, e.g. `models/fraud-detector@champion`. */
  target: string;
  from: unknown;
  to: unknown;
  reason: string | null;
  result: AuditResult;
  /** Ties an intent to its outcome(s): the same id on the `intent` row and the `ok`/`failed` row. */
  correlationId: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type HashedFields = Omit<AuditEntry, 'hash'>;

/** SHA-256 (hex) over the canonical JSON of every field but the hash itself. */
export function hashAuditEntry(fields: HashedFields): string {
  const hashed = {
    seq: fields.seq,
    at: fields.at,
    actor: fields.actor,
    action: fields.action,
    target: fields.target,
    from: fields.from ?? null,
    to: fields.to ?? null,
    reason: fields.reason ?? null,
    result: fields.result,
    correlationId: fields.correlationId,
    details: fields.details,
    prevHash: fields.prevHash,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** A row as SQLite holds it. */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  from_value: string | null;
  to_value: string | null;
  reason: string | null;
  result: string;
  correlation_id: string;
  details: string;
  prev_hash: string;
  hash: string;
}

export const auditColumns =
  'seq, at, actor, action, target, from_value, to_value, reason, result, correlation_id, details, prev_hash, hash';

export function entryFromRow(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    from: row.from_value === null ? null : parseJson(row.from_value),
    to: row.to_value === null ? null : parseJson(row.to_value),
    reason: row.reason,
    result: row.result as AuditResult,
    correlationId: row.correlation_id,
    details: parseJson(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** A stored JSON cell that no longer parses is kept as its text, so verify() reports it as edited. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { unparseableJson: text };
  }
}
