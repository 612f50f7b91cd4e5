// Drift of one column: clean both samples as Evidently does, pick the test (default or asked
// for), compute the score and decide with the test's threshold and direction. Pure and
// synchronous on plain arrays, so a worker thread can run it unchanged on columns it streamed.

import type { BinningOptions } from './binning';
import { chiSquareDrift } from './chi-square-test';
import {
  type CleanValue,
  type ColumnKind,
  CountedSample,
  dropMissing,
  EmptyColumnError,
  numericValues,
  type RawValue,
  type Sample,
} from './column-values';
import { DRIFT_TESTS, defaultDriftTest, type DriftTestName, isDrift } from './default-test';
import { jensenShannonDrift } from './jensen-shannon';
import { ksTwoSample } from './ks-test';
import { populationStabilityIndex } from './psi';
import { normedWasserstein } from './wasserstein';
import { zTestDrift } from './z-test';

export interface ColumnDriftOptions extends BinningOptions {
  /** A test to use instead of Evidently's default choice. */
  test?: DriftTestName;
  /** Overrides the test's default threshold. */
  threshold?: number;
}

export interface ColumnDriftResult {
  column: string;
  kind: ColumnKind;
  test: DriftTestName;
  score: number;
  threshold: number;
  driftWhen: 'le' | 'lt' | 'ge';
  drifted: boolean;
  /** Rows used after removing missing values. */
  referenceRows: number;
  currentRows: number;
}

function cleaned(
  values: readonly RawValue[],
  kind: ColumnKind,
  column: string,
  dataset: 'reference' | 'current',
): ArrayLike<CleanValue> {
  const out = kind === 'numerical' ? numericValues(values, column) : dropMissing(values);
  if (out.length === 0) throw new EmptyColumnError(column, dataset);
  return out;
}

/** Score of a named test on cleaned samples. */
export function driftScore(
  test: DriftTestName,
  reference: Sample,
  current: Sample,
  kind: ColumnKind,
  options: BinningOptions = {},
): number {
  switch (test) {
    case 'ks':
      return ksTwoSample(asNumbers(reference, test), asNumbers(current, test)).pValue;
    case 'wasserstein':
      return normedWasserstein(asNumbers(reference, test), asNumbers(current, test));
    case 'chisquare':
      return chiSquareDrift(reference, current).pValue;
    case 'z':
      return zTestDrift(reference, current).pValue;
    case 'jensenshannon':
      return jensenShannonDrift(reference, current, kind, options);
    case 'psi':
      return populationStabilityIndex(reference, current, kind, options);
  }
}

function asNumbers(values: Sample, test: DriftTestName): ArrayLike<number> {
  if (values instanceof Float64Array) return values;
  if (values instanceof CountedSample) throw new TypeError(`The ${test} test needs the values`);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number')
      throw new TypeError(`The ${test} test needs a numerical column`);
  }
  return values as ArrayLike<number>;
}

export function columnDrift(
  column: string,
  reference: readonly RawValue[],
  current: readonly RawValue[],
  kind: ColumnKind,
  options: ColumnDriftOptions = {},
): ColumnDriftResult {
  const ref = cleaned(reference, kind, column, 'reference');
  const cur = cleaned(current, kind, column, 'current');
  const test = options.test ?? defaultDriftTest(ref, cur, kind);
  const spec = DRIFT_TESTS[test];
  const threshold = options.threshold ?? spec.defaultThreshold;
  const score = driftScore(test, ref, cur, kind, options);
  return {
    column,
    kind,
    test,
    score,
    threshold,
    driftWhen: spec.driftWhen,
    drifted: isDrift(test, score, threshold),
    referenceRows: ref.length,
    currentRows: cur.length,
  };
}
