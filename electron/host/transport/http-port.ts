// Browser mode's loopback port, opened before the host has loaded: the renderer's files are
// served at once (from memory, `static-files.ts`), and API requests wait for the API to be
// attached. A browser pointed at the printed address so loads the window's code while the host
// is still compiling, instead of after (about a quarter of a second of a cold start on the
// 2-core machine).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger';
import { createGate, refuse } from './http-gate';
import { staticFiles } from './static-files';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface HttpPort {
  url: string;
  /** The URL to open: carries the token once; the page trades it for a cookie. */
  launchUrl: string;
  token: string;
  port: number;
  /** Hands /api/* and anything the files do not answer to the API, once it is ready. */
  attach(api: RequestHandler): void;
  /** The API will never come (the host failed to start): its waiting requests are answered. */
  abandon(reason: string): void;
  close(): Promise<void>;
}

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

export async function openHttpPort(opts: {
  log: Logger;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (vite build output); omitted in tests that only call the API. */
  staticDir?: string;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}): Promise<HttpPort> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let port = 0;
  const gate = createGate({ token, port: () => port, log: opts.log });
  // The CSP goes on every file: it only means anything on the page, and costs nothing elsewhere.
  const files =
    opts.staticDir && existsSync(opts.staticDir)
      ? staticFiles(opts.staticDir, { 'content-security-policy': contentSecurityPolicy })
      : undefined;

  let api: RequestHandler | undefined;
  let abandoned: string | undefined;
  const waiting: [IncomingMessage, ServerResponse][] = [];
  const toApi: RequestHandler = (req, res) => {
    if (api) return api(req, res);
    if (abandoned) return refuse(res, 503, 'unavailable', abandoned);
    waiting.push([req, res]);
  };

  const server = createServer((req, res) => {
    if (!gate.admit(req, res)) return;
    const isApi = (req.url ?? '').startsWith('/api/');
    if (files && !isApi && files(req, res)) return;
    toApi(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    launchUrl: `${url}/?token=${token}`,
    token,
    port,
    attach(handler) {
      api = handler;
      for (const [req, res] of waiting.splice(0)) handler(req, res);
    },
    abandon(reason) {
      abandoned = reason;
      for (const [, res] of waiting.splice(0)) refuse(res, 503, 'unavailable', reason);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams stay open until told otherwise.
        server.closeAllConnections();
      }),
  };
}
