// The numerical building blocks against scipy, case by case across every branch scipy takes:
// kstwo.sf (all of _kolmogn's branches), smirnov, chi2.sf, norm.cdf and erf/erfc.
// Tolerance: absolute 1e-9 for probabilities (the brief's bar), plus a relative check where the
// value is tiny so a p-value of 1e-40 is not "equal" to 0 by accident.

import { describe, expect, it } from 'vitest';
import { type Encoded, decodeNumber, loadFixture, withinTolerance } from './fixtures/load-fixture';
import { chiSquareSurvival } from './incomplete-gamma';
import { kolmogorovSurvival } from './kolmogorov-distribution';
import { erf, erfc, normalCdf } from './normal-cdf';
import { smirnovSurvival } from './smirnov';

interface SpecialFixture {
  kstwo_sf: { n: number; d: number; sf: Encoded }[];
  smirnov: { n: number; d: number; sf: Encoded }[];
  chi2_sf: { df: number; x: number; sf: Encoded }[];
  ndtr: { z: number; cdf: Encoded; twoSided: Encoded }[];
  erfc: { x: number; erfc: Encoded; erf: Encoded }[];
}

const fixture = loadFixture<SpecialFixture>('special-functions').cases[0]!;

/** Absolute 1e-9, and relative `rel` when the expected value is below 1e-3. */
function expectClose(actual: number, expected: number, rel: number, what: string): void {
  expect(withinTolerance(actual, expected), `${what}: ${actual} vs ${expected}`).toBe(true);
  if (expected > 0 && expected < 1e-3) {
    expect(Math.abs(actual - expected) / expected, `${what} relative`).toBeLessThanOrEqual(rel);
  }
}

describe('kstwo.sf (exact Kolmogorov distribution) equals scipy', () => {
  it.each(fixture.kstwo_sf.map((c) => [c.n, c.d, c] as const))('n=%i d=%f', (_n, _d, c) => {
    expectClose(
      kolmogorovSurvival(c.d, c.n),
      decodeNumber(c.sf),
      1e-10,
      `kstwo.sf(${c.d}, ${c.n})`,
    );
  });
});

describe('smirnov equals scipy', () => {
  it.each(fixture.smirnov.map((c) => [c.n, c.d, c] as const))('n=%i d=%f', (_n, _d, c) => {
    expectClose(smirnovSurvival(c.n, c.d), decodeNumber(c.sf), 1e-10, `smirnov(${c.n}, ${c.d})`);
  });
});

describe('chi2.sf equals scipy', () => {
  it.each(fixture.chi2_sf.map((c) => [c.df, c.x, c] as const))('df=%i x=%f', (_df, _x, c) => {
    expectClose(
      chiSquareSurvival(c.x, c.df),
      decodeNumber(c.sf),
      1e-10,
      `chi2.sf(${c.x}, ${c.df})`,
    );
  });
});

describe('norm.cdf and the z-test tail equal scipy', () => {
  it('matches at every tabulated z', () => {
    for (const c of fixture.ndtr) {
      expectClose(normalCdf(c.z), decodeNumber(c.cdf), 1e-13, `ndtr(${c.z})`);
      // 2·(1 - Φ(|z|)) is what Evidently reports: compare to the last bit of cancellation.
      expect(2 * (1 - normalCdf(Math.abs(c.z))), `two-sided ${c.z}`).toBeCloseTo(
        decodeNumber(c.twoSided),
        15,
      );
    }
  });
  it('erf and erfc match at every tabulated x', () => {
    for (const c of fixture.erfc) {
      expectClose(erfc(c.x), decodeNumber(c.erfc), 1e-13, `erfc(${c.x})`);
      expectClose(erf(c.x), decodeNumber(c.erf), 1e-13, `erf(${c.x})`);
    }
  });
});
