// The source as the host uses it (createKubernetesSource), against a small local HTTPS API
// server: test(), headline(), serviceProxy() and the connection's context filter.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KubernetesConnection } from '../../../../shared/model/connection';
import { HttpClient } from '../http-client';
import { freePort } from '../../../../test/services/ports';
import { createKubernetesSource, resolveLoginShellEnv } from './index';
import { startFakeApiServer, type FakeApiServer } from './testing/fake-api-server';
import { tempDir, type TempDir } from './testing/kubeconfig-files';
import { createTestPki, type TestPki } from './testing/pki';

let pki: TestPki;
let api: FakeApiServer;
let tmp: TempDir;
let deadPort: number;

beforeAll(async () => {
  pki = await createTestPki();
  api = await startFakeApiServer({
    pki,
    tokens: {
      good: { name: 'alice' },
      'no-nodes': { name: 'bob', forbidden: ['nodes'] },
      'no-namespaces': { name: 'dan', forbidden: ['namespaces'] },
    },
  });
  deadPort = await freePort();
});
afterAll(() => api.close());
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

function source(extra: Partial<KubernetesConnection> = {}) {
  const users = ['good', 'wrong', 'no-nodes', 'no-namespaces'];
  const file = tmp.write('config', {
    clusters: [
      { name: 'fake', server: api.url, caPem: pki.caPem },
      { name: 'dead', server: `https://127.0.0.1:${deadPort}`, caPem: pki.caPem },
    ],
    users: [...users.map((token) => ({ name: token, token })), { name: 'anonymous' }],
    contexts: [
      ...users.map((u) => ({ name: u, cluster: 'fake', user: u, namespace: 'ml-prod' })),
      { name: 'anonymous', cluster: 'fake', user: 'anonymous' },
      { name: 'dead', cluster: 'dead', user: 'good' },
    ],
    current: 'good',
  });
  return createKubernetesSource(
    { id: 'kube', name: 'Kube', kind: 'kubernetes', kubeconfigPaths: [file], ...extra },
    { timeoutMs: 3_000 },
  );
}

describe('test()', () => {
  it('is ok with the server version for good credentials', async () => {
    const result = await source().test('good');
    expect(result).toMatchObject({
      status: 'ok',
      serverVersion: 'Kubernetes v1.31.0',
      message: 'Connected to Kubernetes v1.31.0',
    });
  });

  it('is unauthorized for a wrong token, even though /version is open', async () => {
    const result = await source().test('wrong');
    expect(result.status).toBe('unauthorized');
    expect(result.message).toContain('401 Unauthorized');
  });

  it('is ok, saying so, when the user cannot list namespaces', async () => {
    const result = await source().test('no-namespaces');
    expect(result.status).toBe('ok');
    expect(result.message).toMatch(
      /^Connected to Kubernetes v1\.31\.0, but this user cannot list namespaces/,
    );
  });

  it('is forbidden for anonymous access', async () => {
    const result = await source().test('anonymous');
    expect(result.status).toBe('forbidden');
    expect(result.message).toContain(
      'User "system:anonymous" cannot create resource "selfsubjectaccessreviews"',
    );
  });

  it('is unreachable for a dead port', async () => {
    expect((await source().test('dead')).status).toBe('unreachable');
  });
});

describe('headline()', () => {
  it('counts namespaces, nodes and GPUs', async () => {
    const headline = await source().headline('good');
    expect(headline).toMatchObject({
      context: 'good',
      serverVersion: 'Kubernetes v1.31.0',
      namespaces: { permitted: true, count: 3 },
      nodes: { permitted: true, count: 3, ready: 2 },
      gpus: { permitted: true, allocatable: 11, capacity: 12 },
    });
  });

  it('reports a forbidden list as not permitted, never zero', async () => {
    const headline = await source().headline('no-nodes');
    expect(headline.namespaces).toEqual({ permitted: true, count: 3 });
    expect(headline.nodes).toEqual({
      permitted: false,
      message:
        'not permitted: nodes is forbidden: User "bob" cannot list resource "nodes" in API group "" at the cluster scope',
    });
    expect(headline.gpus.permitted).toBe(false);
  });

  it('fails as a whole for a wrong token', async () => {
    await expect(source().headline('wrong')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('serviceProxy()', () => {
  it("gives the service proxy URL and the kubeconfig's credentials, which HttpClient can use", async () => {
    const target = await source().serviceProxy({
      context: 'good',
      namespace: 'monitoring',
      service: 'prometheus-k8s',
      port: 9090,
    });
    expect(target).toEqual({
      baseUrl: `${api.url}/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy/`,
      ca: pki.caPem,
      auth: { type: 'bearer', token: 'good' },
    });
    const http = new HttpClient({ source: 'prometheus', ...target });
    try {
      const { body } = await http.json<{ proxiedTo: string; path: string; user: string }>({
        path: 'api/v1/query',
        query: { query: 'up' },
      });
      expect(body).toEqual({
        proxiedTo: 'monitoring/prometheus-k8s:9090',
        path: '/api/v1/query',
        user: 'alice',
      });
    } finally {
      await http.close();
    }
  });

  it('marks https services and takes an exec plugin token', async () => {
    const plugin = tmp.write(
      'plugin',
      '#!/bin/sh\necho \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"good"}}\'\n',
      0o755,
    );
    const file = tmp.write('exec-config', {
      clusters: [{ name: 'fake', server: api.url, caPem: pki.caPem }],
      users: [
        { name: 'exec', exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin } },
      ],
      contexts: [{ name: 'exec', cluster: 'fake', user: 'exec' }],
    });
    const kube = createKubernetesSource({
      id: 'kube',
      name: 'Kube',
      kind: 'kubernetes',
      kubeconfigPaths: [file],
    });
    const target = await kube.serviceProxy({
      context: 'exec',
      namespace: 'mon',
      service: 'alertmanager',
      port: 'web',
      scheme: 'https',
    });
    expect(target.baseUrl).toBe(
      `${api.url}/api/v1/namespaces/mon/services/https:alertmanager:web/proxy/`,
    );
    expect(target.auth).toEqual({ type: 'bearer', token: 'good' });
  });

  it('fails like an API call when the credential plugin is missing', async () => {
    const file = tmp.write('exec-config', {
      clusters: [{ name: 'fake', server: api.url, caPem: pki.caPem }],
      users: [{ name: 'exec', exec: { command: path.join(tmp.dir, 'not-there') } }],
      contexts: [{ name: 'exec', cluster: 'fake', user: 'exec' }],
    });
    const kube = createKubernetesSource({
      id: 'kube',
      name: 'Kube',
      kind: 'kubernetes',
      kubeconfigPaths: [file],
    });
    await expect(
      kube.serviceProxy({ context: 'exec', namespace: 'n', service: 's', port: 80 }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});

describe('under a GUI launch', () => {
  it("finds the exec plugin and $KUBECONFIG through the login shell's environment", async () => {
    // The app's own environment knows neither the plugin's folder nor the kubeconfig; the
    // user's shell rc file sets both, as on a Mac where the app starts from the Dock.
    const pluginDir = path.join(tmp.dir, 'login-only-bin');
    mkdirSync(pluginDir);
    tmp.write(
      'login-only-bin/kube-login-plugin',
      '#!/bin/sh\necho \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"good"}}\'\n',
      0o755,
    );
    const kubeconfig = tmp.write('login-config', {
      clusters: [{ name: 'fake', server: api.url, caPem: pki.caPem }],
      users: [
        {
          name: 'sso',
          exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'kube-login-plugin' },
        },
      ],
      contexts: [{ name: 'sso', cluster: 'fake', user: 'sso' }],
    });
    const shell = tmp.write(
      'zsh',
      `#!/bin/sh\nexport PATH="${pluginDir}:$PATH"\nexport KUBECONFIG="${kubeconfig}"\neval "$4"\n`,
      0o755,
    );
    const launchedFromDock = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmp.dir };
    const env = await resolveLoginShellEnv({ shell, env: launchedFromDock, warn: () => {} });
    const kube = createKubernetesSource({ id: 'kube', name: 'Kube', kind: 'kubernetes' }, { env });
    expect(kube.contexts().map((c) => c.name)).toEqual(['sso']);
    expect((await kube.test('sso')).status).toBe('ok');

    const withoutShell = createKubernetesSource(
      { id: 'kube', name: 'Kube', kind: 'kubernetes', kubeconfigPaths: [kubeconfig] },
      { env: launchedFromDock },
    );
    const result = await withoutShell.test('sso');
    expect(result.status).toBe('unauthorized');
    expect(result.message).toContain('"kube-login-plugin" was not found on PATH');
  });
});

describe('contexts()', () => {
  it('lists every context, none connected', () => {
    const before = api.requests.length;
    const kube = source();
    expect(kube.contexts().map((c) => c.name)).toEqual([
      'good',
      'wrong',
      'no-nodes',
      'no-namespaces',
      'anonymous',
      'dead',
    ]);
    expect(kube.contexts()[0]).toMatchObject({
      cluster: 'fake',
      server: api.url,
      user: 'good',
      namespace: 'ml-prod',
      current: true,
    });
    expect(kube.loadErrors).toEqual([]);
    expect(api.requests.length).toBe(before);
  });

  it("shows only the connection's contexts, reporting one no kubeconfig defines", () => {
    const kube = source({ contexts: ['dead', 'good', 'gone'] });
    expect(kube.contexts().map((c) => c.name)).toEqual(['dead', 'good']);
    expect(kube.loadErrors.map((e) => e.problem)).toEqual(['unknown_context']);
    expect(kube.loadErrors[0]?.message).toContain('the connection lists context "gone"');
  });
});
