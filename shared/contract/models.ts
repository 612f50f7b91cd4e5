// The model registry, read-only: registered models with their aliases, a model's versions, a
// version's lineage (run, params, metrics and their curves, datasets, the pipeline run that made
// it), a comparison with the champion, and where each version is serving. Every answer comes
// through the snapshot cache, so a page paints at once with its last-known state.
import * as z from 'zod';
import { call, contractError, freshness } from './core';
import { fetchFrom } from './sources';

const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), freshness: freshness.nullable() });

export const modelAlias = z.object({ alias: z.string(), version: z.string() });

export const modelSummary = z.object({
  name: z.string(),
  description: z.string().optional(),
  tags: z.record(z.string(), z.string()),
  aliases: z.array(modelAlias),
  /** The highest version number the registry reports for the model. */
  latestVersion: z.string().optional(),
  createdAt: z.number().optional(),
  updatedAt: z.number().optional(),
});
export type ModelSummary = z.infer<typeof modelSummary>;

export const versionSummary = z.object({
  version: z.string(),
  /** READY, PENDING_REGISTRATION or FAILED_REGISTRATION. */
  status: z.string().optional(),
  /** Epoch ms the version was registered. */
  createdAt: z.number().optional(),
  /** Who registered it (MLflow's user_id), when the registry says. */
  registeredBy: z.string().optional(),
  /** The release notes. */
  description: z.string().optional(),
  runId: z.string().optional(),
  source: z.string().optional(),
  aliases: z.array(z.string()),
  tags: z.record(z.string(), z.string()),
  /** Deprecated since MLflow 2.9; shown read-only. */
  stage: z.string().optional(),
});
export type VersionSummary = z.infer<typeof versionSummary>;

export const metricPoint = z.object({
  step: z.number(),
  value: z.number(),
  timestamp: z.number().optional(),
});

export const runMetric = z.object({
  key: z.string(),
  /** The latest value. */
  value: z.number(),
  history: z.array(metricPoint),
});
export type RunMetric = z.infer<typeof runMetric>;

export const datasetColumn = z.object({ name: z.string(), type: z.string() });

export const dataset = z.object({
  name: z.string(),
  digest: z.string(),
  /** training, validation or evaluation (the `mlflow.data.context` tag). */
  context: z.string().optional(),
  sourceType: z.string().optional(),
  /** The dataset's location: the `uri` or table name from MLflow's source JSON. */
  source: z.string().optional(),
  schema: z.array(datasetColumn),
  rows: z.number().optional(),
});
export type Dataset = z.infer<typeof dataset>;

export const pipelineRun = z.object({
  workflow: z.string(),
  namespace: z.string().optional(),
  template: z.string().optional(),
});

export const sourceRun = z.object({
  runId: z.string(),
  runName: z.string().optional(),
  experimentId: z.string(),
  status: z.string().optional(),
  startTime: z.number().optional(),
  endTime: z.number().optional(),
  user: z.string().optional(),
  gitCommit: z.string().optional(),
  params: z.array(z.object({ key: z.string(), value: z.string() })),
  metrics: z.array(runMetric),
  datasets: z.array(dataset),
  /** The Argo workflow that trained it, from the run's tags. */
  pipeline: pipelineRun.optional(),
});
export type SourceRun = z.infer<typeof sourceRun>;

export const versionPage = z.object({
  model: z.string(),
  version: versionSummary,
  run: sourceRun.optional(),
  /** Why the source run could not be read (deleted, forbidden), when it could not. */
  runError: contractError.optional(),
});
export type VersionPage = z.infer<typeof versionPage>;

export const metricComparison = z.object({
  key: z.string(),
  candidate: z.number().optional(),
  baseline: z.number().optional(),
  /** candidate - baseline, when both exist. */
  delta: z.number().optional(),
  candidateHistory: z.array(metricPoint),
  baselineHistory: z.array(metricPoint),
});
export type MetricComparison = z.infer<typeof metricComparison>;

export const datasetComparison = z.object({
  /** The dataset's role and name, e.g. "training · fraud-transactions-train". */
  label: z.string(),
  candidate: dataset.optional(),
  baseline: dataset.optional(),
});

export const versionComparison = z.object({
  model: z.string(),
  candidate: z.string(),
  /** The alias compared against and the version it points at; null when the alias is unset. */
  baseline: z.object({ alias: z.string(), version: z.string() }).nullable(),
  metrics: z.array(metricComparison),
  /** Only the params whose values differ. */
  params: z.array(
    z.object({
      key: z.string(),
      candidate: z.string().optional(),
      baseline: z.string().optional(),
    }),
  ),
  /** Only the datasets that differ (by digest, or present on one side only). */
  datasets: z.array(datasetComparison),
});
export type VersionComparison = z.infer<typeof versionComparison>;

export const servingTarget = z.object({
  kind: z.enum(['InferenceService', 'Deployment']),
  /** The Kubernetes connection and context it was found in. */
  connection: z.string(),
  context: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** Where the URI was found: `storageUri`, `canary storageUri`, `env MODEL_URI`, `image`. */
  field: z.string(),
  uri: z.string(),
  /** The version it serves, with an alias resolved against the registry. */
  version: z.string().optional(),
  /** The alias the URI names, when it names one. */
  alias: z.string().optional(),
  /** KServe's canaryTrafficPercent, when this is the canary. */
  trafficPercent: z.number().optional(),
  ready: z.boolean().optional(),
});
export type ServingTarget = z.infer<typeof servingTarget>;

export const modelServing = z.object({
  model: z.string(),
  targets: z.array(servingTarget),
  /** The contexts searched, with why one could not be read. */
  contexts: z.array(
    z.object({ connection: z.string(), context: z.string(), error: contractError.optional() }),
  ),
});
export type ModelServing = z.infer<typeof modelServing>;

const registry = {
  id: z.string().describe('the MLflow connection id'),
  from: fetchFrom.default('live'),
};

export const modelsCalls = {
  'models.list': call({
    summary: 'Registered models with their aliases, tags and latest version, one page at a time',
    input: z
      .object({
        ...registry,
        /** Part of a model's name (MLflow's `name LIKE '%…%'`). */
        search: z.string().max(200).default(''),
        pageToken: z.string().optional(),
        pageSize: z.number().int().min(1).max(1000).default(25),
      })
      .strict(),
    output: sourced(
      z.object({ models: z.array(modelSummary), nextPageToken: z.string().optional() }),
    ),
  }),
  'models.get': call({
    summary: 'A registered model and its versions',
    input: z.object({ ...registry, name: z.string().min(1) }).strict(),
    output: sourced(z.object({ model: modelSummary, versions: z.array(versionSummary) })),
  }),
  'models.version': call({
    summary: "A version's page: its source run, params, metrics, datasets and pipeline run",
    input: z.object({ ...registry, name: z.string().min(1), version: z.string().min(1) }).strict(),
    output: sourced(versionPage),
  }),
  'models.compare': call({
    summary: 'A version beside the one an alias (the champion) points at',
    input: z
      .object({
        ...registry,
        name: z.string().min(1),
        version: z.string().min(1),
        against: z.string().min(1).default('champion'),
      })
      .strict(),
    output: sourced(versionComparison),
  }),
  'models.serving': call({
    summary: "Where a model's versions are serving in the selected kube contexts",
    input: z.object({ ...registry, name: z.string().min(1) }).strict(),
    output: sourced(modelServing),
  }),
};
