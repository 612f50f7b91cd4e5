// KS, Wasserstein and the overlay's bins all walk a numerical sample in ascending order. The
// runner sorts each one once, as it drops the missing values; the arrays it sorted are
// remembered, so the tests take them as they are instead of checking or sorting them again.

/** Arrays sorted here and never changed after (the runner's own copies). */
const sorted = new WeakSet<Float64Array>();

/** A sorted sample of integers as the counting sort found it: each distinct value, its count. */
export interface Runs {
  values: Float64Array;
  counts: Int32Array;
}

/** Values counted, not listed: how many rows hold each of `numbers` (a Parquet dictionary). */
export interface ValueCounts {
  numbers: Float64Array;
  counts: Int32Array;
}
const runsOfSorted = new WeakMap<Float64Array, Runs>();

/** The runs of equal values of an array `sortedFinite` counted, if it did. */
export function runsOf(values: ArrayLike<number>): Runs | undefined {
  return values instanceof Float64Array ? runsOfSorted.get(values) : undefined;
}

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
 * The finite values (NaN and ±inf dropped, as Evidently does) of a column given as one array or
 * as its pieces in order, as a new ascending array. Integers over a range not much wider than
 * the sample (ages, delays, distances, counts: most numerical features) are counted instead of
 * compared: several times faster than sorting. Each pass over the values is a function of its
 * own, so each optimised loop returns at once instead of going back to the interpreter.
 */
export function sortedFinite(
  values: Float64Array | readonly Float64Array[],
  bounds?: { lo: number; hi: number; integers: boolean },
  tallies: readonly ValueCounts[] = [],
): Float64Array {
  const pieces = values instanceof Float64Array ? [values] : values;
  // Tallies are counted straight into the runs; any other way, they are values like the others.
  if (tallies.length && !bounds?.integers)
    return sortedFinite(withTallies(pieces, tallies), bounds);
  // [lo, hi, all integers (1/0)], kept in a typed array: plain stores after the loop. Bounds
  // known beforehand (every value finite and within) save that pass over the values.
  const extent = Float64Array.of(Infinity, -Infinity, 1);
  let n = 0;
  if (bounds) {
    extent.set([bounds.lo, bounds.hi, bounds.integers ? 1 : 0]);
    for (const piece of pieces) n += piece.length;
    n += talliedRows(tallies);
  } else for (const piece of pieces) n += finiteExtent(piece, extent);
  const [lo, hi, integers] = extent as unknown as [number, number, number];
  const runs = n > 0 && integers ? countRuns(pieces, lo, hi, n, tallies) : undefined;
  if (!runs && tallies.length) return sortedFinite(withTallies(pieces, tallies), bounds);
  const out = new Float64Array(n);
  if (runs) {
    let k = 0;
    for (let r = 0; r < runs.values.length; r++) {
      const c = runs.counts[r]!;
      out.fill(runs.values[r]!, k, k + c); // a run of one value: native fill, not a JS loop
      k += c;
    }
    runsOfSorted.set(out, runs);
  } else {
    let k = 0;
    for (const piece of pieces) k = copyFinite(piece, out, k);
    out.sort();
  }
  sorted.add(out);
  return out;
}

/** A sample as runs of equal values, ascending, and its size. */
export interface CountedRuns extends Runs {
  length: number;
}

/**
 * The values as runs, never expanded into one array, when `bounds` (known beforehand) say they
 * are integers over a modest range: `sortedFinite` without its largest array, for the tests
 * that can walk runs (normed Wasserstein, the overlay's bins).
 */
export function countedRuns(
  pieces: readonly Float64Array[],
  bounds: { lo: number; hi: number; integers: boolean },
  tallies: readonly ValueCounts[] = [],
): CountedRuns | undefined {
  let n = talliedRows(tallies);
  for (const piece of pieces) n += piece.length;
  if (n === 0 || !bounds.integers) return undefined;
  const runs = countRuns(pieces, bounds.lo, bounds.hi, n, tallies);
  return runs && { ...runs, length: n };
}

/**
 * Counts of the integers of [lo, hi] (the pieces' and the tallies'), if the range is not much
 * wider than the sample.
 */
function countRuns(
  pieces: readonly Float64Array[],
  lo: number,
  hi: number,
  n: number,
  tallies: readonly ValueCounts[],
): Runs | undefined {
  const range = hi - lo + 1;
  if (range > Math.max(4 * n, 1 << 16)) return undefined;
  const counts = new Int32Array(range);
  for (const piece of pieces) countIntegers(piece, lo, counts);
  for (const tally of tallies) addTally(tally, lo, counts);
  const values: number[] = [];
  const kept: number[] = [];
  for (let offset = 0; offset < range; offset++) {
    if (counts[offset] === 0) continue;
    values.push(lo + offset);
    kept.push(counts[offset]!);
  }
  return { values: Float64Array.from(values), counts: Int32Array.from(kept) };
}

/** Widens `extent` ([lo, hi, integers]) by the finite values; returns how many there are. */
function finiteExtent(values: Float64Array, extent: Float64Array): number {
  let lo = extent[0]!;
  let hi = extent[1]!;
  let integers = extent[2] === 1;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v !== 0) continue; // NaN or ±inf
    n++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  extent[0] = lo;
  extent[1] = hi;
  extent[2] = integers ? 1 : 0;
  return n;
}

function countIntegers(values: Float64Array, lo: number, counts: Int32Array): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v === 0) counts[(v - lo) | 0]!++; // an int32 index: the range is checked above
  }
}

function addTally({ numbers, counts: rows }: ValueCounts, lo: number, counts: Int32Array): void {
  for (let entry = 0; entry < numbers.length; entry++) {
    if (rows[entry]) counts[(numbers[entry]! - lo) | 0]! += rows[entry]!;
  }
}

/** How many rows the tallies count. */
export function talliedRows(tallies: readonly ValueCounts[]): number {
  let n = 0;
  for (const { counts } of tallies)
    for (let entry = 0; entry < counts.length; entry++) n += counts[entry]!;
  return n;
}

/** The pieces, then each tally's values repeated (in dictionary order: the caller sorts). */
export function withTallies(
  pieces: readonly Float64Array[],
  tallies: readonly ValueCounts[],
): Float64Array[] {
  const out = [...pieces];
  for (const { numbers, counts } of tallies) {
    const values = new Float64Array(talliedRows([{ numbers, counts }]));
    let at = 0;
    for (let entry = 0; entry < counts.length; entry++) {
      values.fill(numbers[entry]!, at, at + counts[entry]!);
      at += counts[entry]!;
    }
    out.push(values);
  }
  return out;
}

function copyFinite(values: Float64Array, out: Float64Array, from: number): number {
  let k = from;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v - v === 0) out[k++] = v;
  }
  return k;
}
