// The host as the renderer sees it, through the dispatcher: workspace files, connections with
// typed secrets, connection tests, and last-known figures when a source goes down.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput, Envelope } from '../../shared/contract';
import type { Host } from '../../electron/host/index';
import { startMetricsSimulator, type MetricsSimulator } from '../../electron/sim/metrics/index';
import { startMlflowSimulator } from '../../electron/sim/mlflow/index';
import { freePort } from '../services/ports';
import { startHostOnFile } from '../services/test-host';

let dataDir: string;
let host: Host;
let metrics: MetricsSimulator;
let registry: { url: string; stop(): Promise<void> };
let workspaceFile: string;

async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const envelope = (await host.dispatcher.invoke(name, input, { transport: 'test' })) as Envelope<
    CallOutput<N>
  >;
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-host-'));
  [metrics, registry] = await Promise.all([
    startMetricsSimulator(),
    startMlflowSimulator({ seed: true, auth: { bearer: 'right-token' } }),
  ]);
  workspaceFile = join(dataDir, 'team.yaml');
  writeFileSync(
    workspaceFile,
    [
      'version: 1',
      'name: Team',
      'connections:',
      '  - { id: prom, name: Prometheus, kind: prometheus, url: "' + metrics.prometheusUrl + '" }',
      '',
    ].join('\n'),
  );
  host = await startHostOnFile(dataDir, workspaceFile);
});

afterAll(async () => {
  await host?.close();
  await Promise.allSettled([metrics?.stop(), registry?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the host behind the contract', () => {
  it('opens the workspace file it was started with', async () => {
    const state = await call('workspace.get', {});
    expect(state.current).toMatchObject({ kind: 'file', name: 'Team', path: workspaceFile });
    const { connections } = await call('connections.list', {});
    expect(connections.map((c) => [c.connection.id, c.origin, c.editable])).toEqual([
      ['prom', 'file', false],
    ]);
  });

  it('saves a connection with a typed token in the vault, never in the database, and audits it', async () => {
    const saved = await call('connections.save', {
      connection: {
        id: 'registry',
        name: 'Registry',
        kind: 'mlflow',
        trackingUri: registry.url,
        auth: { type: 'bearer', token: { secret: 'typed' } },
      },
      secrets: { token: 'right-token' },
    });
    expect(saved.secrets).toEqual([
      { field: 'token', ref: expect.stringContaining('{secret:'), present: true },
    ]);
    expect(readFileSync(join(dataDir, 'console.db')).includes(Buffer.from('right-token'))).toBe(
      false,
    );

    const [result] = (await call('connections.test', { id: 'registry' })).results;
    expect(result?.result.status).toBe('ok');
    const headline = await call('sources.headline', { id: 'registry', from: 'live' });
    expect(headline.value).toMatchObject({ kind: 'mlflow', registeredModels: 3 });

    const { entries } = await call('audit.recent', { limit: 5 });
    expect(entries[0]).toMatchObject({ action: 'connection.create', result: 'ok' });
    expect(JSON.stringify(entries)).not.toContain('right-token');
    expect(await call('audit.verify', {})).toEqual({ ok: true, count: 1 });
  });

  it('tests a draft with a wrong token as unauthorized and a dead port as unreachable', async () => {
    const draft = {
      id: 'draft',
      name: 'Draft',
      kind: 'mlflow' as const,
      trackingUri: registry.url,
      auth: { type: 'bearer' as const, token: { secret: 'typed' } },
    };
    const wrong = await call('connections.test', { draft, secrets: { token: 'wrong-token' } });
    expect(wrong.results[0]?.result.status).toBe('unauthorized');
    const dead = await call('connections.test', {
      draft: { ...draft, trackingUri: `http://127.0.0.1:${await freePort()}` },
      secrets: { token: 'right-token' },
    });
    expect(dead.results[0]?.result.status).toBe('unreachable');
  });

  it('answers from the last-known figures, stamped with the cause, when a source goes down', async () => {
    const live = await call('sources.headline', { id: 'prom', from: 'live' });
    expect(live.freshness).toMatchObject({ stale: false });
    expect(live.value).toMatchObject({ kind: 'prometheus', gpusReporting: 16 });

    await metrics.stop();
    const stale = await call('sources.headline', { id: 'prom', from: 'live' });
    expect(stale.value).toEqual(live.value);
    expect(stale.freshness).toMatchObject({
      asOf: live.freshness!.asOf,
      stale: true,
      cause: { code: 'unreachable' },
    });

    const cached = await call('sources.headline', { id: 'prom', from: 'cache' });
    expect(cached.value).toEqual(live.value);
  });

  it('refuses to edit a connection the workspace file declares', async () => {
    const envelope = await host.dispatcher.invoke(
      'connections.remove',
      { id: 'prom' },
      { transport: 'test' },
    );
    expect(envelope).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('reports a broken workspace file with its line, and keeps the console open', async () => {
    const broken = join(dataDir, 'broken.yaml');
    writeFileSync(
      broken,
      'version: 1\nname: Broken\nconnections:\n  - id: x\n    kind: prometheus\n    url: 42\n',
    );
    const state = await call('workspace.addFile', { path: broken });
    const entry = state.available.find((w) => w.path === broken);
    expect(entry?.error).toMatch(/broken\.yaml:\d+:\d+/);
    const refused = await host.dispatcher.invoke(
      'workspace.switch',
      { id: entry!.id },
      { transport: 'test' },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await call('workspace.get', {})).current.name).toBe('Team');
  });
});
