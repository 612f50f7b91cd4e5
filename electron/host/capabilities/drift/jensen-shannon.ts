// Jensen-Shannon distance as Evidently's "jensenshannon" test: scipy's
// `spatial.distance.jensenshannon(ref_shares, cur_shares)` with NO base, so natural log and a
// maximum of sqrt(ln 2) ≈ 0.8326 (not 1, as base-2 tools such as NannyML report). Shares come
// from `binShares` without zero filling. Drift when distance >= threshold (default 0.1).

import { type BinningOptions, binShares } from './binning';
import type { ColumnKind, Sample } from './column-values';
import { accurateSum } from './sum';

/** scipy.special.rel_entr(x, y) = x·ln(x/y), 0 when x = 0, inf when y = 0 < x. */
function relativeEntropyTerm(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x > 0 && y > 0) return x * Math.log(x / y);
  if (x === 0 && y >= 0) return 0;
  return Number.POSITIVE_INFINITY;
}

/** scipy.spatial.distance.jensenshannon(p, q, base) on two weight vectors. */
export function jensenShannonDistance(
  p: ArrayLike<number>,
  q: ArrayLike<number>,
  base?: number,
): number {
  if (p.length !== q.length) throw new RangeError('jensenshannon needs vectors of equal length');
  const sumP = accurateSum(p);
  const sumQ = accurateSum(q);
  const left = new Float64Array(p.length);
  const right = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]! / sumP;
    const qi = q[i]! / sumQ;
    const m = (pi + qi) / 2;
    left[i] = relativeEntropyTerm(pi, m);
    right[i] = relativeEntropyTerm(qi, m);
  }
  let js = accurateSum(left) + accurateSum(right);
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2);
}

/** Evidently's Jensen-Shannon drift score for one column. */
export function jensenShannonDrift(
  reference: Sample,
  current: Sample,
  kind: ColumnKind,
  options: BinningOptions = {},
): number {
  const shares = binShares(reference, current, kind, options);
  return jensenShannonDistance(shares.reference, shares.current);
}
