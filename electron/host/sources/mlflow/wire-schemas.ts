// What the console reads from MLflow's REST API, as zod schemas. Tolerant on purpose: servers from
// 2.x to 3.x omit unset fields and empty lists, send int64 as numbers (some proxies as strings)
// and add fields over time, so every field but the identifying ones is optional, lists default
// to empty, unknown fields are dropped, and int64 becomes a number.
import * as z from 'zod';

/** int64: a JSON number from `message_to_json`, or a decimal string from some gateways. */
const int64 = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);
/** A metric value; proto JSON spells NaN and the infinities as strings. */
const double = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]).transform(Number);
/** Versions are strings in MLflow's protos; accept a number from sloppy servers. */
const versionString = z.union([z.string(), z.number()]).transform(String);

export const tagSchema = z.object({ key: z.string(), value: z.string().default('') });
const tags = z.array(tagSchema).default([]);

export const modelVersionSchema = z.object({
  name: z.string(),
  version: versionString,
  creation_timestamp: int64.optional(),
  last_updated_timestamp: int64.optional(),
  /** The creator; MLflow OSS often leaves it unset. */
  user_id: z.string().optional(),
  /** Deprecated since 2.9; shown read-only. */
  current_stage: z.string().optional(),
  description: z.string().optional(),
  source: z.string().optional(),
  run_id: z.string().optional(),
  status: z.string().optional(),
  status_message: z.string().optional(),
  tags,
  run_link: z.string().optional(),
  /** Present on get and alias lookups; MLflow's search and `latest_versions` leave it out. */
  aliases: z.array(z.string()).default([]),
  /** MLflow 3 logged-model link; OSS servers may not send it. */
  model_id: z.string().optional(),
});
export type ModelVersion = z.output<typeof modelVersionSchema>;

export const registeredModelSchema = z.object({
  name: z.string(),
  creation_timestamp: int64.optional(),
  last_updated_timestamp: int64.optional(),
  user_id: z.string().optional(),
  description: z.string().optional(),
  /** Newest version per (deprecated) stage. */
  latest_versions: z.array(modelVersionSchema).default([]),
  tags,
  aliases: z.array(z.object({ alias: z.string(), version: versionString })).default([]),
});
export type RegisteredModel = z.output<typeof registeredModelSchema>;

export const metricSchema = z.object({
  key: z.string(),
  value: double,
  timestamp: int64.optional(),
  step: int64.default(0),
});
export type Metric = z.output<typeof metricSchema>;

export const datasetInputSchema = z.object({
  /** `mlflow.data.context` says training, validation or evaluation. */
  tags,
  dataset: z.object({
    name: z.string(),
    digest: z.string(),
    source_type: z.string().optional(),
    /** JSON text, e.g. {"uri": "s3://..."}. */
    source: z.string().optional(),
    /** JSON text, MLflow's ColSpec schema. */
    schema: z.string().optional(),
    /** JSON text, e.g. {"num_rows": 1000, "num_elements": 8000}. */
    profile: z.string().optional(),
  }),
});
export type DatasetInput = z.output<typeof datasetInputSchema>;

export const runSchema = z
  .object({
    info: z.object({
      run_id: z.string().optional(),
      run_uuid: z.string().optional(),
      experiment_id: z.string(),
      run_name: z.string().optional(),
      user_id: z.string().optional(),
      status: z.string().optional(),
      start_time: int64.optional(),
      end_time: int64.optional(),
      artifact_uri: z.string().optional(),
      lifecycle_stage: z.string().optional(),
    }),
    data: z
      .object({
        /** The latest value per key only; curves come from getMetricHistory. */
        metrics: z.array(metricSchema).default([]),
        params: z.array(z.object({ key: z.string(), value: z.string().default('') })).default([]),
        tags,
      })
      .default({ metrics: [], params: [], tags: [] }),
    inputs: z
      .object({ dataset_inputs: z.array(datasetInputSchema).default([]) })
      .default({ dataset_inputs: [] }),
  })
  .transform((run, ctx) => {
    // Very old servers send only run_uuid.
    const runId = run.info.run_id ?? run.info.run_uuid;
    if (!runId) {
      ctx.addIssue({
        code: 'custom',
        message: 'run has neither run_id nor run_uuid',
        path: ['info', 'run_id'],
      });
      return z.NEVER;
    }
    return { ...run, info: { ...run.info, run_id: runId } };
  });
export type Run = z.output<typeof runSchema>;

export const experimentSchema = z.object({
  experiment_id: z.string(),
  name: z.string(),
  artifact_location: z.string().optional(),
  lifecycle_stage: z.string().optional(),
  creation_time: int64.optional(),
  last_update_time: int64.optional(),
  tags,
});
export type Experiment = z.output<typeof experimentSchema>;

const nextPageToken = z.string().optional();

export const searchRegisteredModelsReply = z.object({
  registered_models: z.array(registeredModelSchema).default([]),
  next_page_token: nextPageToken,
});
export const getRegisteredModelReply = z.object({ registered_model: registeredModelSchema });
export const searchModelVersionsReply = z.object({
  model_versions: z.array(modelVersionSchema).default([]),
  next_page_token: nextPageToken,
});
export const modelVersionReply = z.object({ model_version: modelVersionSchema });
export const getRunReply = z.object({ run: runSchema });
export const searchRunsReply = z.object({
  runs: z.array(runSchema).default([]),
  next_page_token: nextPageToken,
});
export const metricHistoryReply = z.object({
  metrics: z.array(metricSchema).default([]),
  next_page_token: nextPageToken,
});
export const getExperimentReply = z.object({ experiment: experimentSchema });
export const downloadUriReply = z.object({ artifact_uri: z.string() });
export const emptyReply = z.object({}).passthrough();
