// Browser mode: the same host behind a loopback HTTP server. Every route but /healthz needs the
// per-launch token (handed over once in the printed URL, then kept in an HttpOnly cookie), and a
// request with a foreign Host or Origin is refused, so neither another local process nor a web
// page the user visits (DNS rebinding, CSRF) can reach the user's clusters through this port.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ContractError } from '../../../shared/contract/core';
import type { Logger } from '../log/logger';
import type { Dispatcher } from './dispatcher';
import { serveDownload } from './http-downloads';
import type { Downloads } from './downloads';
import type { EventHub } from './event-hub';

export interface HttpTransportOptions {
  dispatcher: Dispatcher;
  events: EventHub;
  log: Logger;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (vite build output); omitted in tests that only call the API. */
  staticDir?: string;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  /** Served at GET /api/download/:name, behind the same token checks as every call. */
  downloads?: Downloads;
}

export interface HttpTransport {
  url: string;
  /** The URL to open: carries the token once; the page trades it for a cookie. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const cookieName = 'mlops_console_session';
const maxBodyBytes = 1024 * 1024;
const heartbeatMs = 15_000;

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // recharts positions its tooltips with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export async function startHttpTransport(opts: HttpTransportOptions): Promise<HttpTransport> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: maxBodyBytes,
    // Calls are checked against the contract's zod schemas, never fastify's JSON schemas: with
    // these, fastify does not load ajv and its serializer compiler at start (tens of ms).
    schemaController: {
      compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas },
    },
  });
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      opts.log.warn(
        { host: req.headers.host, url: req.url },
        'refused a request with a foreign Host header',
      );
      return refuse(reply, 403, 'forbidden', 'This console only answers on its loopback address');
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      opts.log.warn({ origin, url: req.url }, 'refused a request from a foreign origin');
      return refuse(reply, 403, 'forbidden', 'Requests from other origins are refused');
    }
    if (req.url === '/healthz') return;
    if (req.method === 'GET' && isTokenHandover(req, token)) {
      reply.header('set-cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      return reply.redirect('/', 303);
    }
    if (!isAuthenticated(req, token)) {
      if (req.method === 'GET' && !req.url.startsWith('/api/')) {
        return reply
          .code(401)
          .type('text/html; charset=utf-8')
          .send(
            '<!doctype html><title>MLOps Console</title><p>This console needs the address printed by <code>npm run serve</code> (it carries a one-time token). Open that address again.</p>',
          );
      }
      return refuse(reply, 401, 'unauthorized', 'Missing or wrong console token');
    }
  });

  app.setErrorHandler(
    (error: { statusCode?: number; code?: string; message: string }, _req, reply) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return refuse(reply, 413, 'too_large', `The request body is over ${maxBodyBytes} bytes`);
      }
      if (error.statusCode && error.statusCode < 500) {
        return refuse(
          reply,
          error.statusCode,
          'bad_request',
          `The request was malformed: ${error.message}`,
        );
      }
      opts.log.error({ err: error }, 'the HTTP transport failed');
      return refuse(
        reply,
        500,
        'internal',
        'The console failed to answer; the details are in its log',
      );
    },
  );

  app.get('/healthz', async (_req, reply) => reply.type('text/plain').send('ok'));

  app.post<{ Params: { name: string } }>('/api/call/:name', async (req, reply) => {
    const envelope = await opts.dispatcher.invoke(req.params.name, req.body, { transport: 'http' });
    return reply.type('application/json').send(envelope);
  });

  const downloads = opts.downloads;
  if (downloads) {
    app.get<{ Params: { name: string }; Querystring: { input?: string } }>(
      '/api/download/:name',
      async (req, reply) =>
        serveDownload(downloads, req.params.name, req.query.input, reply, opts.log),
    );
  }

  app.get('/api/events', (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write(': connected\n\n');
    const unsubscribe = opts.events.subscribe((topic, payload) => {
      res.write(`event: ${topic}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  if (opts.staticDir && existsSync(opts.staticDir)) {
    await app.register(fastifyStatic, {
      root: opts.staticDir,
      index: 'index.html',
      setHeaders: (res, filePath) => {
        if (filePath.endsWith('.html'))
          res.setHeader('content-security-policy', contentSecurityPolicy);
      },
    });
  }

  await app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  port = (app.server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/?token=${token}`,
    token,
    port,
    close: async () => {
      await app.close();
    },
  };
}

function refuse(reply: FastifyReply, status: number, code: ContractError['code'], message: string) {
  return reply.code(status).type('application/json').send({ ok: false, error: { code, message } });
}

function isTokenHandover(req: FastifyRequest, token: string): boolean {
  const candidate = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof candidate === 'string' && sameSecret(candidate, token);
}

function isAuthenticated(req: FastifyRequest, token: string): boolean {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') && sameSecret(header.slice(7), token)) return true;
  const cookie = readCookie(req.headers.cookie, cookieName);
  return cookie !== undefined && sameSecret(cookie, token);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** No route declares a fastify schema; one that did would fail at start, not pass unchecked. */
function noSchemas(): never {
  throw new Error('routes are checked with the contract (zod), not fastify JSON schemas');
}
