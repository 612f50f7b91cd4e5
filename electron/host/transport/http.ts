// Browser mode's API: the host's calls, downloads and event stream over the loopback port that
// http-port.ts opens (and guards, with http-gate.ts). fastify parses, limits and routes; calls are
// checked against the contract by the dispatcher. Loaded after the port is open, so the window's
// files are served while this and the host compile.
import { createServer } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ContractError } from '../../../shared/contract/core';
import type { Logger } from '../log/logger';
import type { Dispatcher } from './dispatcher';
import { serveDownload } from './http-downloads';
import type { Downloads } from './downloads';
import type { EventHub } from './event-hub';
import { type HttpPort, openHttpPort, type RequestHandler } from './http-port';

export interface HttpApiOptions {
  dispatcher: Dispatcher;
  events: EventHub;
  log: Logger;
  /** Served at GET /api/download/:name, behind the same token checks as every call. */
  downloads?: Downloads;
}

export type HttpTransport = Omit<HttpPort, 'attach' | 'abandon'>;

const maxBodyBytes = 1024 * 1024;
const heartbeatMs = 15_000;

/** The port and the API together, for callers that have the host already (tests, benchmarks). */
export async function startHttpTransport(
  opts: HttpApiOptions & { port?: number; staticDir?: string; token?: string },
): Promise<HttpTransport> {
  const port = await openHttpPort({
    log: opts.log,
    ...(opts.port !== undefined ? { port: opts.port } : {}),
    ...(opts.staticDir ? { staticDir: opts.staticDir } : {}),
    ...(opts.token ? { token: opts.token } : {}),
  });
  const api = await createHttpApi(opts);
  port.attach(api.handle);
  return {
    url: port.url,
    launchUrl: port.launchUrl,
    token: port.token,
    port: port.port,
    close: async () => {
      await port.close();
      await api.close();
    },
  };
}

/** The API as a request handler for the open port (past its gate). */
export async function createHttpApi(
  opts: HttpApiOptions,
): Promise<{ handle: RequestHandler; close: () => Promise<void> }> {
  let handle: RequestHandler | undefined;
  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: maxBodyBytes,
    // Calls are checked against the contract's zod schemas, never fastify's JSON schemas: with
    // these, fastify does not load ajv and its serializer compiler at start (tens of ms).
    schemaController: {
      compilersFactory: { buildValidator: noSchemas, buildSerializer: noSchemas },
    },
    // The port is already listening (http-port.ts): fastify gets requests through `handle`, and
    // this server of its own never listens.
    serverFactory: (handler) => {
      handle = handler;
      return createServer();
    },
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

  await app.ready();
  return { handle: handle!, close: () => app.close() };
}

function refuse(reply: FastifyReply, status: number, code: ContractError['code'], message: string) {
  return reply.code(status).type('application/json').send({ ok: false, error: { code, message } });
}

/** No route declares a fastify schema; one that did would fail at start, not pass unchecked. */
function noSchemas(): never {
  throw new Error('routes are checked with the contract (zod), not fastify JSON schemas');
}
