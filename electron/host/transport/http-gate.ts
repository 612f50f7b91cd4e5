// The one door of the loopback HTTP port, in front of the renderer's files and the API alike.
// Every path but /healthz needs the per-launch token (handed over once in the printed URL, then
// kept in an HttpOnly cookie), and a request with a foreign Host or Origin is refused, so neither
// another local process nor a web page the user visits (DNS rebinding, CSRF) can reach the
// user's clusters through this port. Plain node:http, so the port can open before the host loads.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractError } from '../../../shared/contract/core';
import type { Logger } from '../log/logger';

const cookieName = 'mlops_console_session';

const signInPage =
  '<!doctype html><title>MLOps Console</title><p>This console needs the address printed by <code>npm run serve</code> (it carries a one-time token). Open that address again.</p>';

export interface Gate {
  /** True when the request may go on; otherwise the gate has answered it. */
  admit(req: IncomingMessage, res: ServerResponse): boolean;
}

export function createGate(opts: { token: string; port: () => number; log: Logger }): Gate {
  const { token, log } = opts;
  return {
    admit(req, res) {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('cache-control', 'no-store');
      const port = opts.port();
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        log.warn(
          { host: req.headers.host, url: req.url },
          'refused a request with a foreign Host header',
        );
        refuse(res, 403, 'forbidden', 'This console only answers on its loopback address');
        return false;
      }
      const origin = req.headers.origin;
      if (
        origin !== undefined &&
        origin !== `http://127.0.0.1:${port}` &&
        origin !== `http://localhost:${port}`
      ) {
        log.warn({ origin, url: req.url }, 'refused a request from a foreign origin');
        refuse(res, 403, 'forbidden', 'Requests from other origins are refused');
        return false;
      }
      const url = new URL(req.url ?? '/', 'http://loopback');
      if (url.pathname === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return false;
      }
      const handedOver = url.searchParams.get('token');
      if (req.method === 'GET' && handedOver !== null && sameSecret(handedOver, token)) {
        res.writeHead(303, {
          'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          location: '/',
        });
        res.end();
        return false;
      }
      if (isAuthenticated(req, token)) return true;
      if (req.method === 'GET' && !url.pathname.startsWith('/api/')) {
        res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage);
      } else {
        refuse(res, 401, 'unauthorized', 'Missing or wrong console token');
      }
      return false;
    },
  };
}

/** A contract error envelope as the whole answer. */
export function refuse(
  res: ServerResponse,
  status: number,
  code: ContractError['code'],
  message: string,
): void {
  sendError(res, status, { code, message });
}

export function sendError(res: ServerResponse, status: number, error: ContractError): void {
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ ok: false, error }));
}

function isAuthenticated(req: IncomingMessage, token: string): boolean {
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
