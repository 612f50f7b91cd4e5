// Approvals against a REAL MLflow server with its basic-auth app: four users, each a connection
// of the workspace, so each acts under their own registry login. Checks the two-person rule, a
// 403 on write, N approvals, a gate that blocks, idempotent retries, the audit mirror, and that
// MLflow's own Python client reads back exactly the tags the console reports.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, Envelope } from '../../shared/contract';
import type { Host } from '../../electron/host/index';
import { startMlflow, type MlflowServer } from '../services/mlflow';
import { startHostOnFile } from '../services/test-host';

const model = 'credit-scorer';
const users = ['alice', 'bob', 'carol', 'dave'] as const;
const password = (user: string) => `${user}-pw-0123456789`;

let server: MlflowServer;
let host: Host;
let dataDir: string;

async function rest(path: string, body: unknown, method = 'POST', api = '2.0') {
  const auth = Buffer.from(`${server.adminUser}:${server.adminPassword}`).toString('base64');
  const res = await fetch(`${server.url}/api/${api}/mlflow/${path}`, {
    method,
    headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text || '{}') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A finished run by `user` with `metrics`, registered as the next version of the model. */
async function registerVersion(
  experimentId: string,
  user: string,
  metrics: Record<string, number>,
) {
  const run = await rest('runs/create', {
    experiment_id: experimentId,
    start_time: Date.now(),
    tags: [{ key: 'mlflow.user', value: user }],
  });
  const runId = run.run.info.run_id as string;
  for (const [key, value] of Object.entries(metrics)) {
    await rest('runs/log-metric', { run_id: runId, key, value, timestamp: Date.now(), step: 0 });
  }
  await rest('runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() });
  const created = await rest('model-versions/create', {
    name: model,
    source: `runs:/${runId}/model`,
    run_id: runId,
  });
  return String(created.model_version.version);
}

async function invoke<N extends CallName>(name: N, input: CallInput<N>) {
  return (await host.dispatcher.invoke(name, input, { transport: 'test' })) as Envelope<
    CallOutput<N>
  >;
}
async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const envelope = await invoke(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

let candidate: string;

/** MLflow 3.18's unified grant call, else the older per-resource permission calls. */
async function grant(
  username: string,
  type: 'registered_model' | 'experiment',
  id: string,
  permission: string,
) {
  try {
    await rest(
      'users/permissions/grant',
      { username, resource_type: type, resource_id: id, permission },
      'POST',
      '3.0',
    );
  } catch (error) {
    if (!/: 404 /.test((error as Error).message)) throw error;
    await rest(
      type === 'experiment'
        ? 'experiments/permissions/create'
        : 'registered-models/permissions/create',
      type === 'experiment'
        ? { experiment_id: id, username, permission }
        : { name: id, username, permission },
    );
  }
}

beforeAll(async () => {
  server = await startMlflow({ basicAuth: true });
  for (const user of users) {
    await rest('users/create', { username: user, password: password(user) });
  }
  const experiment = await rest('experiments/create', { name: 'credit' });
  const experimentId = String(experiment.experiment_id);
  await rest('registered-models/create', { name: model });
  const champion = await registerVersion(experimentId, 'admin', { auc: 0.94, latency_ms: 4 });
  candidate = await registerVersion(experimentId, 'alice', { auc: 0.946, latency_ms: 8 });
  await rest('registered-models/alias', { name: model, alias: 'champion', version: champion });
  for (const user of users) {
    // carol may read but not write.
    const permission = user === 'carol' ? 'READ' : 'EDIT';
    await grant(user, 'registered_model', model, permission);
    await grant(user, 'experiment', experimentId, 'READ');
  }

  dataDir = mkdtempSync(join(tmpdir(), 'console-approvals-'));
  const workspaceFile = join(dataDir, 'team.yaml');
  writeFileSync(
    workspaceFile,
    [
      'version: 1',
      'name: Team',
      'connections:',
      ...users.map(
        (u) =>
          `  - { id: as-${u}, name: Registry as ${u}, kind: mlflow, trackingUri: "${server.url}", auth: { type: basic, username: ${u}, password: { env: PW_${u.toUpperCase()} } } }`,
      ),
      'overrides:',
      '  approvals:',
      `    ${model}: { required: 2, twoPersonRule: true }`,
      '  gates:',
      `    ${model}:`,
      '      - { kind: metric, name: AUC holds, expression: "auc >= champion.auc - 0.005" }',
      '      - { kind: metric, name: Latency budget, expression: "latency_ms <= 5" }',
      '      - { kind: noDriftAlarm }',
      '',
    ].join('\n'),
  );
  host = await startHostOnFile(dataDir, workspaceFile, {
    env: {
      ...process.env,
      ...Object.fromEntries(users.map((u) => [`PW_${u.toUpperCase()}`, password(u)])),
    },
  });
});

afterAll(async () => {
  await host?.close();
  await server?.stop().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const target = (user: (typeof users)[number]) => ({
  id: `as-${user}`,
  name: model,
  version: candidate,
});

describe('approvals recorded in a real MLflow registry', () => {
  it('lets the registrant request but not approve (two-person rule)', async () => {
    const before = (await call('approvals.get', target('alice'))).value;
    expect(before).toMatchObject({ status: 'none', registrant: 'alice', required: 2 });
    expect(before?.identity).toEqual({
      user: 'alice',
      from: 'the MLflow login of "Registry as alice"',
    });
    const requested = await call('approvals.request', {
      ...target('alice'),
      reason: 'ready for review',
    });
    expect(requested).toMatchObject({ status: 'pending', request: { by: 'alice' } });
    expect(requested.can.approve).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/^Two-person rule: alice registered/),
    });
    const refused = await invoke('approvals.decide', {
      ...target('alice'),
      decision: 'approve',
      reason: 'lgtm',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
  });

  it('counts distinct approvals, shows MLflow 403 on write, and is idempotent', async () => {
    const bob = await call('approvals.decide', {
      ...target('bob'),
      decision: 'approve',
      reason: 'metrics checked',
    });
    expect(bob).toMatchObject({ status: 'pending', approvals: 1 });
    const auditBefore = host.context.store.audit.list({ limit: 1000 }).length;
    await call('approvals.decide', { ...target('bob'), decision: 'approve', reason: 'again' });
    expect(host.context.store.audit.list({ limit: 1000 }).length).toBe(auditBefore);

    // carol has READ: the registry says so before she clicks, and the host refuses the write.
    const carolView = (await call('approvals.get', target('carol'))).value;
    expect(carolView?.can.approve).toEqual({
      allowed: false,
      reason: `The registry gives carol READ on ${model}: approving needs EDIT. Ask an MLflow admin.`,
    });
    const carol = await invoke('approvals.decide', {
      ...target('carol'),
      decision: 'approve',
      reason: 'looks fine',
    });
    expect(carol.ok).toBe(false);
    if (!carol.ok) expect(carol.error.code).toBe('forbidden');
    // MLflow itself refuses her a tag write with a plain-text 403, whatever the console thinks.
    const asCarol = Buffer.from(`carol:${password('carol')}`).toString('base64');
    const direct = await fetch(`${server.url}/api/2.0/mlflow/model-versions/set-tag`, {
      method: 'POST',
      headers: { authorization: `Basic ${asCarol}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: model, version: candidate, key: 'x', value: 'y' }),
    });
    expect(direct.status).toBe(403);

    const dave = await call('approvals.decide', {
      ...target('dave'),
      decision: 'approve',
      reason: 'second pair of eyes',
    });
    expect(dave).toMatchObject({ status: 'approved', approvals: 2 });
  });

  it('evaluates the gates: approvals pass, latency blocks, drift is not evaluated', async () => {
    const report = (await call('approvals.gates', target('alice'))).value;
    expect(report?.champion).toEqual({ alias: 'champion', version: '1' });
    expect(report?.gates.map((g) => [g.name, g.status, g.actual, g.threshold])).toEqual([
      ['AUC holds', 'passed', 0.946, 0.935],
      ['Latency budget', 'failed', 8, 5],
      ['No drift alarm firing', 'not_evaluated', undefined, undefined],
      ['2 approvals', 'passed', 2, 2],
    ]);
    expect(report?.passed).toBe(false);
    expect(report?.blocking).toEqual(['Latency budget', 'No drift alarm firing']);
  });

  it("reads back with MLflow's Python client exactly what the console shows", async () => {
    const state = (await call('approvals.get', target('bob'))).value;
    const script = [
      'import json, mlflow',
      'v = mlflow.MlflowClient().get_model_version(' +
        JSON.stringify(model) +
        ', ' +
        JSON.stringify(candidate) +
        ')',
      'print(json.dumps({k: val for k, val in v.tags.items() if k.startswith("console.approval.")}))',
    ].join('\n');
    const { stdout } = await promisify(execFile)(
      join(process.cwd(), '.venv-mlflow/bin/python'),
      ['-c', script],
      {
        env: {
          ...process.env,
          MLFLOW_TRACKING_URI: server.url,
          MLFLOW_TRACKING_USERNAME: server.adminUser,
          MLFLOW_TRACKING_PASSWORD: server.adminPassword,
        },
      },
    );
    const tags = JSON.parse(stdout) as Record<string, string>;
    expect(tags['console.approval.status']).toBe(state?.status);
    expect(JSON.parse(tags['console.approval.request'] ?? '{}')).toEqual(state?.request);
    const votes = Object.entries(tags)
      .filter(([k]) => k.startsWith('console.approval.vote.'))
      .map(([, v]) => JSON.parse(v) as { by: string; decision: string; reason: string; at: string })
      .sort((a, b) => a.at.localeCompare(b.at));
    expect(votes.map((v) => [v.by, v.decision, v.reason, v.at])).toEqual(
      state?.votes.map((v) => [v.by, v.decision, v.reason, v.at]),
    );
    expect(JSON.parse(tags['console.approval.gates'] ?? '[]')).toContainEqual({
      name: 'Latency budget',
      status: 'failed',
      actual: 8,
      threshold: 5,
    });
  });

  it('mirrors every decision in the audit log, refusals included', () => {
    const rows = host.context.store.audit
      .list({ limit: 1000 })
      .filter((r) => r.action.startsWith('approval.'))
      .map((r) => [r.actor, r.action, r.result]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['alice', 'approval.request', 'intent'],
        ['alice', 'approval.request', 'ok'],
        ['bob', 'approval.approve', 'ok'],
        ['dave', 'approval.approve', 'ok'],
      ]),
    );
    expect(rows.some(([actor]) => actor === 'carol')).toBe(false);
    expect(host.context.store.audit.verify().ok).toBe(true);
  });
});
