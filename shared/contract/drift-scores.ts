// Drift scores from the metrics store: per model and feature, the latest score beside its method
// and threshold and whether it is in alarm, and one feature's score over time.
import * as z from 'zod';
import { call, freshness } from './core';
import { fetchFrom } from './sources';

const sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value: value.nullable(), freshness: freshness.nullable() });

/**
 * ok: under its threshold; over-threshold: the score says drift; alert-firing: a drift alert
 * fires for this feature in Alertmanager (whatever the score says).
 */
export const driftAlarm = z.enum(['ok', 'over-threshold', 'alert-firing']);
export type DriftAlarm = z.infer<typeof driftAlarm>;

export const featureDrift = z.object({
  model: z.string(),
  feature: z.string(),
  /** ks, wasserstein, jensenshannon, psi, chisquare, z... as the drift job labels it. */
  method: z.string(),
  /** How to read the score against the threshold: a p-value drifts when under it. */
  direction: z.enum(['p-value', 'distance']),
  score: z.number().nullable(),
  threshold: z.number().nullable(),
  /** ISO time of the score's sample. */
  at: z.string().nullable(),
  alarm: driftAlarm,
  /** The firing drift alert's summary, when one fires. */
  alert: z.string().optional(),
});
export type FeatureDrift = z.infer<typeof featureDrift>;

export const driftScoreBoard = z.object({
  prometheus: z.object({ id: z.string(), name: z.string() }),
  features: z.array(featureDrift),
  /** The PromQL used, after the workspace's overrides, to show where the numbers come from. */
  queries: z.object({ score: z.string(), threshold: z.string() }),
  /** Why firing drift alerts could not be read, when they could not. */
  alertsError: z.string().optional(),
});
export type DriftScoreBoard = z.infer<typeof driftScoreBoard>;

export const driftPoint = z.tuple([z.number(), z.number()]);

export const driftSeries = z.object({
  model: z.string(),
  feature: z.string(),
  method: z.string(),
  direction: z.enum(['p-value', 'distance']),
  /** [unix ms, score] at the chosen step. */
  points: z.array(driftPoint),
  thresholdPoints: z.array(driftPoint),
  stepSeconds: z.number(),
});
export type DriftSeries = z.infer<typeof driftSeries>;

const prometheusChoice = {
  /** A Prometheus connection id; default the workspace's first. */
  prometheus: z.string().optional(),
};

export const driftScoresCalls = {
  'driftScores.list': call({
    summary: 'Latest drift score per model and feature, with method, threshold and alarm',
    input: z.object({ ...prometheusChoice, from: fetchFrom.default('live') }).strict(),
    output: sourced(driftScoreBoard),
  }),
  'driftScores.series': call({
    summary: "One feature's drift score over time",
    input: z
      .object({
        ...prometheusChoice,
        model: z.string().min(1),
        feature: z.string().min(1),
        /** The window, ending now. */
        rangeSeconds: z
          .number()
          .int()
          .min(300)
          .max(30 * 86400)
          .default(86400),
        /** Where the window ends (unix ms); default now. Set when the user zoomed. */
        end: z.number().int().positive().optional(),
        /** The chart's width in pixels: at most one point per pixel. */
        widthPx: z.number().int().min(50).max(4000).default(800),
        from: fetchFrom.default('live'),
      })
      .strict(),
    output: sourced(driftSeries),
  }),
};
