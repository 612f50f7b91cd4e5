import { describe, expect, it } from 'vitest';
import type { PrometheusSource } from '../../sources/prometheus';
import { SourceError } from '../../sources/source-error';
import { readLatestScores } from './read-scores';

const queries = { score: 'my_drift{', threshold: 'model_feature_drift_threshold' };

describe('reading drift scores', () => {
  it('names the signal, its query and the override when Prometheus refuses the PromQL', async () => {
    const client = {
      query: async (expr: string) => {
        if (expr === queries.score) {
          throw new SourceError('bad_request', 'parse error: unexpected end of input', {
            source: 'prom',
            status: 400,
          });
        }
        return { data: { resultType: 'vector', result: [] }, warnings: [], infos: [] };
      },
    } as unknown as PrometheusSource;
    const failure = await readLatestScores(client, queries, []).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SourceError);
    expect((failure as SourceError).code).toBe('bad_request');
    expect((failure as Error).message).toContain('Signal "drift.score"');
    expect((failure as Error).message).toContain('Query: my_drift{');
    expect((failure as Error).message).toContain('overrides.signals["drift.score"]');
  });

  it('joins scores and thresholds on model and feature, skipping series without them', async () => {
    const vector = (result: unknown[]) => ({
      data: { resultType: 'vector', result },
      warnings: [],
      infos: [],
    });
    const client = {
      query: async (expr: string) =>
        expr === queries.score
          ? vector([
              { metric: { model: 'm', feature: 'f', method: 'psi' }, value: [1700000000, '0.3'] },
              { metric: { model: 'm' }, value: [1700000000, '0.9'] },
            ])
          : vector([{ metric: { model: 'm', feature: 'f' }, value: [1700000000, '0.2'] }]),
    } as unknown as PrometheusSource;
    const features = await readLatestScores(client, queries, []);
    expect(features).toEqual([
      {
        model: 'm',
        feature: 'f',
        method: 'psi',
        direction: 'distance',
        score: 0.3,
        threshold: 0.2,
        at: '2023-11-14T22:13:20.000Z',
        alarm: 'over-threshold',
      },
    ]);
  });
});
