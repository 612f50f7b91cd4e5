// Population Stability Index as Evidently's "psi" test: Σ (r - c)·ln(r / c) over zero-filled
// shares from `binShares`. Natural log; drift when PSI >= threshold (default 0.1).

import { type BinningOptions, binShares, fillZeroShares } from './binning';
import type { ColumnKind, Sample } from './column-values';
import { accurateSum } from './sum';

export function populationStabilityIndex(
  reference: Sample,
  current: Sample,
  kind: ColumnKind,
  options: BinningOptions = {},
): number {
  const shares = binShares(reference, current, kind, options);
  const r = fillZeroShares(shares.reference);
  const c = fillZeroShares(shares.current);
  const terms = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) terms[i] = (r[i]! - c[i]!) * Math.log(r[i]! / c[i]!);
  return accurateSum(terms);
}
