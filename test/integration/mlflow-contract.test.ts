// One contract, two servers: the console's MLflow client against a real `mlflow server` (the
// pinned release, basic-auth app, seeded through MLflow's Python client) and against the
// in-process simulator seeded from the same demo-registry.json. Whatever the console relies on
// is asserted on both, so the simulator cannot drift from MLflow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  createMlflowSource,
  testMlflowConnection,
  type MlflowSource,
} from '../../electron/host/sources/mlflow';
import { MlflowError } from '../../electron/host/sources/mlflow/mlflow-errors';
import {
  datasetRecord,
  demoRegistry,
  startMlflowSimulator,
  type DemoSeedSummary,
} from '../../electron/sim/mlflow';
import type { MlflowConnection } from '../../shared/model/connection';
import { startMlflow } from '../services/mlflow';
import { freePort } from '../services/ports';

interface Credentials {
  username: string;
  password: string;
}

interface ContractTarget {
  url: string;
  admin: Credentials;
  /** A user with no permission on anything. */
  viewer: Credentials;
  seeded: DemoSeedSummary;
  stop(): Promise<void>;
}

const targets: [string, () => Promise<ContractTarget>][] = [
  [
    'real mlflow server',
    async () => {
      const server = await startMlflow({ seed: true, basicAuth: true });
      console.log(
        `mlflow server: started in ${server.timings.startMs} ms, seeded in ${server.timings.seedMs} ms`,
      );
      return {
        url: server.url,
        admin: { username: server.adminUser!, password: server.adminPassword! },
        viewer: { username: server.viewerUser!, password: server.viewerPassword! },
        seeded: server.seeded!,
        stop: server.stop,
      };
    },
  ],
  [
    'simulator',
    async () => {
      const admin = { username: 'admin', password: 'admin-password-1234' };
      const viewer = { username: 'viewer', password: 'viewer-password-1234' };
      const sim = await startMlflowSimulator({
        auth: {
          users: {
            [admin.username]: { password: admin.password, permission: 'MANAGE' },
            [viewer.username]: { password: viewer.password, permission: 'NO_PERMISSIONS' },
          },
        },
      });
      return { url: sim.url, admin, viewer, seeded: sim.seeded!, stop: sim.stop };
    },
  ],
];

function connection(url: string): MlflowConnection {
  return {
    id: 'mlflow-contract',
    name: 'MLflow contract',
    kind: 'mlflow',
    trackingUri: url,
    auth: { type: 'none' },
  };
}

function sourceAs(url: string, who: Credentials): Promise<MlflowSource> {
  return createMlflowSource(
    {
      ...connection(url),
      auth: { type: 'basic', username: who.username, password: { secret: 'password' } },
    },
    async () => who.password,
  );
}

function basicHeader(who: Credentials): Record<string, string> {
  return {
    authorization: `Basic ${Buffer.from(`${who.username}:${who.password}`).toString('base64')}`,
  };
}

/** Resolves to the MlflowError a call rejects with. */
async function failure(promise: Promise<unknown>): Promise<MlflowError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MlflowError);
  return error as MlflowError;
}

const fraud = demoRegistry.registeredModels.find((m) => m.name === 'fraud-detector')!;
const fraudV3 = fraud.versions[2]!;
const pendingVersions = demoRegistry.registeredModels
  .flatMap((m) =>
    m.versions.map((v, i) => ({ key: `${m.name}/${i + 1}`, status: v.tags['approval.status'] })),
  )
  .filter((v) => v.status === 'pending')
  .map((v) => v.key)
  .sort();

describe.each(targets)('MLflow contract: %s', (_label, start) => {
  let target: ContractTarget;
  let mlflow: MlflowSource;
  let seededRun: (model: string, version: string) => string;

  beforeAll(async () => {
    target = await start();
    mlflow = await sourceAs(target.url, target.admin);
    seededRun = (model, version) =>
      target.seeded.registeredModels
        .find((m) => m.name === model)!
        .versions.find((v) => v.version === version)!.runId;
  });

  afterAll(async () => {
    await mlflow?.close();
    await target?.stop();
  });

  it('answers /health without credentials and /version with them', async () => {
    const anonymous = await createMlflowSource(connection(target.url), async () => '');
    expect(await anonymous.health()).toBe(true);
    await anonymous.close();
    expect(await mlflow.version()).toBe('3.17.2');
  });

  it('searches registered models by name, tag and order, paging with tokens', async () => {
    const all = await mlflow.searchRegisteredModels();
    expect(all.items.map((m) => m.name)).toEqual([
      'churn-model',
      'fraud-detector',
      'ranking-model',
    ]);
    expect(all.nextPageToken).toBeUndefined();

    const byName = await mlflow.searchRegisteredModels({ filter: "name LIKE '%fraud%'" });
    expect(byName.items.map((m) => m.name)).toEqual(['fraud-detector']);
    expect((await mlflow.searchRegisteredModels({ filter: "name LIKE '%FRAUD%'" })).items).toEqual(
      [],
    );
    expect(
      (await mlflow.searchRegisteredModels({ filter: "name ILIKE '%FRAUD%'" })).items.map(
        (m) => m.name,
      ),
    ).toEqual(['fraud-detector']);
    const byTag = await mlflow.searchRegisteredModels({ filter: "tags.team = 'growth-analytics'" });
    expect(byTag.items.map((m) => m.name)).toEqual(['churn-model']);
    const descending = await mlflow.searchRegisteredModels({ orderBy: ['name DESC'] });
    expect(descending.items.map((m) => m.name)).toEqual([
      'ranking-model',
      'fraud-detector',
      'churn-model',
    ]);

    const names: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await mlflow.searchRegisteredModels({
        maxResults: 2,
        ...(pageToken ? { pageToken } : {}),
      });
      names.push(...page.items.map((m) => m.name));
      pageToken = page.nextPageToken;
      pages++;
    } while (pageToken);
    expect(pages).toBe(2);
    expect(names).toEqual(['churn-model', 'fraud-detector', 'ranking-model']);
    expect(await mlflow.countRegisteredModels()).toBe(3);
    expect(await mlflow.countRegisteredModels("tags.tier = 'critical'")).toBe(2);
  });

  it('reads a registered model with its description, tags, aliases and latest version', async () => {
    const model = await mlflow.getRegisteredModel('fraud-detector');
    expect(model.description).toBe(fraud.description);
    expect(Object.fromEntries(model.tags.map((t) => [t.key, t.value]))).toEqual(fraud.tags);
    expect(model.aliases).toEqual([
      { alias: 'challenger', version: '4' },
      { alias: 'champion', version: '3' },
    ]);
    expect(model.latest_versions.map((v) => v.version)).toEqual(['4']);
    expect(model.creation_timestamp).toBeGreaterThan(1.7e12);
    expect(model.last_updated_timestamp).toBeGreaterThanOrEqual(model.creation_timestamp!);
  });

  it('searches model versions by name, run id and tag, paging with tokens', async () => {
    const versions = await mlflow.searchModelVersions({
      filter: "name = 'fraud-detector'",
      orderBy: ['version_number ASC'],
    });
    expect(versions.items.map((v) => v.version)).toEqual(['1', '2', '3', '4']);
    expect(versions.items.map((v) => v.run_id)).toEqual(
      ['1', '2', '3', '4'].map((v) => seededRun('fraud-detector', v)),
    );
    // MLflow leaves aliases out of search results.
    expect(versions.items.every((v) => v.aliases.length === 0)).toBe(true);

    const byRun = await mlflow.searchModelVersions({
      filter: `run_id = '${seededRun('churn-model', '2')}'`,
    });
    expect(byRun.items.map((v) => `${v.name}/${v.version}`)).toEqual(['churn-model/2']);
    const pending = await mlflow.searchModelVersions({
      filter: "tags.`approval.status` = 'pending'",
    });
    expect(pending.items.map((v) => `${v.name}/${v.version}`).sort()).toEqual(pendingVersions);
    const numeric = await mlflow.searchModelVersions({
      filter: "name = 'fraud-detector' AND version_number >= 3",
    });
    expect(numeric.items.map((v) => v.version).sort()).toEqual(['3', '4']);

    const first = await mlflow.searchModelVersions({
      filter: "name = 'ranking-model'",
      orderBy: ['version_number DESC'],
      maxResults: 2,
    });
    expect(first.items.map((v) => v.version)).toEqual(['3', '2']);
    expect(first.nextPageToken).toBeTruthy();
    const second = await mlflow.searchModelVersions({
      filter: "name = 'ranking-model'",
      orderBy: ['version_number DESC'],
      maxResults: 2,
      pageToken: first.nextPageToken!,
    });
    expect(second.items.map((v) => v.version)).toEqual(['1']);
    expect(second.nextPageToken).toBeUndefined();
  });

  it('reads a model version with its source run, status, release notes and aliases', async () => {
    const version = await mlflow.getModelVersion('fraud-detector', '3');
    const runId = seededRun('fraud-detector', '3');
    expect(version).toMatchObject({
      name: 'fraud-detector',
      version: '3',
      current_stage: 'None',
      status: 'READY',
      source: `runs:/${runId}/model`,
      run_id: runId,
      description: fraudV3.description,
      aliases: ['champion'],
    });
    expect(Object.fromEntries(version.tags.map((t) => [t.key, t.value]))).toEqual(fraudV3.tags);
    expect(await mlflow.getModelVersionDownloadUri('fraud-detector', '3')).toBe(
      `runs:/${runId}/model`,
    );
  });

  it('resolves, moves and deletes aliases', async () => {
    expect((await mlflow.getModelVersionByAlias('fraud-detector', 'champion')).version).toBe('3');
    expect((await mlflow.getModelVersionByAlias('fraud-detector', 'challenger')).aliases).toEqual([
      'challenger',
    ]);

    await mlflow.setAlias('churn-model', 'canary', '1');
    expect((await mlflow.getModelVersionByAlias('churn-model', 'canary')).version).toBe('1');
    await mlflow.setAlias('churn-model', 'canary', '3');
    const moved = await mlflow.getModelVersionByAlias('churn-model', 'canary');
    expect(moved.version).toBe('3');
    expect(moved.aliases).toEqual(['canary', 'challenger']);
    expect((await mlflow.getRegisteredModel('churn-model')).aliases).toContainEqual({
      alias: 'canary',
      version: '3',
    });

    await mlflow.deleteAlias('churn-model', 'canary');
    const unset = await failure(mlflow.getModelVersionByAlias('churn-model', 'canary'));
    expect(unset.code).toBe('not_found');
    // MLflow itself answers an unset alias with 400 INVALID_PARAMETER_VALUE, not 404.
    expect(unset.status).toBe(400);
    expect(unset.mlflowCode).toBe('INVALID_PARAMETER_VALUE');
    expect(await mlflow.findModelVersionByAlias('churn-model', 'canary')).toBeUndefined();
    // Deleting an unset alias is not an error.
    await mlflow.deleteAlias('churn-model', 'canary');

    const missingModel = await failure(mlflow.findModelVersionByAlias('no-such-model', 'champion'));
    expect([missingModel.code, missingModel.status, missingModel.mlflowCode]).toEqual([
      'not_found',
      404,
      'RESOURCE_DOES_NOT_EXIST',
    ]);
    const missingVersion = await failure(mlflow.setAlias('churn-model', 'canary', '99'));
    expect([missingVersion.code, missingVersion.status, missingVersion.mlflowCode]).toEqual([
      'not_found',
      404,
      'RESOURCE_DOES_NOT_EXIST',
    ]);
  });

  it('refuses reserved and malformed alias names as MLflow does', async () => {
    for (const alias of ['latest', 'LATEST', 'v3', 'V12', 'bad alias!']) {
      const refused = await failure(mlflow.setAlias('fraud-detector', alias, '1'));
      expect([refused.code, refused.status, refused.mlflowCode], alias).toEqual([
        'bad_request',
        400,
        'INVALID_PARAMETER_VALUE',
      ]);
    }
    // `latest` is reserved because MLflow resolves it to the newest version.
    expect((await mlflow.getModelVersionByAlias('fraud-detector', 'latest')).version).toBe('4');
  });

  it('sets and deletes version and model tags', async () => {
    await mlflow.setModelVersionTag('ranking-model', '2', 'approval.request_id', 'req-42');
    let version = await mlflow.getModelVersion('ranking-model', '2');
    expect(version.tags).toContainEqual({ key: 'approval.request_id', value: 'req-42' });
    await mlflow.deleteModelVersionTag('ranking-model', '2', 'approval.request_id');
    version = await mlflow.getModelVersion('ranking-model', '2');
    expect(version.tags.map((t) => t.key)).not.toContain('approval.request_id');

    await mlflow.setRegisteredModelTag('ranking-model', 'console.prev.champion', '1');
    expect((await mlflow.getRegisteredModel('ranking-model')).tags).toContainEqual({
      key: 'console.prev.champion',
      value: '1',
    });
    await mlflow.deleteRegisteredModelTag('ranking-model', 'console.prev.champion');
    expect((await mlflow.getRegisteredModel('ranking-model')).tags.map((t) => t.key)).not.toContain(
      'console.prev.champion',
    );

    const badKey = await failure(mlflow.setRegisteredModelTag('ranking-model', 'bad key!', 'x'));
    expect([badKey.code, badKey.status, badKey.mlflowCode]).toEqual([
      'bad_request',
      400,
      'INVALID_PARAMETER_VALUE',
    ]);
    const missing = await failure(mlflow.setModelVersionTag('ranking-model', '99', 'k', 'v'));
    expect([missing.code, missing.status]).toEqual(['not_found', 404]);
  });

  it('updates release notes, bumping only the version', async () => {
    const before = await mlflow.getModelVersion('churn-model', '1');
    const modelBefore = await mlflow.getRegisteredModel('churn-model');
    const updated = await mlflow.updateModelVersionDescription(
      'churn-model',
      '1',
      'Release notes: retired.',
    );
    expect(updated.description).toBe('Release notes: retired.');
    expect(updated.last_updated_timestamp).toBeGreaterThan(before.last_updated_timestamp!);
    expect((await mlflow.getModelVersion('churn-model', '1')).description).toBe(
      'Release notes: retired.',
    );
    expect((await mlflow.getRegisteredModel('churn-model')).last_updated_timestamp).toBe(
      modelBefore.last_updated_timestamp,
    );
  });

  it('reads the run behind a version: params, latest metrics, Argo tags and dataset inputs', async () => {
    const runId = seededRun('fraud-detector', '3');
    const run = await mlflow.getRun(runId);
    const spec = fraudV3.run;
    expect(run.info).toMatchObject({
      run_id: runId,
      experiment_id: target.seeded.experiments.find((e) => e.name === 'fraud-detection')!
        .experimentId,
      run_name: spec.name,
      user_id: spec.user,
      status: 'FINISHED',
      lifecycle_stage: 'active',
    });
    expect(run.info.end_time! - run.info.start_time!).toBe(spec.durationMinutes * 60_000);
    expect(Object.fromEntries(run.data.params.map((p) => [p.key, p.value]))).toEqual(spec.params);
    const tags = Object.fromEntries(run.data.tags.map((t) => [t.key, t.value]));
    expect(tags).toMatchObject({
      ...spec.tags,
      'mlflow.runName': spec.name,
      'mlflow.user': spec.user,
    });
    expect(tags['argo.workflow']).toMatch(/^fraud-detector-train-[a-z0-9]{5}$/);

    const latest = Object.fromEntries(run.data.metrics.map((m) => [m.key, m]));
    for (const [key, values] of Object.entries(spec.metrics)) {
      expect(latest[key], key).toMatchObject({
        value: values.at(-1),
        step: values.length - 1,
        timestamp: run.info.end_time,
      });
    }

    const inputs = run.inputs.dataset_inputs;
    expect(inputs.map((i) => i.tags)).toEqual(
      spec.datasets.map((d) => [{ key: 'mlflow.data.context', value: d.context }]),
    );
    // Name, digest, source, ColSpec schema and profile exactly as mlflow.data.from_pandas records them.
    expect(inputs.map((i) => i.dataset)).toEqual(spec.datasets.map(datasetRecord));
  });

  it('reads a metric curve, whole and page by page', async () => {
    const runId = seededRun('fraud-detector', '3');
    const run = await mlflow.getRun(runId);
    const history = await mlflow.getMetricHistory(runId, 'auc');
    expect(history.map((m) => [m.step, m.value])).toEqual(
      fraudV3.run.metrics.auc!.map((v, step) => [step, v]),
    );
    const times = history.map((m) => m.timestamp!);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThan(run.info.start_time!);
    expect(times.at(-1)).toBe(run.info.end_time);
    expect(await mlflow.getMetricHistory(runId, 'auc', { pageSize: 4 })).toEqual(history);
    expect(await mlflow.getMetricHistory(runId, 'no-such-metric')).toEqual([]);
  });

  it('finds runs by the Argo workflow that produced them and ranks them by a metric', async () => {
    const experimentId = target.seeded.experiments.find(
      (e) => e.name === 'fraud-detection',
    )!.experimentId;
    const byWorkflow = await mlflow.searchRuns({
      experimentIds: [experimentId],
      filter: `tags.\`argo.workflow\` = '${fraudV3.run.tags['argo.workflow']}'`,
    });
    expect(byWorkflow.items.map((r) => r.info.run_id)).toEqual([seededRun('fraud-detector', '3')]);

    const best = await mlflow.searchRuns({
      experimentIds: [experimentId],
      orderBy: ['metrics.auc DESC'],
      maxResults: 2,
    });
    expect(best.items.map((r) => r.info.run_name)).toEqual([
      'xgb-velocity-nov-retrain',
      'xgb-velocity-features',
    ]);
    expect(best.nextPageToken).toBeTruthy();
    const byParam = await mlflow.searchRuns({
      experimentIds: [experimentId],
      filter: "params.feature_set = 'v3-velocity' AND metrics.auc > 0.94",
      orderBy: ['attributes.start_time ASC'],
    });
    expect(byParam.items.map((r) => r.info.run_name)).toEqual([
      'xgb-velocity-features',
      'xgb-velocity-nov-retrain',
    ]);
    expect((await mlflow.searchRuns({ experimentIds: [] })).items).toEqual([]);
    expect((await mlflow.getExperiment(experimentId)).name).toBe('fraud-detection');
  });

  it("maps MLflow's errors: missing model, duplicate create, bad version, missing run, unknown route", async () => {
    const missing = await failure(mlflow.getRegisteredModel('no-such-model'));
    expect([missing.code, missing.status, missing.mlflowCode]).toEqual([
      'not_found',
      404,
      'RESOURCE_DOES_NOT_EXIST',
    ]);
    expect(missing.message).toContain('Registered Model with name=no-such-model not found');

    const duplicate = await failure(
      mlflow.call(z.unknown(), {
        method: 'POST',
        path: 'registered-models/create',
        json: { name: 'fraud-detector' },
      }),
    );
    expect([duplicate.code, duplicate.status, duplicate.mlflowCode]).toEqual([
      'conflict',
      400,
      'RESOURCE_ALREADY_EXISTS',
    ]);

    const badVersion = await failure(mlflow.getModelVersion('fraud-detector', 'abc'));
    expect([badVersion.code, badVersion.status, badVersion.mlflowCode]).toEqual([
      'bad_request',
      400,
      'INVALID_PARAMETER_VALUE',
    ]);
    const noVersion = await failure(mlflow.getModelVersion('fraud-detector', '99'));
    expect([noVersion.code, noVersion.status, noVersion.mlflowCode]).toEqual([
      'not_found',
      404,
      'RESOURCE_DOES_NOT_EXIST',
    ]);
    const noRun = await failure(mlflow.getRun('0123456789abcdef0123456789abcdef'));
    expect([noRun.code, noRun.status, noRun.mlflowCode]).toEqual([
      'not_found',
      404,
      'RESOURCE_DOES_NOT_EXIST',
    ]);
    const badFilter = await failure(mlflow.searchRegisteredModels({ filter: 'name = fraud' }));
    expect([badFilter.code, badFilter.status]).toEqual(['bad_request', 400]);

    // Flask answers unknown routes with an HTML 404; MLflow's client calls that ENDPOINT_NOT_FOUND.
    const unknown = await failure(mlflow.call(z.unknown(), { path: 'no-such-route' }));
    expect([unknown.code, unknown.status, unknown.mlflowCode]).toEqual([
      'not_found',
      404,
      'ENDPOINT_NOT_FOUND',
    ]);
  });

  it('sends int64 as JSON numbers, versions as strings and errors in MLflow’s envelope', async () => {
    const get = (path: string) =>
      fetch(`${target.url}${path}`, { headers: basicHeader(target.admin) });
    const model = (await (
      await get('/api/2.0/mlflow/registered-models/get?name=fraud-detector')
    ).json()) as {
      registered_model: { creation_timestamp: unknown; aliases: { version: unknown }[] };
    };
    expect(typeof model.registered_model.creation_timestamp).toBe('number');
    expect(model.registered_model.aliases.map((a) => typeof a.version)).toEqual([
      'string',
      'string',
    ]);
    const version = (await (
      await get('/api/2.0/mlflow/model-versions/get?name=fraud-detector&version=3')
    ).json()) as {
      model_version: { version: unknown; last_updated_timestamp: unknown };
    };
    expect(version.model_version.version).toBe('3');
    expect(typeof version.model_version.last_updated_timestamp).toBe('number');
    const run = (await (
      await get(`/api/2.0/mlflow/runs/get?run_id=${seededRun('fraud-detector', '3')}`)
    ).json()) as {
      run: {
        info: { start_time: unknown };
        data: { metrics: { timestamp: unknown; step: unknown }[] };
      };
    };
    expect(typeof run.run.info.start_time).toBe('number');
    expect(
      run.run.data.metrics.every(
        (m) => typeof m.timestamp === 'number' && typeof m.step === 'number',
      ),
    ).toBe(true);

    const missing = await get('/api/2.0/mlflow/registered-models/get?name=no-such-model');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await missing.json()).toMatchObject({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: expect.any(String),
    });
    const empty = await get(
      `/api/2.0/mlflow/registered-models/search?filter=${encodeURIComponent("name = 'nothing'")}`,
    );
    expect(await empty.json()).toEqual({});
  });

  it('serves the same routes under /ajax-api for the web UI', async () => {
    const res = await fetch(
      `${target.url}/ajax-api/2.0/mlflow/model-versions/get?name=fraud-detector&version=3`,
      {
        headers: basicHeader(target.admin),
      },
    );
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { model_version: { aliases: string[] } }).model_version.aliases,
    ).toEqual(['champion']);
  });

  it('answers 401 in plain text without credentials or with a wrong password', async () => {
    const anonymous = await fetch(`${target.url}/api/2.0/mlflow/registered-models/search`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="mlflow"');
    expect(await anonymous.text()).toMatch(/^You are not authenticated\./);

    const wrong = await sourceAs(target.url, {
      username: target.admin.username,
      password: 'not-the-password',
    });
    const refused = await failure(wrong.getRegisteredModel('fraud-detector'));
    expect([refused.code, refused.status, refused.mlflowCode]).toEqual([
      'unauthorized',
      401,
      'UNAUTHENTICATED',
    ]);
    expect(refused.message).toContain('You are not authenticated');
    await wrong.close();
  });

  it('answers 403 in plain text to a user without permission, and hides what it cannot read', async () => {
    const raw = await fetch(
      `${target.url}/api/2.0/mlflow/registered-models/get?name=fraud-detector`,
      {
        headers: basicHeader(target.viewer),
      },
    );
    expect(raw.status).toBe(403);
    expect(await raw.text()).toBe('Permission denied');

    const viewer = await sourceAs(target.url, target.viewer);
    const denied = await failure(viewer.setAlias('fraud-detector', 'champion', '1'));
    expect([denied.code, denied.status, denied.mlflowCode]).toEqual([
      'forbidden',
      403,
      'PERMISSION_DENIED',
    ]);
    expect(denied.message).toContain('Permission denied');
    expect((await viewer.searchRegisteredModels()).items).toEqual([]);
    expect((await mlflow.getModelVersionByAlias('fraud-detector', 'champion')).version).toBe('3');
    await viewer.close();
  });

  it('tests connections: ok, unauthorized, unreachable', async () => {
    const ok = await testMlflowConnection(mlflow);
    expect(ok).toMatchObject({ status: 'ok', serverVersion: 'MLflow 3.17.2' });

    const wrong = await sourceAs(target.url, {
      username: target.admin.username,
      password: 'not-the-password',
    });
    expect((await testMlflowConnection(wrong)).status).toBe('unauthorized');
    await wrong.close();

    const viewer = await sourceAs(target.url, target.viewer);
    expect(await testMlflowConnection(viewer)).toMatchObject({
      status: 'ok',
      message: expect.stringContaining('no registered models visible'),
    });
    await viewer.close();

    const dead = await createMlflowSource(
      connection(`http://127.0.0.1:${await freePort()}`),
      async () => '',
    );
    expect((await testMlflowConnection(dead)).status).toBe('unreachable');
    await dead.close();
  });
});

describe('MLflow simulator behind a bearer-token proxy', () => {
  it('answers 401 in plain text to a wrong token and serves the right one', async () => {
    const sim = await startMlflowSimulator({ auth: { bearer: 'token-for-tests' } });
    try {
      const bearer = (token: string) =>
        createMlflowSource(
          {
            ...connection(sim.url),
            auth: { type: 'bearer', token: { env: 'MLFLOW_TRACKING_TOKEN' } },
          },
          async () => token,
        );
      const wrong = await bearer('wrong-token');
      const result = await testMlflowConnection(wrong);
      expect(result.status).toBe('unauthorized');
      expect(result.message).toContain('You are not authenticated');
      const right = await bearer('token-for-tests');
      expect(await testMlflowConnection(right)).toMatchObject({
        status: 'ok',
        serverVersion: 'MLflow 3.17.2',
      });
      expect(await right.countRegisteredModels()).toBe(3);
      await Promise.all([wrong.close(), right.close()]);
    } finally {
      await sim.stop();
    }
  });
});
