// Two-sample Kolmogorov-Smirnov test, two-sided, as scipy's `ks_2samp(ref, cur)` with its default
// method='auto' (Evidently's "ks" drift test reports its p-value). Ties are handled the way scipy
// does: each ECDF is evaluated with searchsorted(..., 'right') at every pooled value.

import { kolmogorovSurvival } from './kolmogorov-distribution';
import { ascending } from './sorted-values';

/** scipy's MAX_AUTO_N: up to this larger-sample size 'auto' means the exact distribution. */
export const KS_MAX_EXACT_N = 10_000;
const INT32_MAX = 2_147_483_647;

export type KsMethod = 'exact' | 'asymp';

export interface KsResult {
  /** D as scipy reports it (snapped to a multiple of 1/lcm(n1, n2) when the exact branch ran). */
  statistic: number;
  pValue: number;
  method: KsMethod;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * D = max |F1(x) - F2(x)| over the pooled values, with each ECDF difference formed exactly as
 * numpy does (i1/n1 - i2/n2) so that D rounds identically before the exact branch snaps it.
 */
export function ksStatistic(sorted1: Float64Array, sorted2: Float64Array): number {
  const n1 = sorted1.length;
  const n2 = sorted2.length;
  let i1 = 0;
  let i2 = 0;
  let maxDiff = Number.NEGATIVE_INFINITY;
  let minDiff = Number.POSITIVE_INFINITY;
  while (i1 < n1 || i2 < n2) {
    const x = i1 < n1 && (i2 >= n2 || sorted1[i1]! <= sorted2[i2]!) ? sorted1[i1]! : sorted2[i2]!;
    while (i1 < n1 && sorted1[i1]! <= x) i1++;
    while (i2 < n2 && sorted2[i2]! <= x) i2++;
    const diff = i1 / n1 - i2 / n2;
    if (diff > maxDiff) maxDiff = diff;
    if (diff < minDiff) minDiff = diff;
  }
  const minS = Math.min(1, Math.max(0, -minDiff));
  return minS > maxDiff ? minS : maxDiff;
}

/** Pr(D_{n,n} >= h/n), scipy's `_compute_prob_outside_square` (alternating Horner sum). */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  let k = Math.floor(n / h);
  while (k >= 0) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
    k -= 1;
  }
  return 2 * P;
}

/**
 * 1 - Pr(paths stay strictly inside the band), scipy's `_compute_outer_prob_inside_method`
 * (Hodges' inside method with Viehmann's recursion for the complement, arXiv 2102.08037).
 */
function outerProbInsideMethod(m0: number, n0: number, g: number, h: number): number {
  const [m, n] = m0 < n0 ? [n0, m0] : [m0, n0];
  const mg = Math.floor(m / g);
  const ng = Math.floor(n / g);
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  for (let j = minj; j < maxj; j++) A[j] = 0;
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.max(Math.floor((ng * i - h) / mg) + 1, 0);
    minj = Math.min(minj, n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj]! * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1]!;
}

/** scipy's `_attempt_exact_2kssamp` for the two-sided case; null when it would fall back. */
function exactPValue(n1: number, n2: number, d: number): { d: number; p: number } | null {
  const g = gcd(n1, n2);
  const lcm = Math.floor(n1 / g) * n2;
  const h = Math.round(d * lcm);
  const snapped = h / lcm;
  if (h === 0) return { d: snapped, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
  if (!Number.isFinite(p) || p < 0 || p > 1) return null;
  return { d: snapped, p };
}

/** scipy.stats.ks_2samp(sample1, sample2) (two-sided, method='auto'). Inputs must be finite. */
export function ksTwoSample(sample1: ArrayLike<number>, sample2: ArrayLike<number>): KsResult {
  const n1 = sample1.length;
  const n2 = sample2.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('ks_2samp needs two non-empty samples');
  const d = ksStatistic(ascending(sample1), ascending(sample2));
  const g = gcd(n1, n2);
  // 'auto' picks exact for max(n1, n2) <= 10000, where lcm(n1, n2) always fits the int32 bound.
  const tryExact = Math.max(n1, n2) <= KS_MAX_EXACT_N && n1 / g < INT32_MAX / (n2 / g);
  if (tryExact) {
    const exact = exactPValue(n1, n2, d);
    if (exact)
      return { statistic: exact.d, pValue: Math.min(1, Math.max(0, exact.p)), method: 'exact' };
  }
  // scipy: sorted descending, en = m·n/(m+n), kstwo.sf(D, round(en)). np.round is half-to-even.
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = (m * n) / (m + n);
  const p = kolmogorovSurvival(d, roundHalfEven(en));
  return { statistic: d, pValue: Math.min(1, Math.max(0, p)), method: 'asymp' };
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
