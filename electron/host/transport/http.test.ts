import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { SourceError } from '../sources/source-error';
import { createDispatcher, type Handlers } from './dispatcher';
import { EventHub } from './event-hub';
import { startHttpTransport, type HttpTransport } from './http';

const log = silentLogger();
const events = new EventHub(log);
let behaviour: 'ok' | 'throw' | 'source' | 'bad-output' = 'ok';

const handlers = {
  'settings.get': () => {
    if (behaviour === 'throw') throw new Error('secret stack detail');
    if (behaviour === 'source')
      throw new SourceError('unauthorized', 'mlflow answered 401', {
        source: 'mlflow',
        status: 401,
      });
    if (behaviour === 'bad-output') return { theme: 'purple' };
    return { theme: 'dark' };
  },
  'audit.recent': ({ limit }: { limit: number }) => ({ entries: [], limit }),
} as unknown as Handlers;

let transport: HttpTransport;

beforeAll(async () => {
  transport = await startHttpTransport({
    dispatcher: createDispatcher(handlers, log),
    events,
    log,
    token: 'tok-123',
  });
});
afterAll(async () => transport.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: transport.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${transport.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const authed = { authorization: 'Bearer tok-123', 'content-type': 'application/json' };
const callSettings = (headers: Record<string, string> = authed, body = '{}') =>
  send({ method: 'POST', path: '/api/call/settings.get', headers, body });

describe('the loopback HTTP transport', () => {
  it('answers a call with the contract envelope', async () => {
    behaviour = 'ok';
    const res = await callSettings();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { theme: 'dark' } });
  });

  it('refuses requests without the token', async () => {
    const res = await callSettings({ 'content-type': 'application/json' });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthorized');
    const wrong = await callSettings({
      authorization: 'Bearer nope',
      'content-type': 'application/json',
    });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    const host = await send({
      method: 'POST',
      path: '/api/call/settings.get',
      headers: { ...authed, host: 'evil.example:80' },
      body: '{}',
    });
    expect(host.status).toBe(403);
    const origin = await callSettings({ ...authed, origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
    const sameOrigin = await callSettings({
      ...authed,
      origin: `http://127.0.0.1:${transport.port}`,
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('trades the launch token for an HttpOnly cookie', async () => {
    const res = await send({ path: '/?token=tok-123' });
    expect(res.status).toBe(303);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await callSettings({
      cookie: cookie.split(';')[0]!,
      'content-type': 'application/json',
    });
    expect(withCookie.status).toBe(200);
  });

  it('answers bad input with a typed error naming the field', async () => {
    const res = await send({
      method: 'POST',
      path: '/api/call/audit.recent',
      headers: authed,
      body: '{"limit":"ten"}',
    });
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.issues[0].path).toBe('limit');
  });

  it('answers an unknown call, malformed JSON and an oversized body with typed errors', async () => {
    const unknown = JSON.parse(
      (await send({ method: 'POST', path: '/api/call/nope.nothing', headers: authed, body: '{}' }))
        .body,
    );
    expect(unknown.error.code).toBe('bad_request');
    const malformed = await send({
      method: 'POST',
      path: '/api/call/settings.get',
      headers: authed,
      body: '{"a":',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe('bad_request');
    const huge = await send({
      method: 'POST',
      path: '/api/call/settings.get',
      headers: authed,
      body: JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body).error.code).toBe('too_large');
  });

  it('never sends a stack trace; source failures keep their code', async () => {
    behaviour = 'throw';
    const internal = await callSettings();
    expect(internal.body).not.toContain('secret stack detail');
    expect(JSON.parse(internal.body).error.code).toBe('internal');
    behaviour = 'source';
    const source = JSON.parse((await callSettings()).body);
    expect(source.error).toMatchObject({ code: 'unauthorized', source: 'mlflow', status: 401 });
    behaviour = 'bad-output';
    expect(JSON.parse((await callSettings()).body).error.code).toBe('bad_response');
    behaviour = 'ok';
  });

  it('streams events over SSE to an authenticated client', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: transport.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${transport.port}`, authorization: 'Bearer tok-123' },
        },
        (res) => {
          let text = '';
          res.on('data', (d: Buffer) => {
            text += d.toString();
            if (text.includes('connected')) {
              events.emit('sources.status', {
                id: 'k8s',
                state: 'ok',
                checkedAt: new Date(0).toISOString(),
              });
            }
            if (text.includes('event: sources.status')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('"id":"k8s"');
  });
});
