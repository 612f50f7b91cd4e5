// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PipelineRun, RunDetail } from '../../../shared/contract/pipelines';
import { demoTransport } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render';
import { filterOptions, filterRuns, mergeRuns, noFilters, sortRuns } from './runs-view';

const run = (name: string, patch: Partial<PipelineRun> = {}): PipelineRun => ({
  id: `demo-cluster/prod/Workflow/fraud/${name}`,
  connection: 'demo-cluster',
  context: 'prod',
  namespace: 'fraud',
  kind: 'Workflow',
  name,
  status: 'Succeeded',
  startedAt: new Date(Date.now() - 3_600_000).toISOString(),
  durationMs: 600_000,
  ...patch,
});

const oom = run('train-oom', {
  status: 'Failed',
  model: 'fraud-detector',
  failedStep: 'train',
  cause: { kind: 'OOMKilled', summary: 'Ran out of memory', evidence: 'OOMKilled (exit code 137)' },
});
const ok = run('train-ok', { model: 'fraud-detector' });
const staging = run('etl', {
  id: 'demo-cluster/staging/Job/etl/etl',
  context: 'staging',
  namespace: 'etl',
  kind: 'Job',
});

const detail: RunDetail = {
  run: oom,
  steps: [
    {
      name: 'extract',
      id: 'e',
      dependsOn: [],
      phase: 'Succeeded',
      durationMs: 60_000,
      failed: false,
    },
    {
      name: 'train',
      id: 't',
      dependsOn: ['e'],
      phase: 'Failed',
      durationMs: 300_000,
      message: 'OOMKilled (exit code 137)',
      failed: true,
    },
  ],
  events: [
    {
      object: 'Pod/train-oom-1',
      type: 'Warning',
      reason: 'OOMKilling',
      message: 'Memory cgroup out of memory',
    },
  ],
  log: { pod: 'train-oom-1', container: 'main', lines: ['epoch 3', 'Killed'] },
  problems: [],
};

function transport() {
  return demoTransport()
    .on('pipelines.runs', ({ from }) =>
      from === 'cache'
        ? { value: null, freshness: null }
        : {
            value: {
              runs: [oom, ok, staging],
              clusters: [
                { connection: 'demo-cluster', context: 'prod', state: 'live', problems: [] },
                {
                  connection: 'demo-cluster',
                  context: 'staging',
                  state: 'down',
                  asOf: new Date().toISOString(),
                  error: { code: 'unreachable', message: 'connect ECONNREFUSED 10.0.0.1:443' },
                  problems: [],
                },
              ],
            },
            freshness: { asOf: new Date().toISOString(), stale: false },
          },
    )
    .on('pipelines.run', () => detail);
}

// jsdom lays nothing out: give the table's scroller a screen's height so rows virtualize.
beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterAll(() => vi.restoreAllMocks());

describe('the Pipelines page', () => {
  it('lists runs with their causes, greys a dropped cluster, and filters', async () => {
    renderApp(transport(), '/pipelines');
    expect(await screen.findByRole('row', { name: 'fraud/train-oom' })).toBeTruthy();
    expect(screen.getByTestId('run-cause').textContent).toBe('Out of memory');
    expect(screen.getByText(/connect ECONNREFUSED/)).toBeTruthy();
    expect(screen.getByRole('row', { name: 'etl/etl' }).className).toContain('stale');
    expect(screen.getByTestId('runs-count').textContent).toBe('3 of 3 runs · 1 failed');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'Failed' } });
    expect(screen.getAllByTestId('run-row')).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'Job' } });
    expect(screen.getAllByTestId('run-row').map((r) => r.getAttribute('aria-label'))).toEqual([
      'etl/etl',
    ]);
    // The first render of the whole app in the file loads its pages: slow on a busy machine.
  }, 20_000);

  it('opens a run: cause in words, failed step highlighted, events and log tail', async () => {
    const { location } = renderApp(transport(), '/pipelines');
    fireEvent.click(await screen.findByRole('row', { name: 'fraud/train-oom' }));
    const panel = await screen.findByTestId('run-detail');
    expect(await within(panel).findByTestId('run-cause-detail')).toBeTruthy();
    expect(within(panel).getByText('Ran out of memory')).toBeTruthy();
    expect(within(panel).getByTestId('failed-step').textContent).toContain('train');
    expect(within(panel).getByText('OOMKilling')).toBeTruthy();
    expect(within(panel).getByTestId('log-tail').textContent).toBe('epoch 3\nKilled');
    expect(location.current).toBe('/pipelines');
  });

  it('applies pushed changes without refetching', async () => {
    const fake = transport();
    renderApp(fake, '/pipelines');
    await screen.findByRole('row', { name: 'fraud/train-oom' });
    const calls = fake.callsOf('pipelines.runs').length;
    act(() =>
      fake.emit('pipelines.changed', {
        upserts: [run('train-new', { status: 'Running' }), { ...ok, status: 'Failed' }],
        deletes: [staging.id],
        clusters: [],
      }),
    );
    expect(await screen.findByRole('row', { name: 'fraud/train-new' })).toBeTruthy();
    expect(screen.queryByRole('row', { name: 'etl/etl' })).toBeNull();
    expect(screen.getAllByTestId('run-row')).toHaveLength(3);
    expect(fake.callsOf('pipelines.runs').length).toBe(calls);
  });

  it('virtualizes: 10,000 runs put only a screenful of rows in the DOM', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      run(`r-${i}`, { startedAt: new Date(Date.now() - i * 60_000).toISOString() }),
    );
    const fake = demoTransport().on('pipelines.runs', ({ from }) =>
      from === 'cache'
        ? { value: null, freshness: null }
        : {
            value: {
              runs: many,
              clusters: [
                { connection: 'demo-cluster', context: 'prod', state: 'live', problems: [] },
              ],
            },
            freshness: { asOf: new Date().toISOString(), stale: false },
          },
    );
    renderApp(fake, '/pipelines');
    await screen.findByRole('row', { name: 'fraud/r-0' });
    expect(screen.getAllByTestId('run-row').length).toBeLessThan(60);
  });
});

describe('runs view helpers', () => {
  it('sorts by duration and status, filters by time window, and merges without duplicates', () => {
    const long = run('long', { durationMs: 9e6 });
    const fail = run('fail', {
      status: 'Failed',
      startedAt: new Date(Date.now() - 48 * 3_600_000).toISOString(),
    });
    expect(sortRuns([ok, long], { key: 'duration', desc: true })[0]).toBe(long);
    expect(sortRuns([ok, fail], { key: 'status', desc: false })[0]).toBe(fail);
    expect(filterRuns([ok, fail], { ...noFilters, windowHours: 24 })).toEqual([ok]);
    const merged = mergeRuns(
      { runs: [ok, fail], clusters: [] },
      { upserts: [{ ...ok, status: 'Running' }], deletes: [fail.id], clusters: [] },
    );
    expect(merged.runs).toEqual([{ ...ok, status: 'Running' }]);
  });

  it('offers each distinct filter value once, sorted, and no empty one', () => {
    expect(filterOptions([staging, ok, oom, run('no-model', { model: '' })])).toEqual({
      namespaces: ['etl', 'fraud'],
      models: ['fraud-detector'],
      kinds: ['Job', 'Workflow'],
      statuses: ['Failed', 'Succeeded'],
    });
  });
});
