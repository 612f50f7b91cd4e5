// The whole path on real data: vega-datasets' flights-3m.parquet read from disk (ZSTD pages, row
// groups pruned by the date window), January 2001 against June 2001 on five columns (the date
// is the window's column, the four others are features). Every score equals the one scipy and
// Evidently computed on the same months (fixtures/flights.json) to 1e-9.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonRequest } from '../../../../../shared/contract/drift';
import { decodeNumber, type Encoded, loadFixture, withinTolerance } from '../fixtures/load-fixture';
import { compareDatasets } from './compare-datasets';

interface FlightsCase {
  name: string;
  columns: { column: string; reference: { counts?: number[] } }[];
  dataset: {
    share: Encoded;
    drifted: number;
    tested: number;
    datasetDrift: boolean;
    columns: Record<string, { test: string; score: Encoded; drifted: boolean }>;
  };
}

const path = join(process.cwd(), 'node_modules/vega-datasets/data/flights-3m.parquet');
const month = (from: string, to: string) => ({ path, window: { column: 'date', from, to } });

describe('flights-3m.parquet, January vs June 2001, from the file', () => {
  it('equals Evidently and scipy to 1e-9', { timeout: 120_000 }, async () => {
    const expected = loadFixture<FlightsCase>('flights').cases.find((c) =>
      c.name.includes('full months'),
    )!;
    const report = await compareDatasets(
      comparisonRequest.parse({
        reference: month('2001-01-01', '2001-02-01'),
        current: month('2001-06-01', '2001-07-01'),
      }),
      { digests: { reference: 'r', current: 'c' } },
    );
    const referenceRows = expected.columns[0]!.reference.counts!.reduce((a, b) => a + b, 0);
    expect(report.reference.rowsKept).toBe(referenceRows);
    expect(report.columns.map((c) => c.column).sort()).toEqual(
      Object.keys(expected.dataset.columns).sort(),
    );
    for (const column of report.columns) {
      const want = expected.dataset.columns[column.column]!;
      expect(column.testLabel).toBe(want.test);
      expect(withinTolerance(column.score, decodeNumber(want.score))).toBe(true);
      expect(column.drifted).toBe(want.drifted);
    }
    expect(report.dataset).toMatchObject({
      testedColumns: expected.dataset.tested,
      driftedColumns: expected.dataset.drifted,
      share: decodeNumber(expected.dataset.share),
      datasetDrift: expected.dataset.datasetDrift,
    });
  });
});
