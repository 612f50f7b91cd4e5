import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusConnection } from '../../../../shared/model/connection';
import { readAlertmanagerError } from '../alertmanager/client';
import { SourceError } from '../source-error';
import { serviceProxyPath } from './endpoint';
import { sampleValue } from './schemas';
import { createPrometheusSource, headline, type PrometheusSource } from './source';

// Canned answers by path, standing in for servers that misbehave in ways a real Prometheus won't.
const answers: Record<string, { status: number; type?: string; body: string }> = {
  '/api/v1/query': {
    status: 200,
    body: JSON.stringify({
      status: 'success',
      data: { resultType: 'vector', result: [] },
      warnings: ['results truncated due to limit'],
      infos: ['metric might not be a counter'],
    }),
  },
  '/bad/api/v1/query': {
    status: 200,
    body: JSON.stringify({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [1, 2] }] },
    }),
  },
  '/error200/api/v1/query': {
    status: 200,
    body: JSON.stringify({ status: 'error', errorType: 'internal', error: 'tsdb not ready' }),
  },
  '/slow/api/v1/query': {
    status: 503,
    body: JSON.stringify({
      status: 'error',
      errorType: 'timeout',
      error: 'query timed out in expression evaluation',
    }),
  },
  '/mimir/api/v1/targets': { status: 404, type: 'text/plain', body: '404 page not found' },
  '/mimir/api/v1/query': {
    status: 200,
    body: JSON.stringify({
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { job: 'a', instance: 'x' }, value: [1, '1'] },
          { metric: { job: 'b', instance: 'y' }, value: [1, '0'] },
        ],
      },
    }),
  },
};

let base = '';
const server = createServer((req, res) => {
  const answer = answers[(req.url ?? '').split('?')[0] ?? ''] ?? {
    status: 404,
    type: 'text/plain',
    body: '404 page not found',
  };
  res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
  res.end(answer.body);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function at(path: string): PrometheusSource {
  return createPrometheusSource(
    prometheusConnection.parse({ id: 'p', name: 'p', kind: 'prometheus', url: `${base}${path}` }),
    { resolveSecret: async () => '' },
  );
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('PrometheusClient', () => {
  it('passes warnings and infos along with the data', async () => {
    const answer = await at('/').query('up', { limit: 10 });
    expect(answer).toEqual({
      data: { resultType: 'vector', result: [] },
      warnings: ['results truncated due to limit'],
      infos: ['metric might not be a counter'],
    });
  });

  it('refuses an answer in a shape Prometheus never sends', async () => {
    const error = await failure(at('/bad').query('up'));
    expect(error.code).toBe('bad_response');
    expect(error.message).toMatch(/^p answered query in a shape that is not Prometheus' \(/);
  });

  it('treats an error envelope on a 200 as the server failing', async () => {
    expect(await failure(at('/error200').query('up'))).toMatchObject({
      code: 'upstream',
      message: 'p answered query with an error: tsdb not ready',
    });
  });

  it("calls Prometheus' 503 query timeout a timeout", async () => {
    const error = await failure(at('/slow').query('up'));
    expect(error).toMatchObject({ code: 'timeout', status: 503 });
    expect(error.message).toContain('query timed out in expression evaluation');
  });

  it('counts targets from `up` where the server has no targets endpoint', async () => {
    expect(await headline(at('/mimir'))).toEqual({
      up: 1,
      total: 2,
      down: [{ job: 'b', instance: 'y', health: 'down', lastError: '' }],
    });
  });
});

describe('helpers', () => {
  it('reads sample values, specials included', () => {
    expect(['1.5', 'NaN', '+Inf', '-Inf', '1e3'].map(sampleValue)).toEqual([
      1.5,
      NaN,
      Infinity,
      -Infinity,
      1000,
    ]);
  });

  it('builds the API server service proxy path', () => {
    expect(
      serviceProxyPath({
        context: 'c',
        namespace: 'monitoring',
        service: 'prometheus-k8s',
        port: 9090,
        scheme: 'http',
      }),
    ).toBe('api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy/');
    expect(
      serviceProxyPath({
        context: 'c',
        namespace: 'mon',
        service: 'alertmanager',
        port: 'web',
        scheme: 'https',
      }),
    ).toBe('api/v1/namespaces/mon/services/https:alertmanager:web/proxy/');
  });

  it("reads Alertmanager's error bodies", () => {
    expect(readAlertmanagerError(400, '"bad matcher format: x"', 'application/json')).toBe(
      'bad matcher format: x',
    );
    expect(
      readAlertmanagerError(
        422,
        '{"code":612,"message":"matchers in body should have at least 1 items"}',
        'application/json',
      ),
    ).toBe('matchers in body should have at least 1 items');
    expect(readAlertmanagerError(502, '<html></html>', 'text/html')).toBeUndefined();
  });
});
