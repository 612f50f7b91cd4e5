// The GPU page's reading of the fleet against a real Prometheus loaded with the recorded H200
// trace: the "allocated-idle" phase is flagged (memory held, no work), the "train" phase is not;
// a bad PromQL override is a message naming the signal; slow and failing servers are clear.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prometheusConnection } from '../../shared/model/connection';
import { readGpuFleet } from '../../electron/host/capabilities/monitoring/gpu-fleet';
import { gpuSettings } from '../../electron/host/capabilities/monitoring/gpu-settings';
import { readRange } from '../../electron/host/capabilities/monitoring/read-signal';
import {
  createPrometheusSource,
  type PrometheusSource,
} from '../../electron/host/sources/prometheus';
import { SourceError } from '../../electron/host/sources/source-error';
import { readGpuTrace } from '../../electron/sim/metrics/gpu-trace';
import { gpuFixturesDir, startPrometheus, type RunningPrometheus } from '../services/prometheus';

const source = (url: string, timeoutMs?: number): PrometheusSource =>
  createPrometheusSource(
    prometheusConnection.parse({ id: 'prom', name: 'Prometheus', kind: 'prometheus', url }),
    { resolveSecret: async () => '', ...(timeoutMs ? { http: { timeoutMs } } : {}) },
  );

// The recording is one sample a second; the idle rule is scaled to its 196 s.
const settings = gpuSettings({
  idleThresholdPercent: 5,
  idleWindow: '20s',
  scrapeInterval: '1s',
  pricePerGpuHour: 4,
  costWindow: '10m',
});

let prom: RunningPrometheus;
let client: PrometheusSource;
let phaseEnd: (name: string) => number;

beforeAll(async () => {
  prom = await startPrometheus({ gpuTrace: true });
  client = source(prom.url);
  const trace = readGpuTrace(gpuFixturesDir());
  const shift = (prom.traceWindow?.end.getTime() ?? 0) - trace.endMs;
  phaseEnd = (name) => {
    const phase = trace.phases.find((p) => p.name === name);
    if (!phase) throw new Error(`no phase ${name}`);
    return phase.endMs + shift;
  };
});

afterAll(async () => {
  await client?.close();
  await prom?.stop();
});

describe('the GPU fleet on the real trace', () => {
  it('flags the allocated-idle phase: memory held, no work, for how long and at what cost', async () => {
    const fleet = await readGpuFleet(
      { client, overrides: {} },
      settings,
      phaseEnd('allocated-idle'),
    );
    expect(fleet.gpus).toHaveLength(1);
    const gpu = fleet.gpus[0]!;
    expect(gpu.model).toContain('H200');
    expect(gpu.utilisation).toBe(0);
    expect(gpu.memoryUsedMiB).toBeGreaterThan(30_000);
    expect(gpu.memoryTotalMiB).toBeGreaterThan(140_000);
    expect(gpu.powerWatts).toBeGreaterThan(0);
    expect(gpu.temperatureC).toBeGreaterThan(0);
    expect(gpu.smClockMHz).toBeGreaterThan(0);
    expect(gpu.idle).toBe(true);
    expect(fleet.idle).toHaveLength(1);
    const idle = fleet.idle[0]!;
    // Idle since memory-growth began (utilisation 0 from there on): at least the window.
    expect(idle.idleSeconds).toBeGreaterThanOrEqual(20);
    expect(idle.idleSeconds).toBeLessThan(90);
    expect(idle.cost).toBeCloseTo((idle.idleSeconds / 3600) * 4, 2);
    expect(fleet.settings.priceSource).toBe('workspace');
  });

  it('does not flag the train phase', async () => {
    const fleet = await readGpuFleet({ client, overrides: {} }, settings, phaseEnd('train'));
    expect(fleet.gpus[0]!.utilisation).toBeGreaterThan(80);
    expect(fleet.gpus[0]!.idle).toBe(false);
    expect(fleet.idle).toEqual([]);
  });

  it('does not flag the idle node with nothing scheduled (no memory held, no pod)', async () => {
    const fleet = await readGpuFleet({ client, overrides: {} }, settings, phaseEnd('idle'));
    expect(fleet.idle).toEqual([]);
  });

  it('names the signal when its override is bad PromQL (Prometheus 400/422)', async () => {
    const overrides = { 'gpu.power': 'sum(DCGM_FI_DEV_POWER_USAGE' };
    const fleet = await readGpuFleet({ client, overrides }, settings, phaseEnd('train'));
    expect(fleet.gpus[0]!.powerWatts).toBeNull();
    expect(fleet.warnings.join('\n')).toMatch(
      /Signal "gpu\.power".*parse error.*overrides\.signals/s,
    );

    const broken = { 'gpu.utilisation': 'rate(DCGM_FI_DEV_GPU_UTIL)' };
    const error = await readGpuFleet(
      { client, overrides: broken },
      settings,
      phaseEnd('train'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).code).toBe('bad_request');
    expect((error as SourceError).message).toContain('Signal "gpu.utilisation"');
  });

  it('reads a signal over time at the step chosen for the chart width, within 11,000 points', async () => {
    const end = prom.traceWindow!.end.getTime();
    const answer = await readRange({ client, overrides: {} }, 'gpu.utilisation', {
      from: end - 3_600_000,
      to: end,
      widthPx: 400,
      minIntervalMs: 1000,
    });
    expect(answer.stepMs).toBe(10_000); // 3600 s / 400 px = 9 s → Grafana's 10 s
    const points = answer.series[0]!.points;
    expect(points.length).toBeGreaterThan(10);
    for (const [t] of points) expect(t % 10_000).toBe(0);
  });
});

describe('a Prometheus that fails', () => {
  it('says when it is slow (timeout), down, or a proxy answers a 502 page', async () => {
    const server = createServer((req, res) => {
      if (req.url?.includes('slow')) return; // never answers
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fail = (c: PrometheusSource) =>
        readGpuFleet({ client: c, overrides: {} }, settings, Date.now()).then(
          () => {
            throw new Error('expected a failure');
          },
          (e: unknown) => e as SourceError,
        );
      const slow = await fail(source(`${url}/slow`, 300));
      expect(slow.code).toBe('timeout');
      expect(slow.message).toContain('gpu.utilisation');
      const bad = await fail(source(url));
      expect(bad.code).toBe('upstream');
      expect(bad.message).toMatch(/502/);
      expect(bad.message).toContain('Bad Gateway');
      const down = await fail(source('http://127.0.0.1:9'));
      expect(down.code).toBe('unreachable');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
