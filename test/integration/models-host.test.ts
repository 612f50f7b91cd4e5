// The Models calls through the host's dispatcher, as the renderer makes them: answers cached as
// last-known, served from the cache at once, stale with the cause when the registry goes down,
// and typed errors for a missing model, a wrong token and a connection that is not a registry.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CallInput,
  CallName,
  CallOutput,
  ContractError,
  Envelope,
} from '../../shared/contract';
import type { Host } from '../../electron/host/index';
import { startMlflowSimulator } from '../../electron/sim/mlflow/index';
import { startHostOnFile } from '../services/test-host';

let dataDir: string;
let host: Host;
let registry: { url: string; stop(): Promise<void> };

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

async function failure<N extends CallName>(name: N, input: CallInput<N>): Promise<ContractError> {
  const envelope = await invoke(name, input);
  if (envelope.ok) throw new Error(`${name} answered instead of failing`);
  return envelope.error;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'console-models-'));
  registry = await startMlflowSimulator({ seed: true, auth: { bearer: 'right-token' } });
  const workspaceFile = join(dataDir, 'team.yaml');
  writeFileSync(
    workspaceFile,
    [
      'version: 1',
      'name: Team',
      'connections:',
      `  - { id: registry, name: Registry, kind: mlflow, trackingUri: "${registry.url}", auth: { type: bearer, token: { env: REGISTRY_TOKEN } } }`,
      `  - { id: wrong, name: Wrong, kind: mlflow, trackingUri: "${registry.url}", auth: { type: bearer, token: { env: WRONG_TOKEN } } }`,
      '',
    ].join('\n'),
  );
  host = await startHostOnFile(dataDir, workspaceFile, {
    env: { ...process.env, REGISTRY_TOKEN: 'right-token', WRONG_TOKEN: 'nope' },
  });
});

afterAll(async () => {
  await host?.close();
  await registry?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Models calls behind the contract', () => {
  it('has nothing cached before the first live answer, then serves it from the cache', async () => {
    expect(await call('models.list', { id: 'registry', from: 'cache' })).toEqual({
      value: null,
      freshness: null,
    });
    const live = await call('models.list', { id: 'registry' });
    expect(live.freshness?.stale).toBe(false);
    expect(live.value?.models.map((m) => m.name)).toEqual([
      'churn-model',
      'fraud-detector',
      'ranking-model',
    ]);
    const cached = await call('models.list', { id: 'registry', from: 'cache' });
    expect(cached.value).toEqual(live.value);
    expect(cached.freshness).toEqual({ asOf: live.freshness?.asOf, stale: true });
  });

  it('answers a model, a version, a comparison and (with no cluster) an empty serving list', async () => {
    const model = await call('models.get', { id: 'registry', name: 'fraud-detector' });
    expect(model.value?.versions.find((v) => v.version === '3')?.aliases).toEqual(['champion']);
    const version = await call('models.version', {
      id: 'registry',
      name: 'fraud-detector',
      version: '4',
    });
    expect(version.value?.run?.pipeline?.workflow).toBe('fraud-detector-train-d9r5v');
    const compared = await call('models.compare', {
      id: 'registry',
      name: 'fraud-detector',
      version: '4',
    });
    expect(compared.value?.baseline).toEqual({ alias: 'champion', version: '3' });
    const serving = await call('models.serving', { id: 'registry', name: 'fraud-detector' });
    expect(serving.value).toEqual({ model: 'fraud-detector', targets: [], contexts: [] });
  });

  it('gives typed errors: missing model, wrong token, not a registry', async () => {
    expect(await failure('models.get', { id: 'registry', name: 'no-such-model' })).toMatchObject({
      code: 'not_found',
      source: 'registry',
    });
    expect(await failure('models.list', { id: 'wrong' })).toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
    expect(await failure('models.list', { id: 'nowhere' })).toMatchObject({ code: 'not_found' });
  });

  it('paints the last-known answer, stale with the cause, when the registry is down', async () => {
    const before = await call('models.get', { id: 'registry', name: 'fraud-detector' });
    await registry.stop();
    const after = await call('models.get', { id: 'registry', name: 'fraud-detector' });
    expect(after.value).toEqual(before.value);
    expect(after.freshness).toMatchObject({ stale: true, cause: { code: 'unreachable' } });
    expect(await failure('models.get', { id: 'registry', name: 'churn-model' })).toMatchObject({
      code: 'unreachable',
    });
  });
});
