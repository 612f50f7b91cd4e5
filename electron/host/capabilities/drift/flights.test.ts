// Real data: vega-datasets' flights-3m.parquet (delay, distance, origin, destination), January
// 2001 as reference and June 2001 as current, full months (≈ 470k rows each: Wasserstein and
// Jensen-Shannon defaults, KS in its asymptotic branch) and the first few hundred rows of each
// (KS exact, chi-square). Expected numbers come from Evidently 0.7's stat tests and its
// DataDriftPreset report on the same frames; inputs are stored as value counts.
// Tolerance: 1e-9 absolute for values <= 1, 1e-9 relative above (withinTolerance).

import { describe, expect, it } from 'vitest';
import type { ColumnDriftResult } from './column-drift';
import { datasetDrift } from './dataset-drift';
import { DRIFT_TESTS } from './default-test';
import { type EvidentlyColumnCase, expectMatchesEvidently } from './fixtures/evidently-case';
import {
  type Encoded,
  decodeNumber,
  decodeSample,
  loadFixture,
  withinTolerance,
} from './fixtures/load-fixture';
import { ksTwoSample } from './ks-test';

interface FlightsCase {
  name: string;
  columns: (EvidentlyColumnCase & {
    column: string;
    ks?: { statistic: Encoded; pValue: Encoded };
  })[];
  dataset: {
    share: Encoded;
    drifted: number;
    tested: number;
    datasetDrift: boolean;
    columns: Record<string, { test: string; score: Encoded; drifted: boolean }>;
  };
}

const fixture = loadFixture<FlightsCase>('flights');

describe('flights-3m: drift engine equals Evidently and scipy', () => {
  // Full months are ~470k rows per side and every test runs on each column: allow the time.
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', { timeout: 60_000 }, (_name, c) => {
    const results: ColumnDriftResult[] = [];
    for (const column of c.columns) {
      const result = expectMatchesEvidently(column);
      const report = c.dataset.columns[column.column]!;
      // The report names tests by display name ("K-S p_value"); so do our labels.
      expect(DRIFT_TESTS[result.test].label).toBe(report.test);
      expect(withinTolerance(result.score, decodeNumber(report.score))).toBe(true);
      expect(result.drifted).toBe(report.drifted);
      if (column.ks) {
        const ks = ksTwoSample(
          decodeSample(column.reference) as number[],
          decodeSample(column.current) as number[],
        );
        expect(withinTolerance(ks.statistic, decodeNumber(column.ks.statistic))).toBe(true);
        const p = decodeNumber(column.ks.pValue);
        expect(withinTolerance(ks.pValue, p)).toBe(true);
        if (p > 0 && p < 1e-3) expect(Math.abs(ks.pValue - p) / p).toBeLessThan(1e-9);
      }
      results.push(result);
    }
    const dataset = datasetDrift(results);
    expect(dataset.testedColumns).toBe(c.dataset.tested);
    expect(dataset.driftedColumns).toBe(c.dataset.drifted);
    expect(dataset.share).toBe(decodeNumber(c.dataset.share));
    expect(dataset.datasetDrift).toBe(c.dataset.datasetDrift);
  });
});
