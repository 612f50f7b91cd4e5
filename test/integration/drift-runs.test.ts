// The drift engine as the host runs it: a worker thread started from the TypeScript sources,
// progress events on the host's event hub, cancel, a data fault reported as a failed run, and the
// SQLite cache answering a repeated comparison at once.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftProgress } from '../../shared/contract/drift';
import { comparisonRequest } from '../../shared/contract/drift';
import { DriftRuns } from '../../electron/host/capabilities/drift/runner/drift-runs';
import { silentLogger } from '../../electron/host/log/logger';
import { openStore, type Store } from '../../electron/host/store';
import { temporaryDataDirs } from '../../electron/host/store/test-support';
import { EventHub } from '../../electron/host/transport/event-hub';

const demo = join(process.cwd(), 'electron/sim/assets/drift');
const flights = join(process.cwd(), 'node_modules/vega-datasets/data/flights-3m.parquet');
const dirs = temporaryDataDirs();
let store: Store;
let runs: DriftRuns;
const progress: DriftProgress[] = [];

function finished(runId: string): Promise<DriftProgress> {
  return new Promise((resolve) => {
    const check = () => {
      const run = runs.get(runId)!;
      if (run.state !== 'running') return resolve(run);
      setTimeout(check, 50);
    };
    check();
  });
}

beforeAll(() => {
  store = openStore({ dataDir: dirs.make() });
  const events = new EventHub(silentLogger());
  events.subscribe((topic, payload) => {
    if (topic === 'drift.progress') progress.push(payload as DriftProgress);
  });
  runs = new DriftRuns({
    reports: store.driftReports,
    events,
    log: silentLogger(),
    quickAnswerMs: 0,
  });
});

afterAll(() => {
  runs.stop();
  store.close();
  dirs.cleanup();
});

describe('drift runs in a worker', () => {
  const request = comparisonRequest.parse({
    reference: { path: join(demo, 'flights-2001-01.csv') },
    current: { path: join(demo, 'flights-2001-06.csv') },
  });

  it('reports progress, then a report; the same comparison again comes from the cache', async () => {
    const first = await runs.start(request);
    expect(first.state).toBe('running');
    const done = await finished(first.runId);
    expect(done.state).toBe('done');
    const report = runs.get(first.runId)!.report!;
    expect(report.dataset.testedColumns).toBe(4);
    expect(report.columns[0]!.drifted).toBe(true);
    const mine = progress.filter((p) => p.runId === first.runId);
    expect(mine.some((p) => p.step.startsWith('Reading'))).toBe(true);
    expect(mine.at(-1)).toMatchObject({ state: 'done', fraction: 1 });

    const started = performance.now();
    const again = await new DriftRuns({
      reports: store.driftReports,
      events: new EventHub(silentLogger()),
      log: silentLogger(),
    }).start(request);
    expect(again).toMatchObject({ state: 'done', cached: true });
    expect(again.report).toEqual(report);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('cancels a long comparison', async () => {
    const run = await runs.start(
      comparisonRequest.parse({ reference: { path: flights }, current: { path: flights } }),
    );
    await new Promise<void>((resolve) => {
      const wait = () =>
        progress.some((p) => p.runId === run.runId && p.step.startsWith('Reading'))
          ? resolve()
          : setTimeout(wait, 20);
      wait();
    });
    expect(runs.cancel(run.runId)).toMatchObject({ state: 'cancelled' });
    await new Promise((r) => setTimeout(r, 200));
    expect(runs.get(run.runId)).toMatchObject({ state: 'cancelled' });
    expect(runs.get(run.runId)!.report).toBeUndefined();
  });

  it('fails a run whose data is wrong, with the message naming the column', async () => {
    const run = await runs.start(comparisonRequest.parse({ ...request, columns: ['arrival'] }));
    const done = await finished(run.runId);
    expect(done).toMatchObject({ state: 'failed', error: { code: 'bad_request' } });
    expect(done.error!.message).toMatch(
      /Column "arrival" is not in the reference file \(flights-2001-01\.csv\)/,
    );
  });
});
