// One column of the report: the collected values of both datasets cleaned as Evidently does
// (±inf and NaN dropped), the test chosen (Evidently's default, or PSI on request), the score and
// decision in the test's own direction, and the overlay's bins.

import type { ColumnDriftResult } from '../../../../../shared/contract/drift';
import { DRIFT_TESTS, defaultDriftTest, isDrift } from '../default-test';
import { driftScore } from '../column-drift';
import { type CleanValue, CountedSample } from '../column-values';
import { sortedFinite } from '../sorted-values';
import type { CollectedColumn } from '../datasets/column-store';
import { categoricalHistogram, numericHistogram } from './histogram';

export class ColumnSkipped extends Error {}

export function testColumn(
  name: string,
  reference: CollectedColumn,
  current: CollectedColumn,
  kind: 'numerical' | 'categorical',
  test: 'default' | 'psi',
): ColumnDriftResult {
  const [ref, refMissing] = cleaned(reference, kind);
  const [cur, curMissing] = cleaned(current, kind);
  for (const [sample, side] of [
    [ref, 'reference'],
    [cur, 'current'],
  ] as const) {
    if (sample.length === 0) {
      throw new ColumnSkipped(
        `no values left in the ${side} data after removing missing values (empty, NaN, ±inf)`,
      );
    }
  }
  const chosen = test === 'psi' ? 'psi' : defaultDriftTest(ref, cur, kind);
  const spec = DRIFT_TESTS[chosen];
  const score = driftScore(chosen, ref, cur, kind, {
    integerDtype: kind === 'numerical' && reference.integer && current.integer,
  });
  return {
    column: name,
    kind,
    test: chosen,
    testLabel: spec.label,
    scoreKind: spec.scoreKind,
    score,
    threshold: spec.defaultThreshold,
    driftWhen: spec.driftWhen,
    drifted: isDrift(chosen, score, spec.defaultThreshold),
    referenceRows: ref.length,
    currentRows: cur.length,
    referenceMissing: refMissing,
    currentMissing: curMissing,
    histogram:
      kind === 'numerical'
        ? numericHistogram(ref as Float64Array, cur as Float64Array)
        : categoricalHistogram(ref as CountedSample, cur as CountedSample),
  };
}

/** The column without missing values, and how many were missing. */
function cleaned(
  column: CollectedColumn,
  kind: 'numerical' | 'categorical',
): [Float64Array | CountedSample, number] {
  if (kind === 'categorical') {
    if (column.kind === 'numerical') return countedNumbers(column.numbers);
    // Codes number the values in order of first appearance: counted by code, then keyed by value.
    const byCode = new Float64Array(column.categories.length);
    let n = 0;
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!;
      if (code < 0) continue;
      byCode[code]!++;
      n++;
    }
    const counts = new Map<CleanValue, number>();
    column.categories.forEach((value, code) => {
      if (byCode[code]) counts.set(value, byCode[code]!);
    });
    return [new CountedSample(counts, n), column.codes.length - n];
  }
  // Sorted once here: KS, Wasserstein and the overlay's bins all walk it in order.
  const out = sortedFinite(column.numbers);
  return [out, column.numbers.length - out.length];
}

/** A column numerical in one file, declared categorical: its numbers compared as text. */
function countedNumbers(numbers: Float64Array): [CountedSample, number] {
  const counts = new Map<CleanValue, number>();
  let n = 0;
  for (const v of numbers) {
    if (Number.isNaN(v)) continue;
    const text = String(v);
    counts.set(text, (counts.get(text) ?? 0) + 1);
    n++;
  }
  return [new CountedSample(counts, n), numbers.length - n];
}

/** How strongly a column drifted, comparable across tests: above 1 is drift. */
export function severity(result: ColumnDriftResult): number {
  if (result.scoreKind === 'p_value') {
    return Math.log10(Math.max(result.score, 1e-300)) / Math.log10(result.threshold);
  }
  return result.score / result.threshold;
}
