// Normed Wasserstein distance, Evidently's default for numerical columns with a large reference:
// scipy's `wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)` with the POPULATION SD
// (ddof = 0) of the reference. Drift when the score >= threshold (default 0.1).

import { accurateSum, populationStd } from './sum';

/**
 * scipy.stats.wasserstein_distance(u, v) (unweighted): the area between the two ECDFs,
 * Σ |U(x_i) - V(x_i)|·(x_{i+1} - x_i) over the sorted pooled values.
 */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  const su = Float64Array.from(u).sort();
  const sv = Float64Array.from(v).sort();
  const all = mergeSorted(su, sv);
  const terms = new Float64Array(all.length - 1);
  let iu = 0;
  let iv = 0;
  for (let i = 0; i < all.length - 1; i++) {
    const x = all[i]!;
    while (iu < su.length && su[iu]! <= x) iu++;
    while (iv < sv.length && sv[iv]! <= x) iv++;
    terms[i] = Math.abs(iu / su.length - iv / sv.length) * (all[i + 1]! - x);
  }
  return accurateSum(terms);
}

/** The sorted union (with repeats) of two sorted arrays, in linear time. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

export function normedWasserstein(
  reference: ArrayLike<number>,
  current: ArrayLike<number>,
): number {
  return wassersteinDistance(reference, current) / Math.max(populationStd(reference), 0.001);
}
