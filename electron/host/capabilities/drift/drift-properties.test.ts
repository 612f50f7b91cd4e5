// Edge cases and invariants the fixtures do not spell out: cleaning, errors, the default-test
// table at its boundaries, decision directions at the threshold, dataset share, metric bounds.

import { describe, expect, it } from 'vitest';
import { chiSquareDrift } from './chi-square-test';
import { columnDrift } from './column-drift';
import { EmptyColumnError, MixedColumnError } from './column-values';
import { datasetDrift } from './dataset-drift';
import { defaultDriftTest, isDrift } from './default-test';
import { jensenShannonDistance, jensenShannonDrift } from './jensen-shannon';
import { populationStabilityIndex } from './psi';
import type { CollectedColumn } from './datasets/column-store';
import type { NumberBounds } from './datasets/table-source';
import { testColumn } from './runner/column-test';
import { textOrder } from './runner/histogram';
import { sortedFinite } from './sorted-values';
import { populationStd, RunningSum } from './sum';
import { normedWasserstein, wassersteinDistance } from './wasserstein';
import { zTestDrift } from './z-test';

/** A small deterministic generator (mulberry32) so property checks are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const range = (n: number, f: (i: number) => number): number[] =>
  Array.from({ length: n }, (_, i) => f(i));

describe('cleaning', () => {
  it('drops null, NaN and ±Infinity before testing, as Evidently does', () => {
    const clean = columnDrift('x', [1, 2, 3, 4, 5, 6, 7], [2, 3, 4, 5, 6, 7, 8], 'numerical');
    const dirty = columnDrift(
      'x',
      [1, null, 2, Number.NaN, 3, 4, Number.POSITIVE_INFINITY, 5, 6, 7],
      [Number.NEGATIVE_INFINITY, 2, 3, 4, undefined, 5, 6, 7, 8],
      'numerical',
    );
    expect(dirty).toEqual(clean);
    expect(dirty.referenceRows).toBe(7);
  });
  it('is a clear error when a column is empty after cleaning', () => {
    expect(() => columnDrift('age', [Number.NaN, null], [1, 2], 'numerical')).toThrow(
      EmptyColumnError,
    );
    expect(() => columnDrift('age', [1, 2], [], 'numerical')).toThrow(/"age".*current dataset/);
  });
  it('refuses text in a numerical column', () => {
    expect(() => columnDrift('age', [1, 'two'], [1, 2], 'numerical')).toThrow(MixedColumnError);
  });
});

describe('default test table', () => {
  const ref = (n: number, values: number): number[] => range(n, (i) => i % values);
  it.each([
    [1000, 6, 'numerical', 'ks'],
    [1000, 5, 'numerical', 'chisquare'],
    [1000, 3, 'numerical', 'chisquare'],
    [1000, 2, 'numerical', 'z'],
    [1001, 6, 'numerical', 'wasserstein'],
    [1001, 5, 'numerical', 'jensenshannon'],
    [1001, 2, 'numerical', 'jensenshannon'],
    [1000, 40, 'categorical', 'chisquare'],
    [1000, 2, 'categorical', 'z'],
    [1001, 40, 'categorical', 'jensenshannon'],
  ] as const)('reference %i rows, %i values, %s → %s', (rows, values, kind, test) => {
    expect(defaultDriftTest(ref(rows, values), [0], kind)).toBe(test);
  });
  it('counts distinct values over both samples, and ignores the current size', () => {
    expect(defaultDriftTest([0, 1, 2], [3, 4, 5], 'numerical')).toBe('ks');
    expect(
      defaultDriftTest(
        [0, 1],
        range(5000, (i) => i % 2),
        'numerical',
      ),
    ).toBe('z');
  });
});

describe('decision direction at the threshold', () => {
  it('KS drifts at p == threshold, chi-square and z do not, distances do', () => {
    expect(isDrift('ks', 0.05, 0.05)).toBe(true);
    expect(isDrift('chisquare', 0.05, 0.05)).toBe(false);
    expect(isDrift('z', 0.05, 0.05)).toBe(false);
    expect(isDrift('wasserstein', 0.1, 0.1)).toBe(true);
    expect(isDrift('jensenshannon', 0.09, 0.1)).toBe(false);
    expect(isDrift('psi', 0.2, 0.1)).toBe(true);
  });
  it('honours a custom threshold', () => {
    const r = columnDrift('x', [0, 1, 2, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5, 7], 'numerical', {
      threshold: 1,
    });
    expect(r).toMatchObject({ test: 'ks', threshold: 1, drifted: true });
  });
});

describe('dataset drift share', () => {
  const col = (drifted: boolean) =>
    columnDrift('c', [0, 0, 1], [0, 1, 1], 'categorical', { threshold: drifted ? 1.1 : -1 });
  it('is drift from share 0.5 up (share >= drift_share)', () => {
    expect(datasetDrift([col(true), col(false)])).toMatchObject({ share: 0.5, datasetDrift: true });
    expect(datasetDrift([col(true), col(false), col(false)]).datasetDrift).toBe(false);
    expect(datasetDrift([col(true), col(false), col(false)], 1 / 3).datasetDrift).toBe(true);
  });
  it('needs at least one column', () => {
    expect(() => datasetDrift([])).toThrow(RangeError);
  });
});

describe('metric invariants', () => {
  const next = random(42);
  const a = range(300, () => next() * 10);
  const b = range(200, () => next() * 12 - 1);
  it('Wasserstein is symmetric, shift-equivariant and 0 on equal samples', () => {
    expect(wassersteinDistance(a, b)).toBeCloseTo(wassersteinDistance(b, a), 12);
    expect(wassersteinDistance(a, [...a].reverse())).toBe(0);
    expect(wassersteinDistance([0, 1, 2], [5, 6, 7])).toBeCloseTo(5, 14);
  });
  it('normed Wasserstein divides by at least 0.001', () => {
    expect(normedWasserstein([1, 1, 1], [2, 2, 2])).toBeCloseTo(1000, 9);
  });
  it('Jensen-Shannon (natural log) lies in [0, sqrt(ln 2)] and is symmetric', () => {
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 15);
    expect(jensenShannonDistance([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(jensenShannonDistance([1, 0], [0, 1], 2)).toBeCloseTo(1, 15);
    const ab = jensenShannonDrift(a, b, 'numerical');
    expect(ab).toBeGreaterThan(0);
    expect(ab).toBeLessThanOrEqual(Math.sqrt(Math.LN2));
  });
  it('PSI is non-negative and 0 on equal distributions', () => {
    expect(populationStabilityIndex(a, a, 'numerical')).toBe(0);
    expect(populationStabilityIndex(a, b, 'numerical')).toBeGreaterThan(0);
  });
  it('chi-square gives p = 0 for a category seen only in current', () => {
    const r = chiSquareDrift(['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'd']);
    expect(r).toMatchObject({
      statistic: Number.POSITIVE_INFINITY,
      pValue: 0,
      degreesOfFreedom: 3,
    });
  });
  it('z-test is 1 for one shared value and refuses to order numbers against text', () => {
    expect(zTestDrift(['x', 'x'], ['x']).pValue).toBe(1);
    expect(zTestDrift([1, 1, 1], [true]).pValue).toBe(1);
    expect(() => zTestDrift([1, 'a'], [1])).toThrow(TypeError);
  });
});

describe('sorting and walking large samples', () => {
  const next = random(7);
  // Integers with long runs of ties (counted, not compared), split in pieces, with missing values.
  const integers = range(5000, () => Math.round(next() * 300) - 120);
  const withMissing = Float64Array.from(integers, (v, i) =>
    i % 97 === 0 ? NaN : i % 101 === 0 ? -Infinity : v,
  );
  const finite = (values: Float64Array) => Float64Array.from(values.filter(Number.isFinite)).sort();

  it('sorts counted integers, in pieces or whole, as Float64Array.sort does', () => {
    const pieces = [withMissing.subarray(0, 1234), withMissing.subarray(1234)];
    expect([...sortedFinite(pieces)]).toEqual([...finite(withMissing)]);
    expect([...sortedFinite(withMissing)]).toEqual([...finite(withMissing)]);
    // Bounds known from a file's dictionary (wider than the values): the same, one pass less.
    const whole = Float64Array.from(integers);
    const bounds = { lo: -500, hi: 900, integers: true };
    expect([...sortedFinite([whole.subarray(0, 99), whole.subarray(99)], bounds)]).toEqual([
      ...finite(whole),
    ]);
    const zeros = Float64Array.of(0, -0, 2, -0, 1);
    // Counted zeros lose their sign, as before; the values themselves are the same.
    expect(Array.from(sortedFinite(zeros), (v) => v + 0)).toEqual([0, 0, 0, 1, 2]);
    const fractions = Float64Array.of(0.5, NaN, -3.25, 0.5, Infinity, 2);
    expect([...sortedFinite([fractions.subarray(0, 2), fractions.subarray(2)])]).toEqual([
      -3.25, 0.5, 0.5, 2,
    ]);
  });

  it('takes the standard deviation of counted runs as of the values, to an ulp or so', () => {
    const counted = sortedFinite(withMissing);
    const oneByOne = populationStd(Array.from(counted));
    expect(Math.abs(populationStd(counted) - oneByOne)).toBeLessThanOrEqual(
      4 * Number.EPSILON * oneByOne,
    );
    // Sums past 2^53 are not exact: added one by one, as before.
    const huge = sortedFinite(Float64Array.of(2 ** 51, 2 ** 51 + 3, 2 ** 51 + 1, 2 ** 51));
    expect(populationStd(huge)).toBe(populationStd(Array.from(huge)));
  });

  it('tests integer runs vouched for by bounds exactly as the sorted values', () => {
    const column = (values: number[], bounds?: NumberBounds): CollectedColumn => {
      const numbers = Float64Array.from(values);
      const pieces = [numbers.subarray(0, 700), numbers.subarray(700)];
      return {
        name: 'x',
        kind: 'numerical',
        numbers,
        numberPieces: pieces,
        codes: new Int32Array(0),
        categories: [],
        integer: true,
        ...(bounds ? { bounds } : {}),
      };
    };
    const ref = range(4000, () => Math.round(next() * 90));
    const cur = range(2500, () => Math.round(next() * 70) + 15);
    const bounds = { lo: -10, hi: 120, integers: true };
    const byRuns = testColumn(
      'x',
      column(ref, bounds),
      column(cur, bounds),
      'numerical',
      'default',
    );
    const bySort = testColumn('x', column(ref), column(cur), 'numerical', 'default');
    expect(byRuns.test).toBe('wasserstein');
    expect(byRuns).toEqual(bySort);
    expect(Object.is(byRuns.score, bySort.score)).toBe(true);
  });

  it('orders tied categories as localeCompare does, codes without loading ICU', () => {
    const words = ['ORD', 'O1', '9', 'ATL', 'atl', 'a b', 'Zürich', '', 'b', 'B', 'A10', 'A9'];
    const sign = (n: number) => Math.sign(n);
    for (const a of words) {
      for (const b of words) expect(sign(textOrder(a, b))).toBe(sign(a.localeCompare(b)));
    }
  });

  it('walks runs of ties to the same Wasserstein distance, bit for bit', () => {
    // scipy's pooled-ECDF sum, tie by tie, as the engine walked it before it galloped over runs.
    const stepByStep = (u: Float64Array, v: Float64Array) => {
      const sum = new RunningSum();
      let [iu, iv] = [0, 0];
      let x = Math.min(u[0]!, v[0]!);
      for (;;) {
        while (iu < u.length && u[iu]! <= x) iu++;
        while (iv < v.length && v[iv]! <= x) iv++;
        if (iu === u.length && iv === v.length) return sum.total;
        const step = iu === u.length ? v[iv]! : iv === v.length ? u[iu]! : Math.min(u[iu]!, v[iv]!);
        sum.add(Math.abs(iu / u.length - iv / v.length) * (step - x));
        x = step;
      }
    };
    const u = sortedFinite(withMissing);
    const v = sortedFinite(Float64Array.from(range(3000, () => Math.round(next() * 200) - 50)));
    expect(wassersteinDistance(u, v)).toBe(stepByStep(u, v));
    expect(wassersteinDistance(v, u.subarray(10, 20))).toBe(stepByStep(v, u.subarray(10, 20)));
  });
});
