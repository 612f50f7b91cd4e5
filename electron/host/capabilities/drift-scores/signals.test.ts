import { describe, expect, it } from 'vitest';
import { directionOf, driftQuery, isOverThreshold } from './signals';

describe('drift signals', () => {
  it('reads p-values as drifting under the threshold and distances at or over it', () => {
    expect(directionOf('ks')).toBe('p-value');
    expect(isOverThreshold('ks', 0.01, 0.05)).toBe(true);
    expect(isOverThreshold('ks', 0.4, 0.05)).toBe(false);
    expect(directionOf('wasserstein')).toBe('distance');
    expect(isOverThreshold('wasserstein', 0.1, 0.1)).toBe(true);
    expect(isOverThreshold('jensenshannon', 0.03, 0.1)).toBe(false);
  });

  it('takes the workspace override of a signal over the default query', () => {
    expect(driftQuery('drift.score', {})).toBe('model_feature_drift_score');
    expect(driftQuery('drift.score', { 'drift.score': 'evidently_drift{kind="feature"}' })).toBe(
      'evidently_drift{kind="feature"}',
    );
  });
});
