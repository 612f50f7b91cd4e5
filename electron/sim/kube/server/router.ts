// One request through the simulated API server: authenticate, authorize, then dispatch to
// discovery, a non-resource path or a resource handler. Every failure leaves as a Status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { virtualResources } from '../api/builtin-resources';
import { KubeError, errors } from '../api/status';
import type { SimUser } from '../auth/rbac';
import type { SimContext } from './context';
import { serveDiscovery, serverVersion } from './discovery';
import { handleEviction } from './handlers/eviction';
import { handleLog } from './handlers/logs';
import {
  handleCreate,
  handleDelete,
  handleDeleteCollection,
  handleGet,
  handleList,
  handlePatch,
  handleUpdate,
  type ResourceRequest,
} from './handlers/resources';
import { handleAccessReview, handleRulesReview } from './handlers/reviews';
import { handleScale } from './handlers/scale';
import { handleServiceProxy } from './handlers/service-proxy';
import { handleWatch } from './handlers/watch';
import { sendError, sendJson, wantsAggregatedDiscovery } from './http-io';
import { parseRequestInfo, type RequestInfo } from './request-info';

const publicPaths = new Set(['/version', '/healthz', '/livez', '/readyz']);

function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function authenticate(ctx: SimContext, req: IncomingMessage, path: string): SimUser | undefined {
  const header = req.headers.authorization;
  const user = ctx.users.authenticate(header);
  if (user) return user;
  // Anonymous callers may read version and health, like system:public-info-viewer; nothing else.
  if (!header && publicPaths.has(path)) return undefined;
  throw errors.unauthorized();
}

function forbiddenPath(user: SimUser, verb: string, path: string): KubeError {
  return new KubeError(
    403,
    'Forbidden',
    `forbidden: User "${user.name}" cannot ${verb} path "${path}"`,
    {},
  );
}

async function serveResource(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
  user: SimUser,
): Promise<void> {
  const type = ctx.registry.findServed(info.group, info.version, info.resource);
  if (!type) throw errors.notFoundPath();
  if (!type.namespaced && info.namespace && info.resource !== 'namespaces')
    throw errors.notFoundPath();
  const sub = info.subresource;
  if (sub && !type.subresources.some((s) => s.name === sub)) throw errors.notFoundPath();

  const namespace = type.namespaced ? info.namespace : '';
  const decision = ctx.rbac.authorize(user, {
    verb: info.verb,
    group: info.group,
    resource: info.resource,
    ...(sub ? { subresource: sub } : {}),
    ...(info.namespace ? { namespace: info.namespace } : {}),
    ...(info.name ? { name: info.name } : {}),
  });
  if (!decision.allowed) {
    throw errors.forbidden(
      user.name,
      info.verb,
      info.group,
      sub ? `${info.resource}/${sub}` : info.resource,
      info.namespace,
      info.name || undefined,
    );
  }

  const r: ResourceRequest = { ctx, req, res, url, info, type, namespace };
  const key = `${type.group}/${type.resource}`;
  if (virtualResources.has(key)) {
    if (info.verb !== 'create') throw errors.methodNotAllowed();
    if (type.resource === 'selfsubjectaccessreviews') return handleAccessReview(r, user);
    return handleRulesReview(r, user);
  }
  if (sub === 'log') return handleLog(r);
  if (sub === 'proxy') return handleServiceProxy(r);
  if (sub === 'eviction') {
    if (info.verb !== 'create') throw errors.methodNotAllowed();
    return handleEviction(r);
  }
  if (sub === 'scale') {
    if (!['get', 'update', 'patch'].includes(info.verb)) throw errors.methodNotAllowed();
    return handleScale(r);
  }
  if (sub === 'status') {
    if (info.verb === 'get') return handleGet(r);
    if (info.verb === 'update') return handleUpdate(r, 'status');
    if (info.verb === 'patch') return handlePatch(r, 'status');
    throw errors.methodNotAllowed();
  }
  switch (info.verb) {
    case 'get':
      return handleGet(r);
    case 'list':
      return handleList(r);
    case 'watch':
      return handleWatch(r);
    case 'create':
      if (info.name) throw errors.methodNotAllowed();
      return handleCreate(r);
    case 'update':
      return handleUpdate(r, 'main');
    case 'patch':
      return handlePatch(r, 'main');
    case 'delete':
      return handleDelete(r);
    case 'deletecollection':
      return handleDeleteCollection(r);
    default:
      throw errors.methodNotAllowed();
  }
}

const logRequests = process.env['KUBE_SIM_LOG'] === '1';

export function createRequestHandler(ctx: SimContext, serverAddress: () => string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // KUBE_SIM_LOG=1 prints every request, handy to see what a client actually asks for.
    if (logRequests)
      res.on('finish', () =>
        console.log(
          `[kube-sim] ${req.method} ${req.url} ${res.statusCode} accept=${req.headers.accept ?? ''} content-type=${req.headers['content-type'] ?? ''}`,
        ),
      );
    void (async () => {
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      const path = url.pathname;
      try {
        const user = authenticate(ctx, req, path);
        if (path === '/version' || path === '/version/') {
          sendJson(res, 200, serverVersion);
          return;
        }
        if (path === '/healthz' || path === '/livez' || path === '/readyz') {
          sendText(res, 200, 'ok');
          return;
        }
        if (!user) throw errors.unauthorized();
        const info = parseRequestInfo(req.method ?? 'GET', url);
        if (!info.isResource) {
          if (!ctx.rbac.authorizePath(user, path, 'get').allowed)
            throw forbiddenPath(user, info.verb, path);
          if (req.method !== 'GET' && req.method !== 'HEAD') throw errors.methodNotAllowed();
          if (info.prefix) {
            serveDiscovery(
              res,
              ctx.registry,
              path,
              wantsAggregatedDiscovery(req.headers.accept),
              serverAddress(),
            );
            return;
          }
          // /openapi/v2 and /openapi/v3 are not served; kubectl falls back (see the kubectl tests).
          throw errors.notFoundPath();
        }
        await serveResource(ctx, req, res, url, info, user);
      } catch (error) {
        if (!(error instanceof KubeError))
          console.error('[kube-sim] request failed:', req.method, req.url, error);
        sendError(res, error);
      }
    })();
  };
}
