import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { type HttpPort, openHttpPort } from './http-port';

const token = 'tok-port';
const cookie = `mlops_console_session=${token}`;
let port: HttpPort | undefined;

afterEach(async () => {
  await port?.close();
  port = undefined;
});

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'console-port-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(dirname(dir), 'outside.txt'), 'not yours');
  return dir;
}

function dirname(path: string): string {
  return join(path, '..');
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: port!.port,
          method,
          path,
          headers: { host: `127.0.0.1:${port!.port}`, ...headers },
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      req.end(method === 'POST' ? '{}' : undefined);
    },
  );
}

describe('the loopback port', () => {
  it("serves the renderer's files behind the token, the page with its CSP", async () => {
    port = await openHttpPort({ log: silentLogger(), staticDir: rendererDir(), token });
    port.attach((_req, res) => res.writeHead(404).end());
    const page = await get('/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>console</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await get('/assets/index-abc.js', { cookie })).body).toBe('console.log(1)');

    const stranger = await get('/');
    expect(stranger.status).toBe(401);
    expect(stranger.body).toContain('needs the address printed by');
    expect((await get('/assets/index-abc.js')).status).toBe(401);
    expect((await get('/../outside.txt', { cookie })).body).not.toContain('not yours');
    expect((await get('/%2e%2e/outside.txt', { cookie })).body).not.toContain('not yours');
  });

  it('answers files with their type and tag, a 304 for a tag the browser has, HEAD without a body', async () => {
    port = await openHttpPort({ log: silentLogger(), staticDir: rendererDir(), token });
    port.attach((req, res) => res.writeHead(404).end(`api: ${req.url}`));
    const script = await get('/assets/index-abc.js?v=1', { cookie });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-length']).toBe('14');
    const etag = String(script.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/assets/index-abc.js', { cookie, 'if-none-match': etag });
    expect([again.status, again.body]).toEqual([304, '']);
    const head = await get('/index.html', { cookie }, 'HEAD');
    expect([head.status, head.body, head.headers['content-type']]).toEqual([
      200,
      '',
      'text/html; charset=utf-8',
    ]);
    // Not a file of the folder: handed on, as is every method but GET and HEAD.
    expect((await get('/assets/missing.js', { cookie })).body).toBe('api: /assets/missing.js');
    expect((await get('/index.html', { cookie }, 'POST')).body).toBe('api: /index.html');
  });

  it('holds API requests until the API is attached, then hands them over', async () => {
    port = await openHttpPort({ log: silentLogger(), staticDir: rendererDir(), token });
    const early = get('/api/call/settings.get', { cookie }, 'POST');
    await new Promise((r) => setTimeout(r, 50));
    port.attach((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, value: req.url }));
    });
    const answer = await early;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: '/api/call/settings.get' });
    // A path the files do not have goes to the API too (which answers its own 404s).
    expect(JSON.parse((await get('/no-such-file', { cookie })).body).value).toBe('/no-such-file');
  });

  it('answers waiting API requests with the reason when the host cannot start', async () => {
    port = await openHttpPort({ log: silentLogger(), token });
    const early = get('/api/call/settings.get', { cookie }, 'POST');
    await new Promise((r) => setTimeout(r, 50));
    port.abandon('The console could not start: the store is from a newer version');
    const answer = await early;
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error).toEqual({
      code: 'unavailable',
      message: 'The console could not start: the store is from a newer version',
    });
  });
});
