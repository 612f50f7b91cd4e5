// Compensated (Neumaier) summation. numpy's `np.sum` is pairwise, which is within a few ulp of
// the exact sum; a naive loop over 10^5 or more terms is not, so every sum whose result is
// compared with numpy goes through here.

import { type Runs, runsOf } from './sorted-values';

export function accurateSum(values: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  // An infinite or NaN term makes the compensation NaN; numpy returns the plain sum then.
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/** `accurateSum` one term at a time, for sums whose terms are never stored. */
export class RunningSum {
  private sum = 0;
  private compensation = 0;

  add(v: number): void {
    const t = this.sum + v;
    if (Math.abs(this.sum) >= Math.abs(v)) this.compensation += this.sum - t + v;
    else this.compensation += v - t + this.sum;
    this.sum = t;
  }

  get total(): number {
    return Number.isFinite(this.sum) ? this.sum + this.compensation : this.sum;
  }
}

/** Population standard deviation (numpy `np.std`, ddof = 0), two-pass as numpy does it. */
export function populationStd(values: ArrayLike<number>): number {
  const n = values.length;
  const runs = runsOf(values);
  const ofRuns = runs && populationStdOfRuns(runs, n);
  if (ofRuns !== undefined) return ofRuns;
  const mean = accurateSum(values) / n;
  return Math.sqrt(squaredDeviations(values, mean) / n);
}

/**
 * `populationStd` of `n` values given as runs of equal integers (to an ulp or so of the values
 * one by one); undefined when their sum is too large to be exact (then only the values one by
 * one give numpy's number).
 */
export function populationStdOfRuns(runs: Runs, n: number): number | undefined {
  const exact = exactSum(runs);
  return exact === undefined ? undefined : Math.sqrt(squaredRuns(runs, exact / n) / n);
}

/**
 * Σ value·count of integer runs, when every partial sum stays below 2^53: then each addition is
 * exact, and `accurateSum` over the values one by one gives this very number.
 */
function exactSum(runs: Runs): number | undefined {
  let bound = 0;
  let sum = 0;
  for (let i = 0; i < runs.values.length; i++) {
    const term = runs.values[i]! * runs.counts[i]!;
    bound += Math.abs(term);
    sum += term;
  }
  return bound < 2 ** 53 ? sum : undefined;
}

/**
 * `squaredDeviations` over runs: each run's terms as one product (count · d²), the products
 * summed as `accurateSum` sums. The exact sum is the same as term by term; rounded, the two
 * differ by an ulp or so, where adding a million terms one by one cost ~10 ms.
 */
function squaredRuns(runs: Runs, mean: number): number {
  let sum = 0;
  let compensation = 0;
  for (let r = 0; r < runs.values.length; r++) {
    const d = runs.values[r]! - mean;
    const v = d * d * runs.counts[r]!;
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/**
 * `accurateSum` of (v - mean)², term by term as `RunningSum` adds them. A function with one
 * loop of its own: the optimised loop then returns at once, instead of falling back to the
 * interpreter for the code after it (which on a million values costs more than the loop).
 */
function squaredDeviations(values: ArrayLike<number>, mean: number): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    const v = d * d;
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) compensation += sum - t + v;
    else compensation += v - t + sum;
    sum = t;
  }
  return Number.isFinite(sum) ? sum + compensation : sum;
}
