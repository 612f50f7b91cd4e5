// The pure parts of promotion: the patches both ways, the rollout verdict from an object's status,
// and the alias history kept in registry tags.
import { describe, expect, it } from 'vitest';
import { aliasTags, historyStack, tagsAfterMove } from './alias-history';
import { rolloutState } from './serving-cluster';
import { deploymentPatches, inferenceServicePatches } from './serving-patches';

const isvc = (extra: Record<string, unknown> = {}) => ({
  metadata: { namespace: 'fraud', name: 'fraud-detector' },
  spec: { predictor: { model: { storageUri: 'models:/fraud-detector/3' }, ...extra } },
});

describe('serving patches', () => {
  it('moves a KServe predictor and back, clearing or restoring a canary', () => {
    const [plain] = inferenceServicePatches(isvc(), 'fraud-detector', '3', '4');
    expect(plain?.forward.body).toEqual({
      spec: { predictor: { model: { storageUri: 'models:/fraud-detector/4' } } },
    });
    expect(plain?.backward.body).toEqual({
      spec: { predictor: { model: { storageUri: 'models:/fraud-detector/3' } } },
    });
    const [canary] = inferenceServicePatches(isvc(), 'fraud-detector', '3', '4', 10);
    expect(canary?.forward.body).toMatchObject({
      spec: { predictor: { canaryTrafficPercent: 10 } },
    });
    expect(canary?.backward.body).toMatchObject({
      spec: { predictor: { canaryTrafficPercent: null } },
    });
    const [wasCanary] = inferenceServicePatches(
      isvc({ canaryTrafficPercent: 20 }),
      'fraud-detector',
      '3',
      '4',
    );
    expect(wasCanary?.forward.body).toMatchObject({
      spec: { predictor: { canaryTrafficPercent: null } },
    });
    expect(wasCanary?.backward.body).toMatchObject({
      spec: { predictor: { canaryTrafficPercent: 20 } },
    });
    expect(inferenceServicePatches(isvc(), 'fraud-detector', '2', '4')).toEqual([]);
  });

  it('patches a Deployment env var by container and name, with the change cause', () => {
    const deployment = {
      metadata: { namespace: 'fraud', name: 'shadow' },
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'server', env: [{ name: 'MODEL_URI', value: 'models:/fraud-detector/3' }] },
            ],
          },
        },
      },
    };
    const cause = { forward: 'promote', backward: 'undo' };
    const [patch] = deploymentPatches(deployment, 'fraud-detector', '3', '4', cause);
    expect(patch?.forward).toEqual({
      patchType: 'strategic-merge',
      body: {
        metadata: { annotations: { 'kubernetes.io/change-cause': 'promote' } },
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'server', env: [{ name: 'MODEL_URI', value: 'models:/fraud-detector/4' }] },
              ],
            },
          },
        },
      },
    });
    expect(patch?.field).toBe('env MODEL_URI (server)');
  });
});

describe('rollout state', () => {
  it('reads a Deployment and an InferenceService as ready, progressing or failed', () => {
    const dep = (status: Record<string, unknown>) => ({
      metadata: { generation: 2 },
      spec: { replicas: 2 },
      status: { observedGeneration: 2, ...status },
    });
    expect(
      rolloutState('Deployment', dep({ updatedReplicas: 2, availableReplicas: 2, replicas: 2 })),
    ).toMatchObject({ state: 'ready' });
    expect(
      rolloutState('Deployment', dep({ updatedReplicas: 1, availableReplicas: 2, replicas: 3 })),
    ).toMatchObject({ state: 'progressing' });
    expect(
      rolloutState(
        'Deployment',
        dep({ conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] }),
      ),
    ).toMatchObject({ state: 'failed' });
    const failed = {
      metadata: { generation: 3 },
      status: {
        observedGeneration: 3,
        modelStatus: {
          transitionStatus: 'BlockedByFailedLoad',
          lastFailureInfo: { message: 'size mismatch' },
        },
      },
    };
    expect(rolloutState('InferenceService', failed)).toMatchObject({ state: 'failed' });
  });
});

describe('alias history in registry tags', () => {
  it('pushes on promote, pops on rollback, and reads an older prev tag', () => {
    const before = aliasTags([{ key: 'console.prev.champion', value: '2' }], 'champion');
    expect(historyStack(before, 'champion')).toEqual(['2']);
    const after = tagsAfterMove('champion', ['2', '3'], {
      by: 'alice',
      at: '2026-01-01T00:00:00Z',
      to: '4',
      correlationId: 'c1',
    });
    expect(after).toMatchObject({
      'console.prev.champion': '3',
      'console.history.champion': '2,3',
      'console.champion.by': 'alice',
      'console.champion.version': '4',
    });
    const popped = tagsAfterMove('champion', [], {
      by: 'bob',
      at: 'x',
      to: '2',
      correlationId: 'c2',
    });
    expect(popped['console.prev.champion']).toBeNull();
  });
});
