// Browser mode's API, behind the loopback port's gate (http-port.ts, http-gate.ts): three routes
// on node:http. POST /api/call/:name hands a JSON body (1 MB at most) to the dispatcher, which
// checks it and the answer against the contract; GET /api/download/:name streams a download;
// GET /api/events is the event stream. It used to be fastify, whose router, plugin system and
// version checks took ~100 ms of every start before the first call could be answered: more than
// these routes justify, with the contract doing the checking and the gate the guarding.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger';
import type { Dispatcher } from './dispatcher';
import type { Downloads } from './downloads';
import type { EventHub } from './event-hub';
import { refuse } from './http-gate';
import { serveDownload } from './http-downloads';
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
  port.attach(createHttpApi(opts));
  return {
    url: port.url,
    launchUrl: port.launchUrl,
    token: port.token,
    port: port.port,
    close: () => port.close(),
  };
}

/** The API as a request handler for the open port (past its gate). */
export function createHttpApi(opts: HttpApiOptions): RequestHandler {
  const { log } = opts;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    const [, api, kind, rawName, extra] = url.pathname.split('/');
    const name = rawName === undefined ? '' : safeDecode(rawName);
    const route = api === 'api' && extra === undefined ? `${req.method} ${kind}` : undefined;
    const answer = (async () => {
      if (route === 'POST call' && name) return call(opts, name, req, res);
      if (route === 'GET download' && name && opts.downloads) {
        return serveDownload(
          opts.downloads,
          name,
          url.searchParams.get('input') ?? undefined,
          res,
          log,
        );
      }
      if (route === 'GET events' && !rawName) return streamEvents(opts.events, req, res);
      refuse(res, 404, 'not_found', `Nothing answers ${req.method} ${url.pathname}`);
    })();
    answer.catch((error: unknown) => {
      log.error({ err: error, url: req.url }, 'the HTTP transport failed');
      if (!res.headersSent) {
        refuse(res, 500, 'internal', 'The console failed to answer; the details are in its log');
      } else res.destroy();
    });
  };
}

async function call(opts: HttpApiOptions, name: string, req: IncomingMessage, res: ServerResponse) {
  const type = req.headers['content-type'] ?? '';
  const body = await readBody(req);
  if (body === 'too large') {
    return refuse(res, 413, 'too_large', `The request body is over ${maxBodyBytes} bytes`);
  }
  let input: unknown;
  if (body.length > 0) {
    // JSON only: a cross-site "simple" request (a form, text/plain) never gets this far.
    if (!/^application\/json\b/i.test(type)) {
      return refuse(res, 415, 'bad_request', 'The request body must be application/json');
    }
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch (error) {
      return refuse(
        res,
        400,
        'bad_request',
        `The request was malformed: ${(error as Error).message}`,
      );
    }
  }
  const envelope = await opts.dispatcher.invoke(name, input, { transport: 'http' });
  res
    .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(envelope));
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      req.resume(); // drained, so the answer still reaches the client
      return resolve('too large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBodyBytes ? 'too large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function streamEvents(events: EventHub, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = events.subscribe((topic, payload) => {
    res.write(`event: ${topic}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}
