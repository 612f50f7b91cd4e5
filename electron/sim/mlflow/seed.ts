// Seeds the simulator with the demo registry in demo-registry.json, the same file
// scripts/services/mlflow_seed.py logs into a real MLflow server through MLflow's own client.
// Everything MLflow derives (dataset source/schema/profile, metric timestamps, latest metrics)
// is derived here the way mlflow 3.17.2 does it, so the two agree; the contract tests check.
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import demoRegistryJson from './demo-registry.json';
import type { DatasetRecord, RegistryState, RunRecord } from './registry-state';

const columnType = z.enum(['double', 'float', 'long', 'integer', 'boolean', 'string']);

const demoDataset = z.object({
  name: z.string(),
  context: z.enum(['training', 'validation', 'evaluation']),
  digest: z.string(),
  source: z.string(),
  rows: z.number().int().positive(),
  targets: z.string().optional(),
  columns: z.record(z.string(), columnType),
});

const demoRun = z.object({
  name: z.string(),
  startedHoursAgo: z.number(),
  durationMinutes: z.number(),
  user: z.string(),
  tags: z.record(z.string(), z.string()),
  params: z.record(z.string(), z.string()),
  metrics: z.record(z.string(), z.array(z.number()).min(1)),
  datasets: z.array(demoDataset).default([]),
});

const demoRegistrySchema = z.object({
  experiments: z.array(
    z.object({ name: z.string(), tags: z.record(z.string(), z.string()).default({}) }),
  ),
  registeredModels: z.array(
    z.object({
      name: z.string(),
      experiment: z.string(),
      description: z.string().optional(),
      tags: z.record(z.string(), z.string()).default({}),
      aliases: z.record(z.string(), z.string()).default({}),
      versions: z.array(
        z.object({
          description: z.string().optional(),
          tags: z.record(z.string(), z.string()).default({}),
          run: demoRun,
        }),
      ),
    }),
  ),
});

export type DemoRegistry = z.infer<typeof demoRegistrySchema>;
export type DemoDataset = z.infer<typeof demoDataset>;
export type DemoRun = z.infer<typeof demoRun>;

/** The demo registry both seeders read. */
export const demoRegistry: DemoRegistry = demoRegistrySchema.parse(demoRegistryJson);

/** What a seeder created; mlflow_seed.py --out writes the same shape. */
export interface DemoSeedSummary {
  experiments: { name: string; experimentId: string }[];
  registeredModels: {
    name: string;
    versions: { version: string; runId: string; runName: string; argoWorkflow?: string }[];
    aliases: Record<string, string>;
  }[];
}

export function seedDemoRegistry(
  state: RegistryState,
  registry: DemoRegistry = demoRegistry,
): DemoSeedSummary {
  const nowMs = state.now();
  const experiments = new Map<string, string>();
  for (const experiment of registry.experiments) {
    experiments.set(
      experiment.name,
      state.createExperiment(experiment.name, new Map(Object.entries(experiment.tags)))
        .experiment_id,
    );
  }

  const models: DemoSeedSummary['registeredModels'] = [];
  for (const model of registry.registeredModels) {
    const experimentId = experiments.get(model.experiment);
    if (experimentId === undefined)
      throw new Error(`demo model ${model.name} names unknown experiment ${model.experiment}`);
    state.createRegisteredModel(model.name, model.description, new Map(Object.entries(model.tags)));
    const versions: DemoSeedSummary['registeredModels'][number]['versions'] = [];
    for (const spec of model.versions) {
      const run = demoRunRecord(spec.run, experimentId, nowMs);
      state.addRun(run);
      const created = state.createModelVersion({
        name: model.name,
        source: `runs:/${run.run_id}/model`,
        run_id: run.run_id,
        tags: new Map(Object.entries(spec.tags)),
        ...(spec.description ? { description: spec.description } : {}),
      });
      versions.push({
        version: String(created.version),
        runId: run.run_id,
        runName: spec.run.name,
        ...(spec.run.tags['argo.workflow'] ? { argoWorkflow: spec.run.tags['argo.workflow'] } : {}),
      });
    }
    for (const [alias, version] of Object.entries(model.aliases))
      state.setAlias(model.name, alias, version);
    models.push({ name: model.name, versions, aliases: { ...model.aliases } });
  }
  return {
    experiments: [...experiments].map(([name, experimentId]) => ({ name, experimentId })),
    registeredModels: models,
  };
}

/** A run as mlflow_seed.py logs it: same tags (in the same order), params, metric curves and datasets. */
export function demoRunRecord(run: DemoRun, experimentId: string, nowMs: number): RunRecord {
  const runId = randomUUID().replace(/-/g, '');
  const start = nowMs - run.startedHoursAgo * 3_600_000;
  const end = start + run.durationMinutes * 60_000;
  const metrics = new Map(
    Object.entries(run.metrics).map(([key, values]) => [
      key,
      values.map((value, step) => ({
        key,
        value,
        // Steps spread over the run, the last at its end: Python's (end - start) * (step + 1) // n.
        timestamp: start + Math.floor(((end - start) * (step + 1)) / values.length),
        step,
      })),
    ]),
  );
  return {
    run_id: runId,
    experiment_id: experimentId,
    run_name: run.name,
    user_id: run.user,
    status: 'FINISHED',
    start_time: start,
    end_time: end,
    artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
    lifecycle_stage: 'active',
    params: new Map(Object.entries(run.params)),
    tags: new Map([
      ['mlflow.user', run.user],
      ...Object.entries(run.tags),
      ['mlflow.runName', run.name],
    ]),
    metrics,
    datasets: run.datasets.map((dataset) => ({
      dataset: datasetRecord(dataset),
      tags: new Map([['mlflow.data.context', dataset.context]]),
    })),
  };
}

/**
 * The dataset entity `mlflow.data.from_pandas(df, source=..., name=..., digest=...)` produces:
 * source type from the URI scheme, source/schema/profile as Python's `json.dumps` writes them.
 */
export function datasetRecord(dataset: DemoDataset): DatasetRecord {
  const columns = Object.entries(dataset.columns);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(dataset.source)?.[1]?.toLowerCase();
  const [sourceType, sourceKey] =
    scheme === 'http' || scheme === 'https'
      ? ['http', 'url']
      : scheme === 's3' || scheme === 'gs'
        ? [scheme, 'uri']
        : ['local', 'uri'];
  return {
    name: dataset.name,
    digest: dataset.digest,
    source_type: sourceType,
    source: `{"${sourceKey}": ${JSON.stringify(dataset.source)}}`,
    schema: `{"mlflow_colspec": [${columns
      .map(
        ([name, type]) =>
          `{"type": ${JSON.stringify(type)}, "name": ${JSON.stringify(name)}, "required": true}`,
      )
      .join(', ')}]}`,
    profile: `{"num_rows": ${dataset.rows}, "num_elements": ${dataset.rows * columns.length}}`,
  };
}
