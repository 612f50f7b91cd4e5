// Distribution overlays for the report: reference and current shares per bin, computed where the
// data is (the worker) and sent as bins, never as rows. Numerical columns get equal-width bins
// over both samples' range (Sturges' count, at most 30); categorical columns their most common
// values, the rest gathered as "other".

import type { Histogram } from '../../../../../shared/contract/drift';
import type { CleanValue, CountedSample } from '../column-values';
import { type CountedRuns, extent, isAscending } from '../sorted-values';

const maxNumericBins = 30;
const maxCategories = 12;

/** A numerical sample: its values, or its runs of equal values (ascending). */
type NumericSample = Float64Array | CountedRuns;

export function numericHistogram(reference: NumericSample, current: NumericSample): Histogram {
  const [refLo, refHi] = extentOf(reference);
  const [curLo, curHi] = extentOf(current);
  let lo = Math.min(refLo, curLo);
  let hi = Math.max(refHi, curHi);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const n = reference.length + current.length;
  const bins = Math.min(maxNumericBins, Math.max(1, Math.ceil(Math.log2(n) + 1)));
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const binOf = (v: number) => Math.min(bins - 1, Math.floor((v - lo) / width));
  const shares = (sample: NumericSample) => {
    let counts: Float64Array;
    if (!(sample instanceof Float64Array)) {
      counts = new Float64Array(bins);
      for (let r = 0; r < sample.values.length; r++) {
        counts[binOf(sample.values[r]!)]! += sample.counts[r]!;
      }
    } else if (isAscending(sample)) counts = countSorted(sample, bins, binOf);
    else {
      counts = new Float64Array(bins);
      for (let i = 0; i < sample.length; i++) counts[binOf(sample[i]!)]!++;
    }
    return Array.from(counts, (c) => c / Math.max(1, sample.length));
  };
  return {
    kind: 'numerical',
    bins: edges
      .slice(0, -1)
      .map((e, i) => `[${short(e)}, ${short(edges[i + 1]!)}${i === bins - 1 ? ']' : ')'}`),
    edges,
    reference: shares(reference),
    current: shares(current),
  };
}

function extentOf(sample: NumericSample): [number, number] {
  if (sample instanceof Float64Array) return extent(sample);
  return [sample.values[0]!, sample.values[sample.values.length - 1]!];
}

export function categoricalHistogram(reference: CountedSample, current: CountedSample): Histogram {
  const ref = reference.counts;
  const cur = current.counts;
  const share = (counts: ReadonlyMap<CleanValue, number>, key: string, size: number) =>
    (counts.get(key) ?? 0) / Math.max(1, size);
  const keys = [...new Set([...ref.keys(), ...cur.keys()].map(String))];
  // Each key's weight once, not twice per comparison (a few hundred airports, a few thousand
  // comparisons, each four Map look-ups).
  const weights = new Map(
    keys.map((k) => [k, share(ref, k, reference.length) + share(cur, k, current.length)]),
  );
  keys.sort((a, b) => weights.get(b)! - weights.get(a)! || textOrder(a, b));
  const top = keys.slice(0, maxCategories);
  const rest = keys.length > maxCategories;
  const shares = (counts: ReadonlyMap<CleanValue, number>, size: number) => {
    const out = top.map((k) => share(counts, k, size));
    if (rest) out.push(Math.max(0, 1 - out.reduce((a, b) => a + b, 0)));
    return out;
  };
  return {
    kind: 'categorical',
    bins: rest ? [...top, `other (${keys.length - maxCategories})`] : top,
    reference: shares(ref, reference.length),
    current: shares(cur, current.length),
  };
}

/**
 * Bin counts of an ascending sample (the KS and Wasserstein tests leave it sorted): each bin's
 * first value found by binary search, with the same bin function, so counts are identical.
 */
function countSorted(sample: Float64Array, bins: number, binOf: (v: number) => number) {
  const counts = new Float64Array(bins);
  let start = 0;
  for (let b = 0; b < bins; b++) {
    // First index at or after `start` whose bin is beyond b.
    let lo = start;
    let hi = sample.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (binOf(sample[mid]!) > b) hi = mid;
      else lo = mid + 1;
    }
    counts[b] = lo - start;
    start = lo;
  }
  return counts;
}

const upper = /^[0-9A-Z]*$/;
const lower = /^[0-9a-z]*$/;

/**
 * `a.localeCompare(b)`, without it where the answer is known: the first call loads ICU's
 * collation (some 14 ms), for ties that are mostly codes such as airports. Within digits and
 * one case of ASCII letters the root collation orders as the code units do.
 */
export function textOrder(a: string, b: string): number {
  if ((upper.test(a) && upper.test(b)) || (lower.test(a) && lower.test(b))) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return a.localeCompare(b);
}

function short(value: number): string {
  return Number(value.toPrecision(4)).toString();
}
