import { z } from 'zod';
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

export const auditCalls = {
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
