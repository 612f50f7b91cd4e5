import * as z from 'zod';
import { call } from './core';

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  from: z.unknown().nullable(),
  to: z.unknown().nullable(),
  reason: z.string().nullable(),
  result: z.enum(['intent', 'ok', 'failed', 'compensated']),
  correlationId: z.string().nullable(),
  hash: z.string(),
  /** What else the action recorded (latency, ids it created); absent from older hosts. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const auditVerification = z.union([
  z.object({ ok: z.literal(true), count: z.number().int() }),
  z.object({
    ok: z.literal(false),
    firstBadSeq: z.number().int(),
    problem: z.enum(['edited', 'inserted', 'deleted', 'reordered']),
    detail: z.string(),
  }),
]);

const isoTime = z.string().datetime({ offset: true });
const exactField = z.string().trim().min(1).max(500);

/** What the audit view filters by; every field narrows, none required. */
export const auditFilter = z
  .object({
    action: exactField.optional(),
    actor: exactField.optional(),
    target: exactField.optional(),
    result: z.enum(['intent', 'ok', 'failed', 'compensated']).optional(),
    /** Inclusive. */
    since: isoTime.optional(),
    /** Exclusive. */
    until: isoTime.optional(),
    /** Case-insensitive substring of who, what, target, reason or correlation id. */
    text: z.string().trim().max(200).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilter>;

/** Where a page ends: pass it back as `before` for the next (older) page. */
export const auditCursor = z.object({ at: z.string(), seq: z.number().int() }).strict();
export type AuditCursor = z.infer<typeof auditCursor>;

/** An export of the rows a filter selects, streamed by the host to a file (see downloads.ts). */
export const auditExportRequest = z
  .object({ filter: auditFilter.default({}), format: z.enum(['jsonl', 'csv']) })
  .strict();
export type AuditExportRequest = z.input<typeof auditExportRequest>;

export const auditCalls = {
  'audit.query': call({
    summary: 'One page of the audit log, newest first, narrowed by a filter',
    input: z
      .object({
        filter: auditFilter.default({}),
        before: auditCursor.optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntry), next: auditCursor.nullable() }),
  }),
  'audit.correlation': call({
    summary: 'An intent and its outcomes: every entry sharing one correlation id, oldest first',
    input: z.object({ correlationId: z.string().min(1).max(200) }).strict(),
    output: z.object({ entries: z.array(auditEntry) }),
  }),
  'audit.recent': call({
    summary: 'The latest entries of the audit log',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({ entries: z.array(auditEntry) }),
  }),
  'audit.verify': call({
    summary: 'Check the audit log hash chain for edited, inserted or deleted rows',
    input: z.object({}).strict(),
    output: auditVerification,
  }),
};
