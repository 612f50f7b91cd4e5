// The Prometheus source against a real Prometheus 2.42 holding the recorded GPU trace, and
// against the things that stand in front of Prometheus in the field: an HTML-speaking proxy,
// a bearer-protected gateway, the Kubernetes API server's service proxy, a dead port.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusConnection, type SecretRef } from '../../shared/model/connection';
import {
  createPrometheusSource,
  headline,
  sampleValue,
  testPrometheusConnection,
  type PrometheusSource,
} from '../../electron/host/sources/prometheus';
import { SourceError } from '../../electron/host/sources/source-error';
import { readGpuTrace, type TracePhase } from '../../electron/sim/metrics/gpu-trace';
import { freePort } from '../services/ports';
import { gpuFixturesDir, startPrometheus, type RunningPrometheus } from '../services/prometheus';

const deps = {
  resolveSecret: async (ref: SecretRef) => ('env' in ref ? (process.env[ref.env] ?? '') : ''),
};

function source(url: string, extra: Record<string, unknown> = {}): PrometheusSource {
  return createPrometheusSource(
    prometheusConnection.parse({
      id: 'prom',
      name: 'Prometheus',
      kind: 'prometheus',
      url,
      ...extra,
    }),
    deps,
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

interface Fake {
  url: string;
  seen: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/** A loopback HTTP server answering with `handle`; `forward` relays to a real server. */
async function fakeServer(
  handle: (
    req: IncomingMessage,
    body: string,
  ) => Promise<{ status: number; type?: string; body: string }>,
): Promise<Fake> {
  const seen: Fake['seen'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
      handle(req, Buffer.concat(chunks).toString('utf8')).then(
        (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json' });
          res.end(answer.body);
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function forward(target: string, path: string, req: IncomingMessage, body: string) {
  const response = await fetch(`${target}${path}`, {
    method: req.method ?? 'GET',
    ...(req.method === 'POST'
      ? { body, headers: { 'content-type': req.headers['content-type'] ?? '' } }
      : {}),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

let prom: RunningPrometheus;
let client: PrometheusSource;
let phase: (name: string) => { start: number; end: number; range: string };
let traceMean: (metric: string, window: { start: number; end: number }) => number;

beforeAll(async () => {
  prom = await startPrometheus({ gpuTrace: true });
  client = source(prom.url);
  const trace = readGpuTrace(gpuFixturesDir());
  const shiftMs = (prom.traceWindow?.end.getTime() ?? 0) - trace.endMs;
  phase = (name) => {
    const found = trace.phases.find((p: TracePhase) => p.name === name);
    if (!found) throw new Error(`no phase ${name}`);
    // The range selector covers the phase's first to last sample, both included.
    return {
      start: found.startMs + shiftMs,
      end: found.endMs + shiftMs,
      range: `[${found.endMs - found.startMs}ms]`,
    };
  };
  traceMean = (metric, window) => {
    const samples = trace.series.find((s) => s.labels.__name__ === metric)?.samples ?? [];
    const inside = samples.filter(
      (s) => s.t + shiftMs >= window.start && s.t + shiftMs <= window.end,
    );
    return inside.reduce((sum, s) => sum + s.v, 0) / inside.length;
  };
});

afterAll(async () => {
  await client?.close();
  await prom?.stop();
});

describe('Prometheus source against a real Prometheus with the GPU trace', () => {
  it('tests the connection: the server version, then a query', async () => {
    const result = await testPrometheusConnection(client);
    expect(result).toMatchObject({
      status: 'ok',
      serverVersion: 'Prometheus 2.42.0',
      message: 'Connected to Prometheus 2.42.0',
    });
  });

  it('counts targets up for the headline', async () => {
    expect(await headline(client)).toEqual({ up: 1, total: 1, down: [] });
  });

  it("reads back the 'train' phase: about 96 % utilisation", async () => {
    const train = phase('train');
    const { data } = await client.query(`avg_over_time(DCGM_FI_DEV_GPU_UTIL${train.range})`, {
      time: new Date(train.end),
    });
    expect(data.resultType).toBe('vector');
    if (data.resultType !== 'vector') return;
    const sample = data.result[0];
    expect(sample && 'value' in sample).toBe(true);
    if (!sample || !('value' in sample)) return;
    expect(sample.metric).toEqual({
      Hostname: 'gpu-node-1',
      UUID: 'GPU-c0b9eed0-c7d9-df06-1232-faf2b741aae0',
      device: 'nvidia0',
      gpu: '0',
      modelName: 'NVIDIA H200',
    });
    expect(sample.value[0]).toBe(train.end / 1000);
    const util = sampleValue(sample.value[1]);
    expect(util).toBeGreaterThan(95);
    expect(util).toBeLessThan(97);
    expect(util).toBeCloseTo(traceMean('DCGM_FI_DEV_GPU_UTIL', train), 9);
  });

  it("reads back 'allocated-idle': no work, about 35 GB of memory held", async () => {
    const idle = phase('allocated-idle');
    const range = idle.range;
    const util = await client.query(`max_over_time(DCGM_FI_DEV_GPU_UTIL${range})`, {
      time: new Date(idle.end),
    });
    const fb = await client.query(`avg_over_time(DCGM_FI_DEV_FB_USED${range})`, {
      time: new Date(idle.end),
    });
    const value = (answer: typeof util) =>
      answer.data.resultType === 'vector' &&
      answer.data.result[0] &&
      'value' in answer.data.result[0]
        ? sampleValue(answer.data.result[0].value[1])
        : NaN;
    expect(value(util)).toBe(0);
    expect(value(fb)).toBe(35_357);
    expect((value(fb) * 1024 * 1024) / 1e9).toBeCloseTo(37.1, 1);
  });

  it('steps a range query from start by step up to end, without aligning start', async () => {
    const train = phase('train');
    const start = new Date(train.start + 500);
    const end = new Date(train.end);
    const { data } = await client.queryRange('DCGM_FI_DEV_GPU_UTIL', { start, end, step: 7 });
    const times = data.result[0]?.values.map(([t]) => t) ?? [];
    expect(times[0]).toBe(start.getTime() / 1000);
    expect(times).toHaveLength(Math.floor((end.getTime() - start.getTime()) / 7000) + 1);
    expect(
      times.every((t, i) => i === 0 || Math.round((t - (times[i - 1] as number)) * 1000) === 7000),
    ).toBe(true);
    const withDuration = await client.queryRange('DCGM_FI_DEV_GPU_UTIL', {
      start,
      end,
      step: '7s',
    });
    expect(withDuration.data).toEqual(data);
  });

  it("refuses more than 11,000 points per series with Prometheus' message", async () => {
    const error = await failure(client.queryRange('up', { start: 0, end: 100_000, step: 1 }));
    expect(error).toMatchObject({ code: 'bad_request', status: 400 });
    expect(error.message).toContain('exceeded maximum resolution of 11,000 points per timeseries');
  });

  it('answers scalars and strings, with NaN and infinities as strings', async () => {
    const inf = await client.query('1/0');
    expect(inf.data).toMatchObject({ resultType: 'scalar', result: [expect.any(Number), '+Inf'] });
    const results = await Promise.all(['-1/0', '0/0'].map((q) => client.query(q)));
    expect(
      results.map((r) =>
        r.data.resultType === 'scalar' ? sampleValue(r.data.result[1]) : undefined,
      ),
    ).toEqual([-Infinity, NaN]);
    expect((await client.query('"gpu"')).data).toMatchObject({
      resultType: 'string',
      result: [expect.any(Number), 'gpu'],
    });
  });

  it('lists series, label names and label values of the trace', async () => {
    const { start, end } = prom.traceWindow ?? { start: new Date(0), end: new Date() };
    const series = await client.series(['DCGM_FI_DEV_GPU_UTIL'], { start, end });
    expect(series.data).toEqual([
      {
        __name__: 'DCGM_FI_DEV_GPU_UTIL',
        Hostname: 'gpu-node-1',
        UUID: 'GPU-c0b9eed0-c7d9-df06-1232-faf2b741aae0',
        device: 'nvidia0',
        gpu: '0',
        modelName: 'NVIDIA H200',
      },
    ]);
    const labels = await client.labels({ match: ['{__name__=~"DCGM_.*"}'], start, end });
    expect(labels.data).toEqual(['Hostname', 'UUID', '__name__', 'device', 'gpu', 'modelName']);
    const names = await client.labelValues('__name__', { match: ['{Hostname="gpu-node-1"}'] });
    expect(names.data).toContain('DCGM_FI_DEV_FB_USED');
    expect(names.data).toHaveLength(8);
  });

  it('sends a long query as a POST form', async () => {
    const seen: string[] = [];
    const proxy = await fakeServer(async (req, body) => {
      seen.push(req.method ?? '');
      return forward(prom.url, req.url ?? '/', req, body);
    });
    const proxied = source(proxy.url);
    try {
      const alternatives = Array.from({ length: 200 }, (_, i) => `gpu-node-${i + 1}`).join('|');
      const { data } = await proxied.query(
        `count(DCGM_FI_DEV_GPU_UTIL{Hostname=~"${alternatives}"})`,
        { time: prom.traceWindow?.end ?? new Date() },
      );
      expect(data).toMatchObject({
        resultType: 'vector',
        result: [{ value: [expect.any(Number), '1'] }],
      });
      expect(seen).toEqual(['POST']);
      await proxied.query('up');
      expect(seen).toEqual(['POST', 'GET']);
    } finally {
      await proxied.close();
      await proxy.close();
    }
  });

  it("turns bad PromQL into bad_request with Prometheus' own message", async () => {
    const many = await failure(
      client.query('{__name__=~"DCGM_FI_DEV_FB_.*"} + on () {__name__=~"DCGM_FI_DEV_FB_.*"}'),
    );
    expect(many).toMatchObject({ code: 'bad_request', status: 422, source: 'prom' });
    expect(many.message).toContain(
      'many-to-many matching not allowed: matching labels must be unique on one side',
    );
    const parse = await failure(client.query('sum(DCGM_FI_DEV_GPU_UTIL'));
    expect(parse).toMatchObject({ code: 'bad_request', status: 400 });
    expect(parse.message).toContain(
      'invalid parameter "query": 1:25: parse error: unclosed left parenthesis',
    );
  });
});

describe('Prometheus source in front of proxies and dead ends', () => {
  it('says clearly when a proxy answers an HTML 502 page', async () => {
    const proxy = await fakeServer(async () => ({
      status: 502,
      type: 'text/html',
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
    }));
    const proxied = source(proxy.url);
    try {
      const error = await failure(proxied.query('up'));
      expect(error).toMatchObject({ code: 'upstream', status: 502 });
      expect(error.message).toMatch(
        /^prom \(127\.0\.0\.1:\d+\) answered 502: an HTML page \("502 Bad Gateway"\)$/,
      );
      expect(await testPrometheusConnection(proxied)).toMatchObject({
        status: 'error',
        message: error.message,
      });
    } finally {
      await proxied.close();
      await proxy.close();
    }
  });

  it('says when a login page answers 200 instead of JSON', async () => {
    const proxy = await fakeServer(async () => ({
      status: 200,
      type: 'text/html',
      body: '<!doctype html><title>Sign in</title>',
    }));
    const proxied = source(proxy.url);
    try {
      const error = await failure(proxied.query('up'));
      expect(error.code).toBe('bad_response');
      expect(error.message).toContain('instead of JSON: an HTML page ("Sign in")');
    } finally {
      await proxied.close();
      await proxy.close();
    }
  });

  it('reports a dead port as unreachable', async () => {
    const dead = source(`http://127.0.0.1:${await freePort()}`);
    try {
      expect(await failure(dead.query('up'))).toMatchObject({ code: 'unreachable' });
      expect(await testPrometheusConnection(dead)).toMatchObject({ status: 'unreachable' });
    } finally {
      await dead.close();
    }
  });

  it('sends the bearer token and tenant header a gateway asks for, and reports a missing one as unauthorized', async () => {
    process.env.CONSOLE_TEST_PROM_TOKEN = 'tenant-token';
    const gateway = await fakeServer(async (req, body) => {
      if (req.headers.authorization !== 'Bearer tenant-token')
        return { status: 401, type: 'text/plain', body: 'no valid token' };
      return forward(prom.url, req.url ?? '/', req, body);
    });
    const anonymous = source(gateway.url);
    const withToken = source(gateway.url, {
      auth: { type: 'bearer', token: { env: 'CONSOLE_TEST_PROM_TOKEN' } },
      headers: { 'X-Scope-OrgID': 'ml-platform' },
    });
    try {
      const error = await failure(anonymous.query('up'));
      expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
      expect(error.message).toContain('answered 401: no valid token');
      expect(await testPrometheusConnection(anonymous)).toMatchObject({ status: 'unauthorized' });
      expect(await testPrometheusConnection(withToken)).toMatchObject({
        status: 'ok',
        serverVersion: 'Prometheus 2.42.0',
      });
      expect(gateway.seen.at(-1)?.headers['x-scope-orgid']).toBe('ml-platform');
    } finally {
      await anonymous.close();
      await withToken.close();
      await gateway.close();
      delete process.env.CONSOLE_TEST_PROM_TOKEN;
    }
  });

  it("reaches an in-cluster Prometheus through the API server's service proxy with the kubeconfig's credentials", async () => {
    const prefix = '/api/v1/namespaces/monitoring/services/https:prometheus-k8s:web/proxy';
    const apiserver = await fakeServer(async (req, body) => {
      if (req.headers.authorization !== 'Bearer kube-user-token')
        return { status: 401, body: '{"kind":"Status","message":"Unauthorized"}' };
      const url = req.url ?? '/';
      if (!url.startsWith(`${prefix}/`))
        return {
          status: 404,
          body: '{"kind":"Status","message":"the server could not find the requested resource"}',
        };
      return forward(prom.url, url.slice(prefix.length), req, body);
    });
    const viaKube = createPrometheusSource(
      prometheusConnection.parse({
        id: 'prom-k8s',
        name: 'In-cluster Prometheus',
        kind: 'prometheus',
        viaKubernetes: {
          context: 'kind-ml',
          namespace: 'monitoring',
          service: 'prometheus-k8s',
          port: 'web',
          scheme: 'https',
        },
      }),
      {
        ...deps,
        kubernetesProxy: async (via) => {
          expect(via.context).toBe('kind-ml');
          return {
            baseUrl: `${apiserver.url}/`,
            auth: { type: 'bearer', token: 'kube-user-token' },
          };
        },
      },
    );
    try {
      expect(await testPrometheusConnection(viaKube)).toMatchObject({
        status: 'ok',
        serverVersion: 'Prometheus 2.42.0',
      });
      expect(apiserver.seen.map((r) => r.url.split('?')[0])).toEqual([
        `${prefix}/api/v1/status/buildinfo`,
        `${prefix}/api/v1/query`,
      ]);
    } finally {
      await viaKube.close();
      await apiserver.close();
    }
  });
});
