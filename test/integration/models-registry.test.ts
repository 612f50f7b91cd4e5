// The Models capability's registry reads (what models.list, models.get, models.version and
// models.compare answer) against the real MLflow server seeded through MLflow's Python client
// and against the simulator seeded from the same demo-registry.json: both must answer what the
// demo registry says (params, metrics and their curves, datasets, aliases, pipeline runs), and
// the same as each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareWithAlias,
  getModel,
  getVersionPage,
  listModels,
} from '../../electron/host/capabilities/models/registry-reads';
import { createMlflowSource, type MlflowSource } from '../../electron/host/sources/mlflow';
import { demoRegistry, startMlflowSimulator } from '../../electron/sim/mlflow';
import { startMlflow } from '../services/mlflow';

interface Target {
  mlflow: MlflowSource;
  stop(): Promise<void>;
}

async function sourceAt(url: string, username: string, password: string) {
  return createMlflowSource(
    {
      id: 'registry',
      name: 'Registry',
      kind: 'mlflow',
      trackingUri: url,
      auth: { type: 'basic', username, password: { secret: 'password' } },
    },
    async () => password,
  );
}

const starters: [string, () => Promise<Target>][] = [
  [
    'real mlflow server',
    async () => {
      const server = await startMlflow({ seed: true, basicAuth: true });
      const mlflow = await sourceAt(server.url, server.adminUser!, server.adminPassword!);
      return { mlflow, stop: server.stop };
    },
  ],
  [
    'simulator',
    async () => {
      const sim = await startMlflowSimulator({
        auth: { users: { admin: { password: 'admin-password-1234', permission: 'MANAGE' } } },
      });
      const mlflow = await sourceAt(sim.url, 'admin', 'admin-password-1234');
      return { mlflow, stop: sim.stop };
    },
  ],
];

const fraud = demoRegistry.registeredModels.find((m) => m.name === 'fraud-detector')!;
const answers = new Map<string, unknown>();

/** What both servers must agree on: everything but ids and times. */
function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) =>
      [
        'runId',
        'createdAt',
        'updatedAt',
        'startTime',
        'endTime',
        'timestamp',
        'experimentId',
        'source',
        'registeredBy',
        'user',
      ].includes(key) && typeof v !== 'object'
        ? '(varies)'
        : v,
    ),
  );
}

describe.each(starters)('models registry reads: %s', (label, start) => {
  let target: Target;

  beforeAll(async () => {
    target = await start();
  });
  afterAll(async () => {
    await target?.mlflow.close();
    await target?.stop();
  });

  it('lists models with aliases and tags, searches by name and pages with tokens', async () => {
    const all = await listModels(target.mlflow, { search: '', pageSize: 100 });
    expect(all.models.map((m) => m.name)).toEqual(
      demoRegistry.registeredModels.map((m) => m.name).sort(),
    );
    const listed = all.models.find((m) => m.name === 'fraud-detector')!;
    expect(listed.aliases).toEqual(
      Object.entries(fraud.aliases)
        .map(([alias, version]) => ({ alias, version }))
        .sort((a, b) => a.alias.localeCompare(b.alias)),
    );
    expect(listed.tags).toEqual(fraud.tags);
    expect(listed.description).toBe(fraud.description);

    const found = await listModels(target.mlflow, { search: 'FRAUD', pageSize: 100 });
    expect(found.models.map((m) => m.name)).toEqual(['fraud-detector']);

    const first = await listModels(target.mlflow, { search: '', pageSize: 2 });
    expect(first.models).toHaveLength(2);
    expect(first.nextPageToken).toBeTruthy();
    const second = await listModels(target.mlflow, {
      search: '',
      pageSize: 2,
      pageToken: first.nextPageToken,
    });
    expect([...first.models, ...second.models].map((m) => m.name)).toEqual(
      all.models.map((m) => m.name),
    );
    expect(second.nextPageToken).toBeUndefined();
  });

  it("a model's versions carry their aliases, release notes and tags", async () => {
    const { model, versions } = await getModel(target.mlflow, 'fraud-detector');
    expect(model.latestVersion).toBe(String(fraud.versions.length));
    expect(versions.map((v) => v.version)).toEqual(['4', '3', '2', '1']);
    for (const v of versions) {
      const seeded = fraud.versions[Number(v.version) - 1]!;
      expect(v.description).toBe(seeded.description);
      expect(v.tags).toEqual(expect.objectContaining(seeded.tags));
      expect(v.aliases).toEqual(
        Object.entries(fraud.aliases)
          .filter(([, version]) => version === v.version)
          .map(([alias]) => alias),
      );
      expect(v.runId).toBeTruthy();
    }
    answers.set(`${label}:model`, comparable({ model, versions }));
  });

  it("a version's page has the run's params, metric curves, datasets and pipeline run", async () => {
    const page = await getVersionPage(target.mlflow, 'fraud-detector', '4');
    const seeded = fraud.versions[3]!.run;
    expect(page.version.aliases).toEqual(['challenger']);
    expect(page.run?.runName).toBe(seeded.name);
    expect(page.run?.params).toEqual(
      Object.entries(seeded.params)
        .map(([key, value]) => ({ key, value }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(
      Object.fromEntries(page.run!.metrics.map((m) => [m.key, m.history.map((p) => p.value)])),
    ).toEqual(seeded.metrics);
    for (const m of page.run!.metrics) expect(m.value).toBe(seeded.metrics[m.key]!.at(-1));
    expect(page.run?.datasets).toEqual(
      seeded.datasets.map((d) => ({
        name: d.name,
        digest: d.digest,
        context: d.context,
        sourceType: expect.any(String),
        source: d.source,
        schema: Object.entries(d.columns).map(([name, type]) => ({ name, type })),
        rows: d.rows,
      })),
    );
    expect(page.run?.pipeline?.workflow).toBe(seeded.tags['argo.workflow']);
    answers.set(`${label}:version`, comparable(page));
  });

  it('compares a version with the champion', async () => {
    const c = await compareWithAlias(target.mlflow, 'fraud-detector', '4', 'champion');
    const candidate = fraud.versions[3]!.run;
    const champion = fraud.versions[Number(fraud.aliases['champion']) - 1]!.run;
    expect(c.baseline).toEqual({ alias: 'champion', version: fraud.aliases['champion'] });
    const auc = c.metrics.find((m) => m.key === 'auc')!;
    expect(auc.candidate).toBe(candidate.metrics['auc']!.at(-1));
    expect(auc.baseline).toBe(champion.metrics['auc']!.at(-1));
    expect(auc.delta).toBeCloseTo(auc.candidate! - auc.baseline!);
    const differing = Object.keys({ ...candidate.params, ...champion.params })
      .filter((k) => candidate.params[k] !== champion.params[k])
      .sort();
    expect(c.params.map((p) => p.key)).toEqual(differing);
    const changedDigests = candidate.datasets.filter(
      (d) => champion.datasets.find((b) => b.name === d.name)?.digest !== d.digest,
    );
    expect(c.datasets.map((d) => d.candidate?.digest).sort()).toEqual(
      changedDigests.map((d) => d.digest).sort(),
    );
    answers.set(`${label}:compare`, comparable(c));
  });

  it('says not_found for a model the registry does not have', async () => {
    await expect(getModel(target.mlflow, 'no-such-model')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('the simulator and MLflow agree', () => {
  it.each(['model', 'version', 'compare'])('%s', (what) => {
    expect(answers.get(`simulator:${what}`)).toEqual(answers.get(`real mlflow server:${what}`));
  });
});
