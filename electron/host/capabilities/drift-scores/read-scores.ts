// Reading drift scores from Prometheus: the latest score and threshold of every model feature,
// joined on (model, feature), and one feature's score over time at a step fitted to the chart.
import type { DriftSeries, FeatureDrift } from '../../../../shared/contract/drift-scores';
import type { FiringAlert } from '../../../../shared/contract/alerts';
import type { PrometheusSource } from '../../sources/prometheus';
import { sampleValue } from '../../sources/prometheus';
import { fitRange } from '../../sources/prometheus/step';
import { signalFailure } from '../monitoring/read-signal';
import { directionOf, isOverThreshold, type DriftSignal } from './signals';

interface Queries {
  score: string;
  threshold: string;
}

const featureKey = (model: string, feature: string) => `${model}\u0000${feature}`;

export async function readLatestScores(
  client: PrometheusSource,
  queries: Queries,
  driftAlerts: FiringAlert[],
): Promise<FeatureDrift[]> {
  const [scores, thresholds] = await Promise.all([
    client.query(queries.score).catch(failedSignal('drift.score', queries.score)),
    client.query(queries.threshold).catch(failedSignal('drift.threshold', queries.threshold)),
  ]);
  const thresholdOf = new Map<string, number>();
  for (const sample of vectorOf(thresholds.data)) {
    const { model, feature } = sample.metric;
    if (model && feature) thresholdOf.set(featureKey(model, feature), sample.value);
  }
  const alertOf = new Map<string, FiringAlert>();
  for (const alert of driftAlerts) {
    const { model, feature } = alert.labels;
    if (model && feature) alertOf.set(featureKey(model, feature), alert);
  }
  const features: FeatureDrift[] = [];
  for (const sample of vectorOf(scores.data)) {
    const { model, feature } = sample.metric;
    if (!model || !feature) continue;
    const key = featureKey(model, feature);
    const method = sample.metric.method ?? 'unknown';
    const threshold = thresholdOf.get(key) ?? null;
    const alert = alertOf.get(key);
    const score = Number.isFinite(sample.value) ? sample.value : null;
    const over = score !== null && threshold !== null && isOverThreshold(method, score, threshold);
    features.push({
      model,
      feature,
      method,
      direction: directionOf(method),
      score,
      threshold,
      at: new Date(sample.t * 1000).toISOString(),
      alarm: alert ? 'alert-firing' : over ? 'over-threshold' : 'ok',
      ...(alert
        ? { alert: alert.annotations.summary ?? alert.labels.alertname ?? 'drift alert' }
        : {}),
    });
  }
  const severity = { 'alert-firing': 0, 'over-threshold': 1, ok: 2 } as const;
  return features.sort(
    (a, b) =>
      severity[a.alarm] - severity[b.alarm] ||
      a.model.localeCompare(b.model) ||
      a.feature.localeCompare(b.feature),
  );
}

export async function readScoreSeries(
  client: PrometheusSource,
  queries: Queries,
  opts: { model: string; feature: string; rangeSeconds: number; widthPx: number; now: number },
): Promise<Omit<DriftSeries, 'model' | 'feature'> | null> {
  // Grafana's step: one point per pixel at most, never finer than a scrape, both ends aligned.
  const fitted = fitRange({
    from: opts.now - opts.rangeSeconds * 1000,
    to: opts.now,
    maxDataPoints: opts.widthPx,
  });
  const range = { start: fitted.start / 1000, end: fitted.end / 1000, step: fitted.stepMs / 1000 };
  const [scores, thresholds] = await Promise.all([
    client.queryRange(queries.score, range).catch(failedSignal('drift.score', queries.score)),
    client
      .queryRange(queries.threshold, range)
      .catch(failedSignal('drift.threshold', queries.threshold)),
  ]);
  const pick = (result: typeof scores.data.result) =>
    result.find((s) => s.metric.model === opts.model && s.metric.feature === opts.feature);
  const score = pick(scores.data.result);
  if (!score) return null;
  const method = score.metric.method ?? 'unknown';
  const points = (s: typeof score | undefined): [number, number][] =>
    (s?.values ?? [])
      .map(([t, v]): [number, number] => [t * 1000, sampleValue(v)])
      .filter(([, v]) => Number.isFinite(v));
  return {
    method,
    direction: directionOf(method),
    points: points(score),
    thresholdPoints: points(pick(thresholds.data.result)),
    stepSeconds: range.step,
  };
}

function vectorOf(data: Awaited<ReturnType<PrometheusSource['query']>>['data']) {
  if (data.resultType !== 'vector') return [];
  return data.result.flatMap((s) =>
    'value' in s ? [{ metric: s.metric, t: s.value[0], value: sampleValue(s.value[1]) }] : [],
  );
}

/** A failed query names its signal and PromQL (a bad override gets the overrides hint). */
function failedSignal(name: DriftSignal, query: string) {
  return (error: unknown): never => {
    throw signalFailure(name, query, error);
  };
}
