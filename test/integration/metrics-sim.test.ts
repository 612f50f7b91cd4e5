// The demo workspace's metrics simulator through the same clients as the real servers, and
// side by side with a real Prometheus holding the same trace: same queries, same answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerConnection, prometheusConnection } from '../../shared/model/connection';
import {
  createAlertmanagerSource,
  testAlertmanagerConnection,
  type AlertmanagerSource,
} from '../../electron/host/sources/alertmanager';
import {
  createPrometheusSource,
  headline,
  sampleValue,
  testPrometheusConnection,
  type PrometheusSource,
  type QueryData,
  type RangeQueryData,
} from '../../electron/host/sources/prometheus';
import { SourceError } from '../../electron/host/sources/source-error';
import {
  startMetricsSimulator,
  type GpuAssignment,
  type MetricsSimulator,
} from '../../electron/sim/metrics';
import { startPrometheus, type RunningPrometheus } from '../services/prometheus';

const deps = { resolveSecret: async () => '' };
const prometheusAt = (id: string, url: string) =>
  createPrometheusSource(
    prometheusConnection.parse({ id, name: id, kind: 'prometheus', url }),
    deps,
  );

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

const assignments: GpuAssignment[] = [
  {
    node: 'gpu-node-1',
    gpu: '0',
    namespace: 'ml-train',
    pod: 'llm-finetune-0',
    container: 'trainer',
  },
  {
    node: 'gpu-node-1',
    gpu: '1',
    namespace: 'ml-train',
    pod: 'llm-finetune-0',
    container: 'trainer',
  },
  { node: 'gpu-node-1', gpu: '2', namespace: 'ml-train', pod: 'llm-finetune-1' },
  { node: 'gpu-node-2', gpu: '0', namespace: 'serving', pod: 'fraud-detector-predictor-7d9f-x2' },
  { node: 'gpu-node-2', gpu: '5', namespace: 'research', pod: 'notebook-ana-0' },
];

describe('the metrics simulator as a Prometheus and an Alertmanager', () => {
  let sim: MetricsSimulator;
  let prom: PrometheusSource;
  let am: AlertmanagerSource;

  beforeAll(async () => {
    sim = await startMetricsSimulator({ gpuAssignments: assignments });
    prom = prometheusAt('demo-prometheus', sim.prometheusUrl);
    am = createAlertmanagerSource(
      alertmanagerConnection.parse({
        id: 'demo-am',
        name: 'demo',
        kind: 'alertmanager',
        url: sim.alertmanagerUrl,
      }),
      deps,
    );
  });

  afterAll(async () => {
    await prom?.close();
    await am?.close();
    await sim?.stop();
  });

  it('answers the connection test and the headline as a simulator', async () => {
    expect(await testPrometheusConnection(prom)).toMatchObject({
      status: 'ok',
      serverVersion: 'Prometheus 2.42.0-sim',
    });
    expect(await headline(prom)).toEqual({ up: 3, total: 3, down: [] });
  });

  it("labels the fleet's GPUs as dcgm-exporter does, with the pods holding them", async () => {
    const count = await prom.query('count(DCGM_FI_DEV_GPU_UTIL)');
    expect(count.data).toMatchObject({
      resultType: 'vector',
      result: [{ metric: {}, value: [expect.any(Number), '16'] }],
    });
    const held = await prom.series(['DCGM_FI_DEV_GPU_UTIL{pod!=""}']);
    expect(
      held.data.map((s) => `${s.Hostname}/${s.gpu} ${s.namespace}/${s.pod}/${s.container}`).sort(),
    ).toEqual([
      'gpu-node-1/0 ml-train/llm-finetune-0/trainer',
      'gpu-node-1/1 ml-train/llm-finetune-0/trainer',
      'gpu-node-1/2 ml-train/llm-finetune-1/main',
      'gpu-node-2/0 serving/fraud-detector-predictor-7d9f-x2/main',
      'gpu-node-2/5 research/notebook-ana-0/main',
    ]);
    expect(Object.keys(held.data[0] ?? {}).sort()).toEqual(
      [
        'Hostname',
        'UUID',
        '__name__',
        'container',
        'device',
        'gpu',
        'instance',
        'job',
        'modelName',
        'namespace',
        'pod',
      ].sort(),
    );
    expect((await prom.labelValues('modelName')).data).toEqual(['NVIDIA H200']);
    // A long query goes by POST form, which the simulator reads too.
    const hosts = Array.from({ length: 200 }, (_, i) => `gpu-node-${i + 1}`).join('|');
    const long = await prom.query(`count(DCGM_FI_DEV_GPU_UTIL{Hostname=~"${hosts}"})`);
    expect(long.data).toMatchObject({ result: [{ value: [expect.any(Number), '16'] }] });
  });

  it('has data over the last 24 hours, and GPUs out of step with each other', async () => {
    const end = new Date();
    const start = new Date(end.getTime() - 24 * 3600_000);
    const fleet = await prom.queryRange('avg(DCGM_FI_DEV_GPU_UTIL)', { start, end, step: 300 });
    const points = fleet.data.result[0]?.values ?? [];
    expect(points).toHaveLength(289);
    expect(points.some(([, v]) => sampleValue(v) > 0)).toBe(true);
    const perGpu = await prom.queryRange('DCGM_FI_DEV_FB_USED{pod!=""}', {
      start: new Date(end.getTime() - 600_000),
      end,
      step: 10,
    });
    const shapes = new Set(perGpu.data.result.map((s) => s.values.map(([, v]) => v).join(',')));
    expect(shapes.size).toBeGreaterThan(1);
    const idle = await prom.query('max(max_over_time(DCGM_FI_DEV_GPU_UTIL{pod=""}[30m]))');
    expect(idle.data).toMatchObject({ result: [{ value: [expect.any(Number), '0'] }] });
  });

  it("refuses what it does not implement with Prometheus' error envelope, never a made-up number", async () => {
    const refused = await failure(prom.query('quantile_over_time(0.99, DCGM_FI_DEV_GPU_UTIL[5m])'));
    expect(refused).toMatchObject({ code: 'bad_request', status: 400 });
    expect(refused.message).toContain(
      'invalid parameter "query": the metrics simulator does not support the function "quantile_over_time"',
    );
    const many = await failure(prom.query('DCGM_FI_DEV_FB_USED + on () DCGM_FI_DEV_FB_FREE'));
    expect(many).toMatchObject({ code: 'bad_request', status: 422 });
    expect(many.message).toContain('many-to-many matching not allowed');
  });

  it('serves the demo alerts, groups and silences', async () => {
    expect(await testAlertmanagerConnection(am)).toMatchObject({
      status: 'ok',
      serverVersion: 'Alertmanager 0.25.0-sim',
    });
    const alerts = await am.alerts();
    expect(alerts.map((a) => a.labels.alertname).sort()).toEqual([
      'FeatureDriftDetected',
      'GPUXidError',
      'InferenceServiceLatencyHigh',
    ]);
    expect(alerts.find((a) => a.labels.alertname === 'GPUXidError')?.labels).toMatchObject({
      Hostname: 'gpu-node-2',
      gpu: '3',
      err_code: '48',
    });
    expect((await am.alertGroups()).map((g) => g.labels.alertname).sort()).toEqual([
      'FeatureDriftDetected',
      'GPUXidError',
      'InferenceServiceLatencyHigh',
    ]);

    const id = await am.createSilence({
      matchers: [{ name: 'alertname', value: 'FeatureDrift.*', isRegex: true, isEqual: true }],
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 3600_000),
      createdBy: 'alice@example.com',
      comment: 'retraining scheduled',
    });
    expect((await am.alerts({ silenced: false })).map((a) => a.labels.alertname).sort()).toEqual([
      'GPUXidError',
      'InferenceServiceLatencyHigh',
    ]);
    expect((await am.silences())[0]).toMatchObject({ id, status: { state: 'active' } });
    await am.expireSilence(id);
    expect((await am.silence(id)).status.state).toBe('expired');
    expect(await am.alerts({ silenced: false })).toHaveLength(3);
  });
});

describe('the simulator and a real Prometheus on the same trace', () => {
  let real: RunningPrometheus;
  let sim: MetricsSimulator;
  let realClient: PrometheusSource;
  let simClient: PrometheusSource;
  let start: number;
  let end: number;

  beforeAll(async () => {
    real = await startPrometheus({ gpuTrace: true });
    const window = real.traceWindow;
    if (!window) throw new Error('the real Prometheus has no trace window');
    start = window.start.getTime();
    end = window.end.getTime();
    sim = await startMetricsSimulator({
      nodes: [{ name: 'gpu-node-1', gpus: 1, model: 'NVIDIA H200' }],
      traceEnd: window.end,
    });
    realClient = prometheusAt('real', real.url);
    simClient = prometheusAt('sim', sim.prometheusUrl);
  });

  afterAll(async () => {
    await realClient?.close();
    await simClient?.close();
    await sim?.stop();
    await real?.stop();
  });

  // Scrape labels the real server's trace (loaded from a file) does not have.
  const withoutScrapeLabels = (metric: Record<string, string>) => {
    const { job: _job, instance: _instance, ...rest } = metric;
    return rest;
  };
  const instant = (data: QueryData) =>
    data.resultType === 'vector'
      ? data.result
          .map((s) => ({
            metric: withoutScrapeLabels(s.metric),
            value: 'value' in s ? s.value : null,
          }))
          .sort((a, b) => JSON.stringify(a.metric).localeCompare(JSON.stringify(b.metric)))
      : data;
  const range = (data: RangeQueryData) =>
    data.result
      .map((s) => ({ metric: withoutScrapeLabels(s.metric), values: s.values }))
      .sort((a, b) => JSON.stringify(a.metric).localeCompare(JSON.stringify(b.metric)));

  // The queries the console's GPU and fleet views are built from. Windows stay inside the trace,
  // where the simulator's loop and the real server's single copy hold the same samples.
  const queries = [
    'DCGM_FI_DEV_GPU_UTIL',
    'avg_over_time(DCGM_FI_DEV_GPU_UTIL[1m])',
    'max_over_time(DCGM_FI_DEV_FB_USED[2m])',
    'min_over_time(DCGM_FI_DEV_SM_CLOCK[90s])',
    'sum_over_time(DCGM_FI_DEV_GPU_UTIL[1m]) / count_over_time(DCGM_FI_DEV_GPU_UTIL[1m])',
    'rate(DCGM_FI_DEV_FB_USED[30s])',
    'increase(DCGM_FI_DEV_POWER_USAGE[1m])',
    'sum by (Hostname, modelName) (DCGM_FI_DEV_POWER_USAGE)',
    'avg by (gpu) ({__name__=~"DCGM_FI_DEV_(GPU|MEM_COPY)_UTIL"})',
    'max without (UUID, device) (DCGM_FI_DEV_GPU_TEMP)',
    'count({__name__=~"DCGM_FI_DEV_.*"} > 0)',
    'DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) * 100',
    'DCGM_FI_DEV_FB_USED > ignoring (modelName) DCGM_FI_DEV_FB_FREE',
    'DCGM_FI_DEV_FB_USED + on (gpu, Hostname) DCGM_FI_DEV_FB_FREE',
    'DCGM_FI_DEV_GPU_TEMP > bool 45',
    '100 - DCGM_FI_DEV_GPU_UTIL',
    '-DCGM_FI_DEV_GPU_TEMP',
    'count(DCGM_FI_DEV_GPU_UTIL == 0) / count(DCGM_FI_DEV_GPU_UTIL)',
    '2 * 3 ^ 2',
  ];

  it.each(queries)('instant: %s', async (query) => {
    for (const offsetS of [125, 150, 172, 195]) {
      const time = new Date(start + offsetS * 1000);
      const [fromReal, fromSim] = await Promise.all([
        realClient.query(query, { time }),
        simClient.query(query, { time }),
      ]);
      expect(fromSim.data.resultType).toBe(fromReal.data.resultType);
      expect(instant(fromSim.data), `${query} at +${offsetS}s`).toEqual(instant(fromReal.data));
    }
  });

  it.each(queries.slice(0, 8))('range: %s', async (query) => {
    const opts = { start: new Date(start + 125_000), end: new Date(end), step: 5 };
    const [fromReal, fromSim] = await Promise.all([
      realClient.queryRange(query, opts),
      simClient.queryRange(query, opts),
    ]);
    expect(range(fromSim.data)).toEqual(range(fromReal.data));
  });

  it('answers the metadata calls alike', async () => {
    const window = { start: new Date(start), end: new Date(end) };
    const [realSeries, simSeries] = await Promise.all([
      realClient.series(['DCGM_FI_DEV_FB_FREE'], window),
      simClient.series(['DCGM_FI_DEV_FB_FREE'], window),
    ]);
    expect(simSeries.data.map(withoutScrapeLabels)).toEqual(realSeries.data);
    const [realNames, simNames] = await Promise.all([
      realClient.labelValues('__name__', { match: ['{Hostname="gpu-node-1"}'], ...window }),
      simClient.labelValues('__name__', { match: ['{Hostname="gpu-node-1"}'], ...window }),
    ]);
    expect(simNames.data).toEqual(realNames.data);
  });

  it('refuses the same malformed queries with the same status', async () => {
    for (const query of ['sum(DCGM_FI_DEV_GPU_UTIL', 'rate(DCGM_FI_DEV_GPU_UTIL)', '{gpu=""}']) {
      const [fromReal, fromSim] = await Promise.all([
        failure(realClient.query(query)),
        failure(simClient.query(query)),
      ]);
      expect([fromSim.code, fromSim.status], query).toEqual([fromReal.code, fromReal.status]);
    }
    const tooMany = { start: 0, end: 100_000, step: 1 };
    const [fromReal, fromSim] = await Promise.all([
      failure(realClient.queryRange('up', tooMany)),
      failure(simClient.queryRange('up', tooMany)),
    ]);
    expect(fromSim.message.replace(/^sim \([^)]*\)/, '')).toBe(
      fromReal.message.replace(/^real \([^)]*\)/, ''),
    );
  });
});
