// Schedules, serving health and the morning brief from the Kubernetes simulator through the
// host, with the scenario clock held still and moved: a CronWorkflow misses its schedule and the
// brief says so; a model whose retraining keeps failing is stale; a service that cannot load its
// model is not ready, with the condition that says why; the canary's traffic split is read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, Envelope } from '../../shared/contract';
import { briefReads, composeBrief } from '../../electron/host/capabilities/brief/compose-brief';
import { briefSections } from '../../electron/host/capabilities/brief/sections';
import { PipelineWatches } from '../../electron/host/capabilities/pipelines/pipeline-watches';
import { readSchedules } from '../../electron/host/capabilities/schedules/read-schedules';
import type { Host } from '../../electron/host/index';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube/index';
import { startHostOnSimulator } from '../services/test-host';

// A Monday, ten minutes before the nightly fraud training is due at 02:00 UTC.
const start = new Date('2026-03-02T01:50:00Z');

let dataDir: string;
let host: Host;
let sim: KubeSimulator;
let watches: PipelineWatches;

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const envelope = (await host.dispatcher.invoke(name, input, { transport: 'test' })) as Envelope<
    CallOutput<N>
  >;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const brief = () =>
  composeBrief(
    briefSections,
    briefReads(host.context, host.context.workspace(), watches, sim.clock.now()),
  );

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-brief-'));
  sim = await startKubeSimulator({ scenario: 'ml-platform', now: start });
  ({ host } = await startHostOnSimulator(sim, dataDir, ['sim-viewer']));
  await call('kubernetes.selectContexts', { id: 'sim', contexts: ['sim-viewer'] });
  watches = new PipelineWatches(host.context, { batchMs: 20 });
  // Model servers start on the scenario clock.
  await sim.clock.advance(2 * 60_000);
}, 60_000);

afterAll(async () => {
  watches?.stop();
  await host?.close();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('schedules from the simulator', () => {
  it('reads CronJobs and CronWorkflows with time zones, next run and last success', async () => {
    const view = await readSchedules(host.context.workspace(), watches, () => sim.clock.now());
    const fraud = view.schedules.find((s) => s.name === 'fraud-detector-nightly-train');
    expect(fraud).toMatchObject({
      kind: 'CronWorkflow',
      context: 'sim-viewer',
      timeZone: 'UTC',
      suspended: false,
      model: 'fraud-detector',
      nextRun: '2026-03-02T02:00:00.000Z',
    });
    expect(fraud?.missed).toBeUndefined();
    // Two good nights, then an OOM: the last success is two nights ago.
    expect(new Date(fraud!.lastSuccessful!).getTime()).toBeLessThan(start.getTime() - 36 * 3.6e6);
    const compaction = view.schedules.find((s) => s.name === 'query-log-compaction');
    expect(compaction).toMatchObject({
      kind: 'CronJob',
      timeZone: 'Europe/Berlin',
      suspended: true,
    });
    expect(compaction?.nextRun).toBeUndefined();
    expect(view.staleModels.map((m) => m.model)).toEqual(
      expect.arrayContaining(['fraud-detector', 'ranking-model']),
    );
    expect(view.staleModels.map((m) => m.model)).not.toContain('churn-model');
  });

  it('says in the brief that a CronWorkflow missed its schedule once the clock passes it', async () => {
    const before = await brief();
    const missedBefore = before.sections.find((s) => s.id === 'missed-schedules')!;
    expect(missedBefore.items.map((i) => i.title).join()).not.toMatch(/fraud-detector-nightly/);

    // 02:00 passes and no run starts (nothing fires CronWorkflows on a held clock).
    await sim.clock.advance(20 * 60_000);
    const after = await brief();
    const missed = after.sections.find((s) => s.id === 'missed-schedules')!;
    const item = missed.items.find((i) => i.title.startsWith('fraud-detector-nightly-train'));
    expect(item).toMatchObject({
      severity: 'warning',
      since: '2026-03-02T02:00:00.000Z',
      where: 'sim-viewer / fraud-detection',
    });
    expect(item?.link).toMatch(/^\/schedules\?schedule=/);
    expect(missed.state).toBe('attention');
  }, 30_000);
});

describe('serving health and the rest of the brief', () => {
  it('tells a service that cannot load its model from one serving a canary', async () => {
    const { value, freshness } = await call('serving.services', { from: 'live' });
    expect(freshness?.stale).toBe(false);
    const ranking = value!.services.find(
      (s) => s.kind === 'InferenceService' && s.name === 'ranking-model',
    );
    expect(ranking).toMatchObject({ health: 'not-ready', reason: 'RevisionFailed' });
    expect(ranking?.message).toMatch(/size mismatch/);
    const churn = value!.services.find(
      (s) => s.kind === 'InferenceService' && s.name === 'churn-model',
    );
    expect(churn?.traffic.map((t) => t.percent).sort()).toEqual([10, 90]);
    expect(churn?.model).toBe('churn-model');
    const reranker = value!.services.find((s) => s.name === 'ranking-reranker');
    expect(reranker).toMatchObject({ kind: 'Deployment', model: 'ranking-model' });
    expect(reranker!.restarts).toBeGreaterThanOrEqual(4);
    // Not a model server: left out.
    expect(value!.services.some((s) => s.name === 'feature-server')).toBe(false);
    const cached = await call('serving.services', { from: 'cache' });
    expect(cached.freshness?.stale).toBe(true);
    expect(cached.value?.services.length).toBe(value!.services.length);
  });

  it('pushes serving.changed when a watched InferenceService changes', async () => {
    const changed: string[] = [];
    const off = host.events.subscribe((topic, payload) => {
      if (topic === 'serving.changed') changed.push((payload as { at: string }).at);
    });
    await call('serving.services', { from: 'live' }); // starts the watches
    await new Promise((r) => setTimeout(r, 1_500)); // their first lists
    const isvc = sim.store.get(
      'serving.kserve.io/v1beta1',
      'InferenceService',
      'recommendations',
      'churn-model',
    )!;
    sim.store.apply({
      ...isvc,
      metadata: { ...isvc.metadata, labels: { ...isvc.metadata.labels, touched: 'yes' } },
    });
    await until(() => changed.length > 0, 10_000);
    off();
  }, 20_000);

  it('lists failed runs, stale models and services not ready, each linked to its detail', async () => {
    const b = await brief();
    const section = (id: string) => b.sections.find((s) => s.id === id)!;
    const failed = section('failed-runs').items;
    expect(failed.some((i) => i.title.startsWith('churn-batch-scoring'))).toBe(true);
    expect(failed.every((i) => i.link?.startsWith('/pipelines?run='))).toBe(true);
    expect(section('stale-models').items.map((i) => i.title)).toContain('fraud-detector is stale');
    const notReady = section('services-not-ready').items;
    expect(notReady.find((i) => i.title.startsWith('ranking-model'))?.link).toMatch(/^\/serving/);
    // No Alertmanager in this workspace: no alerts section rather than an empty one.
    expect(b.sections.some((s) => s.id === 'firing-alerts')).toBe(false);
  });

  it('remembers the last visit per workspace', async () => {
    expect((await call('brief.lastVisit', {})).lastVisit).toBeNull();
    const { at } = await call('brief.visited', { itemIds: ['run:a', 'missed:b'] });
    expect((await call('brief.lastVisit', {})).lastVisit).toEqual({
      at,
      itemIds: ['run:a', 'missed:b'],
    });
  });
});
