// A tiny HTTPS stand-in for a Kubernetes API server, for unit tests that need real TLS, real
// tokens and client certificates, and Kubernetes Status errors — not a simulator: a handful of
// fixed routes. The full simulator lives in electron/sim/kube.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { TestPki } from './pki';

export interface FakeUser {
  name: string;
  /** Resources this user may not list, e.g. ['nodes']. */
  forbidden?: string[];
}

export interface FakeApiServerOptions {
  pki: TestPki;
  /** Names in the server certificate; default localhost and 127.0.0.1. */
  names?: string[];
  /** Bearer token -> user. */
  tokens?: Record<string, FakeUser>;
  /** Ask for a client certificate signed by the test CA; its CN is the user. */
  clientCerts?: boolean;
}

export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  user: string;
}

export interface FakeApiServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export const fakeNodes = [
  { name: 'gpu-a', gpus: '8', allocatable: '7' },
  { name: 'gpu-b', gpus: '4', allocatable: '4' },
  { name: 'cpu-a', gpus: undefined, allocatable: undefined },
];

export async function startFakeApiServer(opts: FakeApiServerOptions): Promise<FakeApiServer> {
  const cert = await opts.pki.server(opts.names ?? ['localhost', '127.0.0.1']);
  const requests: SeenRequest[] = [];
  const server: Server = createServer(
    {
      cert: cert.certPem,
      key: cert.keyPem,
      ca: opts.pki.caPem,
      requestCert: opts.clientCerts ?? false,
      rejectUnauthorized: false, // a missing or foreign certificate means anonymous, as in kube-apiserver
    },
    (req, res) => {
      const user = authenticate(req, opts);
      const url = new URL(req.url ?? '/', 'https://fake');
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        authorization: req.headers.authorization,
        user: user ?? '(refused)',
      });
      if (user === undefined) return status(res, 401, 'Unauthorized', 'Unauthorized');
      const forbidden =
        (opts.tokens
          ? Object.values(opts.tokens).find((u) => u.name === user)?.forbidden
          : undefined) ?? [];
      route(req, res, url, user, forbidden);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user name, 'system:anonymous' without credentials, undefined for a wrong token. */
function authenticate(req: IncomingMessage, opts: FakeApiServerOptions): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return opts.tokens?.[header.slice(7)]?.name;
  const socket = req.socket as TLSSocket;
  if (opts.clientCerts && socket.authorized) {
    const cn = socket.getPeerCertificate().subject?.CN;
    if (typeof cn === 'string') return cn;
  }
  return 'system:anonymous';
}

function route(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  user: string,
  forbidden: string[],
): void {
  const path = url.pathname;
  const cannot = (verb: string, resource: string, scope = 'at the cluster scope') =>
    status(
      res,
      403,
      'Forbidden',
      `${resource} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "" ${scope}`,
    );

  if (path === '/version')
    return json(res, 200, {
      major: '1',
      minor: '31',
      gitVersion: 'v1.31.0',
      platform: 'linux/amd64',
    });
  if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' && req.method === 'POST') {
    if (user === 'system:anonymous') {
      return status(
        res,
        403,
        'Forbidden',
        'selfsubjectaccessreviews.authorization.k8s.io is forbidden: User "system:anonymous" cannot create resource "selfsubjectaccessreviews" in API group "authorization.k8s.io" at the cluster scope',
      );
    }
    return void readBody(req).then((body) => {
      const review = JSON.parse(body) as { spec: { resourceAttributes: { resource: string } } };
      const allowed = !forbidden.includes(review.spec.resourceAttributes.resource);
      json(res, 201, {
        ...review,
        status: { allowed, ...(allowed ? {} : { reason: 'no RBAC rule allows it' }) },
      });
    });
  }
  if (path === '/api/v1/namespaces' && req.method === 'POST')
    return status(res, 409, 'AlreadyExists', 'namespaces "default" already exists');
  if (path === '/api/v1/namespaces') {
    if (forbidden.includes('namespaces')) return cannot('list', 'namespaces');
    return json(
      res,
      200,
      list(
        'NamespaceList',
        ['default', 'ml-prod', 'ml-staging'].map((name) => ({ metadata: { name } })),
      ),
    );
  }
  if (path === '/api/v1/namespaces/hang') return; // never answers
  if (path === '/api/v1/nodes') {
    if (forbidden.includes('nodes')) return cannot('list', 'nodes');
    return json(res, 200, list('NodeList', fakeNodes.map(node)));
  }
  const pods = /^\/api\/v1\/namespaces\/([^/]+)\/pods$/.exec(path);
  if (pods) {
    if (pods[1] === 'missing')
      return status(res, 404, 'NotFound', 'namespaces "missing" not found');
    if (url.searchParams.get('resourceVersion') === '1')
      return status(res, 410, 'Expired', 'too old resource version: 1 (2000)');
    return json(res, 200, list('PodList', []));
  }
  const proxied = /^\/api\/v1\/namespaces\/([^/]+)\/services\/([^/]+)\/proxy(\/.*)?$/.exec(path);
  if (proxied)
    return json(res, 200, {
      proxiedTo: `${proxied[1]}/${proxied[2]}`,
      path: proxied[3] ?? '/',
      user,
    });
  status(res, 404, 'NotFound', `the server could not find the requested resource (${path})`);
}

function node(n: (typeof fakeNodes)[number]) {
  return {
    metadata: { name: n.name },
    status: {
      capacity: { cpu: '32', ...(n.gpus ? { 'nvidia.com/gpu': n.gpus } : {}) },
      allocatable: { cpu: '31', ...(n.allocatable ? { 'nvidia.com/gpu': n.allocatable } : {}) },
      conditions: [{ type: 'Ready', status: n.name === 'cpu-a' ? 'False' : 'True' }],
    },
  };
}

function list(kind: string, items: object[]) {
  return { kind, apiVersion: 'v1', metadata: { resourceVersion: '100' }, items };
}

function status(res: ServerResponse, code: number, reason: string, message: string): void {
  json(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });
}

function json(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
