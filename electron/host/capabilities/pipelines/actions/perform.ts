// One action, end to end: checked against RBAC, written to the audit log as an intent before the
// cluster is touched and as ok/failed after (same correlation id), and idempotent: the caller's key
// names what is created (a repeat finds it) or marks the workflow it reset (a repeat sees it).
import type {
  ActionOutcome,
  ActionTarget,
  PipelineAction,
} from '../../../../../shared/contract/pipeline-actions';
import type { HostContext } from '../../../host-context';
import type { KubeClients } from '../../../sources/kubernetes';
import { SourceError } from '../../../sources/source-error';
import { CallFailure } from '../../../transport/failure';
import { runId, type KubeObjectLike } from '../normalize';
import { canAll } from './access';
import { actionsFor, needsOf } from './availability';
import {
  createObject,
  deleteStepPods,
  readObject,
  replaceWorkflow,
  setSuspend,
} from './kube-objects';
import { cronJobRun, cronWorkflowRun, keyOf, resubmission, type NewObject } from './run-now';
import { formulateRetry, lastRetryKey, NotRetryable } from './workflow-retry';

export interface ActionRequest {
  target: ActionTarget;
  action: PipelineAction;
  idempotencyKey: string;
  reason?: string;
}

interface Done {
  outcome: ActionOutcome;
  from?: unknown;
  to?: unknown;
}

const fits: Record<PipelineAction, ActionTarget['kind'][]> = {
  retry: ['Workflow'],
  resubmit: ['Workflow'],
  trigger: ['CronWorkflow', 'CronJob'],
  suspend: ['CronWorkflow', 'CronJob'],
  resume: ['CronWorkflow', 'CronJob'],
};

export const targetLabel = (t: ActionTarget) => `${t.context}/${t.namespace}/${t.kind}/${t.name}`;

export async function performAction(
  ctx: HostContext,
  clients: KubeClients,
  request: ActionRequest,
): Promise<ActionOutcome> {
  const { target, action } = request;
  if (!fits[action].includes(target.kind))
    throw new CallFailure('bad_request', `a ${target.kind} cannot be given "${action}"`);
  const audit = {
    actor: ctx.localActor(),
    action: `pipeline.${action}`,
    target: targetLabel(target),
    ...(request.reason ? { reason: request.reason } : {}),
  };
  const details = {
    connection: target.connection,
    context: target.context,
    idempotencyKey: request.idempotencyKey,
  };
  const intent = ctx.store.audit.append({ ...audit, result: 'intent', details });
  try {
    const access = await canAll(clients, needsOf(target, action));
    if (!access.allowed)
      throw new CallFailure(
        'forbidden',
        `Not allowed to ${action} ${target.name}: ${access.reason}`,
      );
    const done = await run(clients, request);
    ctx.store.audit.append({
      ...audit,
      result: 'ok',
      correlationId: intent.correlationId,
      ...(done.from !== undefined ? { from: done.from } : {}),
      ...(done.to !== undefined ? { to: done.to } : {}),
      details: { ...details, outcome: done.outcome.result, message: done.outcome.message },
    });
    ctx.log.info({ ...audit, outcome: done.outcome.result }, 'pipeline action done');
    return done.outcome;
  } catch (error) {
    const failure =
      error instanceof NotRetryable ? new CallFailure('conflict', error.message) : error;
    const message = failure instanceof Error ? failure.message : String(failure);
    ctx.store.audit.append({
      ...audit,
      result: 'failed',
      correlationId: intent.correlationId,
      details: { ...details, error: message },
    });
    ctx.log.warn({ ...audit, err: error }, 'pipeline action failed');
    throw failure;
  }
}

async function run(clients: KubeClients, request: ActionRequest): Promise<Done> {
  const { target, action, idempotencyKey: key } = request;
  const obj = await readObject(clients, target.kind, target.namespace, target.name);
  switch (action) {
    case 'retry':
      return retry(clients, target, obj, key);
    case 'resubmit':
      return create(clients, target, resubmission(obj, key), 'Resubmitted as');
    case 'trigger':
      return create(
        clients,
        target,
        target.kind === 'CronJob' ? cronJobRun(obj, key) : cronWorkflowRun(obj, key, new Date()),
        'Started',
      );
    case 'suspend':
    case 'resume': {
      const suspend = action === 'suspend';
      const was = actionsFor(target, obj).suspended === true;
      if (was === suspend)
        return {
          outcome: {
            result: 'already',
            message: `${target.name} was already ${suspend ? 'suspended' : 'active'}`,
          },
          from: { suspend: was },
          to: { suspend },
        };
      await setSuspend(
        clients,
        target.kind as 'CronJob' | 'CronWorkflow',
        target.namespace,
        target.name,
        suspend,
      );
      return {
        outcome: { result: 'done', message: `${target.name} ${suspend ? 'suspended' : 'resumed'}` },
        from: { suspend: was },
        to: { suspend },
      };
    }
  }
}

async function retry(
  clients: KubeClients,
  target: ActionTarget,
  obj: KubeObjectLike,
  key: string,
): Promise<Done> {
  const phase = (obj.status as { phase?: string } | undefined)?.phase;
  if (lastRetryKey(obj) === key && phase !== 'Failed' && phase !== 'Error')
    return { outcome: { result: 'already', message: `${target.name} was already retried` } };
  const plan = formulateRetry(obj, key, new Date());
  // Pods first, as Argo does: a failed pod left behind would be read back as the step's result.
  const deleted = await deleteStepPods(clients, target.namespace, target.name, plan.podNodeIds);
  try {
    await replaceWorkflow(clients, plan.workflow);
  } catch (error) {
    if (error instanceof SourceError && error.status === 409)
      throw new CallFailure(
        'conflict',
        `${target.name} changed while it was being retried; look at it again and retry if still needed`,
      );
    throw error;
  }
  return {
    outcome: {
      result: 'done',
      message: `${target.name} is running again: ${plan.podNodeIds.length} failed step(s) reset, ${deleted} pod(s) removed`,
    },
    from: { phase },
    to: { phase: 'Running', resetSteps: plan.podNodeIds.length },
  };
}

async function create(
  clients: KubeClients,
  target: ActionTarget,
  obj: NewObject,
  verb: string,
): Promise<Done> {
  const made = await createObject(clients, obj);
  const kind = obj.kind as 'Workflow' | 'Job';
  const name = obj.metadata.name;
  if (!made.created && keyOf(made.obj) !== keyOf(obj as KubeObjectLike))
    throw new CallFailure(
      'conflict',
      `a ${kind} named ${name} already exists and was not made by this action`,
    );
  const created = {
    kind,
    name,
    id: runId(target, kind, target.namespace, name),
  };
  return {
    outcome: {
      result: made.created ? 'done' : 'already',
      message: made.created
        ? `${verb} ${kind} ${name}`
        : `${kind} ${name} had already been created`,
      created,
    },
    to: { kind, name },
  };
}
