// Evidently's `get_binned_data`, which turns two samples into two share vectors for PSI and
// Jensen-Shannon. Two facts that surprise (see the reference note, section 1):
// - numerical columns with more than 20 distinct reference values get numpy's "sturges" edges,
//   equal-width over the min..max of BOTH samples combined; the n_bins option is ignored
//   (Evidently issue #1400), so it is not accepted here either;
// - otherwise there is one bin per distinct value of the union, share = count / sample length.
// PSI then replaces zero shares ("feel zeroes"); Jensen-Shannon does not.

import {
  type CleanValue,
  type ColumnKind,
  CountedSample,
  type Sample,
  unionKeys,
  valueCounts,
} from './column-values';

export interface BinnedShares {
  reference: Float64Array;
  current: Float64Array;
  /** Sturges edges when the column was binned by value range, else null (one bin per value). */
  edges: Float64Array | null;
  /** The value of each bin when binned by value, else null. */
  keys: CleanValue[] | null;
}

export interface BinningOptions {
  /**
   * The column had an integer dtype in pandas (no missing values, read as int64): numpy then
   * widens Sturges bins narrower than 1 to width 1. Default false (float64, as any column with
   * a missing value is).
   */
  integerDtype?: boolean;
}

/** numpy `histogram_bin_edges(values, bins='sturges')` for a non-empty finite sample. */
export function sturgesEdges(values: ArrayLike<number>, integerDtype = false): Float64Array {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const ptp = hi - lo;
  let first = lo;
  let last = hi;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  let width = ptp / (Math.log2(values.length) + 1);
  let bins = 1;
  if (width) {
    if (integerDtype && width < 1) width = 1;
    bins = Math.ceil((last - first) / width);
  }
  // np.linspace: i·step + start, with the last edge set to stop exactly.
  const edges = new Float64Array(bins + 1);
  const step = (last - first) / bins;
  for (let i = 0; i < bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  return edges;
}

/**
 * np.histogram(values, edges)[0] / len(values): bins are [e_i, e_i+1), the last one closed;
 * values outside the edges are not counted (numpy's searchsorted path for explicit edges).
 */
export function histogramShares(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  const lo = edges[0]!;
  const hi = edges[bins]!;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= lo && v <= hi)) continue;
    if (v === hi) {
      counts[bins - 1]!++;
      continue;
    }
    // Largest index with edges[index] <= v.
    let left = 0;
    let right = bins;
    while (right - left > 1) {
      const mid = (left + right) >>> 1;
      if (edges[mid]! <= v) left = mid;
      else right = mid;
    }
    counts[left]!++;
  }
  for (let i = 0; i < bins; i++) counts[i] = counts[i]! / values.length;
  return counts;
}

/** Whether the values hold more than `limit` distinct ones (stops counting there). */
function moreDistinctThan(values: ArrayLike<CleanValue>, limit: number): boolean {
  const seen = new Set<CleanValue>();
  for (let i = 0; i < values.length && seen.size <= limit; i++) seen.add(values[i]!);
  return seen.size > limit;
}

/** Shares per bin for both samples, unsmoothed (what Jensen-Shannon uses). */
export function binShares(
  reference: Sample,
  current: Sample,
  kind: ColumnKind,
  options: BinningOptions = {},
): BinnedShares {
  if (
    kind === 'numerical' &&
    !(reference instanceof CountedSample) &&
    !(current instanceof CountedSample) &&
    moreDistinctThan(reference, 20)
  ) {
    const ref = reference as ArrayLike<number>;
    const cur = current as ArrayLike<number>;
    const pooled = new Float64Array(ref.length + cur.length);
    pooled.set(ref, 0);
    pooled.set(cur, ref.length);
    const edges = sturgesEdges(pooled, options.integerDtype ?? false);
    return {
      reference: histogramShares(ref, edges),
      current: histogramShares(cur, edges),
      edges,
      keys: null,
    };
  }
  const refCounts = valueCounts(reference);
  const curCounts = valueCounts(current);
  const keys = unionKeys(refCounts, curCounts);
  const refShares = new Float64Array(keys.length);
  const curShares = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    refShares[i] = (refCounts.get(key) ?? 0) / reference.length;
    curShares[i] = (curCounts.get(key) ?? 0) / current.length;
  });
  return { reference: refShares, current: curShares, edges: null, keys };
}

/**
 * Evidently's zero smoothing (`feel_zeroes=True`): zeros become min(non-zero)/1e6 when that
 * minimum is <= 1e-4, else 1e-4. No renormalisation, so the shares no longer sum to exactly 1;
 * that is what Evidently does and PSI values depend on it.
 */
export function fillZeroShares(shares: Float64Array): Float64Array {
  let minNonZero = Number.POSITIVE_INFINITY;
  for (const s of shares) if (s !== 0 && s < minNonZero) minNonZero = s;
  const fill = minNonZero <= 0.0001 ? minNonZero / 10 ** 6 : 0.0001;
  return shares.map((s) => (s === 0 ? fill : s));
}
