// Normed Wasserstein distance, Evidently's default for numerical columns with a large reference:
// scipy's `wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)` with the POPULATION SD
// (ddof = 0) of the reference. Drift when the score >= threshold (default 0.1).

import { ascending, type CountedRuns } from './sorted-values';
import { populationStd, RunningSum } from './sum';

/**
 * scipy.stats.wasserstein_distance(u, v) (unweighted): the area between the two ECDFs,
 * Σ |U(x_i) - V(x_i)|·(x_{i+1} - x_i) over the sorted pooled values. Walked as a merge of the two
 * sorted samples without building the pooled array; tied values add terms of exactly 0, which
 * leave the compensated sum unchanged, so only the steps between distinct values are added.
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const su = ascending(u);
  const sv = ascending(v);
  const nu = su.length;
  const nv = sv.length;
  if (nu === 0 || nv === 0) return Number.NaN;
  const sum = new RunningSum();
  let iu = 0;
  let iv = 0;
  let x = Math.min(su[0]!, sv[0]!);
  for (;;) {
    iu = pastTies(su, iu, x);
    iv = pastTies(sv, iv, x);
    if (iu === nu && iv === nv) break;
    const next = iu === nu ? sv[iv]! : iv === nv ? su[iu]! : Math.min(su[iu]!, sv[iv]!);
    sum.add(Math.abs(iu / nu - iv / nv) * (next - x));
    x = next;
  }
  return sum.total;
}

/**
 * The first index at or after `from` whose value is above `x`, in an ascending array: galloping
 * then binary search, since a large integer-valued sample is long runs of equal values.
 */
function pastTies(sorted: Float64Array, from: number, x: number): number {
  const n = sorted.length;
  if (from >= n || sorted[from]! > x) return from;
  let lo = from; // sorted[lo] <= x
  let step = 1;
  let hi = from + 1;
  while (hi < n && sorted[hi]! <= x) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  // sorted[lo] <= x, and sorted[hi] > x or hi === n
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * `wassersteinDistance` of two samples given as runs: the same terms in the same order (the
 * counts up to each distinct value are what the tie-skipping walk counts), one per run.
 */
export function wassersteinOfRuns(u: CountedRuns, v: CountedRuns): number {
  const sum = new RunningSum();
  const [ru, rv] = [u.values.length, v.values.length];
  let [iu, iv, au, av] = [0, 0, 0, 0]; // values passed, runs passed
  let x = Math.min(u.values[0]!, v.values[0]!);
  for (;;) {
    while (au < ru && u.values[au]! <= x) iu += u.counts[au++]!;
    while (av < rv && v.values[av]! <= x) iv += v.counts[av++]!;
    if (au === ru && av === rv) break;
    const next =
      au === ru
        ? v.values[av]!
        : av === rv
          ? u.values[au]!
          : Math.min(u.values[au]!, v.values[av]!);
    sum.add(Math.abs(iu / u.length - iv / v.length) * (next - x));
    x = next;
  }
  return sum.total;
}

export function normedWasserstein(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): number {
  return wassersteinDistance(reference, current) / Math.max(populationStd(reference), 0.001);
}
