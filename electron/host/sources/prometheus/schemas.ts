// The shapes Prometheus' HTTP API answers with (web/api/v1/api.go), checked on arrival.
// Sample values stay strings as sent ("NaN", "+Inf" and "-Inf" included); `sampleValue`
// turns one into a number.
import * as z from 'zod';

export const labelSet = z.record(z.string(), z.string());

/** [unix seconds, "value"] */
export const samplePair = z.tuple([z.number(), z.string()]);
export type SamplePair = z.infer<typeof samplePair>;

/** A native histogram sample, passed through unread: the console charts floats. */
const histogramPair = z.tuple([z.number(), z.unknown()]);

export const vectorSample = z.union([
  z.object({ metric: labelSet, value: samplePair }),
  z.object({ metric: labelSet, histogram: histogramPair }),
]);
export type VectorSample = z.infer<typeof vectorSample>;

export const matrixSeries = z.object({
  metric: labelSet,
  values: z.array(samplePair).default([]),
  histograms: z.array(histogramPair).optional(),
});
export type MatrixSeries = z.infer<typeof matrixSeries>;

export const queryData = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('vector'), result: z.array(vectorSample) }),
  z.object({ resultType: z.literal('matrix'), result: z.array(matrixSeries) }),
  z.object({ resultType: z.literal('scalar'), result: samplePair }),
  z.object({ resultType: z.literal('string'), result: samplePair }),
]);
export type QueryData = z.infer<typeof queryData>;

export const rangeQueryData = z.object({
  resultType: z.literal('matrix'),
  result: z.array(matrixSeries),
});
export type RangeQueryData = z.infer<typeof rangeQueryData>;

export const seriesData = z.array(labelSet);
export const stringList = z.array(z.string());

export const buildInfo = z.looseObject({
  version: z.string(),
  /** Set by Grafana Mimir ("Grafana Mimir"); Prometheus leaves it out. */
  application: z.string().optional(),
  revision: z.string().optional(),
  branch: z.string().optional(),
  buildUser: z.string().optional(),
  buildDate: z.string().optional(),
  goVersion: z.string().optional(),
});
export type BuildInfo = z.infer<typeof buildInfo>;

export const activeTarget = z.looseObject({
  discoveredLabels: labelSet.optional(),
  labels: labelSet,
  scrapePool: z.string(),
  scrapeUrl: z.string(),
  globalUrl: z.string().optional(),
  lastError: z.string(),
  lastScrape: z.string(),
  lastScrapeDuration: z.number(),
  health: z.enum(['up', 'down', 'unknown']),
  scrapeInterval: z.string().optional(),
  scrapeTimeout: z.string().optional(),
});
export type ActiveTarget = z.infer<typeof activeTarget>;

export const targetsData = z.object({
  activeTargets: z.array(activeTarget).default([]),
  droppedTargets: z.array(z.looseObject({ discoveredLabels: labelSet })).default([]),
});
export type TargetsData = z.infer<typeof targetsData>;

/** The envelope around every answer; `data` is checked separately with the call's own schema. */
export const envelope = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  infos: z.array(z.string()).optional(),
});

/** A sample value as a number; Prometheus writes the specials as "NaN", "+Inf" and "-Inf". */
export function sampleValue(value: string): number {
  if (value === '+Inf' || value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  if (value === 'NaN') return NaN;
  return Number(value);
}
