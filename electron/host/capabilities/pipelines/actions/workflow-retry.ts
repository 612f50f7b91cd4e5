// `argo retry` without an Argo server, as Argo's own FormulateRetryWorkflow does it: only a Failed
// or Errored workflow; succeeded and skipped steps are kept; failed, errored and omitted steps are
// dropped from status.nodes (their pods deleted) so the controller runs them again; the DAG/steps
// nodes that contained a failure go back to Running; the workflow's phase, message, finish time
// and "completed" label are reset. The update carries the resourceVersion it was computed from, so
// a concurrent change is refused (409) instead of overwritten.
import type { KubeObjectLike } from '../normalize';

export const retryKeyAnnotation = 'mlops-console.io/retry-key';

interface Node {
  id?: string;
  name?: string;
  type?: string;
  phase?: string;
  message?: string;
  finishedAt?: string | null;
  [key: string]: unknown;
}

export interface RetryPlan {
  workflow: KubeObjectLike & { metadata: NonNullable<KubeObjectLike['metadata']> };
  /** Node ids whose pods must go, so the controller makes fresh ones. */
  podNodeIds: string[];
}

const containerTypes = new Set(['DAG', 'Steps', 'StepGroup', 'TaskGroup']);

export class NotRetryable extends Error {}

export function formulateRetry(obj: KubeObjectLike, key: string, now: Date): RetryPlan {
  const status = (obj.status ?? {}) as { phase?: string; nodes?: Record<string, Node> };
  const name = obj.metadata?.name ?? '';
  if (status.phase !== 'Failed' && status.phase !== 'Error') {
    throw new NotRetryable(
      `workflow ${name} is ${status.phase ?? 'not started'}: only a failed or errored workflow can be retried`,
    );
  }
  const nodes: Record<string, Node> = {};
  const podNodeIds: string[] = [];
  for (const [id, node] of Object.entries(status.nodes ?? {})) {
    const onExit = (node.name ?? '').includes('.onExit');
    switch (node.phase) {
      case 'Succeeded':
      case 'Skipped':
        if (!onExit) {
          nodes[id] = node;
          continue;
        }
        break;
      case 'Failed':
      case 'Error':
      case 'Omitted':
        if (!onExit && containerTypes.has(node.type ?? '')) {
          const reset: Node = { ...node, phase: 'Running' };
          delete reset.message;
          reset.finishedAt = null;
          nodes[id] = reset;
          continue;
        }
        break;
      default:
        throw new NotRetryable(
          `workflow ${name} still has step ${node.name ?? id} ${node.phase ?? 'in an unknown phase'}; it cannot be retried until it ends`,
        );
    }
    if (node.type === 'Pod') podNodeIds.push(id);
  }
  const meta = structuredClone(obj.metadata ?? {}) as RetryPlan['workflow']['metadata'] & {
    annotations?: Record<string, string>;
  };
  const labels = { ...(meta.labels ?? {}) };
  delete labels['workflows.argoproj.io/completed'];
  delete labels['workflows.argoproj.io/workflow-archiving-status'];
  labels['workflows.argoproj.io/phase'] = 'Running';
  meta.labels = labels;
  meta.annotations = { ...(meta.annotations ?? {}), [retryKeyAnnotation]: key };
  const spec = structuredClone((obj.spec ?? {}) as Record<string, unknown>);
  delete spec['shutdown'];
  if (spec['activeDeadlineSeconds'] === 0) delete spec['activeDeadlineSeconds'];
  const oldStatus = structuredClone((obj.status ?? {}) as Record<string, unknown>);
  const conditions = Array.isArray(oldStatus['conditions'])
    ? (oldStatus['conditions'] as { type?: string }[]).filter((c) => c.type !== 'Completed')
    : [];
  const { message: _message, ...rest } = oldStatus;
  void _message;
  return {
    workflow: {
      ...obj,
      metadata: meta,
      spec,
      status: {
        ...rest,
        phase: 'Running',
        startedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        finishedAt: null,
        nodes,
        conditions: [...conditions, { type: 'Completed', status: 'False' }],
      },
    },
    podNodeIds,
  };
}

/** The key of the retry that last reset this workflow, to answer a repeated call with "already". */
export function lastRetryKey(obj: KubeObjectLike): string | undefined {
  const annotations = (obj.metadata as { annotations?: Record<string, string> } | undefined)
    ?.annotations;
  return annotations?.[retryKeyAnnotation];
}
