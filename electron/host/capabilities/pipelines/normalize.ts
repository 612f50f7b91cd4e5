// Argo Workflows and Jobs as pipeline runs. Only what the views need is kept (the run row is a
// few hundred bytes), so thousands of watched objects stay small in memory.
import type { PipelineRun, RunStatus } from '../../../../shared/contract/pipelines';
import { classifyFailure, type FailureEvidence } from './classify';

/** The parts of a Kubernetes object this file reads; everything else is dropped on arrival. */
export interface KubeObjectLike {
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    ownerReferences?: { kind: string; name: string }[];
    creationTimestamp?: string | Date;
    resourceVersion?: string;
  };
  spec?: unknown;
  status?: unknown;
}

export interface ClusterRef {
  connection: string;
  context: string;
}

export interface WorkflowNode {
  id?: string;
  displayName?: string;
  name?: string;
  type?: string;
  templateName?: string;
  phase?: string;
  message?: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  outputs?: { exitCode?: string };
}

interface WorkflowStatus {
  phase?: string;
  startedAt?: string | null;
  finishedAt?: string | null;
  message?: string;
  nodes?: Record<string, WorkflowNode>;
}

interface JobStatus {
  startTime?: string | Date;
  completionTime?: string | Date;
  active?: number;
  succeeded?: number;
  failed?: number;
  conditions?: {
    type: string;
    status: string;
    reason?: string;
    message?: string;
    lastTransitionTime?: string | Date;
  }[];
}

export function runId(cluster: ClusterRef, kind: string, namespace: string, name: string): string {
  return `${cluster.connection}/${cluster.context}/${kind}/${namespace}/${name}`;
}

export function parseRunId(id: string) {
  const parts = id.split('/');
  if (parts.length !== 5) return undefined;
  const [connection, context, kind, namespace, name] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { connection, context, kind, namespace, name };
}

const iso = (t: string | Date | null | undefined): string | undefined => {
  if (!t) return undefined;
  const d = t instanceof Date ? t : new Date(t);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

const durationOf = (start?: string, end?: string, now = Date.now()): number | undefined => {
  if (!start) return undefined;
  const ms = (end ? Date.parse(end) : now) - Date.parse(start);
  return ms >= 0 ? ms : undefined;
};

/** A model label: `model`, `app.kubernetes.io/model` or any `<prefix>/model`. */
export function modelLabel(labels: Record<string, string> | undefined): string | undefined {
  if (!labels) return undefined;
  for (const [key, value] of Object.entries(labels)) {
    if (key === 'model' || key.endsWith('/model') || key.endsWith('/model-name')) return value;
  }
  return undefined;
}

function ownerOf(obj: KubeObjectLike): PipelineRun['owner'] {
  const ref = obj.metadata?.ownerReferences?.[0];
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

const workflowPhases: Record<string, RunStatus> = {
  Pending: 'Pending',
  Running: 'Running',
  Succeeded: 'Succeeded',
  Failed: 'Failed',
  Error: 'Error',
};

/** Steps in start order (pods and skipped steps; the DAG's own node is left out). */
export function workflowSteps(obj: KubeObjectLike): WorkflowNode[] {
  const status = (obj.status ?? {}) as WorkflowStatus;
  return Object.values(status.nodes ?? {})
    .filter((n) => n.type === 'Pod' || n.type === 'Skipped' || n.type === 'Retry')
    .sort((a, b) => (a.startedAt ?? '').localeCompare(b.startedAt ?? ''));
}

const stuckMessage =
  /ImagePullBackOff|ErrImagePull|exceeded quota|Unschedulable|nodes are available/;

/** The step that failed, or that is stuck pending for a reason worth showing. */
export function failedNode(obj: KubeObjectLike): WorkflowNode | undefined {
  const steps = workflowSteps(obj);
  return (
    steps.find((n) => n.phase === 'Failed' || n.phase === 'Error') ??
    steps.find((n) => n.phase === 'Pending' && stuckMessage.test(n.message ?? ''))
  );
}

export function workflowRun(
  cluster: ClusterRef,
  obj: KubeObjectLike,
  now = Date.now(),
): PipelineRun {
  const meta = obj.metadata ?? {};
  const status = (obj.status ?? {}) as WorkflowStatus;
  const namespace = meta.namespace ?? '';
  const name = meta.name ?? '';
  const startedAt = iso(status.startedAt) ?? iso(meta.creationTimestamp);
  const finishedAt = iso(status.finishedAt);
  const phase = status.phase ? (workflowPhases[status.phase] ?? 'Unknown') : 'Pending';
  const failed = failedNode(obj);
  const cause =
    failed || phase === 'Failed' || phase === 'Error'
      ? classifyFailure(workflowEvidence(obj, failed))
      : undefined;
  const owner = ownerOf(obj);
  const model = modelLabel(meta.labels);
  const durationMs = durationOf(startedAt, finishedAt, now);
  return {
    id: runId(cluster, 'Workflow', namespace, name),
    ...cluster,
    namespace,
    kind: 'Workflow',
    name,
    status: phase,
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(owner ? { owner } : {}),
    ...(model ? { model } : {}),
    ...(failed ? { failedStep: failed.displayName ?? failed.name ?? '' } : {}),
    ...(cause ? { cause } : {}),
  };
}

export function workflowEvidence(
  obj: KubeObjectLike,
  failed: WorkflowNode | undefined,
): FailureEvidence {
  const status = (obj.status ?? {}) as WorkflowStatus;
  return {
    messages: [failed?.message ?? '', status.message ?? ''].filter((m) => m !== ''),
  };
}

export function jobRun(cluster: ClusterRef, obj: KubeObjectLike, now = Date.now()): PipelineRun {
  const meta = obj.metadata ?? {};
  const status = (obj.status ?? {}) as JobStatus;
  const namespace = meta.namespace ?? '';
  const name = meta.name ?? '';
  const conditions = status.conditions ?? [];
  const isTrue = (type: string) => conditions.find((c) => c.type === type && c.status === 'True');
  const failedCondition = isTrue('Failed');
  const complete = isTrue('Complete');
  const statusOf: RunStatus = failedCondition
    ? 'Failed'
    : complete
      ? 'Succeeded'
      : (status.active ?? 0) > 0
        ? 'Running'
        : 'Pending';
  const startedAt = iso(status.startTime) ?? iso(meta.creationTimestamp);
  const finishedAt =
    iso(status.completionTime) ??
    (failedCondition ? iso(failedCondition.lastTransitionTime) : undefined);
  const cause = failedCondition ? classifyFailure(jobEvidence(obj)) : undefined;
  const owner = ownerOf(obj);
  const model = modelLabel(meta.labels);
  const durationMs = durationOf(startedAt, finishedAt, now);
  return {
    id: runId(cluster, 'Job', namespace, name),
    ...cluster,
    namespace,
    kind: 'Job',
    name,
    status: statusOf,
    ...(startedAt ? { startedAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(owner ? { owner } : {}),
    ...(model ? { model } : {}),
    ...(cause ? { cause } : {}),
  };
}

export function jobEvidence(obj: KubeObjectLike): FailureEvidence {
  const status = (obj.status ?? {}) as JobStatus;
  return {
    messages: [],
    conditions: (status.conditions ?? [])
      .filter((c) => c.type === 'Failed' && c.status === 'True')
      .map((c) => ({
        ...(c.reason ? { reason: c.reason } : {}),
        ...(c.message ? { message: c.message } : {}),
      })),
  };
}
