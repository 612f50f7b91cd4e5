// Evidently's get_binned_data against the real thing: Sturges edges over both samples, shares
// per bin, the zero filling PSI uses, and scipy's jensenshannon on the unfilled shares.
// Tolerance: 1e-9 absolute (all values are shares or distances in [0, 1]; edges relative 1e-9).

import { describe, expect, it } from 'vitest';
import { binShares, fillZeroShares, sturgesEdges } from './binning';
import type { CleanValue, ColumnKind } from './column-values';
import {
  type Encoded,
  decode,
  decodeNumber,
  loadFixture,
  withinTolerance,
} from './fixtures/load-fixture';
import { jensenShannonDistance } from './jensen-shannon';

interface BinningCase {
  name: string;
  kind: ColumnKind;
  reference: Encoded[];
  current: Encoded[];
  reference_shares: Encoded[];
  current_shares: Encoded[];
  reference_filled: Encoded[];
  current_filled: Encoded[];
  jensenshannon: Encoded;
  edges?: Encoded[];
  keys?: Encoded[];
}

const fixture = loadFixture<BinningCase>('evidently-binning');

function expectAll(actual: ArrayLike<number>, expected: number[], what: string): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  expected.forEach((e, i) =>
    expect(withinTolerance(actual[i]!, e), `${what}[${i}] ${actual[i]} vs ${e}`).toBe(true),
  );
}

describe('binShares equals Evidently get_binned_data', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const reference = c.reference.map(decode) as CleanValue[];
    const current = c.current.map(decode) as CleanValue[];
    const shares = binShares(reference, current, c.kind);
    // Evidently's key order is a Python set's; line ours up with it by key.
    const order = (values: Float64Array): number[] => {
      if (!c.keys) return Array.from(values);
      return c.keys.map((k) => values[shares.keys!.indexOf(decode(k) as CleanValue)]!);
    };
    if (c.edges) expectAll(shares.edges!, c.edges.map(decodeNumber), 'edges');
    expectAll(order(shares.reference), c.reference_shares.map(decodeNumber), 'reference shares');
    expectAll(order(shares.current), c.current_shares.map(decodeNumber), 'current shares');
    expectAll(
      order(fillZeroShares(shares.reference)),
      c.reference_filled.map(decodeNumber),
      'reference filled',
    );
    expectAll(
      order(fillZeroShares(shares.current)),
      c.current_filled.map(decodeNumber),
      'current filled',
    );
    const js = jensenShannonDistance(shares.reference, shares.current);
    expect(withinTolerance(js, decodeNumber(c.jensenshannon))).toBe(true);
  });
});

describe('binning edge cases', () => {
  it('gives one bin of width 1 around a constant sample', () => {
    expect(Array.from(sturgesEdges([2, 2, 2]))).toEqual([1.5, 2.5]);
  });
  it('puts the maximum in the last (closed) bin', () => {
    const values = Array.from({ length: 30 }, (_, i) => i);
    const shares = binShares(values, values, 'numerical');
    expect(shares.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(shares.reference[shares.reference.length - 1]).toBeGreaterThan(0);
  });
  it('widens Sturges bins to 1 for integer dtypes only', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i % 8);
    expect(sturgesEdges(values, true).length - 1).toBe(7);
    expect(sturgesEdges(values, false).length - 1).toBe(11);
  });
  it('fills zeros with min/1e6 when the smallest share is <= 1e-4, else with 1e-4', () => {
    expect(Array.from(fillZeroShares(Float64Array.from([0, 0.5, 0.5])))).toEqual([
      0.0001, 0.5, 0.5,
    ]);
    expect(Array.from(fillZeroShares(Float64Array.from([0, 0.00005, 0.99995])))).toEqual([
      0.00005 / 1e6,
      0.00005,
      0.99995,
    ]);
  });
});
