import { describe, expect, it } from 'vitest';
import type { FoundUri } from '../models/serving';
import { serviceOf, versionOf } from './inference';

const isvc = (uri: string, extra: Partial<FoundUri> = {}): FoundUri => ({
  kind: 'InferenceService',
  namespace: 'ranking',
  name: 'ranker',
  field: 'storageUri',
  uri,
  ...extra,
});

describe('the model version beside an inference metrics row', () => {
  it('names the version on the newest revision, whatever suffix the mesh adds', () => {
    const serving = [isvc('models:/ranking-model/12', { revision: 'ranker-predictor-00003' })];
    expect(versionOf(serving, 'ranking', 'ranker-predictor-00003')).toBe('ranking-model v12');
    expect(versionOf(serving, 'ranking', 'ranker-predictor-00003.ranking.svc.cluster.local')).toBe(
      'ranking-model v12',
    );
  });

  it('gives none to an older revision still taking traffic, rather than the spec’s version', () => {
    const serving = [isvc('models:/ranking-model/12', { revision: 'ranker-predictor-00003' })];
    expect(versionOf(serving, 'ranking', 'ranker-predictor-00002')).toBeUndefined();
  });

  it('tells a canary’s revisions apart by the status, and not at all without it', () => {
    const canary = { trafficPercent: 10 };
    const withStatus = [
      isvc('models:/ranking-model/12', { ...canary, revision: 'ranker-predictor-00003' }),
    ];
    expect(versionOf(withStatus, 'ranking', 'ranker-predictor-00003')).toBe('ranking-model v12');
    expect(versionOf(withStatus, 'ranking', 'ranker-predictor-00002')).toBeUndefined();
    const noStatus = [isvc('models:/ranking-model/12', canary)];
    expect(versionOf(noStatus, 'ranking', 'ranker-predictor-00003')).toBeUndefined();
  });

  it('names the version of a Deployment by its own name, and an alias as an alias', () => {
    const serving: FoundUri[] = [
      {
        kind: 'Deployment',
        namespace: 'ml',
        name: 'churn-api',
        field: 'env MODEL_URI',
        uri: 'models:/churn/7',
      },
      isvc('models:/ranking-model@champion'),
    ];
    expect(versionOf(serving, 'ml', 'churn-api')).toBe('churn v7');
    expect(versionOf(serving, 'ranking', 'ranker')).toBe('ranking-model@champion');
    expect(versionOf(serving, 'other', 'churn-api')).toBeUndefined();
  });

  it('finds the InferenceService of a revision name', () => {
    expect(serviceOf('fraud-predictor-00003')).toBe('fraud');
    expect(serviceOf('fraud-predictor-default')).toBe('fraud');
  });
});
