import { describe, expect, test } from 'vitest';
import type { SourceRun } from '../../../../shared/contract/models';
import { compareRuns } from './compare';
import { nameFilter, toDataset, toSourceRun, toVersionSummary } from './registry-mapping';
import { deploymentUris, inferenceServiceUris, parseModelUri, servingTargetsFor } from './serving';

const run = (over: Partial<SourceRun>): SourceRun => ({
  runId: 'r',
  experimentId: '1',
  params: [],
  metrics: [],
  datasets: [],
  ...over,
});

describe('registry mapping', () => {
  test('escapes the name search for MLflow LIKE', () => {
    expect(nameFilter('  ')).toBeUndefined();
    expect(nameFilter(" fr'aud ")).toBe("name ILIKE '%fr_aud%'");
  });

  test('a version takes its aliases from the model and drops the None stage', () => {
    const summary = toVersionSummary(
      {
        name: 'm',
        version: '4',
        tags: [{ key: 'a', value: 'b' }],
        aliases: [],
        current_stage: 'None',
      },
      [
        { alias: 'challenger', version: '4' },
        { alias: 'champion', version: '3' },
      ],
    );
    expect(summary).toEqual({ version: '4', aliases: ['challenger'], tags: { a: 'b' } });
  });

  test('a dataset input becomes name, digest, role, location, schema and rows', () => {
    expect(
      toDataset({
        tags: [{ key: 'mlflow.data.context', value: 'training' }],
        dataset: {
          name: 'train',
          digest: 'abc',
          source_type: 'http',
          source: '{"uri": "s3://b/train.parquet"}',
          schema: '{"mlflow_colspec": [{"type": "double", "name": "amount"}]}',
          profile: '{"num_rows": 10}',
        },
      }),
    ).toEqual({
      name: 'train',
      digest: 'abc',
      context: 'training',
      sourceType: 'http',
      source: 's3://b/train.parquet',
      schema: [{ name: 'amount', type: 'double' }],
      rows: 10,
    });
  });

  test('a run names its Argo workflow and keeps every metric curve in step order', () => {
    const mapped = toSourceRun(
      {
        info: { run_id: 'r1', experiment_id: '2', run_name: 'xgb' },
        data: {
          metrics: [{ key: 'auc', value: 0.9, step: 2 }],
          params: [{ key: 'depth', value: '6' }],
          tags: [
            { key: 'argo.workflow', value: 'train-abc' },
            { key: 'argo.namespace', value: 'ml' },
            { key: 'mlflow.user', value: 'ana' },
          ],
        },
        inputs: { dataset_inputs: [] },
      },
      new Map([
        [
          'auc',
          [
            { key: 'auc', value: 0.9, step: 2 },
            { key: 'auc', value: 0.8, step: 1 },
          ],
        ],
      ]),
    );
    expect(mapped.pipeline).toEqual({ workflow: 'train-abc', namespace: 'ml' });
    expect(mapped.user).toBe('ana');
    expect(mapped.metrics[0]!.history.map((p) => p.value)).toEqual([0.8, 0.9]);
  });
});

describe('compare with the champion', () => {
  const ds = (name: string, digest: string, context = 'training') => ({
    name,
    digest,
    context,
    schema: [],
  });

  test('metrics side by side with deltas; only differing params and datasets', () => {
    const result = compareRuns(
      run({
        metrics: [
          { key: 'auc', value: 0.93, history: [] },
          { key: 'f1', value: 0.8, history: [] },
        ],
        params: [
          { key: 'depth', value: '8' },
          { key: 'lr', value: '0.1' },
          { key: 'new', value: 'x' },
        ],
        datasets: [ds('train', 'b'), ds('holdout', 'h', 'evaluation')],
      }),
      run({
        metrics: [{ key: 'auc', value: 0.9, history: [] }],
        params: [
          { key: 'depth', value: '6' },
          { key: 'lr', value: '0.1' },
        ],
        datasets: [ds('train', 'a'), ds('holdout', 'h', 'evaluation')],
      }),
    );
    expect(result.metrics.map((m) => [m.key, m.candidate, m.baseline])).toEqual([
      ['auc', 0.93, 0.9],
      ['f1', 0.8, undefined],
    ]);
    expect(result.metrics[0]!.delta).toBeCloseTo(0.03);
    expect(result.metrics[1]!.delta).toBeUndefined();
    expect(result.params).toEqual([
      { key: 'depth', candidate: '8', baseline: '6' },
      { key: 'new', candidate: 'x' },
    ]);
    expect(result.datasets.map((d) => [d.label, d.candidate?.digest, d.baseline?.digest])).toEqual([
      ['training · train', 'b', 'a'],
    ]);
  });

  test('without a champion every metric is one-sided', () => {
    const result = compareRuns(
      run({ metrics: [{ key: 'auc', value: 1, history: [] }] }),
      undefined,
    );
    expect(result.metrics).toEqual([
      { key: 'auc', candidate: 1, candidateHistory: [], baselineHistory: [] },
    ]);
  });
});

describe('where a model serves', () => {
  test('parses version and alias URIs', () => {
    expect(parseModelUri('models:/fraud/4')).toEqual({ name: 'fraud', version: '4' });
    expect(parseModelUri('models:/fraud@champion')).toEqual({ name: 'fraud', alias: 'champion' });
    expect(parseModelUri('s3://bucket/model')).toBeUndefined();
  });

  test('finds KServe storage URIs (canary too) and Deployment env URIs, resolving aliases', () => {
    const isvc = {
      metadata: { namespace: 'fraud', name: 'fraud-detector' },
      spec: {
        predictor: { canaryTrafficPercent: 10, model: { storageUri: 'models:/fraud@champion' } },
      },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    };
    const deployment = {
      metadata: { namespace: 'fraud', name: 'shadow' },
      spec: {
        replicas: 2,
        template: {
          spec: {
            containers: [
              {
                image: 'x',
                env: [
                  { name: 'MODEL_URI', value: 'models:/fraud/4' },
                  { name: 'OTHER', value: 'models:/churn/1' },
                ],
              },
            ],
          },
        },
      },
      status: { availableReplicas: 1 },
    };
    const revision = {
      ...deployment,
      metadata: {
        ...deployment.metadata,
        labels: { 'serving.kserve.io/inferenceservice': 'fraud-detector' },
      },
    };
    expect(deploymentUris(revision)).toEqual([]);
    const found = [...inferenceServiceUris(isvc), ...deploymentUris(deployment)];
    const targets = servingTargetsFor('fraud', [{ alias: 'champion', version: '3' }], found, {
      connection: 'k',
      context: 'c',
    });
    expect(targets).toEqual([
      expect.objectContaining({
        kind: 'InferenceService',
        version: '3',
        alias: 'champion',
        trafficPercent: 10,
        field: 'storageUri (canary)',
        ready: true,
      }),
      expect.objectContaining({
        kind: 'Deployment',
        version: '4',
        field: 'env MODEL_URI',
        ready: false,
      }),
    ]);
  });
});
