// The Alertmanager source against a real Alertmanager 0.25 (grouping by alertname and
// namespace), fed by test alerts and by a real Prometheus whose rule fires on the GPU trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerConnection, type SecretRef } from '../../shared/model/connection';
import {
  createAlertmanagerSource,
  formatMatcher,
  testAlertmanagerConnection,
  type AlertmanagerSource,
} from '../../electron/host/sources/alertmanager';
import { SourceError } from '../../electron/host/sources/source-error';
import { waitFor } from '../services/ports';
import {
  postTestAlerts,
  startAlertmanager,
  startPrometheus,
  type RunningAlertmanager,
} from '../services/prometheus';

const deps = { resolveSecret: async (_ref: SecretRef) => '' };

let am: RunningAlertmanager;
let client: AlertmanagerSource;

beforeAll(async () => {
  am = await startAlertmanager();
  client = createAlertmanagerSource(
    alertmanagerConnection.parse({
      id: 'am',
      name: 'Alertmanager',
      kind: 'alertmanager',
      url: am.url,
    }),
    deps,
  );
  await postTestAlerts(am.url, [
    {
      labels: {
        alertname: 'GPUXidError',
        severity: 'critical',
        namespace: 'ml-train',
        Hostname: 'gpu-node-2',
        gpu: '3',
      },
      annotations: { summary: 'XID 48 on GPU 3 of gpu-node-2' },
    },
    {
      labels: {
        alertname: 'GPUXidError',
        severity: 'critical',
        namespace: 'ml-train',
        Hostname: 'gpu-node-1',
        gpu: '0',
      },
    },
    {
      labels: {
        alertname: 'InferenceServiceLatencyHigh',
        severity: 'warning',
        namespace: 'serving',
        inferenceservice: 'fraud-detector',
      },
    },
  ]);
});

afterAll(async () => {
  await client?.close();
  await am?.stop();
});

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('Alertmanager source against a real Alertmanager', () => {
  it('tests the connection and names the version', async () => {
    expect(await testAlertmanagerConnection(client)).toMatchObject({
      status: 'ok',
      serverVersion: 'Alertmanager 0.25.0',
      message: 'Connected to Alertmanager 0.25.0',
    });
    const status = await client.status();
    expect(status.cluster.status).toBe('disabled');
    expect(status.config.original).toContain('group_by');
  });

  it('lists the posted alerts, filtered by matchers', async () => {
    const all = await client.alerts();
    expect(all).toHaveLength(3);
    expect(
      all.every(
        (a) =>
          a.status.state === 'active' &&
          a.receivers[0]?.name === 'null' &&
          /^[0-9a-f]{16}$/.test(a.fingerprint),
      ),
    ).toBe(true);
    const xid = await client.alerts({
      filter: [
        { name: 'alertname', value: 'GPUXidError', isRegex: false, isEqual: true },
        'gpu=~"3|4"',
      ],
    });
    expect(xid.map((a) => a.labels.Hostname)).toEqual(['gpu-node-2']);
    expect(xid[0]?.annotations.summary).toBe('XID 48 on GPU 3 of gpu-node-2');
  });

  it('groups alerts by alertname and namespace', async () => {
    const groups = await client.alertGroups();
    const summary = groups
      .map((g) => [g.labels.alertname, g.labels.namespace, g.receiver.name, g.alerts.length])
      .sort();
    expect(summary).toEqual([
      ['GPUXidError', 'ml-train', 'null', 2],
      ['InferenceServiceLatencyHigh', 'serving', 'null', 1],
    ]);
  });

  it('creates a silence, sees it mute the alert, and expires it', async () => {
    const now = Date.now();
    const id = await client.createSilence({
      matchers: [
        { name: 'alertname', value: 'GPUXidError', isRegex: false, isEqual: true },
        { name: 'Hostname', value: 'gpu-node-2', isRegex: false, isEqual: true },
      ],
      startsAt: new Date(now),
      endsAt: new Date(now + 2 * 3600_000),
      createdBy: 'alice@example.com',
      comment: 'draining gpu-node-2 for a GPU reset',
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const silences = await client.silences();
    expect(silences.find((s) => s.id === id)).toMatchObject({
      status: { state: 'active' },
      createdBy: 'alice@example.com',
      matchers: [{ isEqual: true }, { isEqual: true }],
    });
    const muted = await client.alerts({ filter: ['Hostname="gpu-node-2"'] });
    expect(muted[0]?.status).toMatchObject({ state: 'suppressed', silencedBy: [id] });
    expect(
      (await client.alerts({ silenced: false }))
        .map((a) => a.labels.Hostname ?? a.labels.inferenceservice)
        .sort(),
    ).toEqual(['fraud-detector', 'gpu-node-1']);
    expect(await client.silences(['Hostname="gpu-node-2"'])).toHaveLength(1);

    await client.expireSilence(id);
    expect((await client.silence(id)).status.state).toBe('expired');
    expect((await client.alerts({ filter: ['Hostname="gpu-node-2"'] }))[0]?.status.state).toBe(
      'active',
    );
  });

  it("passes on Alertmanager's reasons for refusing a silence, and knows an unknown one", async () => {
    const past = await failure(
      client.createSilence({
        matchers: [{ name: 'alertname', value: 'X', isRegex: false, isEqual: true }],
        startsAt: new Date(Date.now() - 7200_000),
        endsAt: new Date(Date.now() - 3600_000),
        createdBy: 'alice@example.com',
        comment: 'too late',
      }),
    );
    expect(past).toMatchObject({ code: 'bad_request', status: 400 });
    expect(past.message).toContain("Failed to create silence: end time can't be in the past");
    const none = await failure(
      client.createSilence({
        matchers: [],
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 60_000),
        createdBy: 'a',
        comment: 'b',
      }),
    );
    expect(none).toMatchObject({ code: 'bad_request', status: 422 });
    expect(none.message).toContain('matchers in body should have at least 1 items');
    expect(
      await failure(client.expireSilence('00000000-0000-4000-8000-000000000000')),
    ).toMatchObject({ code: 'not_found' });
    expect(await failure(client.silence('00000000-0000-4000-8000-000000000000'))).toMatchObject({
      code: 'not_found',
      status: 404,
    });
    const badFilter = await failure(client.alerts({ filter: ['not a matcher'] }));
    expect(badFilter).toMatchObject({ code: 'bad_request', status: 400 });
    expect(badFilter.message).toContain('bad matcher format: not a matcher');
  });

  it('escapes matcher values for the filter parameter', async () => {
    expect(
      formatMatcher({ name: 'summary', value: 'say "hi"\\', isRegex: false, isEqual: false }),
    ).toBe('summary!="say \\"hi\\"\\\\"');
    await postTestAlerts(am.url, [
      { labels: { alertname: 'Quoted', namespace: 'ml-train', note: 'a "quoted" value' } },
    ]);
    const found = await client.alerts({
      filter: [{ name: 'note', value: 'a "quoted" value', isRegex: false, isEqual: true }],
    });
    expect(found.map((a) => a.labels.alertname)).toEqual(['Quoted']);
  });
});

describe('Prometheus rules firing into Alertmanager', () => {
  it('delivers an alert from a rule over the GPU trace', async () => {
    const prom = await startPrometheus({
      alertmanagerUrl: am.url,
      rules: [
        'groups:',
        '  - name: gpu',
        '    rules:',
        '      - alert: GPUMemoryHeldWithoutWork',
        '        expr: max_over_time(DCGM_FI_DEV_FB_USED[10m]) > 30000 and max_over_time(DCGM_FI_DEV_GPU_UTIL[10m]) >= 0',
        '        labels: { severity: warning, namespace: ml-train }',
        '        annotations: { summary: "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} holds memory" }',
      ].join('\n'),
    });
    try {
      await waitFor(
        'the rule alert in Alertmanager',
        async () =>
          (await client.alerts({ filter: ['alertname="GPUMemoryHeldWithoutWork"'] })).length === 1,
        30_000,
      );
      const [alert] = await client.alerts({ filter: ['alertname="GPUMemoryHeldWithoutWork"'] });
      expect(alert?.labels).toMatchObject({
        Hostname: 'gpu-node-1',
        gpu: '0',
        namespace: 'ml-train',
        severity: 'warning',
      });
      expect(alert?.annotations.summary).toBe('GPU 0 on gpu-node-1 holds memory');
      expect(alert?.generatorURL).toContain('/graph?g0.expr=');
    } finally {
      await prom.stop();
    }
  });
});
