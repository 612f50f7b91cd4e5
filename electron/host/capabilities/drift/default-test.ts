// Which test Evidently runs on a column when none is named (registry `_get_default_stattest`),
// with each test's default threshold and the direction of its drift decision. The direction
// differs per test (KS p <= t, chi-square and z p < t, distances score >= t), so it is data here,
// shown beside every number later, never assumed.

import { type CleanValue, type ColumnKind, CountedSample, type Sample } from './column-values';

export type DriftTestName = 'ks' | 'wasserstein' | 'chisquare' | 'z' | 'jensenshannon' | 'psi';

export interface DriftTestSpec {
  name: DriftTestName;
  /** Evidently's display name, e.g. "K-S p_value". */
  label: string;
  /** p-values drift when small; distances when large. */
  scoreKind: 'p_value' | 'distance';
  defaultThreshold: number;
  /** Whether drift = score <= threshold ('le'), < ('lt') or >= ('ge'). */
  driftWhen: 'le' | 'lt' | 'ge';
}

export const DRIFT_TESTS: Readonly<Record<DriftTestName, DriftTestSpec>> = {
  ks: {
    name: 'ks',
    label: 'K-S p_value',
    scoreKind: 'p_value',
    defaultThreshold: 0.05,
    driftWhen: 'le',
  },
  chisquare: {
    name: 'chisquare',
    label: 'chi-square p_value',
    scoreKind: 'p_value',
    defaultThreshold: 0.05,
    driftWhen: 'lt',
  },
  z: {
    name: 'z',
    label: 'Z-test p_value',
    scoreKind: 'p_value',
    defaultThreshold: 0.05,
    driftWhen: 'lt',
  },
  wasserstein: {
    name: 'wasserstein',
    label: 'Wasserstein distance (normed)',
    scoreKind: 'distance',
    defaultThreshold: 0.1,
    driftWhen: 'ge',
  },
  jensenshannon: {
    name: 'jensenshannon',
    label: 'Jensen-Shannon distance',
    scoreKind: 'distance',
    defaultThreshold: 0.1,
    driftWhen: 'ge',
  },
  psi: { name: 'psi', label: 'PSI', scoreKind: 'distance', defaultThreshold: 0.1, driftWhen: 'ge' },
};

/** Reference size up to which Evidently treats the data as "small" (p-value tests). */
export const SMALL_REFERENCE_ROWS = 1000;

/**
 * The default test for cleaned samples (no missing values). Only the reference size matters;
 * n_values counts distinct values of both samples together.
 */
export function defaultDriftTest(
  reference: Sample,
  current: Sample,
  kind: ColumnKind,
): DriftTestName {
  // Only "more than 5", "3 to 5" or "at most 2" matters: stop counting at 6 distinct values
  // (a full Set of a million values costs more than the test that follows).
  const distinct = new Set<CleanValue>();
  for (const sample of [reference, current]) {
    const values = sample instanceof CountedSample ? [...sample.counts.keys()] : sample;
    for (let i = 0; i < values.length && distinct.size <= 5; i++) distinct.add(values[i]!);
  }
  const nValues = distinct.size;
  if (reference.length <= SMALL_REFERENCE_ROWS) {
    if (kind === 'numerical' && nValues > 5) return 'ks';
    return nValues > 2 ? 'chisquare' : 'z';
  }
  return kind === 'numerical' && nValues > 5 ? 'wasserstein' : 'jensenshannon';
}

/** The drift decision for a score, in the test's own direction. */
export function isDrift(test: DriftTestName, score: number, threshold: number): boolean {
  switch (DRIFT_TESTS[test].driftWhen) {
    case 'le':
      return score <= threshold;
    case 'lt':
      return score < threshold;
    case 'ge':
      return score >= threshold;
  }
}
