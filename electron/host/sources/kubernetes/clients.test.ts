// The client factory against a small local HTTPS API server: each kind of credential, each kind
// of failure mapped to a SourceError, and proxies (a kubeconfig proxy-url and HTTPS_PROXY).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test/services/ports';
import { SourceError } from '../source-error';
import { KubeClientFactory } from './clients';
import { isExpired } from './errors';
import { loadKubeconfigs } from './kubeconfig';
import { startConnectProxy } from './testing/connect-proxy';
import { startFakeApiServer, type FakeApiServer } from './testing/fake-api-server';
import { tempDir, type KubeconfigSpec, type TempDir } from './testing/kubeconfig-files';
import { createTestPki, type TestPki } from './testing/pki';

let pki: TestPki;
let api: FakeApiServer;
let tmp: TempDir;

beforeAll(async () => {
  pki = await createTestPki();
  api = await startFakeApiServer({
    pki,
    tokens: {
      good: { name: 'alice' },
      scoped: { name: 'bob', forbidden: ['namespaces', 'nodes'] },
    },
    clientCerts: true,
  });
});
afterAll(() => api.close());
beforeEach(() => {
  tmp = tempDir();
  api.requests.length = 0;
});
afterEach(() => tmp.remove());

/** A factory for one context "ctx" on `server` with the given user fields. */
function factoryFor(
  user: NonNullable<KubeconfigSpec['users']>[number],
  opts: {
    server?: string;
    caPem?: string;
    insecure?: boolean;
    proxyUrl?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
  } = {},
) {
  const file = tmp.write('config', {
    clusters: [
      {
        name: 'c',
        server: opts.server ?? api.url,
        ...(opts.insecure ? { insecure: true } : { caPem: opts.caPem ?? pki.caPem }),
        ...(opts.proxyUrl ? { proxyUrl: opts.proxyUrl } : {}),
      },
    ],
    users: [user],
    contexts: [{ name: 'ctx', cluster: 'c', user: user.name }],
    current: 'ctx',
  });
  const loaded = loadKubeconfigs({ paths: [file] });
  expect(loaded.errors).toEqual([]);
  return new KubeClientFactory(loaded, {
    source: 'kube-test',
    env: opts.env ?? process.env,
    timeoutMs: opts.timeoutMs ?? 5_000,
  });
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceError);
  return error as SourceError;
}

describe('credentials', () => {
  it('dials nothing until a call is made', () => {
    const clients = factoryFor({ name: 'u', token: 'good' }).client('ctx');
    expect(clients.context).toMatchObject({ name: 'ctx', server: api.url });
    expect(api.requests).toEqual([]);
  });

  it('sends a bearer token and verifies the server against certificate-authority-data', async () => {
    const { core } = factoryFor({ name: 'u', token: 'good' }).client('ctx');
    const list = await core.listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).toEqual(['default', 'ml-prod', 'ml-staging']);
    expect(api.requests[0]).toMatchObject({
      path: '/api/v1/namespaces',
      authorization: 'Bearer good',
      user: 'alice',
    });
  });

  it('presents a client certificate', async () => {
    const client = await pki.client('carol');
    const { core } = factoryFor({
      name: 'u',
      certPem: client.certPem,
      keyPem: client.keyPem,
    }).client('ctx');
    await core.listNamespace();
    expect(api.requests[0]?.user).toBe('carol');
  });

  it('honours insecure-skip-tls-verify', async () => {
    const { core } = factoryFor({ name: 'u', token: 'good' }, { insecure: true }).client('ctx');
    await expect(core.listNamespace()).resolves.toBeDefined();
  });

  it('runs an exec plugin and sends the token it prints, with KUBERNETES_EXEC_INFO as client-go sets it', async () => {
    const plugin = execPlugin('good');
    const { core } = factoryFor({
      name: 'u',
      exec: {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: plugin,
        args: ['get-token'],
        interactiveMode: 'Never',
      },
    }).client('ctx');
    await core.listNamespace();
    await core.listNamespace();
    expect(api.requests.map((r) => r.authorization)).toEqual(['Bearer good', 'Bearer good']);
    expect(runs()).toBe(1); // cached until its expirationTimestamp
    const info = JSON.parse(readFileSync(path.join(tmp.dir, 'exec-info'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(info).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      spec: { interactive: false },
    });
  });

  it('finds an exec plugin that is only on the login-shell PATH', async () => {
    const plugin = execPlugin('good');
    const onlyThere = {
      ...process.env,
      PATH: `${path.dirname(plugin)}${path.delimiter}${process.env.PATH ?? ''}`,
    };
    const user = {
      name: 'u',
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: path.basename(plugin) },
    };

    const without = await failure(factoryFor(user).client('ctx').core.listNamespace());
    expect(without.code).toBe('unauthorized');
    expect(without.message).toContain(
      `the credential plugin "${path.basename(plugin)}" was not found on PATH`,
    );

    await factoryFor(user, { env: onlyThere }).client('ctx').core.listNamespace();
    expect(api.requests.at(-1)?.authorization).toBe('Bearer good');
  });

  it("lets the user's own exec.env win over the login-shell environment", async () => {
    const plugin = execPlugin('${TOKEN_FROM_ENV}');
    const user = {
      name: 'u',
      exec: { command: plugin, env: [{ name: 'TOKEN_FROM_ENV', value: 'good' }] },
    };
    await factoryFor(user, { env: { ...process.env, TOKEN_FROM_ENV: 'scoped' } })
      .client('ctx')
      .core.listNamespace();
    expect(api.requests.at(-1)?.authorization).toBe('Bearer good');
  });

  it('reports a failing exec plugin with what it printed on stderr', async () => {
    const plugin = tmp.write(
      'failing-plugin',
      '#!/bin/sh\necho "error: SSO session expired, run aws sso login" >&2\nexit 1\n',
      0o755,
    );
    const error = await failure(
      factoryFor({ name: 'u', exec: { command: plugin } })
        .client('ctx')
        .core.listNamespace(),
    );
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('SSO session expired, run aws sso login');
    expect(api.requests).toEqual([]);
  });
});

describe('failures as SourceErrors', () => {
  it('401: a wrong token', async () => {
    const error = await failure(
      factoryFor({ name: 'u', token: 'wrong' }).client('ctx').core.listNamespace(),
    );
    expect(error).toMatchObject({ code: 'unauthorized', status: 401, source: 'kube-test' });
    expect(error.message).toMatch(
      /^context "ctx" \(127\.0\.0\.1:\d+\) refused the credentials \(401 Unauthorized\)/,
    );
  });

  it("403: with the API server's own Status message", async () => {
    const error = await failure(
      factoryFor({ name: 'u', token: 'scoped' }).client('ctx').core.listNode(),
    );
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(error.message).toMatch(
      /: nodes is forbidden: User "bob" cannot list resource "nodes" in API group "" at the cluster scope$/,
    );
  });

  it('404, 409 and 410', async () => {
    const { core } = factoryFor({ name: 'u', token: 'good' }).client('ctx');
    const notFound = await failure(core.listNamespacedPod({ namespace: 'missing' }));
    expect(notFound).toMatchObject({ code: 'not_found', status: 404 });
    expect(notFound.message).toContain('namespaces "missing" not found');
    const conflict = await failure(
      core.createNamespace({ body: { metadata: { name: 'default' } } }),
    );
    expect(conflict).toMatchObject({ code: 'conflict', status: 409 });
    expect(conflict.message).toContain('namespaces "default" already exists');
    const expired = await failure(
      core.listNamespacedPod({ namespace: 'default', resourceVersion: '1' }),
    );
    expect(expired).toMatchObject({ code: 'conflict', status: 410 });
    expect(isExpired(expired)).toBe(true);
    expect(expired.message).toContain(
      'too old resource version: 1 (2000) (410 Expired: list again)',
    );
  });

  it('TLS: a server certificate the kubeconfig CA did not sign', async () => {
    const other = await createTestPki('another-ca');
    const error = await failure(
      factoryFor({ name: 'u', token: 'good' }, { caPem: other.caPem })
        .client('ctx')
        .core.listNamespace(),
    );
    expect(error.code).toBe('tls');
    expect(error.message).toMatch(/TLS error talking to context "ctx"/);
  });

  it('unreachable: nothing listening', async () => {
    const dead = `https://127.0.0.1:${await freePort()}`;
    const error = await failure(
      factoryFor({ name: 'u', token: 'good' }, { server: dead }).client('ctx').core.listNamespace(),
    );
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('timeout: a server that never answers', async () => {
    const { core } = factoryFor({ name: 'u', token: 'good' }, { timeoutMs: 400 }).client('ctx');
    const error = await failure(core.readNamespace({ name: 'hang' }));
    expect(error.code).toBe('timeout');
  });

  it('an unknown context', () => {
    const factory = factoryFor({ name: 'u', token: 'good' });
    expect(() => factory.client('nope')).toThrow(SourceError);
    expect(() => factory.client('nope')).toThrow(/context "nope" is not in the kubeconfig/);
  });
});

describe('proxies', () => {
  it("goes through the cluster's proxy-url", async () => {
    const proxy = await startConnectProxy();
    try {
      await factoryFor({ name: 'u', token: 'good' }, { proxyUrl: proxy.url })
        .client('ctx')
        .core.listNamespace();
      expect(proxy.tunnels).toEqual([`127.0.0.1:${api.port}`]);
    } finally {
      await proxy.close();
    }
  });

  it('goes through HTTPS_PROXY from the environment, unless NO_PROXY says otherwise', async () => {
    // A name only the proxy can resolve: a request that skipped the proxy could not succeed.
    const named = await startFakeApiServer({
      pki,
      names: ['kube.proxied.test'],
      tokens: { good: { name: 'alice' } },
    });
    const proxy = await startConnectProxy({ 'kube.proxied.test': '127.0.0.1' });
    try {
      const server = `https://kube.proxied.test:${named.port}`;
      const env = { ...process.env, HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost' };
      const list = await factoryFor({ name: 'u', token: 'good' }, { server, env })
        .client('ctx')
        .core.listNamespace();
      expect(list.items).toHaveLength(3);
      expect(proxy.tunnels).toEqual([`kube.proxied.test:${named.port}`]);
      expect(named.requests[0]?.user).toBe('alice');

      const bypass = { ...env, NO_PROXY: '.proxied.test' };
      const error = await failure(
        factoryFor({ name: 'u', token: 'good' }, { server, env: bypass })
          .client('ctx')
          .core.listNamespace(),
      );
      expect(error.code).toBe('unreachable');
      expect(proxy.tunnels).toHaveLength(1);
    } finally {
      await proxy.close();
      await named.close();
    }
  });
});

/** An exec credential plugin printing `token` (shell-expanded), counting its runs. */
function execPlugin(token: string): string {
  const counter = path.join(tmp.dir, 'runs');
  const info = path.join(tmp.dir, 'exec-info');
  tmp.write('runs', '');
  const script = [
    '#!/bin/sh',
    `echo run >> '${counter}'`,
    `printf '%s' "$KUBERNETES_EXEC_INFO" > '${info}'`,
    `echo "{\\"apiVersion\\":\\"client.authentication.k8s.io/v1\\",\\"kind\\":\\"ExecCredential\\",\\"status\\":{\\"token\\":\\"${token}\\",\\"expirationTimestamp\\":\\"2999-01-01T00:00:00Z\\"}}"`,
    '',
  ].join('\n');
  return tmp.write('kube-cred-plugin', script, 0o755);
}

function runs(): number {
  return readFileSync(path.join(tmp.dir, 'runs'), 'utf8').split('\n').filter(Boolean).length;
}
