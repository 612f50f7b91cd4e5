// @kubernetes/client-node 1.4 against the simulated API server, unchanged: lists with selectors
// and paging, watches with bookmarks, 410 handling, patches, access reviews, logs, RBAC errors,
// the service proxy, and a 20,000-pod list.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiException,
  ApisApi,
  AppsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  Watch,
  setHeaderOptions,
  type V1Pod,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube/index';

function clientFor(sim: KubeSimulator, context = 'sim-viewer'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  kc.setCurrentContext(context);
  return kc;
}

async function expectApiError(
  promise: Promise<unknown>,
  code: number,
): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiException);
    const e = error as ApiException<string>;
    expect(e.code).toBe(code);
    return (typeof e.body === 'string' ? JSON.parse(e.body) : e.body) as Record<string, unknown>;
  }
  throw new Error(`expected an HTTP ${code} error`);
}

function testPod(name: string, labels: Record<string, string>): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'fraud-detection', labels },
    spec: { containers: [{ name: 'main', image: 'busybox:1.36' }] },
  };
}

interface WatchEvent {
  type: string;
  object: Record<string, unknown>;
}

/** Collects watch events until `until` says stop, then aborts the watch. */
async function collectWatch(
  kc: KubeConfig,
  path: string,
  query: Record<string, string | number | boolean>,
  until: (events: WatchEvent[]) => boolean,
  action?: () => void,
): Promise<{ events: WatchEvent[]; doneError: unknown }> {
  const events: WatchEvent[] = [];
  let doneError: unknown;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const controller = await new Watch(kc).watch(
    path,
    query,
    (type, object) => {
      events.push({ type, object: object as Record<string, unknown> });
      if (until(events)) finish();
    },
    (err) => {
      doneError = err;
      finish();
    },
  );
  action?.();
  const timer = setTimeout(finish, 10_000);
  await finished;
  clearTimeout(timer);
  controller.abort();
  return { events, doneError };
}

describe('kube simulator with @kubernetes/client-node', () => {
  let sim: KubeSimulator;
  let core: CoreV1Api;

  beforeAll(async () => {
    sim = await startKubeSimulator({ scenario: 'ml-platform', bookmarkIntervalMs: 200 });
    core = clientFor(sim).makeApiClient(CoreV1Api);
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('lists pods across namespaces and with label and field selectors', async () => {
    const all = await core.listPodForAllNamespaces();
    expect(all.items.length).toBeGreaterThan(30);
    expect(new Set(all.items.map((p) => p.metadata?.namespace))).toContain('search-ranking');
    expect(Number(all.metadata?.resourceVersion)).toBeGreaterThan(0);

    const reranker = await core.listNamespacedPod({
      namespace: 'search-ranking',
      labelSelector: 'app=ranking-reranker',
    });
    expect(reranker.items).toHaveLength(2);

    const setBased = await core.listPodForAllNamespaces({
      labelSelector: 'app in (ranking-reranker,churn-model-api),app!=nothing',
    });
    expect(setBased.items).toHaveLength(5);

    const argoPods = await core.listPodForAllNamespaces({
      labelSelector: 'workflows.argoproj.io/workflow',
    });
    expect(argoPods.items.length).toBeGreaterThan(5);
    const notArgo = await core.listPodForAllNamespaces({
      labelSelector: '!workflows.argoproj.io/workflow',
    });
    expect(notArgo.items.length + argoPods.items.length).toBe(all.items.length);

    const running = await core.listPodForAllNamespaces({ fieldSelector: 'status.phase=Running' });
    expect(running.items.every((p) => p.status?.phase === 'Running')).toBe(true);
    const gpuNode = await core.listPodForAllNamespaces({
      fieldSelector: 'spec.nodeName=gpu-a100-01,status.phase!=Succeeded',
    });
    expect(
      gpuNode.items.every(
        (p) => p.spec?.nodeName === 'gpu-a100-01' && p.status?.phase !== 'Succeeded',
      ),
    ).toBe(true);

    const body = await expectApiError(
      core.listNamespacedPod({ namespace: 'default', fieldSelector: 'spec.unknown=1' }),
      400,
    );
    expect(body['reason']).toBe('BadRequest');
  });

  it('pages with limit and continue, and expires an old continue token with 410', async () => {
    const full = await core.listPodForAllNamespaces();
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listPodForAllNamespaces({
        limit: 7,
        ...(token ? { _continue: token } : {}),
      });
      seen.push(...page.items.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`));
      token = page.metadata?._continue;
      if (token) expect(page.metadata?.remainingItemCount).toBeGreaterThan(0);
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(full.items.length / 7));
    expect(new Set(seen).size).toBe(full.items.length);

    const first = await core.listPodForAllNamespaces({ limit: 5 });
    sim.compactHistory();
    const body = await expectApiError(
      core.listPodForAllNamespaces({ limit: 5, _continue: first.metadata?._continue }),
      410,
    );
    expect(body['reason']).toBe('Expired');
    expect(body['kind']).toBe('Status');
  });

  it('watches with bookmarks and sees ADDED, MODIFIED and DELETED', async () => {
    const list = await core.listNamespacedPod({ namespace: 'fraud-detection' });
    const { events } = await collectWatch(
      clientFor(sim),
      '/api/v1/namespaces/fraud-detection/pods',
      {
        allowWatchBookmarks: true,
        resourceVersion: list.metadata?.resourceVersion ?? '',
        labelSelector: 'test=watch',
      },
      (evs) => evs.some((e) => e.type === 'DELETED') && evs.some((e) => e.type === 'BOOKMARK'),
      () => {
        const pod = testPod('watch-me', { test: 'watch' });
        sim.store.apply(pod as never);
        sim.store.apply({
          ...(pod as never as Record<string, unknown>),
          metadata: { ...pod.metadata, labels: { test: 'watch', step: '2' } },
        } as never);
        setTimeout(() => sim.store.delete('v1', 'Pod', 'fraud-detection', 'watch-me'), 50);
      },
    );
    // The simulated scheduler also binds the new pod, so more than one MODIFIED may arrive.
    const types = events.filter((e) => e.type !== 'BOOKMARK').map((e) => e.type);
    expect(types[0]).toBe('ADDED');
    expect(types).toContain('MODIFIED');
    expect(types[types.length - 1]).toBe('DELETED');
    const bookmark = events.find((e) => e.type === 'BOOKMARK');
    expect((bookmark?.object['metadata'] as Record<string, string>)['resourceVersion']).toMatch(
      /^\d+$/,
    );
  });

  it('answers a watch from a compacted resourceVersion with a 410 ERROR event, then works after a relist', async () => {
    const list = await core.listNamespacedPod({ namespace: 'fraud-detection' });
    const stale = list.metadata?.resourceVersion ?? '';
    sim.store.apply(testPod('compacted-1', { test: 'expired' }) as never);
    sim.compactHistory();
    const { events } = await collectWatch(
      clientFor(sim),
      '/api/v1/namespaces/fraud-detection/pods',
      { resourceVersion: stale, allowWatchBookmarks: true },
      (evs) => evs.length > 0,
    );
    expect(events[0]?.type).toBe('ERROR');
    expect(events[0]?.object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });

    const relist = await core.listNamespacedPod({ namespace: 'fraud-detection' });
    expect(relist.items.some((p) => p.metadata?.name === 'compacted-1')).toBe(true);
    const fresh = await collectWatch(
      clientFor(sim),
      '/api/v1/namespaces/fraud-detection/pods',
      { resourceVersion: relist.metadata?.resourceVersion ?? '' },
      (evs) => evs.some((e) => e.type === 'ADDED'),
      () => sim.store.apply(testPod('compacted-2', { test: 'expired' }) as never),
    );
    expect(fresh.events.map((e) => e.type)).toEqual(['ADDED']);
  });

  it('starts a watch without resourceVersion with the current state as ADDED events', async () => {
    const { events } = await collectWatch(
      clientFor(sim),
      '/api/v1/namespaces/search-ranking/pods',
      { labelSelector: 'app=ranking-reranker' },
      (evs) => evs.length >= 2,
    );
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'ADDED']);
  });

  it('applies merge patches and JSON patches, and refuses a stale update with 409', async () => {
    const apps = clientFor(sim, 'sim-operator').makeApiClient(AppsV1Api);
    const merged = await apps.patchNamespacedDeployment(
      {
        name: 'churn-model-api',
        namespace: 'recommendations',
        body: { metadata: { labels: { 'ml-platform.example/owner': 'recsys' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(merged.metadata?.labels?.['ml-platform.example/owner']).toBe('recsys');

    const patched = await apps.patchNamespacedDeployment(
      {
        name: 'churn-model-api',
        namespace: 'recommendations',
        body: [
          { op: 'test', path: '/spec/replicas', value: 3 },
          {
            op: 'replace',
            path: '/spec/template/spec/containers/0/env/0/value',
            value: 'models:/churn-model/4',
          },
        ],
      },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );
    expect(patched.spec?.template.spec?.containers[0]?.env?.[0]?.value).toBe(
      'models:/churn-model/4',
    );
    expect(patched.metadata?.generation).toBe((merged.metadata?.generation ?? 0) + 1);

    const failedTest = await expectApiError(
      apps.patchNamespacedDeployment(
        {
          name: 'churn-model-api',
          namespace: 'recommendations',
          body: [{ op: 'test', path: '/spec/replicas', value: 9 }],
        },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      ),
      422,
    );
    expect(failedTest['kind']).toBe('Status');

    const stale = { ...merged, spec: { ...merged.spec!, replicas: 4 } };
    const conflict = await expectApiError(
      apps.replaceNamespacedDeployment({
        name: 'churn-model-api',
        namespace: 'recommendations',
        body: stale,
      }),
      409,
    );
    expect(conflict['reason']).toBe('Conflict');

    await sim.clock.advance(30_000);
    const rolled = await apps.readNamespacedDeployment({
      name: 'churn-model-api',
      namespace: 'recommendations',
    });
    expect(rolled.status?.observedGeneration).toBe(rolled.metadata?.generation);
    expect(rolled.status?.updatedReplicas).toBe(3);
    expect(rolled.metadata?.annotations?.['deployment.kubernetes.io/revision']).toBe('4');
  });

  it('patches an InferenceService canary and KServe-style traffic follows', async () => {
    const custom = clientFor(sim, 'sim-operator').makeApiClient(CustomObjectsApi);
    const isvc = {
      group: 'serving.kserve.io',
      version: 'v1beta1',
      namespace: 'fraud-detection',
      plural: 'inferenceservices',
      name: 'fraud-detector',
    };
    await custom.patchNamespacedCustomObject(
      {
        ...isvc,
        body: {
          spec: {
            predictor: {
              canaryTrafficPercent: 20,
              model: { storageUri: 'models:/fraud-detector/8' },
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    type Isvc = {
      status: {
        conditions: { type: string; status: string }[];
        components: {
          predictor: {
            traffic: { revisionName: string; percent: number; latestRevision: boolean }[];
            latestCreatedRevision: string;
            previousRolledoutRevision?: string;
          };
        };
      };
    };
    await sim.store.settle();
    const pending = (await custom.getNamespacedCustomObject(isvc)) as Isvc;
    expect(pending.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
    expect(pending.status.components.predictor.latestCreatedRevision).toBe(
      'fraud-detector-predictor-00004',
    );

    await sim.clock.advance(20_000);
    const canary = (await custom.getNamespacedCustomObject(isvc)) as Isvc;
    expect(canary.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
    expect(canary.status.components.predictor.traffic).toEqual([
      expect.objectContaining({
        revisionName: 'fraud-detector-predictor-00004',
        percent: 20,
        latestRevision: true,
      }),
      expect.objectContaining({
        revisionName: 'fraud-detector-predictor-00003',
        percent: 80,
        latestRevision: false,
      }),
    ]);

    await custom.patchNamespacedCustomObject(
      { ...isvc, body: { spec: { predictor: { canaryTrafficPercent: 0 } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await sim.store.settle();
    const rolledBack = (await custom.getNamespacedCustomObject(isvc)) as Isvc;
    expect(
      rolledBack.status.components.predictor.traffic.map((t) => [t.revisionName, t.percent]),
    ).toEqual([
      ['fraud-detector-predictor-00004', 0],
      ['fraud-detector-predictor-00003', 100],
    ]);

    await custom.patchNamespacedCustomObject(
      { ...isvc, body: { spec: { predictor: { canaryTrafficPercent: null } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await sim.store.settle();
    const promoted = (await custom.getNamespacedCustomObject(isvc)) as Isvc;
    expect(promoted.status.components.predictor.traffic).toEqual([
      expect.objectContaining({ revisionName: 'fraud-detector-predictor-00004', percent: 100 }),
    ]);
    expect(promoted.status.components.predictor.previousRolledoutRevision).toBe(
      'fraud-detector-predictor-00003',
    );
  });

  it('lists Argo workflows through the custom objects API', async () => {
    const custom = clientFor(sim).makeApiClient(CustomObjectsApi);
    const list = (await custom.listNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'recommendations',
      plural: 'workflows',
    })) as {
      items: {
        status: {
          phase: string;
          nodes: Record<string, { phase: string; templateName: string; message?: string }>;
        };
      }[];
    };
    const failed = list.items.find((w) => w.status.phase === 'Failed');
    const failedNode = Object.values(failed?.status.nodes ?? {}).find((n) => n.phase === 'Failed');
    expect(failedNode?.templateName).toBe('validate');
    expect(failedNode?.message).toBe('Error (exit code 1)');
  });

  it('answers SelfSubjectAccessReview from the same RBAC', async () => {
    const review = (context: string, attrs: Record<string, string>) =>
      clientFor(sim, context)
        .makeApiClient(AuthorizationV1Api)
        .createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: attrs } } });
    expect(
      (await review('sim-viewer', { verb: 'list', resource: 'pods', namespace: 'recommendations' }))
        .status?.allowed,
    ).toBe(true);
    expect(
      (
        await review('sim-viewer', {
          verb: 'patch',
          group: 'apps',
          resource: 'deployments',
          namespace: 'recommendations',
        })
      ).status?.allowed,
    ).toBe(false);
    expect(
      (
        await review('sim-viewer', {
          verb: 'get',
          resource: 'secrets',
          namespace: 'recommendations',
        })
      ).status?.allowed,
    ).toBe(false);
    expect(
      (
        await review('sim-operator', {
          verb: 'patch',
          group: 'serving.kserve.io',
          resource: 'inferenceservices',
          namespace: 'recommendations',
        })
      ).status?.allowed,
    ).toBe(true);
    expect(
      (await review('sim-team', { verb: 'list', resource: 'pods', namespace: 'fraud-detection' }))
        .status?.allowed,
    ).toBe(true);
    expect(
      (await review('sim-team', { verb: 'list', resource: 'pods', namespace: 'recommendations' }))
        .status?.allowed,
    ).toBe(false);
  });

  it('refuses the team user outside its namespaces (403) and unknown tokens (401)', async () => {
    const team = clientFor(sim, 'sim-team').makeApiClient(CoreV1Api);
    expect(
      (await team.listNamespacedPod({ namespace: 'fraud-detection' })).items.length,
    ).toBeGreaterThan(0);
    const forbidden = await expectApiError(
      team.listNamespacedPod({ namespace: 'recommendations' }),
      403,
    );
    expect(forbidden).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403 });

    const kc = new KubeConfig();
    kc.loadFromString(sim.kubeconfig().replace(sim.tokens.viewer, 'not-a-token'));
    // client-node drops the body of a 401 (its OpenAPI spec declares none), so read it raw too.
    await expectApiError(kc.makeApiClient(CoreV1Api).listNamespace(), 401);
    const raw = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(
        `${sim.url}/api/v1/namespaces`,
        { ca: sim.caPem, headers: { Authorization: 'Bearer not-a-token' } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(raw.status).toBe(401);
    expect(JSON.parse(raw.body)).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('reads pod logs with container, tailLines and previous', async () => {
    const pods = await core.listNamespacedPod({
      namespace: 'recommendations',
      labelSelector: 'workflows.argoproj.io/workflow',
    });
    const validate = pods.items.find(
      (p) => p.metadata?.name?.includes('-validate-') && p.status?.phase === 'Failed',
    );
    expect(validate).toBeDefined();
    const log = await core.readNamespacedPodLog({
      name: validate!.metadata!.name!,
      namespace: 'recommendations',
      container: 'main',
    });
    expect(log).toContain("column 'tenure_months' not in dataframe");
    const tail = await core.readNamespacedPodLog({
      name: validate!.metadata!.name!,
      namespace: 'recommendations',
      container: 'main',
      tailLines: 1,
    });
    expect(tail.trim().split('\n')).toHaveLength(1);

    const reranker = await core.listNamespacedPod({
      namespace: 'search-ranking',
      labelSelector: 'app=ranking-reranker',
    });
    const restarted = reranker.items.find(
      (p) => (p.status?.containerStatuses?.[0]?.restartCount ?? 0) > 0,
    )!;
    expect(restarted.status?.containerStatuses?.[0]?.lastState?.terminated?.reason).toBe(
      'OOMKilled',
    );
    const previous = await core.readNamespacedPodLog({
      name: restarted.metadata!.name!,
      namespace: 'search-ranking',
      previous: true,
    });
    expect(previous.trim().split('\n').pop()).toBe('Killed');
    await expectApiError(
      core.readNamespacedPodLog({ name: validate!.metadata!.name!, namespace: 'recommendations' }),
      400,
    );
  });

  it('forwards the service proxy to a registered loopback target with method and query', async () => {
    const upstream: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, body }));
      });
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    sim.setServiceProxyTarget(
      'monitoring/prometheus:9090',
      `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    );
    const call = (method: string, path: string, body?: string) =>
      new Promise<{ status: number; json: Record<string, string> }>((resolve, reject) => {
        const req = httpsRequest(
          `${sim.url}${path}`,
          {
            method,
            ca: sim.caPem,
            headers: {
              Authorization: `Bearer ${sim.tokens.viewer}`,
              'content-type': 'application/x-www-form-urlencoded',
            },
          },
          (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                json: JSON.parse(text) as Record<string, string>,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const get = await call(
      'GET',
      '/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query?query=up%7Bjob%3D%22x%22%7D',
    );
    expect(get).toEqual({
      status: 200,
      json: { method: 'GET', url: '/api/v1/query?query=up%7Bjob%3D%22x%22%7D', body: '' },
    });
    const post = await call(
      'POST',
      '/api/v1/namespaces/monitoring/services/prometheus:web/proxy/api/v1/query',
      'query=up',
    );
    expect(post.json).toEqual({ method: 'POST', url: '/api/v1/query', body: 'query=up' });
    const missing = await call(
      'GET',
      '/api/v1/namespaces/monitoring/services/alertmanager:9093/proxy/api/v2/alerts',
    );
    expect(missing.status).toBe(503);
    upstream.close();
  });
});

describe('kube simulator with a CRD that is not installed', () => {
  let sim: KubeSimulator;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kube-sim-scenario-'));
    const scenario = join(dir, 'no-kserve.yaml');
    await writeFile(scenario, 'name: no-kserve\ncrds: [argo-workflows]\nnamespaces: [team]\n');
    sim = await startKubeSimulator({ scenario });
  });

  afterAll(async () => {
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('leaves the group out of discovery and answers its paths with 404', async () => {
    const kc = clientFor(sim);
    const groups = await kc.makeApiClient(ApisApi).getAPIVersions();
    const names = groups.groups.map((g) => g.name);
    expect(names).toContain('argoproj.io');
    expect(names).not.toContain('serving.kserve.io');
    const custom = kc.makeApiClient(CustomObjectsApi);
    const body = await expectApiError(
      custom.listNamespacedCustomObject({
        group: 'serving.kserve.io',
        version: 'v1beta1',
        namespace: 'team',
        plural: 'inferenceservices',
      }),
      404,
    );
    expect(body).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    const rules = await kc
      .makeApiClient(AuthorizationV1Api)
      .createSelfSubjectRulesReview({ body: { spec: { namespace: 'team' } } });
    expect(rules.status?.resourceRules.some((r) => r.apiGroups?.includes('argoproj.io'))).toBe(
      true,
    );
    expect(
      rules.status?.resourceRules.some((r) => r.apiGroups?.includes('serving.kserve.io')),
    ).toBe(false);
  });
});

describe('kube simulator at scale', () => {
  let sim: KubeSimulator;

  beforeAll(async () => {
    const started = performance.now();
    sim = await startKubeSimulator({
      scenario: 'empty',
      scale: { pods: 20_000, workflows: 5_000 },
    });
    console.log(
      `[kube-sim] started with 20,000 pods and 5,000 workflows in ${(performance.now() - started).toFixed(0)} ms`,
    );
  });

  afterAll(async () => {
    await sim?.stop();
  });

  it('serves a 20,000-pod list quickly, whole and in 500-item pages', async () => {
    const core = clientFor(sim).makeApiClient(CoreV1Api);
    let started = performance.now();
    const all = await core.listPodForAllNamespaces();
    const wholeMs = performance.now() - started;
    expect(all.items).toHaveLength(20_000);
    started = performance.now();
    let token: string | undefined;
    let count = 0;
    do {
      const page = await core.listPodForAllNamespaces({
        limit: 500,
        ...(token ? { _continue: token } : {}),
      });
      count += page.items.length;
      token = page.metadata?._continue;
    } while (token);
    const pagedMs = performance.now() - started;
    expect(count).toBe(20_000);
    console.log(
      `[kube-sim] 20,000 pods: one list ${wholeMs.toFixed(0)} ms (client decode included), 40 pages ${pagedMs.toFixed(0)} ms`,
    );
    expect(wholeMs).toBeLessThan(15_000);

    const custom = clientFor(sim).makeApiClient(CustomObjectsApi);
    const failed = (await custom.listClusterCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'workflows',
      labelSelector: 'workflows.argoproj.io/phase=Failed',
    })) as { items: unknown[] };
    expect(failed.items.length).toBeGreaterThan(500);
  });
});
