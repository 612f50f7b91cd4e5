// One column of the report: the collected values of both datasets cleaned as Evidently does
// (±inf and NaN dropped), the test chosen (Evidently's default, or PSI on request), the score and
// decision in the test's own direction, and the overlay's bins.

import type { ColumnDriftResult } from '../../../../../shared/contract/drift';
import { DRIFT_TESTS, defaultDriftTest, isDrift } from '../default-test';
import { driftScore } from '../column-drift';
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
        : categoricalHistogram(ref as string[], cur as string[]),
  };
}

function cleaned(
  column: CollectedColumn,
  kind: 'numerical' | 'categorical',
): [Float64Array | string[], number] {
  if (kind === 'categorical') {
    // A column numerical in one file, declared categorical: its numbers compared as text.
    const source = column.kind === 'numerical' ? column.numbers.map(numberText) : column.texts;
    const out = source.filter((v): v is string => v !== null);
    return [out, source.length - out.length];
  }
  const out = new Float64Array(column.numbers.length);
  let n = 0;
  for (const v of column.numbers) if (Number.isFinite(v)) out[n++] = v;
  return [out.subarray(0, n), column.numbers.length - n];
}

function numberText(v: number): string | null {
  return Number.isNaN(v) ? null : String(v);
}

/** How strongly a column drifted, comparable across tests: above 1 is drift. */
export function severity(result: ColumnDriftResult): number {
  if (result.scoreKind === 'p_value') {
    return Math.log10(Math.max(result.score, 1e-300)) / Math.log10(result.threshold);
  }
  return result.score / result.threshold;
}
