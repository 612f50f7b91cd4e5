// ks_2samp against scipy: tiny samples on both exact paths (equal sizes: the "outside square"
// sum; unequal: the inside method), ties, h = 0, the MAX_AUTO_N = 10000 boundary and the
// asymptotic kstwo branches. Tolerance: statistic and p-value absolute 1e-9, and relative 1e-9
// for p-values below 1e-3 (so tiny p-values are really compared).

import { describe, expect, it } from 'vitest';
import {
  type Encoded,
  type EncodedSample,
  decodeNumber,
  decodeSample,
  loadFixture,
  withinTolerance,
} from './fixtures/load-fixture';
import { KS_MAX_EXACT_N, ksTwoSample } from './ks-test';

interface KsCase {
  name: string;
  reference: EncodedSample;
  current: EncodedSample;
  statistic: Encoded;
  pValue: Encoded;
  method: 'exact' | 'asymp';
}

const fixture = loadFixture<KsCase>('ks-2samp');

describe('ksTwoSample equals scipy.stats.ks_2samp', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = ksTwoSample(
      decodeSample(c.reference) as number[],
      decodeSample(c.current) as number[],
    );
    const p = decodeNumber(c.pValue);
    expect(result.method).toBe(c.method);
    expect(
      withinTolerance(result.statistic, decodeNumber(c.statistic)),
      `D ${result.statistic}`,
    ).toBe(true);
    expect(withinTolerance(result.pValue, p), `p ${result.pValue} vs ${p}`).toBe(true);
    if (p > 0 && p < 1e-3) expect(Math.abs(result.pValue - p) / p).toBeLessThan(1e-9);
  });
});

describe('ksTwoSample properties', () => {
  it('is symmetric in its samples', () => {
    const a = [0.1, 0.4, 0.4, 0.9, 1.3];
    const b = [0.2, 0.4, 0.8, 1.1, 1.2, 2.5, 3];
    expect(ksTwoSample(a, b)).toEqual(ksTwoSample(b, a));
  });
  it('gives p = 1 and D = 0 for identical samples', () => {
    expect(ksTwoSample([3, 1, 2], [2, 3, 1])).toMatchObject({ statistic: 0, pValue: 1 });
  });
  it('uses the exact distribution up to 10000 rows and the asymptotic one above', () => {
    const small = Array.from({ length: KS_MAX_EXACT_N }, (_, i) => i % 97);
    const big = Array.from({ length: KS_MAX_EXACT_N + 1 }, (_, i) => i % 97);
    expect(ksTwoSample(small, [1, 2, 3]).method).toBe('exact');
    expect(ksTwoSample(big, [1, 2, 3]).method).toBe('asymp');
  });
  it('keeps p in [0, 1] for completely separated samples', () => {
    const r = ksTwoSample([1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11, 12, 13, 14, 15, 16]);
    expect(r.statistic).toBe(1);
    expect(r.pValue).toBeGreaterThan(0);
    expect(r.pValue).toBeLessThan(1e-3);
  });
  it('refuses an empty sample', () => {
    expect(() => ksTwoSample([], [1])).toThrow(/non-empty/);
  });
});
