// Promote and rollback against the REAL MLflow server and the kube simulator, read back with
// MLflow's own Python client and kubectl; then fault injection at every saga step (registry down,
// cluster 409 and 500, an undo that fails, the process stopping between steps and a fresh host
// reconciling on the same data dir): never a half-promoted model, never a lost audit row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/index';
import { forgetRegistryProbes } from '../../electron/host/capabilities/models/promotion/registry-access';
import {
  SagaInterrupted,
  sagaFaults,
} from '../../electron/host/capabilities/models/promotion/saga';
import { caller, openHost, readBack, startWorld, type PromotionWorld } from './promotion-support';

const model = 'fraud-detector';
const target = { id: 'registry', name: model };
let world: PromotionWorld;
let dataDir: string;
let host: Host;
const { call, failure, invoke } = caller(() => host);

/** Alias and both serving objects agree (MLflow's Python client or REST, and kubectl). */
async function expectWhole(version: string, viaPython = false) {
  const state = await readBack(world, model, viaPython);
  expect({ champion: state.champion, isvc: state.isvc, deployment: state.deployment }).toEqual({
    champion: version,
    isvc: version,
    deployment: version,
  });
  return state;
}

async function reopen() {
  await host.close();
  forgetRegistryProbes();
  host = await openHost(world, dataDir);
  await call('kubernetes.selectContexts', { id: 'cluster', contexts: ['sim-operator'] });
}

beforeAll(async () => {
  world = await startWorld(model);
  // The shadow Deployment pins the champion too, so a promotion patches both kinds of object.
  await world.kubectl([
    '--context',
    'sim-operator',
    'set',
    'env',
    `deployment/${model}-shadow`,
    '-n',
    'fraud-detection',
    `MODEL_URI=models:/${model}/3`,
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'console-promotion-data-'));
  host = await openHost(world, dataDir);
  await call('kubernetes.selectContexts', { id: 'cluster', contexts: ['sim-operator'] });
}, 240_000);

afterAll(async () => {
  sagaFaults.beforeStep = undefined;
  await host?.close();
  await world?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// A busy 2-core machine runs MLflow, Python read-backs and kubectl: generous per-test limits.
describe('promote and rollback against MLflow and the cluster', { timeout: 180_000 }, () => {
  it('plans exactly what changes, then promotes, as MLflow and kubectl read back', async () => {
    const plan = await call('promotion.plan', { ...target, version: '4' });
    expect(plan).toMatchObject({ from: '3', to: '4', alreadyDone: false, blockers: [] });
    expect(plan.serving.map((s) => [s.kind, s.name, s.from, s.to, s.access.allowed])).toEqual(
      expect.arrayContaining([
        ['InferenceService', model, `models:/${model}/3`, `models:/${model}/4`, true],
        ['Deployment', `${model}-shadow`, `models:/${model}/3`, `models:/${model}/4`, true],
      ]),
    );
    const progress: string[] = [];
    const off = host.events.subscribe((topic, payload) => {
      if (topic !== 'promotion.progress') return;
      const { step } = payload as { step: { id: string; status: string } };
      progress.push(`${step.id}:${step.status}`);
    });
    const outcome = await call('promotion.promote', {
      ...target,
      version: '4',
      expectedFrom: '3',
      reason: 'v4 beats v3 on AUC',
    });
    off();
    expect(outcome.result).toBe('ok');
    expect(outcome.steps.every((s) => s.status === 'ok')).toBe(true);
    expect(progress).toContain('rollout:ok');
    const state = await expectWhole('4', true);
    expect(state.tags['console.prev.champion']).toBe('3');
    // What the console shows equals what MLflow's client and kubectl read.
    const serving = await call('models.serving', target);
    const shown = serving.value?.targets.filter((t) => t.namespace === 'fraud-detection');
    expect(shown?.map((t) => t.version).sort()).toEqual(['4', '4']);
    const page = await call('models.get', target);
    expect(page.value?.model.aliases).toContainEqual({ alias: 'champion', version: '4' });
  });

  it('changes nothing when the same promotion is retried, and refuses a stale page', async () => {
    const again = await call('promotion.promote', {
      ...target,
      version: '4',
      expectedFrom: '3',
      reason: 'retry after a timeout',
    });
    expect(again.result).toBe('unchanged');
    const conflict = await failure('promotion.promote', {
      ...target,
      version: '2',
      expectedFrom: '3',
      reason: 'from a page loaded before',
    });
    expect(conflict.code).toBe('conflict');
    expect(conflict.message).toMatch(/moved to version 4 by \S+ at /);
    await expectWhole('4');
  });

  it('rolls back to the previous champion, alias and serving', async () => {
    const plan = await call('promotion.rollbackPlan', target);
    expect(plan).toMatchObject({ from: '4', to: '3', blockers: [] });
    const outcome = await call('promotion.rollback', {
      ...target,
      expectedFrom: '4',
      reason: 'latency regression',
    });
    expect(outcome.result).toBe('ok');
    const state = await expectWhole('3', true);
    expect(state.tags['console.prev.champion']).toBeUndefined();
    const shown = (await call('models.serving', target)).value?.targets;
    expect(shown?.filter((t) => t.namespace === 'fraud-detection').map((t) => t.version)).toEqual([
      '3',
      '3',
    ]);
  });
});

describe('fault injection at every saga step', { timeout: 180_000 }, () => {
  const promote = () =>
    invoke('promotion.promote', { ...target, version: '4', expectedFrom: '3', reason: 'faults' });

  const faults = [
    {
      name: 'registry down while recording the history',
      inject: () =>
        world.registryFaults.rules.push({
          method: 'POST',
          path: /registered-models\/set-tag/,
          bodyIncludes: 'console.prev.champion',
          times: 1,
          respond: 'down',
        }),
      failedStep: 'history',
    },
    {
      name: 'registry answering 500 on the alias move',
      inject: () =>
        world.registryFaults.rules.push({
          method: 'POST',
          path: /registered-models\/alias/,
          times: 1,
          respond: { status: 500, body: '{"error_code":"INTERNAL_ERROR","message":"db locked"}' },
        }),
      failedStep: 'alias',
    },
    {
      name: 'cluster answering 409 on the InferenceService patch',
      inject: () =>
        world.clusterFaults.rules.push({
          method: 'PATCH',
          path: /inferenceservices\/fraud-detector/,
          times: 1,
          respond: {
            status: 409,
            body: '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409,"message":"the object has been modified"}',
          },
        }),
      failedStep: 'InferenceService',
    },
    {
      name: 'cluster answering 500 on the Deployment patch',
      inject: () =>
        world.clusterFaults.rules.push({
          method: 'PATCH',
          path: /deployments\/fraud-detector-shadow/,
          times: 1,
          respond: {
            status: 500,
            body: '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"InternalError","code":500,"message":"etcd timeout"}',
          },
        }),
      failedStep: 'Deployment',
    },
  ];

  it.each(faults)('$name: undone, nothing half-promoted', async ({ inject, failedStep }) => {
    inject();
    const envelope = await promote();
    expect(envelope.ok).toBe(true);
    const outcome = envelope.ok ? envelope.value : undefined;
    expect(outcome?.result).toBe('compensated');
    const failed = outcome?.steps.find((s) => s.status === 'failed');
    expect(`${failed?.id} ${failed?.label}`).toContain(failedStep);
    await expectWhole('3');
  });

  it('an undo that fails leaves the intent open; the next start finishes the undo', async () => {
    world.clusterFaults.rules.push({
      method: 'PATCH',
      path: /deployments\/fraud-detector-shadow/,
      times: 1,
      respond: { status: 500, body: '{"kind":"Status","code":500,"message":"boom"}' },
    });
    world.registryFaults.rules.push({
      method: 'POST',
      path: /registered-models\/alias/,
      bodyIncludes: '"version":"3"',
      times: 1,
      respond: 'down',
    });
    const outcome = await call('promotion.promote', {
      ...target,
      version: '4',
      expectedFrom: '3',
      reason: 'double fault',
    });
    expect(outcome.result).toBe('failed');
    await reopen();
    const { notices } = await call('promotion.notices', {});
    expect(notices.at(-1)).toMatchObject({ result: 'compensated', model });
    await expectWhole('3');
  });

  const stops = ['history', 'alias', 'serving-1', 'serving-2', 'rollout'];
  it.each(stops)(
    'stopped before "%s", then reconciled by a fresh host: whole at one version',
    async (step) => {
      sagaFaults.beforeStep = (id) => {
        if (id === step) throw new SagaInterrupted(`stopped before ${id}`);
      };
      const envelope = await promote();
      sagaFaults.beforeStep = undefined;
      expect(envelope.ok).toBe(false);
      await reopen();
      const { notices } = await call('promotion.notices', {});
      const notice = notices.at(-1);
      // Everything was in place before the rollout step: finishing is right; otherwise undo.
      const expected = step === 'rollout' ? 'finished' : 'compensated';
      expect(notice?.result).toBe(expected);
      await expectWhole(step === 'rollout' ? '4' : '3');
      if (step === 'rollout') {
        await new Promise((r) => setTimeout(r, 1_500));
        const back = await call('promotion.rollback', {
          ...target,
          expectedFrom: '4',
          reason: 'reset for the next case',
        });
        expect(back.result).toBe('ok');
        await expectWhole('3');
      }
    },
  );

  it('lost no audit row: the chain verifies and every intent has its outcome', async () => {
    const audit = host.store.audit;
    expect(audit.verify().ok).toBe(true);
    for (const action of ['model.promote', 'model.rollback']) {
      for (const intent of audit.list({ action, result: 'intent', limit: 1000 })) {
        const rows = audit.byCorrelation(intent.correlationId);
        expect(rows.some((r) => r.action === action && r.result !== 'intent')).toBe(true);
      }
    }
  });
});
