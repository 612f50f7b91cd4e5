import { describe, expect, it } from 'vitest';
import { fingerprint, SimulatedAlertmanager } from './alertmanager-api';
import { LoopedSeries, replayFleet } from './fleet';
import type { GpuTrace } from './gpu-trace';

describe('LoopedSeries', () => {
  // Three samples 0, 1, 2 s into a 3 s loop that starts at t = 100 s; "now" is 110.5 s.
  const series = new LoopedSeries(
    { __name__: 'x' },
    [0, 1000, 2000].map((t, v) => ({ t, v })),
    3000,
    100_000,
    () => 110_500,
  );

  it('repeats its samples in both directions across cycle boundaries', () => {
    expect(series.samples(97_000, 102_000)).toEqual([
      { t: 97_000, v: 0 },
      { t: 98_000, v: 1 },
      { t: 99_000, v: 2 },
      { t: 100_000, v: 0 },
      { t: 101_000, v: 1 },
      { t: 102_000, v: 2 },
    ]);
    expect(series.latest(0, 103_500)).toEqual({ t: 103_000, v: 0 });
    expect(series.latest(0, 102_999)).toEqual({ t: 102_000, v: 2 });
  });

  it('has nothing after now, and nothing older than the window asks for', () => {
    expect(series.samples(109_000, 200_000).map((s) => s.t)).toEqual([109_000, 110_000]);
    expect(series.latest(0, 200_000)).toEqual({ t: 110_000, v: 1 });
    expect(series.latest(110_200, 200_000)).toBeUndefined();
  });
});

describe('replayFleet', () => {
  const trace: GpuTrace = {
    series: [
      {
        labels: {
          __name__: 'DCGM_FI_DEV_GPU_UTIL',
          gpu: '0',
          UUID: 'GPU-recorded',
          device: 'nvidia0',
          modelName: 'NVIDIA H200',
          Hostname: 'rec',
        },
        samples: [0, 1000, 2000, 3000].map((t, i) => ({
          t: 10_000 + t,
          v: [0, 0, 98, 97][i] as number,
        })),
      },
    ],
    phases: [
      { name: 'idle', startMs: 10_000, endMs: 11_000 },
      { name: 'train', startMs: 12_000, endMs: 13_000 },
    ],
    startMs: 10_000,
    endMs: 13_000,
    intervalMs: 1000,
  };
  const now = 1_000_000;
  const fleet = replayFleet({
    trace,
    nodes: [
      { name: 'gpu-a', gpus: 2, model: 'NVIDIA H200' },
      { name: 'gpu-b', gpus: 1, model: 'NVIDIA A100-SXM4-80GB' },
    ],
    gpuAssignments: [{ node: 'gpu-a', gpu: '1', namespace: 'ml-train', pod: 'trainer-0' }],
    traceEndMs: now,
    now: () => now,
    selfInstance: '127.0.0.1:9090',
  });
  const gpus = fleet.store.select([{ name: '__name__', op: '=', value: 'DCGM_FI_DEV_GPU_UTIL' }]);

  it('labels each GPU as dcgm-exporter does, with the pod holding it', () => {
    expect(
      gpus.map((s) => [
        s.labels.Hostname,
        s.labels.gpu,
        s.labels.device,
        s.labels.modelName,
        s.labels.pod,
      ]),
    ).toEqual([
      ['gpu-a', '0', 'nvidia0', 'NVIDIA H200', undefined],
      ['gpu-a', '1', 'nvidia1', 'NVIDIA H200', 'trainer-0'],
      ['gpu-b', '0', 'nvidia0', 'NVIDIA A100-SXM4-80GB', undefined],
    ]);
    expect(gpus[1]?.labels).toMatchObject({
      namespace: 'ml-train',
      container: 'main',
      job: 'dcgm-exporter',
      instance: 'gpu-a:9400',
    });
    expect(gpus[0]?.labels.UUID).toBe('GPU-recorded');
    expect(gpus[1]?.labels.UUID).toMatch(
      /^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('replays the trace on GPUs held by pods and the idle phase on the others', () => {
    const loop = (i: number) => gpus[i]?.samples(now - 40_000, now).map((s) => s.v) ?? [];
    expect(new Set(loop(0))).toEqual(new Set([0]));
    expect(new Set(loop(1))).toEqual(new Set([0, 98, 97]));
  });

  it('has an up series per scrape target', () => {
    const up = fleet.store.select([{ name: '__name__', op: '=', value: 'up' }]);
    expect(up.map((s) => `${s.labels.job}/${s.labels.instance}`)).toEqual([
      'prometheus/127.0.0.1:9090',
      'dcgm-exporter/gpu-a:9400',
      'dcgm-exporter/gpu-b:9400',
    ]);
    expect(up.every((s) => s.latest(now - 300_000, now)?.v === 1)).toBe(true);
  });
});

describe('SimulatedAlertmanager', () => {
  it('fingerprints alerts as Alertmanager does', () => {
    // Values read from a real Alertmanager 0.25.
    expect(fingerprint({ alertname: 'GpuXid', gpu: '1', namespace: 'ml' })).toBe(
      '3ae615c4be3ccbd8',
    );
    expect(fingerprint({ alertname: 'GpuXid', namespace: 'ml', severity: 'critical' })).toBe(
      '75538f4fdbec6bff',
    );
  });

  it('silences matching alerts until the silence expires', () => {
    let now = Date.parse('2026-11-26T10:00:00Z');
    const am = new SimulatedAlertmanager(
      () => now,
      [{ labels: { alertname: 'A', namespace: 'x' } }, { labels: { alertname: 'B' } }],
    );
    const get = (path: string, query = '') =>
      JSON.parse(am.answer('GET', path, new URLSearchParams(query), '').body) as unknown;
    const created = am.answer(
      'POST',
      '/api/v2/silences',
      new URLSearchParams(),
      JSON.stringify({
        matchers: [{ name: 'alertname', value: 'A', isRegex: false }],
        startsAt: '2026-11-26T10:00:00Z',
        endsAt: '2026-11-26T11:00:00Z',
        createdBy: 'me',
        comment: 'maintenance',
      }),
    );
    const { silenceID } = JSON.parse(created.body) as { silenceID: string };
    expect(get('/api/v2/alerts', 'silenced=false')).toMatchObject([{ labels: { alertname: 'B' } }]);
    expect(get('/api/v2/alerts', 'filter=alertname%3D%22A%22')).toMatchObject([
      { status: { state: 'suppressed', silencedBy: [silenceID] } },
    ]);
    now += 60_000;
    expect(
      am.answer('DELETE', `/api/v2/silence/${silenceID}`, new URLSearchParams(), '').status,
    ).toBe(200);
    expect(get(`/api/v2/silence/${silenceID}`)).toMatchObject({
      status: { state: 'expired' },
      endsAt: '2026-11-26T10:01:00.000Z',
    });
    expect(get('/api/v2/alerts', 'silenced=false')).toHaveLength(2);
    expect(
      am.answer('GET', '/api/v2/alerts', new URLSearchParams('filter=nope'), ''),
    ).toMatchObject({ status: 400, body: '"bad matcher format: nope"' });
  });
});
