// histogram_quantile over classic (`le`-labelled) buckets, as Prometheus 2.42 computes it
// (promql/quantile.go, functions.go; checked against promtool 2.42): buckets grouped by their
// labels without `le`, sorted, equal bounds merged, counts forced monotonic, then linear
// interpolation inside the bucket holding the rank, with 0 as the lowest bucket's start.
import { labelsKey, type Labels } from './store';
import { dropName, unique, type VectorSample } from './values';

interface Bucket {
  upperBound: number;
  count: number;
}

/** Go's strconv.ParseFloat for the values `le` takes: decimals, exponents, ±Inf, NaN. */
export function parseBound(text: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(text)) return NaN;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/** Prometheus' bucketQuantile: NaN without a +Inf bucket, with < 2 buckets or no observations. */
export function bucketQuantile(q: number, input: Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...input].sort((a, b) => a.upperBound - b.upperBound);
  if (sorted.at(-1)?.upperBound !== Infinity) return NaN;
  const buckets = coalesce(sorted);
  ensureMonotonic(buckets);
  if (buckets.length < 2) return NaN;
  const observations = (buckets.at(-1) as Bucket).count;
  if (observations === 0) return NaN;
  let rank = q * observations;
  // sort.Search over all but the +Inf bucket: the first whose count reaches the rank.
  let b = buckets.findIndex((bucket, i) => i < buckets.length - 1 && bucket.count >= rank);
  if (b === -1) b = buckets.length - 1;
  // In the +Inf bucket: the highest finite bound is the best answer there is.
  if (b === buckets.length - 1) return (buckets[buckets.length - 2] as Bucket).upperBound;
  const current = buckets[b] as Bucket;
  if (b === 0 && current.upperBound <= 0) return current.upperBound;
  let bucketStart = 0;
  let count = current.count;
  if (b > 0) {
    const previous = buckets[b - 1] as Bucket;
    bucketStart = previous.upperBound;
    count -= previous.count;
    rank -= previous.count;
  }
  return bucketStart + (current.upperBound - bucketStart) * (rank / count);
}

function coalesce(sorted: Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (const bucket of sorted) {
    const last = out.at(-1);
    if (last && last.upperBound === bucket.upperBound) last.count += bucket.count;
    else out.push({ ...bucket });
  }
  return out;
}

function ensureMonotonic(buckets: Bucket[]): void {
  let max = -Infinity;
  for (const bucket of buckets) {
    if (bucket.count > max) max = bucket.count;
    else if (bucket.count < max) bucket.count = max;
  }
}

/** histogram_quantile(q, v): one sample per label set of v without `le`, the name dropped. */
export function histogramQuantile(q: number, samples: VectorSample[]): VectorSample[] {
  const groups = new Map<string, { metric: Labels; buckets: Bucket[] }>();
  for (const sample of samples) {
    // Samples without an `le` label, or with one that is not a number, are skipped silently.
    const upperBound = parseBound(sample.metric.le ?? '');
    if (upperBound === undefined) continue;
    // Grouped with the name (2.42 keys on all labels but `le`), answered without it: two
    // histograms differing only in name collide, and Prometheus refuses that.
    const { le: _le, ...withName } = sample.metric;
    const key = labelsKey(withName);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { metric: dropName(withName), buckets: [] }));
    group.buckets.push({ upperBound, count: sample.v });
  }
  return unique(
    [...groups.values()].map((g) => ({ metric: g.metric, v: bucketQuantile(q, g.buckets) })),
  );
}
