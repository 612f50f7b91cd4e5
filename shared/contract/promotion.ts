// Promote and rollback: moving a registry alias (`champion`) to another version and the serving
// objects with it, as a saga (audit intent first, each step recorded, compensation on failure),
// shown first as a plan, followed step by step through events, and reconciled after a crash.
import * as z from 'zod';
import { gateReport } from './approvals';
import { call, contractError, event } from './core';

export const promotionKind = z.enum(['promote', 'rollback']);
export type PromotionKind = z.infer<typeof promotionKind>;

/** A yes/no with the reason when it is no: a button disabled with its reason. */
const permission = z.object({ allowed: z.boolean(), reason: z.string().optional() });

export const servingChange = z.object({
  kind: z.enum(['InferenceService', 'Deployment']),
  connection: z.string(),
  context: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** What is changed, e.g. `storageUri`, `canary storageUri (10 %)`, `env MODEL_URI (server)`. */
  field: z.string(),
  from: z.string(),
  to: z.string(),
  /** KServe canary traffic for the new version, when the change is a canary. */
  canaryPercent: z.number().int().optional(),
  /** The patch as it is sent, for the user to read. */
  patchType: z.enum(['merge', 'strategic-merge', 'json']),
  patch: z.string(),
  /** Whether the kube context may patch it (SelfSubjectAccessReview). */
  access: permission,
});
export type ServingChange = z.infer<typeof servingChange>;

export const aliasMove = z.object({
  by: z.string(),
  at: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  /** Where this was learnt: the registry's tags or the local audit log. */
  source: z.enum(['registry', 'audit']),
});
export type AliasMove = z.infer<typeof aliasMove>;

export const promotionPlan = z.object({
  kind: promotionKind,
  connection: z.string(),
  model: z.string(),
  alias: z.string(),
  /** The version the alias points at now; null when unset. */
  from: z.string().nullable(),
  to: z.string(),
  /** Who acts, and where that identity comes from (registry login, kube context user, OS user). */
  actor: z.string(),
  actorSource: z.string(),
  /** Same for the same move: retrying with it changes nothing once the move has happened. */
  idempotencyKey: z.string(),
  serving: z.array(servingChange),
  /** Contexts that could not be searched for serving objects. */
  servingProblems: z.array(z.string()),
  registryAccess: permission,
  /** The alias already points at the target and serving matches: running it changes nothing. */
  alreadyDone: z.boolean(),
  /** Why it cannot run now (besides gates); empty when it can. */
  blockers: z.array(z.string()),
  /** The last move of the alias the console knows of. */
  lastMove: aliasMove.optional(),
  /** The deployment gates of the target version (promote only; null for a rollback). */
  gates: gateReport.nullable(),
});
export type PromotionPlan = z.infer<typeof promotionPlan>;

export const stepStatus = z.enum(['pending', 'running', 'ok', 'failed', 'compensated', 'skipped']);
export type StepStatus = z.infer<typeof stepStatus>;

export const promotionStep = z.object({
  id: z.string(),
  label: z.string(),
  status: stepStatus,
  detail: z.string().optional(),
});
export type PromotionStep = z.infer<typeof promotionStep>;

export const promotionResult = z.enum(['ok', 'unchanged', 'compensated', 'failed']);

export const promotionOutcome = z.object({
  correlationId: z.string(),
  kind: promotionKind,
  model: z.string(),
  alias: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  /** ok: done; unchanged: it had already happened; compensated: undone after a failure. */
  result: promotionResult,
  message: z.string(),
  /** Why it failed or was undone (registry down, 409 from the cluster, the alias moved). */
  error: contractError.optional(),
  steps: z.array(promotionStep),
});
export type PromotionOutcome = z.infer<typeof promotionOutcome>;

export const reconcileNotice = z.object({
  correlationId: z.string(),
  kind: promotionKind,
  model: z.string(),
  alias: z.string(),
  at: z.string(),
  /** finished: the saga's changes were all in place; compensated: they were undone. */
  result: z.enum(['finished', 'compensated', 'failed']),
  message: z.string(),
});
export type ReconcileNotice = z.infer<typeof reconcileNotice>;

const target = {
  id: z.string().describe('the MLflow connection id'),
  name: z.string().min(1),
  alias: z
    .string()
    .regex(/^[\w-]+$/)
    .default('champion'),
};
const canaryPercent = z.number().int().min(1).max(99).optional();
const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(2000);

export const promotionCalls = {
  'promotion.plan': call({
    summary: 'What promoting a version would change, who would do it, and whether they may',
    input: z.object({ ...target, version: z.string().min(1), canaryPercent }).strict(),
    output: promotionPlan,
  }),
  'promotion.rollbackPlan': call({
    summary: 'What rolling the alias back to the previous version would change',
    input: z.object(target).strict(),
    output: promotionPlan,
  }),
  'promotion.promote': call({
    summary: 'Move the alias to a version and the serving objects with it, as a saga',
    input: z
      .object({
        ...target,
        version: z.string().min(1),
        canaryPercent,
        /** The alias target the page showed; the move is refused if it changed since. */
        expectedFrom: z.string().nullable(),
        reason,
        /** Promote although a gate fails; recorded as an override. */
        override: z.object({ reason }).optional(),
      })
      .strict(),
    output: promotionOutcome,
    mutates: true,
  }),
  'promotion.rollback': call({
    summary: 'Move the alias and serving back to the previous version, as a saga',
    input: z.object({ ...target, expectedFrom: z.string(), reason }).strict(),
    output: promotionOutcome,
    mutates: true,
  }),
  'promotion.notices': call({
    summary: 'What reconciling interrupted promotions found since the console started',
    input: z.object({}).strict(),
    output: z.object({ notices: z.array(reconcileNotice) }),
  }),
};

export const promotionEvents = {
  'promotion.progress': event({
    summary: 'One step of a running promotion or rollback',
    payload: z.object({
      correlationId: z.string(),
      kind: promotionKind,
      model: z.string(),
      alias: z.string(),
      step: promotionStep,
    }),
  }),
  'promotion.reconciled': event({
    summary: 'An interrupted promotion or rollback was reconciled at start',
    payload: reconcileNotice,
  }),
};
