// Pearson chi-square goodness-of-fit as Evidently's "chisquare" test: observed = current counts,
// expected = reference counts scaled by len(current)/len(reference), over the union of values;
// p = chi2.sf(stat, k - 1) (scipy.stats.chisquare). A value seen only in the current sample has
// expected 0, so the statistic is infinite and p = 0: a brand-new category is drift.
// Drift when p < threshold (strictly; default 0.05).

import { type Sample, unionKeys, valueCounts } from './column-values';
import { chiSquareSurvival } from './incomplete-gamma';
import { accurateSum } from './sum';

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
}

export function chiSquareDrift(reference: Sample, current: Sample): ChiSquareResult {
  const refCounts = valueCounts(reference);
  const curCounts = valueCounts(current);
  const keys = unionKeys(refCounts, curCounts);
  // Evidently computes the ratio once, then multiplies: same rounding as here.
  const scale = current.length / reference.length;
  const terms = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    const expected = (refCounts.get(key) ?? 0) * scale;
    const observed = curCounts.get(key) ?? 0;
    const diff = observed - expected;
    terms[i] =
      expected === 0
        ? diff === 0
          ? Number.NaN
          : Number.POSITIVE_INFINITY
        : (diff * diff) / expected;
  });
  const statistic = accurateSum(terms);
  const degreesOfFreedom = keys.length - 1;
  const pValue =
    statistic === Number.POSITIVE_INFINITY ? 0 : chiSquareSurvival(statistic, degreesOfFreedom);
  return { statistic, pValue, degreesOfFreedom };
}
