// Pipeline actions through the host against the Kubernetes simulator, read back with kubectl:
// retry a failed workflow (the simulated Argo controller runs it again), resubmit it, run a
// CronJob and a CronWorkflow now, suspend and resume schedules; each idempotent, permission-checked
// with SelfSubjectAccessReview and written to the audit log as intent + outcome.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, Envelope } from '../../shared/contract';
import type { ActionTarget } from '../../shared/contract/pipeline-actions';
import type { Host } from '../../electron/host/index';
import { startKubeSimulator, type KubeSimulator } from '../../electron/sim/kube/index';
import { startHostOnSimulator } from '../services/test-host';

let dataDir: string;
let kubeconfig: string;
let host: Host;
let sim: KubeSimulator;

async function attempt<N extends CallName>(name: N, input: CallInput<N>) {
  return (await host.dispatcher.invoke(name, input, { transport: 'test' })) as Envelope<
    CallOutput<N>
  >;
}

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const envelope = await attempt(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

function kubectl(args: string[], context = 'sim-viewer'): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'kubectl',
      ['--kubeconfig', kubeconfig, '--context', context, ...args],
      { env: { ...process.env, HOME: dataDir }, timeout: 30_000 },
      (error, stdout, stderr) =>
        error ? reject(new Error(stderr || error.message)) : resolve(stdout),
    );
  });
}

const getJson = async (args: string[]) =>
  JSON.parse(await kubectl([...args, '-o', 'json'])) as {
    metadata: {
      name: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
      ownerReferences?: { kind: string; name: string; controller?: boolean }[];
    };
    spec: { suspend?: boolean };
    status?: { phase?: string; nodes?: Record<string, { displayName: string; phase: string }> };
    items?: {
      metadata: { name: string; labels?: Record<string, string> };
      status?: { phase?: string };
    }[];
  };

const target = (
  kind: ActionTarget['kind'],
  namespace: string,
  name: string,
  context = 'sim-operator',
): ActionTarget => ({ connection: 'sim', context, namespace, kind, name });

let failed: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-pipeline-actions-'));
  sim = await startKubeSimulator({ scenario: 'ml-platform', bookmarkIntervalMs: 60_000 });
  ({ host, kubeconfig } = await startHostOnSimulator(sim, dataDir, ['sim-operator', 'sim-viewer']));
  const list = await getJson(['get', 'workflows', '-n', 'fraud-detection']);
  failed = list.items!.find(
    (w) => w.status?.phase === 'Failed' && w.metadata.name.startsWith('fraud-detector-nightly'),
  )!.metadata.name;
}, 60_000);

afterAll(async () => {
  await host?.close();
  await sim?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('pipeline actions on the simulator', () => {
  it('disables what RBAC refuses, with the reason, before anything is tried', async () => {
    const viewer = await call('pipelines.actions', {
      target: target('Workflow', 'fraud-detection', failed, 'sim-viewer'),
    });
    const retry = viewer.actions.find((a) => a.action === 'retry');
    expect(retry).toMatchObject({ allowed: false });
    expect(retry?.reason).toMatch(/update on workflows\.argoproj\.io in fraud-detection/);
    const operator = await call('pipelines.actions', {
      target: target('Workflow', 'fraud-detection', failed),
    });
    expect(operator.actions).toEqual([
      { action: 'retry', allowed: true },
      { action: 'resubmit', allowed: true },
    ]);
  });

  it('retries a failed workflow once; the controller runs the failed step again', async () => {
    const input = {
      target: target('Workflow', 'fraud-detection', failed),
      action: 'retry' as const,
      idempotencyKey: 'retry-key-0001',
    };
    expect((await call('pipelines.act', input)).result).toBe('done');
    expect((await call('pipelines.act', input)).result).toBe('already');
    await sim.clock.advance(2_000);
    const wf = await getJson(['get', 'workflow', '-n', 'fraud-detection', failed]);
    expect(wf.status?.phase).toBe('Running');
    expect(wf.metadata.annotations?.['mlops-console.io/retry-key']).toBe('retry-key-0001');
    const train = Object.values(wf.status?.nodes ?? {}).find((n) => n.displayName === 'train');
    expect(train?.phase).toBe('Running');
    // A workflow that is running is not retried again, with a clear reason.
    const again = await attempt('pipelines.act', { ...input, idempotencyKey: 'retry-key-0002' });
    expect(again.ok ? undefined : again.error).toMatchObject({ code: 'conflict' });
    const audit = (await call('audit.recent', { limit: 20 })).entries.filter(
      (e) => e.action === 'pipeline.retry',
    );
    const ok = audit.find((e) => e.result === 'ok');
    expect(
      audit.find((e) => e.result === 'intent' && e.correlationId === ok?.correlationId),
    ).toBeTruthy();
    expect(audit.some((e) => e.result === 'failed')).toBe(true);
  });

  it('resubmits a workflow as a new one labelled with its origin, once per key', async () => {
    const input = {
      target: target('Workflow', 'fraud-detection', failed),
      action: 'resubmit' as const,
      idempotencyKey: 'resubmit-key-01',
    };
    const first = await call('pipelines.act', input);
    const second = await call('pipelines.act', input);
    expect([first.result, second.result]).toEqual(['done', 'already']);
    expect(second.created?.name).toBe(first.created?.name);
    const made = await getJson([
      'get',
      'workflows',
      '-n',
      'fraud-detection',
      '-l',
      `workflows.argoproj.io/resubmitted-from-workflow=${failed}`,
    ]);
    expect(made.items?.map((w) => w.metadata.name)).toEqual([first.created?.name]);
  });

  it('runs a CronJob now as kubectl create job --from does, once per key', async () => {
    const input = {
      target: target('CronJob', 'ml-platform', 'model-drift-report'),
      action: 'trigger' as const,
      idempotencyKey: 'trigger-key-001',
    };
    const first = await call('pipelines.act', input);
    expect((await call('pipelines.act', input)).result).toBe('already');
    const job = await getJson(['get', 'job', '-n', 'ml-platform', first.created!.name]);
    expect(job.metadata.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual');
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'CronJob',
      name: 'model-drift-report',
      controller: true,
    });
    // The simulator's Job controller runs it to completion on the scenario clock.
    await sim.clock.advance(21_000);
    const done = await getJson(['get', 'job', '-n', 'ml-platform', first.created!.name]);
    expect((done.status as { succeeded?: number } | undefined)?.succeeded).toBe(1);
  });

  it('runs a CronWorkflow now; the workflow starts', async () => {
    const out = await call('pipelines.act', {
      target: target('CronWorkflow', 'fraud-detection', 'fraud-detector-nightly-train'),
      action: 'trigger',
      idempotencyKey: 'trigger-key-002',
    });
    await sim.clock.advance(3_000);
    const wf = await getJson(['get', 'workflow', '-n', 'fraud-detection', out.created!.name]);
    expect(wf.metadata.labels?.['workflows.argoproj.io/cron-workflow']).toBe(
      'fraud-detector-nightly-train',
    );
    expect(wf.status?.phase).toBe('Running');
  });

  it('suspends and resumes schedules', async () => {
    const cronJob = target('CronJob', 'ml-platform', 'model-drift-report');
    const act = (action: 'suspend' | 'resume', t: ActionTarget, key: string) =>
      call('pipelines.act', { target: t, action, idempotencyKey: key });
    expect((await act('suspend', cronJob, 'suspend-key-01')).result).toBe('done');
    expect(
      (await getJson(['get', 'cronjob', '-n', 'ml-platform', 'model-drift-report'])).spec.suspend,
    ).toBe(true);
    expect((await act('suspend', cronJob, 'suspend-key-02')).result).toBe('already');
    expect((await call('pipelines.actions', { target: cronJob })).suspended).toBe(true);
    expect((await act('resume', cronJob, 'resume-key-001')).result).toBe('done');
    expect(
      (await getJson(['get', 'cronjob', '-n', 'ml-platform', 'model-drift-report'])).spec.suspend,
    ).toBe(false);
    const cronWf = target('CronWorkflow', 'fraud-detection', 'fraud-detector-nightly-train');
    await act('suspend', cronWf, 'suspend-key-03');
    const got = await getJson([
      'get',
      'cronworkflow',
      '-n',
      'fraud-detection',
      'fraud-detector-nightly-train',
    ]);
    expect(got.spec.suspend).toBe(true);
  });

  it('refuses a user without the right, and audits the attempt as failed', async () => {
    const out = await attempt('pipelines.act', {
      target: target('CronJob', 'ml-platform', 'model-drift-report', 'sim-viewer'),
      action: 'suspend',
      idempotencyKey: 'viewer-key-001',
    });
    expect(out.ok ? undefined : out.error).toMatchObject({ code: 'forbidden' });
    const rows = (await call('audit.recent', { limit: 5 })).entries.filter(
      (e) =>
        e.action === 'pipeline.suspend' &&
        e.target === 'sim-viewer/ml-platform/CronJob/model-drift-report',
    );
    expect(rows.map((r) => r.result).sort()).toEqual(['failed', 'intent']);
  });
});
