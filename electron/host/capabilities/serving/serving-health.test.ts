import { describe, expect, it } from 'vitest';
import { deploymentHealth, inferenceServiceHealth, podHealth, servesModel } from './serving-health';

const ref = { connection: 'prod', context: 'eu-1' };

const isvc = (conditions: unknown[], extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'ranking-model', namespace: 'search', labels: {} },
  spec: { predictor: { minReplicas: 2, model: { storageUri: 'models:/ranking-model/12' } } },
  status: { conditions, ...extra },
});

const pod = (ready: boolean, restarts: number, waiting?: string) => ({
  status: {
    phase: 'Running',
    containerStatuses: [
      { ready, restartCount: restarts, state: waiting ? { waiting: { reason: waiting } } : {} },
    ],
  },
});

describe('InferenceService health from its conditions', () => {
  it('is ready when Ready is True, with the canary traffic split', () => {
    const s = inferenceServiceHealth(
      ref,
      isvc([{ type: 'Ready', status: 'True', lastTransitionTime: '2026-03-02T01:00:00Z' }], {
        components: {
          predictor: {
            latestReadyRevision: 'r-3',
            traffic: [
              { revisionName: 'r-3', percent: 10, tag: 'latest', latestRevision: true },
              { revisionName: 'r-2', percent: 90, tag: 'prev', latestRevision: false },
            ],
          },
        },
      }),
      [podHealth(pod(true, 0)), podHealth(pod(true, 1))],
    );
    expect(s).toMatchObject({
      id: 'prod/eu-1/InferenceService/search/ranking-model',
      health: 'ready',
      model: 'ranking-model',
      revision: 'r-3',
      replicas: { desired: 2, ready: 2 },
      restarts: 1,
      lastTransition: '2026-03-02T01:00:00Z',
    });
    expect(s.traffic).toEqual([
      { revision: 'r-3', percent: 10, tag: 'latest', latest: true },
      { revision: 'r-2', percent: 90, tag: 'prev', latest: false },
    ]);
    expect(s.reason).toBeUndefined();
  });

  it('says why it is not ready: the failing condition with a message', () => {
    const s = inferenceServiceHealth(
      ref,
      isvc([
        {
          type: 'PredictorConfigurationReady',
          status: 'False',
          reason: 'RevisionFailed',
          message: 'size mismatch',
        },
        { type: 'Ready', status: 'False', reason: 'RevisionFailed' },
      ]),
      [],
    );
    expect(s).toMatchObject({
      health: 'not-ready',
      reason: 'RevisionFailed',
      message: 'size mismatch',
    });
  });

  it('is unknown while settling or when there are no conditions', () => {
    expect(
      inferenceServiceHealth(ref, isvc([{ type: 'Ready', status: 'Unknown' }]), []).health,
    ).toBe('unknown');
    expect(inferenceServiceHealth(ref, { metadata: { name: 'x' } }, []).health).toBe('unknown');
  });

  it('reads the model load failure when conditions say little', () => {
    const s = inferenceServiceHealth(
      ref,
      isvc([{ type: 'Ready', status: 'False' }], {
        modelStatus: { lastFailureInfo: { message: 'CUDA out of memory' } },
      }),
      [],
    );
    expect(s).toMatchObject({ reason: 'ModelLoadFailed', message: 'CUDA out of memory' });
  });
});

describe('model Deployment health', () => {
  const deployment = (available: number, conditions: unknown[]) => ({
    metadata: {
      name: 'churn-api',
      namespace: 'recs',
      annotations: { 'deployment.kubernetes.io/revision': '4' },
    },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'churn-api' } },
      template: {
        spec: { containers: [{ env: [{ name: 'MODEL_URI', value: 'models:/churn-model/3' }] }] },
      },
    },
    status: { availableReplicas: available, conditions },
  });

  it('is ready with every replica available', () => {
    const s = deploymentHealth(ref, deployment(3, [{ type: 'Available', status: 'True' }]), [
      podHealth(pod(true, 0)),
      podHealth(pod(true, 0)),
      podHealth(pod(true, 2)),
    ]);
    expect(s).toMatchObject({ health: 'ready', model: 'churn-model', revision: '4', restarts: 2 });
    expect(s.replicas).toEqual({ desired: 3, ready: 3 });
  });

  it('is not ready with a pod in CrashLoopBackOff, and says so', () => {
    const s = deploymentHealth(
      ref,
      deployment(2, [{ type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable' }]),
      [
        podHealth(pod(true, 0)),
        podHealth(pod(true, 0)),
        podHealth(pod(false, 17, 'CrashLoopBackOff')),
      ],
    );
    expect(s).toMatchObject({ health: 'not-ready', reason: 'CrashLoopBackOff', restarts: 17 });
  });

  it('is not ready when its rollout exceeded the progress deadline', () => {
    const s = deploymentHealth(
      ref,
      deployment(3, [
        {
          type: 'Progressing',
          status: 'False',
          reason: 'ProgressDeadlineExceeded',
          message: 'timed out',
        },
      ]),
      [],
    );
    expect(s).toMatchObject({ health: 'not-ready', reason: 'ProgressDeadlineExceeded' });
  });

  it('leaves out Deployments that serve no model and KServe-owned ones', () => {
    expect(
      servesModel({
        metadata: { name: 'redis' },
        spec: { template: { spec: { containers: [{}] } } },
      }),
    ).toBeUndefined();
    expect(
      servesModel({
        metadata: { labels: { 'serving.kserve.io/inferenceservice': 'x', model: 'x' } },
      }),
    ).toBeUndefined();
    expect(servesModel({ metadata: { labels: { 'app.kubernetes.io/model': 'fraud' } } })).toBe(
      'fraud',
    );
  });
});
