// KS, Wasserstein and the overlay's bins all walk a numerical sample in ascending order. The
// runner sorts each one once, as it drops the missing values; the arrays it sorted are
// remembered, so the tests take them as they are instead of checking or sorting them again.

/** Arrays sorted here and never changed after (the runner's own copies). */
const sorted = new WeakSet<Float64Array>();

export function isAscending(values: Float64Array): boolean {
  if (sorted.has(values)) return true;
  for (let i = 1; i < values.length; i++) if (values[i - 1]! > values[i]!) return false;
  return true;
}

/** The values in ascending order: the array itself when already so, else a sorted copy. */
export function ascending(values: ArrayLike<number>): Float64Array {
  if (values instanceof Float64Array && isAscending(values)) return values;
  return Float64Array.from(values).sort();
}

/** The smallest and largest value (of a non-empty sample). */
export function extent(values: Float64Array): [number, number] {
  if (sorted.has(values)) return [values[0]!, values[values.length - 1]!];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/**
 * The finite values (NaN and ±inf dropped, as Evidently does), as a new ascending array.
 * Integers over a range not much wider than the sample (ages, delays, distances, counts: most
 * numerical features) are counted instead of compared: several times faster than sorting.
 */
export function sortedFinite(values: Float64Array): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  let n = 0;
  let integers = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) continue; // NaN or ±inf
    n++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  const out = new Float64Array(n);
  const range = hi - lo + 1;
  if (n > 0 && integers && range <= Math.max(4 * n, 1 << 16)) {
    const counts = new Int32Array(range);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v === 0) counts[(v - lo) | 0]!++; // an int32 index: the range is checked above
    }
    let k = 0;
    for (let offset = 0; offset < range; offset++) {
      const value = lo + offset;
      for (let c = counts[offset]!; c > 0; c--) out[k++] = value;
    }
  } else {
    let k = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v === 0) out[k++] = v;
    }
    out.sort();
  }
  sorted.add(out);
  return out;
}
