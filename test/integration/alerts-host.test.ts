// The Alerts and drift-score calls through the host, against a real Alertmanager and a real
// Prometheus (drift scores loaded with promtool): a silence made from an alert, listed, expired,
// with its audit rows; a critical alert notified once; drift scores read with their alarm.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CallInput,
  CallName,
  CallOutput,
  Envelope,
  EventPayload,
} from '../../shared/contract';
import { matchersFromAlert } from '../../renderer/capabilities/alerts/alerts-view';
import { startTestHost } from '../services/test-host';
import type { Host } from '../../electron/host/index';
import {
  postTestAlerts,
  startAlertmanager,
  startPrometheus,
  type RunningAlertmanager,
  type RunningPrometheus,
} from '../services/prometheus';

let dataDir: string;
let host: Host;
let am: RunningAlertmanager;
let prom: RunningPrometheus;
const told: EventPayload<'alerts.criticalFiring'>[] = [];

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const envelope = (await host.dispatcher.invoke(name, input, { transport: 'test' })) as Envelope<
    CallOutput<N>
  >;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

/** Two hours of a drift job's exports, a sample a minute, ending a minute ago. */
function driftOpenMetrics(): string {
  const end = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
  const lines = ['# TYPE model_feature_drift_score gauge'];
  const thresholds = ['# TYPE model_feature_drift_threshold gauge'];
  const features = [
    {
      model: 'fraud-detector',
      feature: 'transaction_amount',
      method: 'wasserstein',
      to: 0.23,
      thr: 0.1,
    },
    { model: 'fraud-detector', feature: 'customer_age', method: 'wasserstein', to: 0.02, thr: 0.1 },
    { model: 'churn-model', feature: 'tenure_months', method: 'ks', to: 0.01, thr: 0.05 },
    { model: 'churn-model', feature: 'plan_type', method: 'chisquare', to: 0.6, thr: 0.05 },
  ];
  for (const f of features) {
    const labels = `model="${f.model}",feature="${f.feature}",method="${f.method}"`;
    for (let i = 120; i >= 0; i--) {
      const t = (end - i * 60_000) / 1000;
      lines.push(`model_feature_drift_score{${labels}} ${f.to} ${t.toFixed(3)}`);
      thresholds.push(`model_feature_drift_threshold{${labels}} ${f.thr} ${t.toFixed(3)}`);
    }
  }
  return [...lines, ...thresholds, '# EOF'].join('\n');
}

beforeAll(async () => {
  [am, prom] = await Promise.all([
    startAlertmanager(),
    startPrometheus({ gpuTrace: false, extraOpenMetrics: driftOpenMetrics() }),
  ]);
  await postTestAlerts(am.url, [
    {
      labels: {
        alertname: 'GPUXidError',
        severity: 'critical',
        namespace: 'ml-train',
        Hostname: 'gpu-node-2',
        gpu: '3',
      },
      annotations: {
        summary: 'XID 48 on GPU 3 of gpu-node-2',
        runbook_url: 'https://docs.nvidia.com/deploy/xid-errors/',
      },
    },
    {
      labels: {
        alertname: 'FeatureDriftDetected',
        severity: 'warning',
        namespace: 'serving',
        model: 'churn-model',
        feature: 'plan_type',
      },
      annotations: { summary: 'plan_type drifted' },
    },
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'console-alerts-'));
  host = await startTestHost(dataDir, [
    `{ id: am, name: Alertmanager, kind: alertmanager, url: "${am.url}" }`,
    `{ id: prom, name: Prometheus, kind: prometheus, url: "${prom.url}" }`,
    // An Alertmanager that is down: the others still show, this one with its error.
    '{ id: am-down, name: Down Alertmanager, kind: alertmanager, url: "http://127.0.0.1:1" }',
  ]);
  host.events.subscribe((topic, payload) => {
    if (topic === 'alerts.criticalFiring')
      told.push(payload as EventPayload<'alerts.criticalFiring'>);
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await Promise.all([am?.stop(), prom?.stop()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('alerts and silences against a real Alertmanager', () => {
  it('groups firing alerts, notifies the critical one once, silences it, lists and expires the silence', async () => {
    const board = (await call('alerts.list', {})).value!;
    expect(board.groups.map((g) => g.key)).toEqual([
      'GPUXidError/critical/Alertmanager',
      'FeatureDriftDetected/warning/Alertmanager',
    ]);
    const xid = board.groups[0]!.alerts[0]!;
    expect(xid.annotations.runbook_url).toContain('nvidia');
    expect(board.sources[0]!.silencing).toEqual({ allowed: true });
    expect(board.sources[1]).toMatchObject({ id: 'am-down', error: { code: 'unreachable' } });
    await call('alerts.list', {});
    expect(told.flatMap((t) => t.alerts.map((a) => a.alertname))).toEqual(['GPUXidError']);

    const matchers = matchersFromAlert(xid)
      .filter((c) => c.chosen)
      .map((c) => c.matcher);
    const input = { connection: 'am', matchers, comment: 'GPU 3 drained, ticket 4411' };
    const made = await call('alerts.createSilence', input);
    const minutes = (Date.parse(made.endsAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(118);
    expect(minutes).toBeLessThanOrEqual(120);
    // A retry after a lost answer finds the same silence instead of stacking another.
    expect((await call('alerts.createSilence', input)).silenceId).toBe(made.silenceId);

    const silences = (await call('alerts.silences', {})).value!.silences;
    expect(silences).toHaveLength(1);
    expect(silences[0]).toMatchObject({
      id: made.silenceId,
      state: 'active',
      createdBy: board.sources[0]!.identity,
      comment: 'GPU 3 drained, ticket 4411',
    });
    const silenced = (await call('alerts.list', {})).value!.groups[0]!.alerts[0]!;
    expect(silenced.state).toBe('suppressed');
    expect(silenced.silencedBy).toEqual([made.silenceId]);

    expect(
      await call('alerts.expireSilence', { connection: 'am', silenceId: made.silenceId }),
    ).toMatchObject({ wasExpired: false });
    expect(
      await call('alerts.expireSilence', { connection: 'am', silenceId: made.silenceId }),
    ).toMatchObject({ wasExpired: true });
    const after = (await call('alerts.silences', {})).value!.silences;
    expect(after[0]!.state).toBe('expired');

    const rows = host.store.audit
      .list({ limit: 50 })
      .filter((r) => r.action.startsWith('alerts.'))
      .reverse();
    const summary = rows.map((r) => `${r.action} ${r.result}`);
    expect(summary).toEqual([
      'alerts.silence.create intent',
      'alerts.silence.create ok',
      'alerts.silence.create intent',
      'alerts.silence.create ok',
      'alerts.silence.expire intent',
      'alerts.silence.expire ok',
      'alerts.silence.expire intent',
      'alerts.silence.expire ok',
    ]);
    expect(rows[1]!.correlationId).toBe(rows[0]!.correlationId);
    expect(rows[0]!.reason).toBe('GPU 3 drained, ticket 4411');
    expect(rows[0]!.actor).toBe(board.sources[0]!.identity);
    expect(host.store.audit.verify().ok).toBe(true);
  });

  it('refuses a silence without a comment, and an unknown silence, with clear errors', async () => {
    const envelope = await host.dispatcher.invoke(
      'alerts.createSilence',
      { connection: 'am', matchers: [{ name: 'alertname', value: 'X' }], comment: '  ' },
      { transport: 'test' },
    );
    expect(envelope.ok).toBe(false);
    expect(!envelope.ok && envelope.error.code).toBe('bad_request');
    const unknown = await host.dispatcher.invoke(
      'alerts.expireSilence',
      { connection: 'am', silenceId: '00000000-0000-4000-8000-000000000000' },
      { transport: 'test' },
    );
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
  });
});

describe('drift scores against a real Prometheus', () => {
  it('reads each feature with method, threshold and alarm, the firing alert first', async () => {
    const board = (await call('driftScores.list', {})).value!;
    const byFeature = Object.fromEntries(board.features.map((f) => [f.feature, f]));
    expect(board.features[0]!.feature).toBe('plan_type');
    expect(byFeature.plan_type).toMatchObject({
      alarm: 'alert-firing',
      alert: 'plan_type drifted',
    });
    expect(byFeature.transaction_amount).toMatchObject({
      method: 'wasserstein',
      direction: 'distance',
      score: 0.23,
      threshold: 0.1,
      alarm: 'over-threshold',
    });
    expect(byFeature.tenure_months).toMatchObject({
      direction: 'p-value',
      alarm: 'over-threshold',
    });
    expect(byFeature.customer_age!.alarm).toBe('ok');
  });

  it('lists the drifted models in the morning brief', async () => {
    const brief = (await call('brief.get', {})).value!;
    const section = brief.sections.find((s) => s.id === 'drifted-models')!;
    expect(section.state).toBe('attention');
    expect(section.items.map((i) => i.title).sort()).toEqual([
      'churn-model: 2 features drifted',
      'fraud-detector drifted',
    ]);
    expect(section.items.find((i) => i.title === 'fraud-detector drifted')!.detail).toBe(
      'transaction_amount 0.23 (wasserstein, threshold 0.1)',
    );
  });

  it("reads one feature's score over time with its threshold", async () => {
    const series = (
      await call('driftScores.series', {
        model: 'fraud-detector',
        feature: 'transaction_amount',
        rangeSeconds: 3600,
        widthPx: 120,
      })
    ).value!;
    expect(series.stepSeconds).toBe(30);
    expect(series.points.length).toBeGreaterThan(100);
    expect(series.points.every(([, v]) => v === 0.23)).toBe(true);
    expect(series.thresholdPoints.at(-1)![1]).toBe(0.1);
    const missing = await host.dispatcher.invoke(
      'driftScores.series',
      { model: 'fraud-detector', feature: 'nope' },
      { transport: 'test' },
    );
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });
});
