import { describe, expect, it } from 'vitest';
import { PromqlError } from './errors';
import { evaluateInstant, evaluateRange, type Value } from './evaluate';
import { parsePromql } from './parser';
import { memoryStore, type Labels, type Sample } from './store';

const s = (seconds: number) => seconds * 1000;
const every = (
  stepS: number,
  fromS: number,
  toS: number,
  value: (t: number) => number,
): Sample[] => {
  const out: Sample[] = [];
  for (let t = fromS; t <= toS; t += stepS) out.push({ t: s(t), v: value(t) });
  return out;
};

const store = memoryStore([
  {
    labels: { __name__: 'gpu_util', Hostname: 'node-1', gpu: '0', namespace: 'train' },
    samples: every(10, 0, 600, () => 90),
  },
  {
    labels: { __name__: 'gpu_util', Hostname: 'node-1', gpu: '1' },
    samples: every(10, 0, 600, () => 0),
  },
  {
    labels: { __name__: 'gpu_util', Hostname: 'node-2', gpu: '0', namespace: 'serve' },
    samples: every(10, 0, 600, (t) => t / 10),
  },
  {
    labels: { __name__: 'fb_used', Hostname: 'node-1', gpu: '0', namespace: 'train' },
    samples: every(10, 0, 600, () => 1000),
  },
  {
    labels: { __name__: 'fb_used', Hostname: 'node-1', gpu: '1' },
    samples: every(10, 0, 600, () => 0),
  },
  { labels: { __name__: 'requests_total', job: 'a' }, samples: every(10, 0, 60, (t) => t) },
  { labels: { __name__: 'requests_total', job: 'b' }, samples: every(10, 5, 55, (t) => t) },
  {
    labels: { __name__: 'requests_total', job: 'reset' },
    samples: [10, 20, 5, 15].map((v, i) => ({ t: s(i * 10), v })),
  },
  { labels: { __name__: 'old', job: 'a' }, samples: [{ t: s(0), v: 1 }] },
]);

function run(query: string, atS: number): Value {
  return evaluateInstant(parsePromql(query), s(atS), { store });
}

function vector(query: string, atS: number): { metric: Labels; v: number }[] {
  const value = run(query, atS);
  if (value.type !== 'vector') throw new Error(`expected a vector, got ${value.type}`);
  return value.samples;
}

function refusal(query: string): string {
  try {
    evaluateInstant(parsePromql(query), s(600), { store });
  } catch (error) {
    if (error instanceof PromqlError) return `${error.type}: ${error.message}`;
    throw error;
  }
  throw new Error(`${query} was not refused`);
}

describe('selectors', () => {
  it('matches labels with =, !=, =~ and !~, regexes anchored at both ends', () => {
    expect(vector('gpu_util{Hostname="node-1"}', 600)).toHaveLength(2);
    expect(vector('gpu_util{Hostname!="node-1"}', 600)).toHaveLength(1);
    expect(vector('gpu_util{Hostname=~"node-.*", gpu="0"}', 600)).toHaveLength(2);
    expect(vector('gpu_util{Hostname=~"node"}', 600)).toHaveLength(0);
    expect(vector('gpu_util{namespace!~"tr.*"}', 600).map((x) => x.metric.gpu)).toEqual(['1', '0']);
    expect(vector('{__name__=~"gpu_util|fb_used", gpu="1"}', 600)).toHaveLength(2);
  });

  it('takes the newest sample within the 5 minute lookback, and nothing older', () => {
    expect(vector('gpu_util{Hostname="node-2"}', 605)[0]?.v).toBe(60);
    expect(vector('old', 300)).toHaveLength(1);
    expect(vector('old', 300.001)).toHaveLength(0);
  });

  it('answers a bare range selector as a matrix of raw samples, both window ends included', () => {
    const value = run('gpu_util{Hostname="node-2"}[30s]', 600);
    expect(value.type).toBe('matrix');
    if (value.type === 'matrix')
      expect(value.series[0]?.points.map((p) => p.t / 1000)).toEqual([570, 580, 590, 600]);
  });
});

describe('functions over time', () => {
  it('averages, maximises, minimises, sums and counts over a closed window, dropping the name', () => {
    const at = (q: string) => vector(q, 600)[0];
    expect(at('avg_over_time(gpu_util{Hostname="node-2"}[30s])')).toEqual({
      metric: { Hostname: 'node-2', gpu: '0', namespace: 'serve' },
      v: 58.5,
    });
    expect(at('max_over_time(gpu_util{Hostname="node-2"}[30s])')?.v).toBe(60);
    expect(at('min_over_time(gpu_util{Hostname="node-2"}[30s])')?.v).toBe(57);
    expect(at('sum_over_time(gpu_util{Hostname="node-2"}[30s])')?.v).toBe(234);
    expect(at('count_over_time(gpu_util{Hostname="node-2"}[30s])')?.v).toBe(4);
  });

  it('extrapolates rate and increase as Prometheus does', () => {
    // Samples cover the whole window: 60 over 60 s.
    expect(vector('rate(requests_total{job="a"}[1m])', 60)[0]?.v).toBeCloseTo(1, 12);
    // Samples 5 s inside each end: extrapolated to the boundaries (within 1.1 sample intervals).
    expect(vector('increase(requests_total{job="b"}[1m])', 60)[0]?.v).toBeCloseTo(60, 12);
    // A counter reset adds the value before it: 15 - 10 + 20 = 25 over 30 s.
    expect(vector('increase(requests_total{job="reset"}[30s])', 30)[0]?.v).toBeCloseTo(25, 12);
    expect(vector('rate(requests_total{job="reset"}[30s])', 30)[0]?.v).toBeCloseTo(25 / 30, 12);
    // One sample is not enough for a rate.
    expect(vector('rate(old[10m])', 60)).toHaveLength(0);
  });
});

describe('aggregations', () => {
  it('sums, averages, counts, maximises and minimises by or without labels', () => {
    expect(vector('sum by (Hostname) (gpu_util)', 600)).toEqual([
      { metric: { Hostname: 'node-1' }, v: 90 },
      { metric: { Hostname: 'node-2' }, v: 60 },
    ]);
    expect(vector('avg(gpu_util)', 600)).toEqual([{ metric: {}, v: 50 }]);
    expect(vector('count without (gpu, namespace) (gpu_util)', 600)).toEqual([
      { metric: { Hostname: 'node-1' }, v: 2 },
      { metric: { Hostname: 'node-2' }, v: 1 },
    ]);
    expect(vector('max(gpu_util) by (gpu)', 600).map((x) => x.v)).toEqual([90, 0]);
    expect(vector('min(gpu_util)', 600)[0]?.v).toBe(0);
    expect(vector('sum by (namespace) (gpu_util)', 600).map((x) => x.metric)).toEqual([
      {},
      { namespace: 'serve' },
      { namespace: 'train' },
    ]);
  });
});

describe('binary operators', () => {
  it('does arithmetic with scalars, dropping the metric name', () => {
    expect(vector('fb_used{gpu="0"} / 1024', 600)).toEqual([
      { metric: { Hostname: 'node-1', gpu: '0', namespace: 'train' }, v: 1000 / 1024 },
    ]);
    expect(vector('-fb_used{gpu="0"}', 600)[0]?.v).toBe(-1000);
    const scalar = run('2 ^ 3 ^ 2 - 1 % 3', 0);
    expect(scalar).toEqual({ type: 'scalar', v: 2 ** 9 - 1 });
  });

  it('filters with comparisons, keeping the name and the vector side value; bool gives 0 or 1', () => {
    expect(vector('gpu_util > 50', 600).map((x) => [x.metric.__name__, x.v])).toEqual([
      ['gpu_util', 90],
      ['gpu_util', 60],
    ]);
    expect(vector('50 < gpu_util', 600).map((x) => x.v)).toEqual([90, 60]);
    expect(vector('gpu_util == bool 0', 600).map((x) => [x.metric.__name__, x.v])).toEqual([
      [undefined, 0],
      [undefined, 1],
      [undefined, 0],
    ]);
    expect(run('1 > bool 2', 0)).toEqual({ type: 'scalar', v: 0 });
  });

  it('matches vectors one to one on their labels, or on()/ignoring() a list', () => {
    expect(vector('fb_used / gpu_util', 600).map((x) => x.v)).toEqual([1000 / 90, NaN]);
    expect(vector('count(gpu_util == 0) / count(gpu_util)', 600)).toEqual([
      { metric: {}, v: 1 / 3 },
    ]);
    expect(
      vector('fb_used{gpu="0"} + on (Hostname) gpu_util{gpu="0", Hostname="node-1"}', 600),
    ).toEqual([{ metric: { Hostname: 'node-1' }, v: 1090 }]);
    // The ignored labels leave the result, as in Prometheus' resultMetric.
    expect(vector('fb_used > ignoring (namespace) gpu_util', 600).map((x) => x.metric)).toEqual([
      { __name__: 'fb_used', Hostname: 'node-1', gpu: '0' },
    ]);
  });

  it('raises the errors Prometheus raises', () => {
    expect(refusal('fb_used + on () gpu_util')).toMatch(
      /^execution: found duplicate series for the match group \{\} on the right hand-side/,
    );
    expect(refusal('{__name__=~"gpu_util|fb_used"} * 2')).toBe(
      'execution: vector cannot contain metrics with the same labelset',
    );
  });
});

describe('what the simulator refuses rather than guesses', () => {
  it.each([
    ['gpu_util offset 5m', 'the offset modifier'],
    ['gpu_util @ 100', 'the @ modifier'],
    ['max_over_time(gpu_util[5m:1m])', 'subqueries'],
    ['topk(3, gpu_util)', 'the aggregation "topk"'],
    ['histogram_count(gpu_util)', 'the function "histogram_count"'],
    ['label_replace(gpu_util, "a", "$1", "gpu", "(.*)")', 'the function "label_replace"'],
    ['gpu_util or fb_used', 'the set operator "or"'],
    ['fb_used * on (gpu) group_left gpu_util', 'group_left (many-to-one matching)'],
  ])('%s', (query, what) => {
    expect(refusal(query)).toBe(`bad_data: the metrics simulator does not support ${what}`);
  });

  it('reports parse errors as bad_data', () => {
    expect(refusal('sum(')).toMatch(/^bad_data: 1:\d+: parse error/);
    expect(refusal('no_such_function(gpu_util)')).toMatch(
      /unknown function with name "no_such_function"/,
    );
    expect(refusal('sum(gpu_util[5m])')).toMatch(
      /expected type instant vector in aggregation expression, got range vector/,
    );
    expect(refusal('rate(gpu_util)')).toMatch(
      /expected type range vector in call to function "rate", got instant vector/,
    );
    expect(refusal('{gpu=""}')).toBe(
      'bad_data: vector selector must contain at least one non-empty matcher',
    );
    expect(refusal('1 > 2')).toMatch(/comparisons between scalars must use BOOL modifier/);
  });
});

describe('range queries', () => {
  it('evaluates at start, start + step, ... up to end, and leaves out series without points', () => {
    const series = evaluateRange(
      parsePromql('gpu_util{Hostname="node-2"}'),
      s(100),
      s(135),
      s(10),
      { store },
    );
    expect(series).toHaveLength(1);
    expect(series[0]?.points).toEqual([
      { t: s(100), v: 10 },
      { t: s(110), v: 11 },
      { t: s(120), v: 12 },
      { t: s(130), v: 13 },
    ]);
    expect(evaluateRange(parsePromql('old'), s(400), s(500), s(10), { store })).toEqual([]);
  });

  it('answers a scalar as one series without labels, and refuses strings and range vectors', () => {
    expect(evaluateRange(parsePromql('1 + 1'), 0, s(20), s(10), { store })).toEqual([
      { metric: {}, points: [0, 10, 20].map((t) => ({ t: s(t), v: 2 })) },
    ]);
    expect(() => evaluateRange(parsePromql('"x"'), 0, s(20), s(10), { store })).toThrow(
      /invalid expression type "string" for range query/,
    );
    expect(() => evaluateRange(parsePromql('old[1m]'), 0, s(20), s(10), { store })).toThrow(
      /invalid expression type "range vector"/,
    );
  });
});
