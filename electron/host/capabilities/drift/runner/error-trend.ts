// False positives and negatives of a binary classifier over time, from the current data's label
// and prediction columns: per day (per month beyond three months), or over the whole data when no
// time column is given. A value equal to the positive label (as text) is positive.

import type { DriftReport } from '../../../../../shared/contract/drift';
import type { CollectedColumn } from '../datasets/column-store';

type ErrorTrend = NonNullable<DriftReport['errorTrend']>;

const dayMs = 86_400_000;

export function errorTrend(
  label: CollectedColumn,
  prediction: CollectedColumn,
  positive: string,
  times: Float64Array | readonly number[] | undefined,
): ErrorTrend {
  const valueAt = (c: CollectedColumn, i: number): string | null => {
    if (c.kind === 'categorical') {
      const code = c.codes[i];
      return code === undefined || code < 0 ? null : c.categories[code]!;
    }
    const v = c.numbers[i];
    return v === undefined || Number.isNaN(v) ? null : String(v);
  };
  const rows = Math.max(label.numbers.length, label.codes.length);
  let first = Infinity;
  let last = -Infinity;
  for (const t of times ?? []) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const timed = Number.isFinite(first);
  const period: ErrorTrend['period'] = !timed
    ? 'all'
    : last - first <= 92 * dayMs
      ? 'day'
      : 'month';
  const buckets = new Map<string, { rows: number; fp: number; fn: number }>();
  for (let i = 0; i < rows; i++) {
    const actual = valueAt(label, i);
    const predicted = valueAt(prediction, i);
    if (actual === null || predicted === null) continue;
    const t = times?.[i];
    if (period !== 'all' && (t === undefined || !Number.isFinite(t))) continue;
    const key =
      period === 'all' ? 'all' : new Date(t!).toISOString().slice(0, period === 'day' ? 10 : 7);
    const bucket = buckets.get(key) ?? { rows: 0, fp: 0, fn: 0 };
    bucket.rows++;
    if (predicted === positive && actual !== positive) bucket.fp++;
    if (predicted !== positive && actual === positive) bucket.fn++;
    buckets.set(key, bucket);
  }
  const points = [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, b]) => ({
      period: key,
      rows: b.rows,
      falsePositives: b.fp,
      falseNegatives: b.fn,
      falsePositiveRate: b.fp / b.rows,
      falseNegativeRate: b.fn / b.rows,
    }));
  return { period, points };
}
