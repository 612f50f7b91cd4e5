// Bounds of a numerical column known without a look at its values: a Parquet dictionary's
// smallest and largest entry hold for every row looked up in it. They spare the sort one pass
// over the values (see sortedFinite).

import type { NumberBounds } from './table-source';

/** The dictionary's bounds, if every entry is finite: then so is every row looked up in it. */
export function boundsOfDictionary(dictionary: Float64Array | undefined): NumberBounds | undefined {
  if (!dictionary?.length) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  let integers = true;
  for (const v of dictionary) {
    if (v - v !== 0) return undefined; // NaN or ±inf
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (!Number.isInteger(v)) integers = false;
  }
  return { lo, hi, integers };
}

/** Two batches' bounds as one; null (unknown) once either is unknown. */
export function mergedBounds(
  sofar: NumberBounds | null | undefined,
  batch: NumberBounds | undefined,
): NumberBounds | null {
  if (sofar === null || !batch) return null;
  if (!sofar) return batch;
  return {
    lo: Math.min(sofar.lo, batch.lo),
    hi: Math.max(sofar.hi, batch.hi),
    integers: sofar.integers && batch.integers,
  };
}
