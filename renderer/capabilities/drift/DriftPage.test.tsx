// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, test } from 'vitest';
import type { DriftScoreBoard } from '../../../shared/contract/drift-scores';
import { failWith, FakeTransport } from '../../test-support/fake-transport';
import { renderWith } from '../../test-support/render';
import { DriftPage } from './DriftPage';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

const asOf = '2026-01-01T09:00:00.000Z';
const live = <T,>(value: T) => ({ value, freshness: { asOf, stale: false } });
const board: DriftScoreBoard = {
  prometheus: { id: 'prom', name: 'Prometheus' },
  queries: { score: 'model_feature_drift_score', threshold: 'model_feature_drift_threshold' },
  features: [
    {
      model: 'fraud-detector',
      feature: 'transaction_amount',
      method: 'wasserstein',
      direction: 'distance',
      score: 0.23,
      threshold: 0.1,
      at: asOf,
      alarm: 'alert-firing',
      alert: 'transaction_amount drifted',
    },
    {
      model: 'churn-model',
      feature: 'tenure_months',
      method: 'ks',
      direction: 'p-value',
      score: 0.42,
      threshold: 0.05,
      at: asOf,
      alarm: 'ok',
    },
  ],
};

// recharts' first paint is slow on a loaded CI machine.
describe('the Drift page, scores over time', { timeout: 30_000 }, () => {
  test('shows each feature with its method, threshold and alarm, and the chosen one over time', async () => {
    const t = new FakeTransport()
      .on('driftScores.list', ({ from }) =>
        from === 'cache' ? { value: null, freshness: null } : live(board),
      )
      .on('driftScores.series', () =>
        live({
          model: 'fraud-detector',
          feature: 'transaction_amount',
          method: 'wasserstein',
          direction: 'distance' as const,
          points: [[Date.now() - 60_000, 0.23] as [number, number]],
          thresholdPoints: [[Date.now() - 60_000, 0.1] as [number, number]],
          stepSeconds: 30,
        }),
      );
    renderWith(t, <DriftPage />, '/drift');
    expect(screen.getByRole('tab', { name: 'Scores over time' })).toBeTruthy();
    const rows = await screen.findAllByTestId('drift-row');
    expect(rows[0]!.textContent).toContain('Wasserstein (normed)');
    expect(rows[0]!.textContent).toContain('threshold 0.1 (drift at or above)');
    expect(within(rows[0]!).getByTestId('drift-alarm').textContent).toBe('drift alert firing');
    expect(rows[1]!.textContent).toContain('threshold 0.05 (drift below)');
    const headline = await screen.findByTestId('drift-headline');
    expect(headline.textContent).toContain('0.23');
    expect(headline.textContent).toContain('Wasserstein (normed)');
    expect(t.callsOf('driftScores.series')[0]).toMatchObject({
      model: 'fraud-detector',
      feature: 'transaction_amount',
    });
  });

  test('says what is wrong when Prometheus is missing', async () => {
    const t = new FakeTransport().on('driftScores.list', () =>
      failWith({ code: 'unavailable', message: 'This workspace has no Prometheus connection' }),
    );
    renderWith(t, <DriftPage />, '/drift');
    expect(await screen.findByText(/no Prometheus connection/)).toBeTruthy();
  });
});
