import { describe, expect, it } from 'vitest';
import { evaluateInstant, evaluateRange, type VectorSample } from '../promql/evaluate';
import { parsePromql } from '../promql/parser';
import { inferenceTrafficStore, type ServedModel } from './traffic';

const models: ServedModel[] = [
  {
    kind: 'InferenceService',
    namespace: 'fraud-detection',
    name: 'fraud-detector',
    service: 'fraud-detector-predictor-00003',
    workload: 'fraud-detector-predictor-00003-deployment',
    trafficPercent: 100,
  },
  ...[
    ['churn-model-predictor-00002', 90],
    ['churn-model-predictor-00003', 10],
  ].map(([service, percent]) => ({
    kind: 'InferenceService' as const,
    namespace: 'recommendations',
    name: 'churn-model',
    service: service as string,
    workload: `${service as string}-deployment`,
    trafficPercent: percent as number,
  })),
  {
    kind: 'Deployment',
    namespace: 'recommendations',
    name: 'churn-model-api',
    service: 'churn-model-api',
    workload: 'churn-model-api',
    trafficPercent: 100,
  },
];

const startMs = Date.UTC(2026, 0, 5, 9, 0, 0);
const store = inferenceTrafficStore(models, startMs, () => startMs);
const by = 'destination_service_namespace, destination_service_name';
// The console's inference.istio* signals, as the catalogue writes them.
const rateQuery = `sum by (${by}) (rate(istio_requests_total{reporter="destination"}[5m]))`;
const errorQuery = `sum by (${by}) (rate(istio_requests_total{reporter="destination",response_code=~"5.."}[5m]))`;
const latencyQuery = (q: number) =>
  `histogram_quantile(${q}, sum by (le, ${by}) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))`;

function perService(query: string, at = startMs): Record<string, number> {
  const value = evaluateInstant(parsePromql(query), at, { store });
  if (value.type !== 'vector') throw new Error(value.type);
  return Object.fromEntries(
    value.samples.map((s: VectorSample) => [s.metric.destination_service_name, s.v]),
  );
}

describe("the demo's request metrics", () => {
  it('give every served revision and Deployment a rate, a few 5xx and latency quantiles', () => {
    const rates = perService(rateQuery);
    const errors = perService(errorQuery);
    const p50 = perService(latencyQuery(0.5));
    const p95 = perService(latencyQuery(0.95));
    const p99 = perService(latencyQuery(0.99));
    expect(Object.keys(rates).sort()).toEqual(models.map((m) => m.service).sort());
    for (const m of models) {
      expect(rates[m.service]).toBeGreaterThan(0);
      expect(errors[m.service]).toBeGreaterThan(0);
      expect(errors[m.service]! / rates[m.service]!).toBeLessThan(0.1);
      expect(p50[m.service]).toBeLessThan(p95[m.service]!);
      expect(p95[m.service]).toBeLessThanOrEqual(p99[m.service]!);
    }
    // The canary takes a tenth of churn-model's traffic.
    const canaryShare =
      rates['churn-model-predictor-00003']! /
      (rates['churn-model-predictor-00002']! + rates['churn-model-predictor-00003']!);
    expect(canaryShare).toBeGreaterThan(0.05);
    expect(canaryShare).toBeLessThan(0.2);
    // The first InferenceService is degraded: p99 over a 500 ms objective, more 5xx than others.
    expect(p99['fraud-detector-predictor-00003']).toBeGreaterThan(500);
    expect(p99['churn-model-api']).toBeLessThan(500);
    const errorShare = (s: string) => errors[s]! / rates[s]!;
    expect(errorShare('fraud-detector-predictor-00003')).toBeGreaterThan(
      errorShare('churn-model-api'),
    );
  });

  it('are integer counters that only grow, with cumulative buckets, and latencies that move', () => {
    const buckets = evaluateInstant(
      parsePromql(
        'istio_request_duration_milliseconds_bucket{destination_service_name="churn-model-api",response_code="200"}',
      ),
      startMs,
      { store },
    );
    if (buckets.type !== 'vector') throw new Error(buckets.type);
    const byLe = buckets.samples
      .map((s) => [Number(s.metric.le === '+Inf' ? Infinity : s.metric.le), s.v] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(byLe.map(([, v]) => v)).toEqual([...byLe.map(([, v]) => v)].sort((a, b) => a - b));
    expect(byLe.every(([, v]) => Number.isInteger(v))).toBe(true);

    const counter = evaluateRange(
      parsePromql('istio_requests_total{destination_service_name="churn-model-api"}'),
      startMs - 3_600_000,
      startMs,
      60_000,
      { store },
    );
    for (const series of counter) {
      const values = series.points.map((p) => p.v);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
    const p95 = evaluateRange(
      parsePromql(latencyQuery(0.95)),
      startMs - 3_600_000,
      startMs,
      300_000,
      { store },
    );
    const churn = p95.find((s) => s.metric.destination_service_name === 'churn-model-api');
    expect(new Set(churn?.points.map((p) => Math.round(p.v))).size).toBeGreaterThan(3);
  });
});
