// Pipeline runs watched from the Kubernetes simulator through the host: a workflow that fails
// with OOMKilled on the scenario clock is pushed classified, a 410 during the watch relists
// without duplicates, and a user who may not list workflows cluster-wide is watched namespace by
// namespace, the namespaces that stay forbidden shown as such.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CallInput,
  CallName,
  CallOutput,
  Envelope,
  EventPayload,
} from '../../shared/contract';
import type { Host } from '../../electron/host/index';
import { PipelineWatches } from '../../electron/host/capabilities/pipelines/pipeline-watches';
import { silentLogger } from '../../electron/host/log/logger';
import { EventHub } from '../../electron/host/transport/event-hub';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube/index';
import { startHostOnSimulator } from '../services/test-host';

let dataDir: string;
let host: Host;
let sim: KubeSimulator;
let stopped = false;
const changes: EventPayload<'pipelines.changed'>[] = [];

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const envelope = (await host.dispatcher.invoke(name, input, { transport: 'test' })) as Envelope<
    CallOutput<N>
  >;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

async function until<T>(check: () => T | undefined, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-pipelines-'));
  sim = await startKubeSimulator({ scenario: 'ml-platform', bookmarkIntervalMs: 60_000 });
  ({ host } = await startHostOnSimulator(sim, dataDir, ['sim-viewer', 'sim-team']));
  host.events.subscribe((topic, payload) => {
    if (topic === 'pipelines.changed') changes.push(payload as EventPayload<'pipelines.changed'>);
  });
  await call('kubernetes.selectContexts', { id: 'sim', contexts: ['sim-viewer', 'sim-team'] });
}, 60_000);

afterAll(async () => {
  await host?.close();
  if (!stopped) await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pipeline runs from the simulator', () => {
  it('answers nothing from the cache before any watch ran', async () => {
    expect(await call('pipelines.runs', { from: 'cache' })).toEqual({
      value: null,
      freshness: null,
    });
  });

  it('lists workflows and jobs with classified failures', async () => {
    const { value } = await call('pipelines.runs', { from: 'live' });
    const runs = value!.runs.filter((r) => r.context === 'sim-viewer');
    expect(runs.some((r) => r.kind === 'Workflow')).toBe(true);
    expect(runs.some((r) => r.kind === 'Job')).toBe(true);
    const oom = runs.find(
      (r) => r.name.startsWith('fraud-detector-nightly') && r.cause?.kind === 'OOMKilled',
    );
    expect(oom).toMatchObject({ status: 'Failed', failedStep: 'train', model: 'fraud-detector' });
    expect(oom?.owner).toEqual({ kind: 'CronWorkflow', name: 'fraud-detector-nightly-train' });
    const backoff = runs.find((r) => r.name === 'model-drift-report-29381655');
    expect(backoff?.cause?.kind).toBe('BackoffLimitExceeded');
    const deadline = runs.find((r) => r.name === 'fraud-backtest-2026q3');
    expect(deadline?.cause?.kind).toBe('DeadlineExceeded');
    const pull = runs.find((r) => r.cause?.kind === 'ImagePull');
    expect(pull?.namespace).toBe('feature-store');
    const quota = runs.find((r) => r.kind === 'Workflow' && r.cause?.kind === 'QuotaExceeded');
    expect(quota?.name).toMatch(/^feature-materialize/);
    const ids = runs.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("watches a user who may not list cluster-wide in their context's namespace", async () => {
    const { value } = await call('pipelines.runs', { from: 'live' });
    const team = value!.clusters.find((c) => c.context === 'sim-team');
    expect(team).toMatchObject({ state: 'live', problems: [] });
    const runs = value!.runs.filter((r) => r.context === 'sim-team');
    expect(runs.some((r) => r.kind === 'Workflow')).toBe(true);
    expect(new Set(runs.map((r) => r.namespace))).toEqual(new Set(['fraud-detection']));
    expect(value!.clusters.find((c) => c.context === 'sim-viewer')?.state).toBe('live');
  });

  it('shows the namespaces that stay forbidden as such, not as empty', async () => {
    const watches = new PipelineWatches(host.context, {
      namespaces: async () => ['fraud-detection', 'recommendations'],
    });
    try {
      const { runs, clusters } = await watches.live();
      const team = clusters.find((c) => c.context === 'sim-team');
      expect(team?.state).toBe('live');
      const forbidden = team!.problems.filter((p) => p.error.code === 'forbidden');
      expect(forbidden.map((p) => `${p.resource}@${p.namespace}`).sort()).toEqual([
        'Argo Workflows@recommendations',
        'Jobs@recommendations',
      ]);
      expect(forbidden[0]?.error.message).toMatch(/not allowed to list .* in recommendations/);
      expect(runs.some((r) => r.context === 'sim-team' && r.namespace === 'fraud-detection')).toBe(
        true,
      );
    } finally {
      watches.stop();
    }
  });

  it('pushes the OOMKilled failure of a running workflow, classified, when the clock reaches it', async () => {
    await sim.clock.advance(46_000);
    const run = await until(() =>
      changes
        .flatMap((c) => c.upserts)
        .find(
          (r) =>
            r.name === 'ranking-model-train-manual-x7k2p' &&
            r.context === 'sim-viewer' &&
            r.cause?.kind === 'OOMKilled',
        ),
    );
    expect(run).toMatchObject({ status: 'Failed', failedStep: 'train', model: 'ranking-model' });
  });

  it('shows the failed step, its pod events and the log tail in the detail', async () => {
    const { value } = await call('pipelines.runs', { from: 'live' });
    const run = value!.runs.find(
      (r) =>
        r.context === 'sim-viewer' &&
        r.name.startsWith('churn-batch-scoring') &&
        r.status === 'Failed',
    )!;
    const detail = await call('pipelines.run', { id: run.id });
    expect(detail.run.cause?.kind).toBe('DataError');
    expect(detail.steps.find((s) => s.failed)?.name).toBe('validate-schema');
    expect(detail.log?.lines.join('\n')).toMatch(/SchemaErrors/);
    expect(detail.events.length).toBeGreaterThan(0);
  });

  it('relists after 410 Gone without duplicate rows, and caches the runs', async () => {
    // A second set of watches whose watchdog re-watches after 400 ms of silence: with no
    // bookmark in between, it re-watches from a resourceVersion the compaction forgot.
    const seen: EventPayload<'pipelines.changed'>[] = [];
    const events = new EventHub(silentLogger());
    events.subscribe((_, payload) => seen.push(payload as EventPayload<'pipelines.changed'>));
    const watches = new PipelineWatches(
      { ...host.context, events },
      { watchdogMs: 400, batchMs: 50 },
    );
    try {
      const before = (await watches.live()).runs.length;
      const lists = watches.listCount();
      // workflows and jobs of sim-viewer, and of sim-team in its namespace only
      expect(lists).toBe(4);
      sim.compactHistory();
      await until(() => watches.listCount() >= lists + 4, 5_000);
      const after = (await watches.live()).runs;
      const ids = after.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(after.length).toBe(before);
    } finally {
      watches.stop();
    }
    const cached = await call('pipelines.runs', { from: 'cache' });
    expect(cached.value?.runs.length).toBeGreaterThan(0);
    expect(cached.freshness?.stale).toBe(true);
  });

  it('shows a cluster that dropped with its cached runs and the cause', async () => {
    await host.dispatcher.invoke('pipelines.runs', { from: 'live' }, { transport: 'test' });
    // The host writes its snapshot at stop; a fresh set of watches then finds the cluster gone.
    await host.context.switchWorkspace(host.context.workspace().id);
    await sim.stop();
    stopped = true;
    const watches = new PipelineWatches(host.context, {
      backoff: { baseMs: 60_000, maxMs: 60_000 },
    });
    try {
      const { runs, clusters } = await watches.live();
      const viewer = clusters.find((c) => c.context === 'sim-viewer');
      expect(viewer).toMatchObject({ state: 'down', error: { code: 'unreachable' } });
      expect(viewer?.asOf).toBeDefined();
      expect(runs.filter((r) => r.context === 'sim-viewer').length).toBeGreaterThan(10);
    } finally {
      watches.stop();
    }
    const answer = await call('pipelines.runs', { from: 'live' });
    expect(answer.freshness?.stale).toBe(true);
    expect(answer.value?.runs.length).toBeGreaterThan(10);
  });
});
