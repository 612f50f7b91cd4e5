// Approvals and deployment gates of a model version. Approvals live in the registry itself as
// version tags (`console.approval.*`), so every teammate's console sees them; each decision is
// mirrored in the local audit log. Gates are evaluated from the workspace file's policy.
import * as z from 'zod';
import { call, freshness } from './core';
import { fetchFrom } from './sources';

export const gateKind = z.enum(['metric', 'validationRun', 'noDriftAlarm', 'approvals']);
export const gateStatus = z.enum(['passed', 'failed', 'not_evaluated']);
export type GateStatus = z.infer<typeof gateStatus>;

const figure = z.union([z.number(), z.string()]);

export const gateResult = z.object({
  name: z.string(),
  kind: gateKind,
  status: gateStatus,
  /** The figure measured: a metric's value, a run's status, the number of approvals. */
  actual: figure.optional(),
  /** What it had to reach, with champion-relative thresholds already computed. */
  threshold: figure.optional(),
  /** Why it passed, failed or could not be evaluated, in a sentence. */
  explanation: z.string(),
});
export type GateResult = z.infer<typeof gateResult>;

export const gateReport = z.object({
  model: z.string(),
  version: z.string(),
  evaluatedAt: z.string(),
  /** The version the champion alias pointed at when the gates were evaluated. */
  champion: z.object({ alias: z.string(), version: z.string() }).nullable(),
  /** Which policy entry applied: the model's name, `default` or `built-in`. */
  policy: z.object({ approvals: z.string(), gates: z.string() }),
  gates: z.array(gateResult),
  /** True only when every gate passed: `not_evaluated` never counts as a pass. */
  passed: z.boolean(),
  /** The names of the gates that failed or could not be evaluated. */
  blocking: z.array(z.string()),
});
export type GateReport = z.infer<typeof gateReport>;

export const approvalDecision = z.enum(['approved', 'rejected']);

export const approvalVote = z.object({
  /** The identity the registry knows the approver by. */
  by: z.string(),
  decision: approvalDecision,
  at: z.string(),
  reason: z.string(),
  /** Gate summary at decision time, e.g. "3 of 4 gates passed". */
  gates: z.string().optional(),
  /** Whether this vote belongs to the current request (older rounds are history). */
  current: z.boolean(),
});
export type ApprovalVote = z.infer<typeof approvalVote>;

export const permission = z.object({
  allowed: z.boolean(),
  /** Why not, in a sentence the button shows. */
  reason: z.string().optional(),
});
export type Permission = z.infer<typeof permission>;

export const approvalState = z.object({
  model: z.string(),
  version: z.string(),
  status: z.enum(['none', 'pending', 'approved', 'rejected']),
  required: z.number().int(),
  twoPersonRule: z.boolean(),
  /** Distinct current approvals. */
  approvals: z.number().int(),
  request: z
    .object({ id: z.string(), by: z.string(), at: z.string(), reason: z.string() })
    .optional(),
  votes: z.array(approvalVote),
  /** Who registered the version (MLflow's user_id). */
  registrant: z.string().optional(),
  /** Who the console acts as, and where that identity comes from. */
  identity: z.object({ user: z.string(), from: z.string() }).nullable(),
  can: z.object({ request: permission, approve: permission, reject: permission }),
});
export type ApprovalState = z.infer<typeof approvalState>;

const target = {
  id: z.string().describe('the MLflow connection id'),
  name: z.string().min(1),
  version: z.string().min(1),
};
const reason = z.string().trim().min(3, 'a reason is required').max(1000);
const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), freshness: freshness.nullable() });

export const approvalsCalls = {
  'approvals.get': call({
    summary: "A version's approval state from its registry tags, and what the user may do",
    input: z.object({ ...target, from: fetchFrom.default('live') }).strict(),
    output: sourced(approvalState),
  }),
  'approvals.gates': call({
    summary: "A version's deployment gates evaluated against the workspace's policy",
    input: z.object({ ...target, from: fetchFrom.default('live') }).strict(),
    output: sourced(gateReport),
  }),
  'approvals.request': call({
    summary: 'Ask teammates to approve a version',
    input: z.object({ ...target, reason }).strict(),
    output: approvalState,
    mutates: true,
  }),
  'approvals.decide': call({
    summary: 'Approve or reject a version, with a reason',
    input: z.object({ ...target, decision: z.enum(['approve', 'reject']), reason }).strict(),
    output: approvalState,
    mutates: true,
  }),
};
