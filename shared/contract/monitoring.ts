// Monitoring: named signals read from Prometheus (time series for charts), the GPU fleet with
// its allocation, idle GPUs and cost, inference health per served model, and the annotations
// every time chart carries (promotions, rollbacks, pipeline failures).
import * as z from 'zod';
import { call, freshness } from './core';
import { fetchFrom } from './sources';

const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), freshness: freshness.nullable() });

export const chartAnnotation = z.object({
  /** Epoch ms. */
  at: z.number(),
  kind: z.enum(['promotion', 'rollback', 'pipeline-failure']),
  title: z.string(),
  detail: z.string().optional(),
});
export type ChartAnnotation = z.infer<typeof chartAnnotation>;

/** A sample: [epoch ms, value]; null where Prometheus said NaN or ±Inf. */
export const samplePoint = z.tuple([z.number(), z.number().nullable()]);

export const seriesView = z.object({
  labels: z.record(z.string(), z.string()),
  points: z.array(samplePoint),
});
export type SeriesView = z.infer<typeof seriesView>;

export const signalView = z.object({
  name: z.string(),
  label: z.string(),
  query: z.string(),
  overridden: z.boolean(),
});

export const gpuSettingsView = z.object({
  idleThresholdPercent: z.number(),
  idleWindowSeconds: z.number(),
  memoryHeldMiB: z.number(),
  pricePerGpuHour: z.number(),
  currency: z.string(),
  costWindowSeconds: z.number(),
  /** Where the price came from: the workspace file, OpenCost's node_gpu_hourly_cost, or the default. */
  priceSource: z.enum(['workspace', 'opencost', 'default']),
});
export type GpuSettingsView = z.infer<typeof gpuSettingsView>;

export const gpuView = z.object({
  key: z.string(),
  node: z.string(),
  gpu: z.string(),
  model: z.string().optional(),
  utilisation: z.number().nullable(),
  memoryUsedMiB: z.number().nullable(),
  memoryTotalMiB: z.number().nullable(),
  powerWatts: z.number().nullable(),
  temperatureC: z.number().nullable(),
  smClockMHz: z.number().nullable(),
  memoryClockMHz: z.number().nullable(),
  /** The last XID error code dcgm-exporter saw (0: none). */
  xidError: z.number().nullable(),
  pod: z.string().optional(),
  namespace: z.string().optional(),
  /** dcgm: the exporter's pod labels; node-requests: a pod requesting GPUs on the node (which GPU is not known). */
  holderFrom: z.enum(['dcgm', 'node-requests']).optional(),
  idle: z.boolean(),
});
export type GpuView = z.infer<typeof gpuView>;

export const idleGpu = z.object({
  key: z.string(),
  node: z.string(),
  gpu: z.string(),
  pod: z.string().optional(),
  namespace: z.string().optional(),
  /** The workflow, or the pod's owner when no pipeline is known. */
  owner: z.string().optional(),
  peakUtilisation: z.number(),
  memoryUsedMiB: z.number().nullable(),
  /** Epoch ms since when utilisation stayed under the threshold (within the look-back). */
  idleSince: z.number(),
  idleSeconds: z.number(),
  cost: z.number(),
});
export type IdleGpu = z.infer<typeof idleGpu>;

export const costRow = z.object({ name: z.string(), gpuHours: z.number(), cost: z.number() });
export type CostRow = z.infer<typeof costRow>;

export const gpuFleet = z.object({
  prometheus: z.object({ id: z.string(), name: z.string() }),
  at: z.number(),
  gpus: z.array(gpuView),
  idle: z.array(idleGpu),
  costByNamespace: z.array(costRow),
  costByPipeline: z.array(costRow),
  settings: gpuSettingsView,
  /** Signals that failed or found nothing, each naming the signal and its query. */
  warnings: z.array(z.string()),
});
export type GpuFleet = z.infer<typeof gpuFleet>;

export const inferenceService = z.object({
  namespace: z.string(),
  name: z.string(),
  /** The revision or Deployment that answers, as the metrics name it. */
  revision: z.string(),
  /** The served model version, from the cluster (InferenceService / Deployment labels). */
  modelVersion: z.string().optional(),
  requestRate: z.number().nullable(),
  errorRate: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  p99Ms: z.number().nullable(),
});
export type InferenceServiceHealth = z.infer<typeof inferenceService>;

export const inferenceHealth = z.object({
  services: z.array(inferenceService),
  /** knative, istio, or none found. */
  metricsFrom: z.enum(['knative', 'istio', 'none']),
  warnings: z.array(z.string()),
});
export type InferenceHealth = z.infer<typeof inferenceHealth>;

const prometheusInput = {
  /** The Prometheus connection; default: the workspace's first. */
  prometheus: z.string().optional(),
  from: fetchFrom.default('live'),
};

export const monitoringCalls = {
  'monitoring.annotations': call({
    summary: 'Promotions, rollbacks and pipeline failures in a time window, for chart annotations',
    input: z.object({ from: z.number(), to: z.number() }),
    output: z.object({ annotations: z.array(chartAnnotation), warnings: z.array(z.string()) }),
  }),
  'monitoring.signals': call({
    summary: 'The named signals with their PromQL, as the workspace overrides them',
    input: z.object({}),
    output: z.object({ signals: z.array(signalView) }),
  }),
  'monitoring.range': call({
    summary: "A signal over a time window, at the step Grafana would choose for the chart's width",
    input: z.object({
      prometheus: z.string().optional(),
      signal: z.string(),
      /** Label equality filters added to every selector's result (applied on the answer). */
      match: z.record(z.string(), z.string()).optional(),
      from: z.number(),
      to: z.number(),
      widthPx: z.number().int().positive().max(20_000),
    }),
    output: z.object({
      series: z.array(seriesView),
      stepMs: z.number(),
      query: z.string(),
      warnings: z.array(z.string()),
    }),
  }),
  'monitoring.gpus': call({
    summary:
      'The GPU fleet: per GPU readings and holder, idle GPUs, cost per namespace and pipeline',
    input: z.object(prometheusInput),
    output: sourced(gpuFleet),
  }),
  'monitoring.inference': call({
    summary: 'Inference health per InferenceService / model Deployment',
    input: z.object(prometheusInput),
    output: sourced(inferenceHealth),
  }),
};
