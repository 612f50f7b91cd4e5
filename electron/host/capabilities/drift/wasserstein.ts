// Normed Wasserstein distance, Evidently's default for numerical columns with a large reference:
// scipy's `wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)` with the POPULATION SD
// (ddof = 0) of the reference. Drift when the score >= threshold (default 0.1).

import { ascending } from './sorted-values';
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
    while (iu < nu && su[iu]! <= x) iu++;
    while (iv < nv && sv[iv]! <= x) iv++;
    if (iu === nu && iv === nv) break;
    const next = iu === nu ? sv[iv]! : iv === nv ? su[iu]! : Math.min(su[iu]!, sv[iv]!);
    sum.add(Math.abs(iu / nu - iv / nv) * (next - x));
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
