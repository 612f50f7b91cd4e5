// histogram_quantile in the simulator, every expected value taken from Prometheus 2.42
// (`promtool test rules` on the same buckets).
import { describe, expect, it } from 'vitest';
import { PromqlError } from './errors';
import { evaluateInstant } from './evaluate';
import { parsePromql } from './parser';
import { bucketQuantile, parseBound } from './quantile';
import { memoryStore, type Labels } from './store';

const buckets = (name: string, labels: Labels, counts: Record<string, number>) =>
  Object.entries(counts).map(([le, v]) => ({
    labels: { __name__: name, ...labels, le },
    samples: [{ t: 0, v }],
  }));

const store = memoryStore([
  ...buckets('lat_bucket', { job: 'a' }, { '0.1': 50, '0.5': 80, '1': 95, '+Inf': 100 }),
  ...buckets('mono_bucket', {}, { '0.1': 50, '0.5': 40, '1': 95, '+Inf': 100 }),
  ...buckets('neg_bucket', {}, { '-1': 10, '0': 20, '+Inf': 20 }),
  ...buckets('dup_bucket', {}, { '1': 3, '1.0': 2, '2': 8, '+Inf': 10 }),
  ...buckets('other_bucket', { job: 'a' }, { '0.1': 0, '+Inf': 100 }),
  ...buckets('open_bucket', {}, { '0.1': 5, '1': 10 }),
  ...buckets('empty_bucket', {}, { '0.1': 0, '+Inf': 0 }),
  ...buckets('one_bucket', {}, { '+Inf': 7 }),
  { labels: { __name__: 'lat_count', job: 'a' }, samples: [{ t: 0, v: 100 }] },
]);

function quantile(query: string): { metric: Labels; v: number }[] {
  const value = evaluateInstant(parsePromql(query), 0, { store });
  if (value.type !== 'vector') throw new Error(`expected a vector, got ${value.type}`);
  return value.samples;
}

function refusal(query: string): string {
  try {
    evaluateInstant(parsePromql(query), 0, { store });
  } catch (error) {
    if (error instanceof PromqlError) return `${error.type}: ${error.message}`;
    throw error;
  }
  throw new Error(`${query} was not refused`);
}

describe('histogram_quantile', () => {
  it('interpolates linearly within the bucket holding the rank, from 0 in the lowest', () => {
    expect(quantile('histogram_quantile(0.5, lat_bucket)')).toEqual([
      { metric: { job: 'a' }, v: 0.1 },
    ]);
    expect(quantile('histogram_quantile(0.9, lat_bucket)')[0]?.v).toBe(0.8333333333333333);
    expect(quantile('histogram_quantile(0, lat_bucket)')[0]?.v).toBe(0);
  });

  it('answers the highest finite bound when the rank falls in the +Inf bucket', () => {
    expect(quantile('histogram_quantile(0.99, lat_bucket)')[0]?.v).toBe(1);
    expect(quantile('histogram_quantile(1, lat_bucket)')[0]?.v).toBe(1);
  });

  it('gives -Inf, +Inf and NaN for a quantile below 0, above 1 and NaN', () => {
    expect(quantile('histogram_quantile(-1, lat_bucket)')[0]?.v).toBe(-Infinity);
    expect(quantile('histogram_quantile(1.5, lat_bucket)')[0]?.v).toBe(Infinity);
    expect(quantile('histogram_quantile(NaN, lat_bucket)')[0]?.v).toBeNaN();
  });

  it('gives NaN without a +Inf bucket, with fewer than 2 buckets, or without observations', () => {
    expect(quantile('histogram_quantile(0.5, open_bucket)')).toEqual([{ metric: {}, v: NaN }]);
    expect(quantile('histogram_quantile(0.5, one_bucket)')[0]?.v).toBeNaN();
    expect(quantile('histogram_quantile(0.5, empty_bucket)')[0]?.v).toBeNaN();
  });

  it('forces counts monotonic, merges equal bounds and returns a non-positive lowest bound as is', () => {
    expect(quantile('histogram_quantile(0.5, mono_bucket)')[0]?.v).toBe(0.1);
    expect(quantile('histogram_quantile(0.5, dup_bucket)')[0]?.v).toBe(1);
    expect(quantile('histogram_quantile(0.25, neg_bucket)')[0]?.v).toBe(-1);
  });

  it('groups by every label but le, skips samples without le, and works over rate and sum', () => {
    expect(quantile('histogram_quantile(0.5, {__name__=~"lat_bucket|lat_count"})')).toEqual([
      { metric: { job: 'a' }, v: 0.1 },
    ]);
    const over = memoryStore(
      ['a', 'b'].flatMap((pod) =>
        Object.entries({ '100': 1, '500': 3, '+Inf': 4 }).map(([le, perS]) => ({
          labels: { __name__: 'req_ms_bucket', svc: 's', pod, le },
          samples: [0, 60_000].map((t) => ({ t, v: (perS * t) / 1000 })),
        })),
      ),
    );
    const value = evaluateInstant(
      parsePromql('histogram_quantile(0.5, sum by (le, svc) (rate(req_ms_bucket[1m])))'),
      60_000,
      { store: over },
    );
    // Rank 4 of 8/s lies in (100, 500] holding 4 of 6: 100 + 400 * 2/4.
    expect(value).toEqual({ type: 'vector', samples: [{ metric: { svc: 's' }, v: 300 }] });
  });

  it('refuses what Prometheus refuses', () => {
    expect(refusal('histogram_quantile(0.5, {__name__=~"lat_bucket|other_bucket",job="a"})')).toBe(
      'execution: vector cannot contain metrics with the same labelset',
    );
    expect(refusal('histogram_quantile(0.5)')).toMatch(
      /expected 2 argument\(s\) in call to "histogram_quantile", got 1/,
    );
    expect(refusal('histogram_quantile(lat_count, lat_bucket)')).toMatch(
      /expected type scalar in call to function "histogram_quantile", got instant vector/,
    );
    expect(refusal('histogram_quantile(0.5, lat_bucket[5m])')).toMatch(
      /expected type instant vector in call to function "histogram_quantile", got range vector/,
    );
  });
});

describe('bucket bounds and the quantile itself', () => {
  it('reads le as Go reads a float', () => {
    expect(parseBound('+Inf')).toBe(Infinity);
    expect(parseBound('-inf')).toBe(-Infinity);
    expect(parseBound('1e-1')).toBe(0.1);
    expect(parseBound('.5')).toBe(0.5);
    expect(parseBound('NaN')).toBeNaN();
    expect(parseBound('')).toBeUndefined();
    expect(parseBound('fast')).toBeUndefined();
  });

  it('does not depend on the order of the buckets', () => {
    const shuffled = [
      { upperBound: Infinity, count: 100 },
      { upperBound: 0.5, count: 80 },
      { upperBound: 1, count: 95 },
      { upperBound: 0.1, count: 50 },
    ];
    expect(bucketQuantile(0.9, shuffled)).toBe(0.8333333333333333);
  });
});
