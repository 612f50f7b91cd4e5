// One run in full, read on demand: its steps (Argo's nodes, or the Job's pods) with durations,
// the failed step, the Kubernetes events of its pods, the last 200 lines of the failed
// container's log, and the cause classified again with all of that in hand.
import type { RunDetail } from '../../../../shared/contract/pipelines';
import type { KubeClients } from '../../sources/kubernetes';
import { SourceError } from '../../sources/source-error';
import { CallFailure } from '../../transport/failure';
import { classifyFailure, type FailureEvidence } from './classify';
import {
  failedNode,
  jobEvidence,
  jobRun,
  parseRunId,
  workflowEvidence,
  workflowRun,
  type KubeObjectLike,
} from './normalize';
import { workflowStepGraph } from './step-graph';

interface PodLike {
  metadata?: {
    name?: string;
    annotations?: Record<string, string>;
    creationTimestamp?: Date | string;
  };
  spec?: { containers?: { name: string }[] };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    startTime?: Date | string;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: {
      name: string;
      state?: {
        terminated?: {
          reason?: string;
          message?: string;
          exitCode?: number;
          finishedAt?: Date | string;
          startedAt?: Date | string;
        };
        waiting?: { reason?: string; message?: string };
      };
      lastState?: { terminated?: { reason?: string; message?: string; exitCode?: number } };
    }[];
  };
}

const iso = (t: Date | string | null | undefined) =>
  t ? (t instanceof Date ? t : new Date(t)).toISOString() : undefined;

export async function readRunDetail(clients: KubeClients, id: string): Promise<RunDetail> {
  const ref = parseRunId(id);
  if (!ref || (ref.kind !== 'Workflow' && ref.kind !== 'Job')) {
    throw new CallFailure('bad_request', `"${id}" is not a pipeline run id`);
  }
  const cluster = { connection: ref.connection, context: ref.context };
  const { namespace, name } = ref;
  const problems: string[] = [];
  const obj = (
    ref.kind === 'Workflow'
      ? await clients.customObjects.getNamespacedCustomObject({
          group: 'argoproj.io',
          version: 'v1alpha1',
          plural: 'workflows',
          namespace,
          name,
        })
      : await clients.batch.readNamespacedJob({ namespace, name })
  ) as KubeObjectLike;

  const labelSelector =
    ref.kind === 'Workflow' ? `workflows.argoproj.io/workflow=${name}` : `job-name=${name}`;
  const pods = await clients.core
    .listNamespacedPod({ namespace, labelSelector })
    .then((l) => l.items as PodLike[])
    .catch((error: unknown) => {
      problems.push(`pods: ${messageOf(error)}`);
      return [] as PodLike[];
    });
  const podNames = new Set(pods.map((p) => p.metadata?.name ?? ''));
  const events = await clients.core
    .listNamespacedEvent({ namespace })
    .then((l) =>
      l.items
        .filter((e) => e.involvedObject.name === name || podNames.has(e.involvedObject.name ?? ''))
        .sort((a, b) =>
          (iso(a.lastTimestamp ?? a.eventTime) ?? '').localeCompare(
            iso(b.lastTimestamp ?? b.eventTime) ?? '',
          ),
        )
        .map((e) => ({
          object: `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`,
          type: e.type ?? 'Normal',
          reason: e.reason ?? '',
          message: e.message ?? '',
          ...(e.count ? { count: e.count } : {}),
          ...(iso(e.lastTimestamp ?? e.eventTime)
            ? { lastSeen: iso(e.lastTimestamp ?? e.eventTime)! }
            : {}),
        })),
    )
    .catch((error: unknown) => {
      problems.push(`events: ${messageOf(error)}`);
      return [];
    });

  let run = ref.kind === 'Workflow' ? workflowRun(cluster, obj) : jobRun(cluster, obj);
  let steps: RunDetail['steps'];
  let failedPod: PodLike | undefined;
  let evidence: FailureEvidence;
  if (ref.kind === 'Workflow') {
    const failed = failedNode(obj);
    steps = workflowStepGraph(obj);
    failedPod = failed
      ? pods.find((p) => p.metadata?.annotations?.['workflows.argoproj.io/node-id'] === failed.id)
      : undefined;
    evidence = workflowEvidence(obj, failed);
  } else {
    const sorted = [...pods].sort((a, b) =>
      (iso(a.metadata?.creationTimestamp) ?? '').localeCompare(
        iso(b.metadata?.creationTimestamp) ?? '',
      ),
    );
    failedPod = [...sorted].reverse().find((p) => p.status?.phase === 'Failed');
    steps = sorted.map((p) => {
      const main = p.status?.containerStatuses?.[0]?.state?.terminated;
      const startedAt = iso(p.status?.startTime);
      const finishedAt = iso(main?.finishedAt);
      return {
        name: p.metadata?.name ?? '',
        id: p.metadata?.name ?? '',
        dependsOn: [],
        phase: p.status?.phase ?? 'Unknown',
        ...(startedAt ? { startedAt } : {}),
        ...(finishedAt ? { finishedAt } : {}),
        ...(startedAt
          ? {
              durationMs:
                (finishedAt ? Date.parse(finishedAt) : Date.now()) - Date.parse(startedAt),
            }
          : {}),
        ...(p.status?.message ? { message: p.status.message } : {}),
        failed: p === failedPod,
      };
    });
    evidence = jobEvidence(obj);
  }

  let log: RunDetail['log'];
  if (failedPod?.metadata?.name) {
    const container =
      failedPod.spec?.containers?.find((c) => c.name === 'main')?.name ??
      failedPod.spec?.containers?.[0]?.name ??
      'main';
    try {
      const text = await clients.core.readNamespacedPodLog({
        namespace,
        name: failedPod.metadata.name,
        container,
        tailLines: 200,
      });
      const lines = String(text).split('\n');
      if (lines.at(-1) === '') lines.pop();
      log = { pod: failedPod.metadata.name, container, lines: lines.slice(-200) };
    } catch (error) {
      problems.push(`log of ${failedPod.metadata.name}: ${messageOf(error)}`);
    }
  }

  const relevant = failedPod ? [failedPod] : pods;
  const cause = classifyFailure({
    ...evidence,
    pods: relevant.map((p) => {
      const scheduled = p.status?.conditions?.find(
        (c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable',
      );
      return {
        ...(p.status?.reason ? { reason: p.status.reason } : {}),
        ...(p.status?.message ? { message: p.status.message } : {}),
        ...(scheduled?.message ? { unschedulable: scheduled.message } : {}),
      };
    }),
    containers: relevant.flatMap((p) =>
      (p.status?.containerStatuses ?? []).flatMap((c) => {
        const t = c.state?.terminated ?? c.lastState?.terminated;
        const w = c.state?.waiting;
        return [
          ...(t && t.reason && t.reason !== 'Completed'
            ? [
                {
                  reason: t.reason,
                  ...(t.message ? { message: t.message } : {}),
                  ...(t.exitCode !== undefined ? { exitCode: t.exitCode } : {}),
                },
              ]
            : []),
          ...(w?.reason && w.reason !== 'ContainerCreating' && w.reason !== 'PodInitializing'
            ? [{ reason: w.reason, ...(w.message ? { message: w.message } : {}) }]
            : []),
        ];
      }),
    ),
    events: events.filter((e) => e.type === 'Warning'),
    ...(log ? { logTail: log.lines } : {}),
  });
  const failing =
    run.status === 'Failed' || run.status === 'Error' || run.failedStep !== undefined || run.cause;
  if (failing && cause) run = { ...run, cause };
  else if (!failing && cause && cause.kind === 'QuotaExceeded') run = { ...run, cause };
  return { run, steps, events, ...(log ? { log } : {}), problems };
}

function messageOf(error: unknown): string {
  return error instanceof SourceError || error instanceof Error ? error.message : String(error);
}
