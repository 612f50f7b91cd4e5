// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import type { SourceRun, VersionComparison } from '../../../shared/contract/models';
import { failWith, FakeTransport } from '../../test-support/fake-transport';
import { kubeView, mlflowView } from '../../test-support/fixtures';
import { renderWith } from '../../test-support/render';
import { ModelsPage } from './ModelsPage';
import { VersionPage } from './VersionPage';
import { Route, Routes } from 'react-router-dom';
import { deltaTone, formatDelta, formatMetric } from './registry';
import { mergeByStep } from './MetricChart';

beforeAll(() => {
  // recharts measures its container; jsdom has no layout.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

const asOf = '2026-01-01T09:00:00.000Z';
const live = <T,>(value: T) => ({ value, freshness: { asOf, stale: false } });
const model = (name: string) => ({
  name,
  tags: { team: 'risk' },
  aliases: [{ alias: 'champion', version: '3' }],
  latestVersion: '4',
});

function transport() {
  return new FakeTransport().on('connections.list', () => ({
    connections: [kubeView, mlflowView],
  }));
}

describe('the model list', () => {
  test('lists models with aliases, searches by name and pages with tokens', async () => {
    const t = transport().on('models.list', ({ from, search, pageToken }) => {
      if (from === 'cache') return { value: null, freshness: null };
      if (search) return live({ models: [model('churn-model')] });
      return pageToken === 'p2'
        ? live({ models: [model('ranking-model')] })
        : live({ models: [model('fraud-detector')], nextPageToken: 'p2' });
    });
    renderWith(t, <ModelsPage />, '/models');

    const row = await screen.findByTestId('model-row-fraud-detector');
    expect(within(row).getByTestId('alias-champion').textContent).toBe('champion → v3');
    expect(t.callsOf('models.list')[0]).toMatchObject({ id: 'registry', pageSize: 25 });

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByTestId('model-row-ranking-model');
    expect(t.callsOf('models.list').some((c) => c.pageToken === 'p2')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByTestId('model-row-fraud-detector');

    fireEvent.change(screen.getByRole('searchbox'), { target: { value: ' churn ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByTestId('model-row-churn-model');
    expect(t.callsOf('models.list').some((c) => c.search === 'churn')).toBe(true);
  });

  test('shows the registry error when there is no last-known list', async () => {
    const t = transport().on('models.list', ({ from }) =>
      from === 'cache'
        ? { value: null, freshness: null }
        : failWith({
            code: 'unauthorized',
            message: 'MLflow refused the credentials',
            status: 401,
          }),
    );
    renderWith(t, <ModelsPage />, '/models');
    expect(await screen.findByText(/MLflow refused the credentials/)).toBeTruthy();
  });

  test('says so when the workspace has no registry', async () => {
    const t = new FakeTransport().on('connections.list', () => ({ connections: [kubeView] }));
    renderWith(t, <ModelsPage />, '/models');
    expect(await screen.findByText('No model registry in this workspace')).toBeTruthy();
  });
});

const run = (over: Partial<SourceRun> = {}): SourceRun => ({
  runId: 'run-4',
  runName: 'xgb-nov',
  experimentId: '1',
  params: [{ key: 'max_depth', value: '8' }],
  metrics: [
    {
      key: 'auc',
      value: 0.946,
      history: [
        { step: 0, value: 0.9 },
        { step: 1, value: 0.946 },
      ],
    },
  ],
  datasets: [
    {
      name: 'train',
      digest: '8e6b3d29',
      context: 'training',
      source: 's3://data/train.parquet',
      schema: [{ name: 'amount', type: 'double' }],
      rows: 100,
    },
  ],
  pipeline: { workflow: 'fraud-train-d9r5v', namespace: 'ml-pipelines' },
  ...over,
});

const comparison: VersionComparison = {
  model: 'fraud-detector',
  candidate: '4',
  baseline: { alias: 'champion', version: '3' },
  metrics: [
    {
      key: 'auc',
      candidate: 0.946,
      baseline: 0.941,
      delta: 0.005,
      candidateHistory: [{ step: 0, value: 0.946 }],
      baselineHistory: [{ step: 0, value: 0.941 }],
    },
  ],
  params: [{ key: 'max_depth', candidate: '8', baseline: '6' }],
  datasets: [],
};

describe("a version's page", () => {
  test('shows the run, datasets, pipeline run, serving and the comparison with the champion', async () => {
    const versionAnswer: CallOutput<'models.version'> = live({
      model: 'fraud-detector',
      version: {
        version: '4',
        aliases: ['challenger'],
        tags: {},
        description: 'Retrained on November data',
        createdAt: Date.UTC(2026, 0, 1),
      },
      run: run(),
    });
    const t = transport()
      .on('models.version', ({ from }) =>
        from === 'cache' ? { value: null, freshness: null } : versionAnswer,
      )
      .on('models.serving', () =>
        live({
          model: 'fraud-detector',
          contexts: [{ connection: 'sim-cluster', context: 'prod' }],
          targets: [
            {
              kind: 'Deployment' as const,
              connection: 'sim-cluster',
              context: 'prod',
              namespace: 'fraud',
              name: 'shadow',
              field: 'env MODEL_URI',
              uri: 'models:/fraud-detector/4',
              version: '4',
              ready: true,
            },
            {
              kind: 'InferenceService' as const,
              connection: 'sim-cluster',
              context: 'prod',
              namespace: 'fraud',
              name: 'fraud-detector',
              field: 'storageUri',
              uri: 'models:/fraud-detector/3',
              version: '3',
            },
          ],
        }),
      )
      .on('models.compare', () => live(comparison));
    renderWith(
      t,
      <Routes>
        <Route path="/models/:name/versions/:version" element={<VersionPage />} />
      </Routes>,
      '/models/fraud-detector/versions/4',
    );

    expect((await screen.findByTestId('pipeline-run')).textContent).toBe(
      'ml-pipelines/fraud-train-d9r5v',
    );
    expect(screen.getByTestId('release-notes').textContent).toBe('Retrained on November data');
    expect(screen.getByTestId('params-table').textContent).toContain('max_depth8');
    expect(screen.getByTestId('datasets-table').textContent).toContain('8e6b3d29');
    const serving = await screen.findByTestId('serving');
    expect(within(serving).getByTestId('serving-fraud-shadow')).toBeTruthy();
    expect(within(serving).queryByTestId('serving-fraud-fraud-detector')).toBeNull();
    expect(t.callsOf('models.compare')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Compare with champion' }));
    const compared = await screen.findByTestId('comparison');
    expect(within(compared).getByTestId('compare-metric-auc').textContent).toContain('+0.005');
    expect(within(compared).getByTestId('comparison-params').textContent).toContain('86');
    expect(within(compared).getByText('Same datasets.')).toBeTruthy();
    await waitFor(() =>
      expect(t.callsOf('models.compare')[0]).toMatchObject({ against: 'champion', version: '4' }),
    );
  });
});

describe('figures', () => {
  test('metrics, deltas and their tone (lower is better for loss and latency)', () => {
    expect(formatMetric(0.946123)).toBe('0.9461');
    expect(formatMetric(undefined)).toBe('—');
    expect(formatDelta(0.005)).toBe('+0.005');
    expect(formatDelta(-0.2)).toBe('−0.2');
    expect(deltaTone('auc', 0.01)).toBe('ok');
    expect(deltaTone('log_loss', 0.01)).toBe('danger');
    expect(deltaTone('latency_ms', -1)).toBe('ok');
  });

  test('chart rows merge the series by step', () => {
    expect(
      mergeByStep([
        { label: 'a', color: 'x', points: [{ step: 1, value: 2 }] },
        {
          label: 'b',
          color: 'y',
          points: [
            { step: 0, value: 1 },
            { step: 1, value: 3 },
          ],
        },
      ]),
    ).toEqual([
      { step: 0, b: 1 },
      { step: 1, a: 2, b: 3 },
    ]);
  });
});
