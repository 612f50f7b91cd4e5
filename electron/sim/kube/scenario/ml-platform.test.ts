import { afterEach, describe, expect, it } from 'vitest';
import { getPath } from '../api/types';
import { createRuntime, type SimRuntime } from '../runtime';
import { loadScenario } from './load-scenario';
import { generateScaleObjects } from './scale';

let rt: SimRuntime | undefined;
afterEach(() => rt?.clock.stop());

const list = (r: SimRuntime, group: string, resource: string, ns?: string) =>
  r.store.list(r.registry.find(group, resource)!, ns).map((e) => e.obj);

describe('the ml-platform scenario', () => {
  it('builds the platform: teams, GPU nodes, pipelines, serving, monitoring', async () => {
    rt = createRuntime();
    await loadScenario(rt, 'ml-platform');
    const namespaces = list(rt, '', 'namespaces').map((n) => n.metadata.name);
    expect(namespaces).toEqual(
      expect.arrayContaining([
        'fraud-detection',
        'recommendations',
        'search-ranking',
        'feature-store',
        'ml-platform',
        'monitoring',
      ]),
    );
    const nodes = list(rt, '', 'nodes');
    const gpuNodes = nodes.filter(
      (n) =>
        getPath(n, 'status.capacity')?.constructor === Object &&
        (getPath(n, 'status.capacity') as Record<string, string>)['nvidia.com/gpu'] === '8',
    );
    expect(gpuNodes.length).toBeGreaterThanOrEqual(4);
    expect(gpuNodes.every((n) => n.metadata.labels?.['nvidia.com/gpu.product'])).toBe(true);

    const workflows = list(rt, 'argoproj.io', 'workflows');
    const phases = new Set(workflows.map((w) => getPath(w, 'status.phase')));
    expect([...phases].sort()).toEqual(['Error', 'Failed', 'Running', 'Succeeded']);
    const messages = workflows.flatMap((w) =>
      Object.values((getPath(w, 'status.nodes') as Record<string, { message?: string }>) ?? {}).map(
        (n) => n.message ?? '',
      ),
    );
    expect(messages).toEqual(
      expect.arrayContaining(['OOMKilled (exit code 137)', 'Step exceeded its deadline']),
    );
    expect(messages.some((m) => m.startsWith('ImagePullBackOff: Back-off pulling image'))).toBe(
      true,
    );
    expect(messages.some((m) => m.includes('exceeded quota: feature-store-quota'))).toBe(true);
    expect(list(rt, 'argoproj.io', 'cronworkflows').length).toBeGreaterThanOrEqual(5);

    const uris = [
      ...list(rt, 'apps', 'deployments').flatMap((d) =>
        ((getPath(d, 'spec.template.spec.containers.0.env') as { value?: string }[]) ?? []).map(
          (e) => e.value ?? '',
        ),
      ),
      ...list(rt, 'serving.kserve.io', 'inferenceservices').map((i) =>
        String(getPath(i, 'spec.predictor.model.storageUri')),
      ),
    ].filter((u) => u.startsWith('models:/'));
    for (const model of ['fraud-detector', 'churn-model', 'ranking-model'])
      expect(uris.some((u) => u.startsWith(`models:/${model}/`))).toBe(true);
    const ready = Object.fromEntries(
      list(rt, 'serving.kserve.io', 'inferenceservices').map((i) => [
        i.metadata.name,
        (getPath(i, 'status.conditions') as { type: string; status: string }[]).find(
          (c) => c.type === 'Ready',
        )?.status,
      ]),
    );
    expect(ready).toEqual({
      'fraud-detector': 'True',
      'churn-model': 'True',
      'ranking-model': 'False',
    });

    const jobEvents = list(rt, '', 'events', 'recommendations').filter(
      (e) => e['reason'] === 'FailedCreate',
    );
    expect(String(jobEvents[0]?.['message'])).toContain('exceeded quota');
    expect(
      list(rt, '', 'services', 'monitoring')
        .map((s) => s.metadata.name)
        .sort(),
    ).toEqual(['alertmanager', 'prometheus']);

    const pods = list(rt, '', 'pods');
    const reasons = pods.flatMap((p) =>
      (
        (getPath(p, 'status.containerStatuses') as {
          state: Record<string, { reason?: string }>;
          lastState?: { terminated?: { reason: string } };
        }[]) ?? []
      ).flatMap((c) => [
        c.state['waiting']?.reason,
        c.state['terminated']?.reason,
        c.lastState?.terminated?.reason,
      ]),
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        'OOMKilled',
        'Error',
        'ImagePullBackOff',
        'CrashLoopBackOff',
        'Completed',
      ]),
    );
    const created = Date.parse(
      String(
        list(rt, 'argoproj.io', 'workflows', 'fraud-detection').at(-1)?.metadata.creationTimestamp,
      ),
    );
    expect(Math.abs(rt.clock.nowMs() - created)).toBeLessThan(4 * 86_400_000);
  });

  it('plays its timeline on the scenario clock', async () => {
    rt = createRuntime();
    await loadScenario(rt, 'ml-platform');
    const manual = () =>
      list(rt!, 'argoproj.io', 'workflows', 'search-ranking').find(
        (w) => w.metadata.name === 'ranking-model-train-manual-x7k2p',
      )!;
    expect(getPath(manual(), 'status.phase')).toBe('Running');
    const rerankerRestarts = () =>
      list(rt!, '', 'pods', 'search-ranking')
        .filter((p) => p.metadata.labels?.['app'] === 'ranking-reranker')
        .reduce(
          (n, p) => n + Number(getPath(p, 'status.containerStatuses.0.restartCount') ?? 0),
          0,
        );
    const before = rerankerRestarts();
    const batchRuns = () =>
      list(rt!, 'argoproj.io', 'workflows', 'recommendations').filter((w) =>
        w.metadata.name.startsWith('churn-batch-scoring-'),
      ).length;
    const runsBefore = batchRuns();

    await rt.clock.advance(50_000);
    expect(getPath(manual(), 'status.phase')).toBe('Failed');
    const trainPod = list(rt, '', 'pods', 'search-ranking').find((p) =>
      p.metadata.name.startsWith('ranking-model-train-manual-x7k2p-train-pytorch'),
    )!;
    expect(getPath(trainPod, 'status.containerStatuses.1.state.terminated.reason')).toBe(
      'OOMKilled',
    );
    expect(rt.logs.read('search-ranking', trainPod.metadata.name, 'main').at(-1)?.text).toBe(
      'Killed',
    );

    await rt.clock.advance(45_000);
    expect(rerankerRestarts()).toBe(before + 1);
    expect(batchRuns()).toBe(runsBefore + 1);
  });

  it('generates scale objects', () => {
    const objects = generateScaleObjects({
      pods: 300,
      workflows: 70,
      now: Date.parse('2026-01-01T00:00:00Z'),
    });
    expect(objects.filter((o) => o.kind === 'Pod')).toHaveLength(300);
    expect(objects.filter((o) => o.kind === 'Workflow')).toHaveLength(70);
    expect(objects.filter((o) => o.kind === 'Node').length).toBeGreaterThan(0);
    expect(
      new Set(
        objects
          .filter((o) => o.kind === 'Pod')
          .map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
      ).size,
    ).toBe(300);
  });
});
