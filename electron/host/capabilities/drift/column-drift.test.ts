// Per-column drift against Evidently 0.7 (its registered stat tests run on the same raw columns
// after its own cleaning): the default test chosen, every test's score and drift decision.
// Tolerance: 1e-9 absolute for scores <= 1 (p-values, Jensen-Shannon), 1e-9 relative above
// (normed Wasserstein, PSI), see withinTolerance.

import { describe, it } from 'vitest';
import { type EvidentlyColumnCase, expectMatchesEvidently } from './fixtures/evidently-case';
import { loadFixture } from './fixtures/load-fixture';

const fixture = loadFixture<EvidentlyColumnCase>('evidently-columns');

describe('columnDrift equals Evidently on synthetic columns', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectMatchesEvidently(c);
  });
});
