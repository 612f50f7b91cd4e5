// Column values as the drift engine receives them (plain arrays from CSV/Parquet readers) and the
// cleaning Evidently applies before any test: ±inf become NaN, then NaN (and null) are dropped
// (`get_one_column_drift`). A column left empty is an error, never a silent "no drift".

export type RawValue = number | string | boolean | null | undefined;
export type CleanValue = number | string | boolean;
export type ColumnKind = 'numerical' | 'categorical';

export class EmptyColumnError extends Error {
  constructor(
    readonly column: string,
    readonly dataset: 'reference' | 'current',
  ) {
    super(
      `Column "${column}" has no values left in the ${dataset} dataset after removing missing ` +
        'values (empty, null, NaN and ±Infinity), so its drift cannot be computed.',
    );
    this.name = 'EmptyColumnError';
  }
}

export class MixedColumnError extends Error {
  constructor(readonly column: string) {
    super(
      `Column "${column}" is numerical but holds text values; mark it categorical or fix the data.`,
    );
    this.name = 'MixedColumnError';
  }
}

function isMissing(value: RawValue): value is null | undefined {
  return (
    value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))
  );
}

/** Non-missing values in their original order (strings, booleans and finite numbers). */
export function dropMissing(values: readonly RawValue[]): CleanValue[] {
  const out: CleanValue[] = [];
  for (const v of values) if (!isMissing(v)) out.push(v);
  return out;
}

/** Finite numbers of a numerical column as a Float64Array (fast to sort and scan in a worker). */
export function numericValues(values: readonly RawValue[], column: string): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (const v of values) {
    if (isMissing(v)) continue;
    if (typeof v === 'number') out[n++] = v;
    else if (typeof v === 'boolean') out[n++] = v ? 1 : 0;
    else throw new MixedColumnError(column);
  }
  return out.subarray(0, n);
}

/**
 * A sample given by its value counts, in order of first appearance: how the column store hands
 * over a categorical column, so the tests count nothing per row again.
 */
export class CountedSample {
  constructor(
    readonly counts: ReadonlyMap<CleanValue, number>,
    /** The number of values (the sum of the counts). */
    readonly length: number,
  ) {}
}

/** A cleaned sample: its values, or its value counts. */
export type Sample = ArrayLike<CleanValue> | CountedSample;

/** pandas `Series.value_counts()` as a Map (numbers and strings stay distinct, like pandas). */
export function valueCounts(values: Sample): ReadonlyMap<CleanValue, number> {
  if (values instanceof CountedSample) return values.counts;
  const counts = new Map<CleanValue, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/** The union of distinct values of both samples, reference values first. */
export function unionKeys(
  reference: ReadonlyMap<CleanValue, number>,
  current: ReadonlyMap<CleanValue, number>,
): CleanValue[] {
  const keys = [...reference.keys()];
  for (const k of current.keys()) if (!reference.has(k)) keys.push(k);
  return keys;
}
