// An MLflow tracking/registry server in-process, on a loopback port: the demo workspace's
// registry and the stand-in for `mlflow server` in fast tests. It speaks the REST routes in
// routes.ts with MLflow's envelopes, plus /health and /version, and optionally guards them like
// MLflow's basic-auth app (plain-text 401/403) or like a token-checking proxy (bearer).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MlflowApiError, invalidParameter } from './api-error';
import { RegistryState } from './registry-state';
import { Params } from './request-params';
import { routes, type Access, type Route } from './routes';
import { seedDemoRegistry, type DemoSeedSummary } from './seed';

export type SimulatedPermission = 'READ' | 'EDIT' | 'MANAGE' | 'NO_PERMISSIONS';

export type MlflowSimulatorAuth =
  | { bearer: string }
  | { users: Record<string, { password: string; permission: SimulatedPermission }> };

export interface MlflowSimulatorOptions {
  /** Loopback port; 0 (default) picks a free one. */
  port?: number;
  auth?: MlflowSimulatorAuth;
  /** Load the demo registry (default true). */
  seed?: boolean;
  /** What GET /version answers; the MLflow release the simulator was checked against. */
  version?: string;
}

export interface MlflowSimulator {
  url: string;
  /** What the demo seed created (run ids are random per start). */
  seeded?: DemoSeedSummary;
  /** The live state, for tests that arrange unusual data. */
  state: RegistryState;
  stop(): Promise<void>;
}

export const simulatedMlflowVersion = '3.17.2';

const prefixes = ['/api/2.0/mlflow/', '/ajax-api/2.0/mlflow/'];

// Flask's own pages for unknown routes and methods, which mlflow server serves as they are.
const notFoundPage =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
const methodNotAllowedPage =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n';
const notAuthenticated =
  'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.';

const allowed: Record<SimulatedPermission, Access[]> = {
  NO_PERMISSIONS: ['list', 'create'],
  READ: ['read', 'list', 'create'],
  EDIT: ['read', 'list', 'create', 'update'],
  MANAGE: ['read', 'list', 'create', 'update', 'delete'],
};

export async function startMlflowSimulator(
  opts: MlflowSimulatorOptions = {},
): Promise<MlflowSimulator> {
  const state = new RegistryState();
  const seeded = opts.seed === false ? undefined : seedDemoRegistry(state);
  const version = opts.version ?? simulatedMlflowVersion;

  const server = createServer((req, res) => {
    handle(req, res, state, opts.auth, version).catch((error: unknown) => {
      const failure =
        error instanceof MlflowApiError
          ? error
          : new MlflowApiError('INTERNAL_ERROR', String(error));
      if (!res.headersSent) sendJson(res, failure.status, failure.body());
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    ...(seeded ? { seeded } : {}),
    state,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  state: RegistryState,
  auth: MlflowSimulatorAuth | undefined,
  version: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);

  if (url.pathname === '/health') return sendText(res, 200, 'OK', 'text/plain; charset=utf-8');

  const permission = authenticate(req, auth);
  if (permission === undefined) {
    res.setHeader(
      'WWW-Authenticate',
      auth && 'bearer' in auth ? 'Bearer realm="mlflow"' : 'Basic realm="mlflow"',
    );
    return sendText(res, 401, notAuthenticated);
  }

  if (url.pathname === '/version' && method === 'GET') return sendText(res, 200, version);

  const prefix = prefixes.find((p) => url.pathname.startsWith(p));
  const path = prefix ? url.pathname.slice(prefix.length) : undefined;
  const candidates = path === undefined ? [] : routes.filter((r) => r.path === path);
  if (!candidates.length) return sendText(res, 404, notFoundPage);
  const route: Route | undefined = candidates.find((r) => r.method === method);
  if (!route) return sendText(res, 405, methodNotAllowedPage);

  const canRead = allowed[permission].includes('read');
  if (!allowed[permission].includes(route.access)) return sendText(res, 403, 'Permission denied');

  const params = method === 'GET' ? Params.fromQuery(url.searchParams) : jsonParams(req, body);
  sendJson(res, 200, route.handle({ state, params, canRead }), true);
}

/** The caller's permission, or undefined when the credentials are missing or wrong. */
function authenticate(
  req: IncomingMessage,
  auth: MlflowSimulatorAuth | undefined,
): SimulatedPermission | undefined {
  if (!auth) return 'MANAGE';
  const header = req.headers.authorization ?? '';
  if ('bearer' in auth) return header === `Bearer ${auth.bearer}` ? 'MANAGE' : undefined;
  const basic = /^Basic\s+(.+)$/i.exec(header)?.[1];
  if (!basic) return undefined;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = auth.users[decoded.slice(0, colon)];
  return colon > 0 && user && user.password === decoded.slice(colon + 1)
    ? user.permission
    : undefined;
}

/** MLflow reads non-GET parameters from a JSON body and refuses any other declared content type. */
function jsonParams(req: IncomingMessage, body: string): Params {
  const contentType = req.headers['content-type'];
  if (contentType && !/^application\/json\b/i.test(contentType)) {
    throw invalidParameter("Bad Request. Content-Type must be one of ['application/json'].");
  }
  if (!body.trim()) return new Params({});
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new MlflowApiError('BAD_REQUEST', 'Malformed JSON request body.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MlflowApiError('BAD_REQUEST', 'The request body must be a JSON object.');
  }
  return new Params(parsed as Record<string, unknown>);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown, pretty = false): void {
  const text = pretty ? JSON.stringify(body, null, 2) : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

// mlflow server sends its plain-text answers (version, 401, 403) as Flask's default text/html.
function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/html; charset=utf-8',
): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
