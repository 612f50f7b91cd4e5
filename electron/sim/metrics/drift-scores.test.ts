import { describe, expect, it } from 'vitest';
import { driftScoreStore } from './drift-scores';
import { answerPrometheus } from './prometheus-api';

describe('the demo drift job', () => {
  it('exports fraud-detector transaction_amount over its threshold and the rest under', () => {
    const start = Date.parse('2026-01-01T12:00:00Z');
    const now = () => start + 30_000;
    const answer = answerPrometheus(
      '/api/v1/query',
      new URLSearchParams({ query: 'model_feature_drift_score', time: String(now() / 1000) }),
      { store: driftScoreStore(start, now), targets: [], now },
    );
    const body = JSON.parse(answer.body) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    const score = (feature: string) =>
      Number(body.data.result.find((r) => r.metric.feature === feature)?.value[1]);
    expect(score('transaction_amount')).toBeGreaterThan(0.2);
    expect(score('merchant_category')).toBeLessThan(0.1);
    expect(score('tenure_months')).toBeGreaterThan(0.05);
    // Three hours earlier it had not drifted yet.
    const earlier = driftScoreStore(start, now)
      .select([{ name: 'feature', op: '=', value: 'transaction_amount' }])
      .find((s) => s.labels.__name__ === 'model_feature_drift_score')!
      .latest(start - 3 * 3600_000 - 60_000, start - 3 * 3600_000);
    expect(earlier!.v).toBeLessThan(0.1);
  });
});
