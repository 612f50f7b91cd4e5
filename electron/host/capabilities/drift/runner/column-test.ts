// One column of the report: the collected values of both datasets cleaned as Evidently does
// (±inf and NaN dropped), the test chosen (Evidently's default, or PSI on request), the score and
// decision in the test's own direction, and the overlay's bins.

import type { ColumnDriftResult, Histogram } from '../../../../../shared/contract/drift';
import {
  DRIFT_TESTS,
  defaultDriftTest,
  type DriftTestName,
  isDrift,
  SMALL_REFERENCE_ROWS,
} from '../default-test';
import { driftScore } from '../column-drift';
import { type CleanValue, CountedSample } from '../column-values';
import { countedRuns, sortedFinite, talliedRows } from '../sorted-values';
import { populationStdOfRuns } from '../sum';
import { wassersteinOfRuns } from '../wasserstein';
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
  if (kind === 'numerical' && test === 'default') {
    const byRuns = wassersteinOfColumnRuns(name, reference, current);
    if (byRuns) return byRuns;
  }
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
  const score = driftScore(chosen, ref, cur, kind, {
    integerDtype: kind === 'numerical' && reference.integer && current.integer,
  });
  return result(name, kind, chosen, score, {
    rows: [ref.length, cur.length],
    missing: [refMissing, curMissing],
    histogram:
      kind === 'numerical'
        ? numericHistogram(ref as Float64Array, cur as Float64Array)
        : categoricalHistogram(ref as CountedSample, cur as CountedSample),
  });
}

/**
 * Normed Wasserstein (the default test for a large reference with more than 5 distinct values)
 * and the overlay's bins from the columns' runs of equal integers, the values never sorted into
 * one array: when the file's dictionaries vouched for the values (finite integers in bounds).
 * The same numbers, bit for bit; undefined when another test applies, or no runs are known.
 */
function wassersteinOfColumnRuns(
  name: string,
  reference: CollectedColumn,
  current: CollectedColumn,
): ColumnDriftResult | undefined {
  const runs = (c: CollectedColumn) =>
    c.bounds && countedRuns(c.numberPieces ?? [c.numbers], c.bounds, c.numberTallies);
  const ref = runs(reference);
  const cur = ref && ref.length > SMALL_REFERENCE_ROWS ? runs(current) : undefined;
  if (!ref || !cur || new Set([...ref.values.slice(0, 6), ...cur.values.slice(0, 6)]).size <= 5) {
    return undefined;
  }
  const std = populationStdOfRuns(ref, ref.length);
  if (std === undefined) return undefined;
  const score = wassersteinOfRuns(ref, cur) / Math.max(std, 0.001);
  return result(name, 'numerical', 'wasserstein', score, {
    rows: [ref.length, cur.length],
    missing: [0, 0], // bounds are only known for columns with no value missing
    histogram: numericHistogram(ref, cur),
  });
}

function result(
  name: string,
  kind: 'numerical' | 'categorical',
  chosen: DriftTestName,
  score: number,
  sizes: { rows: [number, number]; missing: [number, number]; histogram: Histogram },
): ColumnDriftResult {
  const spec = DRIFT_TESTS[chosen];
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
    referenceRows: sizes.rows[0],
    currentRows: sizes.rows[1],
    referenceMissing: sizes.missing[0],
    currentMissing: sizes.missing[1],
    histogram: sizes.histogram,
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
    let rows = 0;
    for (const codes of column.codePieces ?? [column.codes]) {
      rows += codes.length;
      n += countCodes(codes, byCode);
    }
    // Rows that came as tallies: counted already, none missing.
    column.codeCounts?.forEach((count, code) => {
      byCode[code]! += count;
      n += count;
      rows += count;
    });
    const counts = new Map<CleanValue, number>();
    column.categories.forEach((value, code) => {
      if (byCode[code]) counts.set(value, byCode[code]!);
    });
    return [new CountedSample(counts, n), rows - n];
  }
  // Sorted once here: KS, Wasserstein and the overlay's bins all walk it in order.
  const pieces = column.numberPieces ?? [column.numbers];
  const tallies = column.numberTallies ?? [];
  const out = sortedFinite(pieces, column.bounds, tallies);
  let rows = talliedRows(tallies);
  for (const piece of pieces) rows += piece.length;
  return [out, rows - out.length];
}

/** Adds each code's rows to `byCode`; returns how many were not missing. */
function countCodes(codes: Int32Array, byCode: Float64Array): number {
  let n = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0) continue;
    byCode[code]!++;
    n++;
  }
  return n;
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
