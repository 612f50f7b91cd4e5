// What the user can do to a pipeline run or a schedule: retry or resubmit an Argo Workflow, run a
// CronJob or CronWorkflow now, suspend or resume a schedule. Each action is checked against the
// cluster's RBAC (SelfSubjectAccessReview) before its button is enabled, confirmed, written to the
// audit log, and safe to repeat: the caller's idempotency key names what an action creates.
import * as z from 'zod';
import { call } from './core';

export const actionTargetKind = z.enum(['Workflow', 'Job', 'CronWorkflow', 'CronJob']);
export type ActionTargetKind = z.infer<typeof actionTargetKind>;

const kubeName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'a Kubernetes object name');

export const actionTarget = z
  .object({
    connection: z.string().min(1),
    context: z.string().min(1),
    namespace: kubeName,
    kind: actionTargetKind,
    name: kubeName,
  })
  .strict();
export type ActionTarget = z.infer<typeof actionTarget>;

export const pipelineAction = z.enum(['retry', 'resubmit', 'trigger', 'suspend', 'resume']);
export type PipelineAction = z.infer<typeof pipelineAction>;

export const actionAvailability = z.object({
  action: pipelineAction,
  allowed: z.boolean(),
  /** Why not, in the user's words ("needs update on workflows in fraud-detection"). */
  reason: z.string().optional(),
});
export type ActionAvailability = z.infer<typeof actionAvailability>;

export const actionOutcome = z.object({
  /** done: changed now; already: an earlier attempt with the same key had done it. */
  result: z.enum(['done', 'already']),
  message: z.string(),
  /** What the action created (a Workflow or Job), as a pipeline run id when it is one. */
  created: z
    .object({ kind: z.enum(['Workflow', 'Job']), name: z.string(), id: z.string() })
    .optional(),
});
export type ActionOutcome = z.infer<typeof actionOutcome>;

export const pipelineActionsCalls = {
  'pipelines.actions': call({
    summary: 'Which actions the user may take on a run or schedule, and why not',
    input: z.object({ target: actionTarget }).strict(),
    output: z.object({
      actions: z.array(actionAvailability),
      /** A schedule's spec.suspend, for the suspend/resume toggle. */
      suspended: z.boolean().optional(),
    }),
  }),
  'pipelines.act': call({
    summary: 'Retry, resubmit, trigger, suspend or resume, audited and idempotent',
    input: z
      .object({
        target: actionTarget,
        action: pipelineAction,
        /** Made once per confirmation, so a double click or a retried call does the work once. */
        idempotencyKey: z
          .string()
          .min(8)
          .max(64)
          .regex(/^[A-Za-z0-9-]+$/),
        reason: z.string().max(500).optional(),
      })
      .strict(),
    output: actionOutcome,
  }),
};
