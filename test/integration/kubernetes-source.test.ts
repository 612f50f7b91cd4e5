// The Kubernetes source against the Kubernetes API simulator (electron/sim/kube): contexts from
// its kubeconfig, "Test connection" for each kind of outcome, headline counts, RBAC-forbidden
// namespaces for the team user, and an in-cluster service reached through the service proxy.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKubernetesSource,
  type KubernetesSource,
} from '../../electron/host/sources/kubernetes';
import {
  tempDir,
  type TempDir,
} from '../../electron/host/sources/kubernetes/testing/kubeconfig-files';
import { createTestPki } from '../../electron/host/sources/kubernetes/testing/pki';
import { HttpClient } from '../../electron/host/sources/http-client';
import { SourceError } from '../../electron/host/sources/source-error';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube';
import { freePort } from '../services/ports';

let sim: KubeSimulator;
let tmp: TempDir;
let kube: KubernetesSource;
let echo: {
  server: Server;
  url: string;
  seen: { url: string; authorization: string | undefined }[];
};

beforeAll(async () => {
  sim = await startKubeSimulator();
  tmp = tempDir('kube-source-it-');
  const simConfig = path.join(tmp.dir, 'sim.yaml');
  await sim.writeKubeconfig(simConfig);
  const otherCa = await createTestPki('not-the-simulators-ca');
  // A second file, merged after the simulator's, like a second entry in $KUBECONFIG.
  const broken = tmp.write('broken.yaml', {
    clusters: [
      { name: 'sim-again', server: sim.url, caPem: sim.caPem },
      { name: 'dead', server: `https://127.0.0.1:${await freePort()}`, caPem: sim.caPem },
      { name: 'wrong-ca', server: sim.url, caPem: otherCa.caPem },
    ],
    users: [
      { name: 'wrong-token', token: 'not-a-simulator-token' },
      { name: 'operator-again', token: sim.tokens.operator },
    ],
    contexts: [
      { name: 'wrong-token', cluster: 'sim-again', user: 'wrong-token' },
      { name: 'dead-port', cluster: 'dead', user: 'operator-again' },
      { name: 'wrong-ca', cluster: 'wrong-ca', user: 'operator-again' },
    ],
  });
  kube = createKubernetesSource(
    { id: 'sim', name: 'Simulator', kind: 'kubernetes', kubeconfigPaths: [simConfig, broken] },
    { timeoutMs: 10_000 },
  );
  echo = await startEcho();
});

afterAll(async () => {
  kube?.close();
  await sim?.stop();
  if (echo) await new Promise((resolve) => echo.server.close(resolve));
  tmp?.remove();
});

describe('contexts', () => {
  it("lists the simulator's contexts and the extra file's, with nothing connected", () => {
    expect(kube.loadErrors).toEqual([]);
    const contexts = kube.contexts();
    expect(contexts.map((c) => c.name)).toEqual([
      'sim-viewer',
      'sim-operator',
      'sim-team',
      'wrong-token',
      'dead-port',
      'wrong-ca',
    ]);
    expect(contexts.find((c) => c.name === 'sim-team')).toMatchObject({
      cluster: 'sim',
      server: sim.url,
      user: 'sim-team',
      namespace: 'fraud-detection',
    });
    expect(contexts.find((c) => c.current)?.name).toBe('sim-viewer');
  });
});

describe('test()', () => {
  it('is ok for the operator, with the server version', async () => {
    const result = await kube.test('sim-operator');
    expect(result.status).toBe('ok');
    expect(result.serverVersion).toMatch(/^Kubernetes v1\.\d+\.\d+/);
    expect(result.message).toBe(`Connected to ${result.serverVersion}`);
  });

  it('is unauthorized for a wrong token', async () => {
    const result = await kube.test('wrong-token');
    expect(result.status).toBe('unauthorized');
    expect(result.message).toContain('401 Unauthorized');
  });

  it('is unreachable for a dead port', async () => {
    const result = await kube.test('dead-port');
    expect(result.status).toBe('unreachable');
    expect(result.message).toContain('ECONNREFUSED');
  });

  it("is a TLS error for a CA that did not sign the server's certificate", async () => {
    const result = await kube.test('wrong-ca');
    expect(result.status).toBe('tls_error');
  });

  it('is ok for the team user, saying it cannot list namespaces', async () => {
    const result = await kube.test('sim-team');
    expect(result.status).toBe('ok');
    expect(result.message).toContain('cannot list namespaces');
  });
});

describe('headline()', () => {
  it('counts what the operator can see', async () => {
    const { core } = kube.client('sim-operator');
    const [namespaces, nodes] = await Promise.all([core.listNamespace(), core.listNode()]);
    const gpus = (field: 'allocatable' | 'capacity') =>
      nodes.items.reduce((sum, n) => sum + Number(n.status?.[field]?.['nvidia.com/gpu'] ?? 0), 0);

    expect(gpus('capacity')).toBeGreaterThanOrEqual(48); // the scenario's 4 A100 + 2 H100 nodes of 8

    const headline = await kube.headline('sim-operator');
    expect(headline.serverVersion).toMatch(/^Kubernetes v1\./);
    expect(headline.namespaces).toEqual({ permitted: true, count: namespaces.items.length });
    expect(headline.namespaces.permitted && headline.namespaces.count).toBeGreaterThan(0);
    expect(headline.nodes).toMatchObject({ permitted: true, count: nodes.items.length });
    expect(headline.gpus).toEqual({
      permitted: true,
      allocatable: gpus('allocatable'),
      capacity: gpus('capacity'),
    });
  });

  it('reports namespaces the team user may not list as not permitted, not zero', async () => {
    const headline = await kube.headline('sim-team');
    expect(headline.namespaces.permitted).toBe(false);
    if (!headline.namespaces.permitted) {
      expect(headline.namespaces.message).toMatch(
        /^not permitted: namespaces is forbidden: User "[^"]+" cannot list resource "namespaces"/,
      );
    }
  });

  it("gives the API server's 403 message for a namespace outside the team's", async () => {
    const { core } = kube.client('sim-team');
    await expect(core.listNamespacedPod({ namespace: 'fraud-detection' })).resolves.toBeDefined();
    const error = await core.listNamespacedPod({ namespace: 'kube-system' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect((error as SourceError).message).toMatch(
      /pods is forbidden: User "[^"]+" cannot list resource "pods" in API group "" in the namespace "kube-system"/,
    );
  });
});

describe('serviceProxy()', () => {
  it('reaches a service inside the cluster through the API server, with the kubeconfig credentials', async () => {
    sim.store.apply({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-source-echo', namespace: 'default' },
      spec: { ports: [{ name: 'web', port: 9090 }] },
    });
    sim.setServiceProxyTarget('default/kube-source-echo:9090', echo.url);

    const target = await kube.serviceProxy({
      context: 'sim-viewer',
      namespace: 'default',
      service: 'kube-source-echo',
      port: 9090,
    });
    expect(target).toEqual({
      baseUrl: `${sim.url}/api/v1/namespaces/default/services/kube-source-echo:9090/proxy/`,
      ca: sim.caPem,
      auth: { type: 'bearer', token: sim.tokens.viewer },
    });
    const http = new HttpClient({ source: 'prometheus', ...target });
    try {
      const { body } = await http.json<{ path: string }>({
        path: 'api/v1/query',
        query: { query: 'up' },
      });
      expect(body.path).toBe('/api/v1/query?query=up');
      expect(echo.seen.at(-1)?.authorization).toBeUndefined(); // the user's token stays at the API server
    } finally {
      await http.close();
    }
  });
});

async function startEcho(): Promise<typeof echo> {
  const seen: typeof echo.seen = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
