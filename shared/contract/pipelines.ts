// Pipeline runs (Argo Workflows and Kubernetes Jobs) across the selected clusters, each with its
// failure classified. The list is watched live by the host and pushed in batches; the last-known
// runs of every cluster are cached, so the page paints at once and a dropped cluster stays visible.
import * as z from 'zod';
import { call, contractError, event, freshness } from './core';
import { fetchFrom } from './sources';

export const runKind = z.enum(['Workflow', 'Job']);
export const runStatus = z.enum(['Pending', 'Running', 'Succeeded', 'Failed', 'Error', 'Unknown']);
export type RunStatus = z.infer<typeof runStatus>;

/** Why a run failed, in the user's terms. */
export const failureKind = z.enum([
  'OOMKilled',
  'ImagePull',
  'BackoffLimitExceeded',
  'DeadlineExceeded',
  'Evicted',
  'Unschedulable',
  'QuotaExceeded',
  'DataError',
  'Other',
]);
export type FailureKind = z.infer<typeof failureKind>;

export const failureCause = z.object({
  kind: failureKind,
  /** One line in plain words. */
  summary: z.string(),
  /** The message or log line the cause was read from. */
  evidence: z.string().optional(),
});
export type FailureCause = z.infer<typeof failureCause>;

export const pipelineRun = z.object({
  /** connection/context/kind/namespace/name */
  id: z.string(),
  connection: z.string(),
  context: z.string(),
  namespace: z.string(),
  kind: runKind,
  name: z.string(),
  status: runStatus,
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  durationMs: z.number().optional(),
  owner: z.object({ kind: z.string(), name: z.string() }).optional(),
  model: z.string().optional(),
  failedStep: z.string().optional(),
  cause: failureCause.optional(),
});
export type PipelineRun = z.infer<typeof pipelineRun>;

/** A resource the console could not watch on a cluster (CRD missing, 403), the rest still works. */
export const watchProblem = z.object({
  resource: z.string(),
  /** Set when the cluster-wide list was refused and this one namespace could not be read either. */
  namespace: z.string().optional(),
  error: contractError,
});

export const clusterState = z.object({
  connection: z.string(),
  context: z.string(),
  /** live: watching; connecting: first list on its way; down: showing the last-known runs. */
  state: z.enum(['connecting', 'live', 'down', 'cached']),
  asOf: z.string().optional(),
  error: contractError.optional(),
  problems: z.array(watchProblem).default([]),
});
export type ClusterState = z.infer<typeof clusterState>;

export const pipelineRuns = z.object({
  runs: z.array(pipelineRun),
  clusters: z.array(clusterState),
});
export type PipelineRuns = z.infer<typeof pipelineRuns>;

export const runStep = z.object({
  name: z.string(),
  /** Argo's node id (a Job's pod name), which dependsOn refers to. */
  id: z.string().optional(),
  /** The steps that had to finish before this one: the DAG's edges. */
  dependsOn: z.array(z.string()).default([]),
  template: z.string().optional(),
  phase: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  durationMs: z.number().optional(),
  message: z.string().optional(),
  failed: z.boolean(),
});

export const runEvent = z.object({
  object: z.string(),
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  count: z.number().int().optional(),
  lastSeen: z.string().optional(),
});

export const runDetail = z.object({
  run: pipelineRun,
  steps: z.array(runStep),
  events: z.array(runEvent),
  log: z.object({ pod: z.string(), container: z.string(), lines: z.array(z.string()) }).optional(),
  /** What could not be read (events, logs), so the rest still shows. */
  problems: z.array(z.string()).default([]),
});
export type RunDetail = z.infer<typeof runDetail>;

export const pipelinesCalls = {
  'pipelines.runs': call({
    summary: 'Pipeline runs of every selected cluster, live or last-known',
    input: z.object({ from: fetchFrom.default('live') }).strict(),
    output: z.object({ value: pipelineRuns.nullable(), freshness: freshness.nullable() }),
  }),
  'pipelines.run': call({
    summary: "One run's steps, failure cause, pod events and failed container's log tail",
    input: z.object({ id: z.string() }).strict(),
    output: runDetail,
  }),
};

export const pipelinesEvents = {
  'pipelines.changed': event({
    summary: 'Runs added, changed or gone, and cluster states, batched',
    payload: z.object({
      upserts: z.array(pipelineRun),
      deletes: z.array(z.string()),
      clusters: z.array(clusterState),
    }),
  }),
};
