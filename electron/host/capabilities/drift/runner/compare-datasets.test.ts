// Prediction drift and the error trend through the whole path: a CSV with a time column, a
// prediction and a label; the prediction is tested apart from the features and the current
// data's false positives and negatives are counted per day.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparisonRequest } from '../../../../../shared/contract/drift';
import { compareDatasets } from './compare-datasets';

const dir = mkdtempSync(join(tmpdir(), 'drift-compare-'));
function csv(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, ['at,amount,predicted,actual', ...rows].join('\n') + '\n');
  return path;
}

describe('prediction drift and false positives/negatives', () => {
  it('tests the prediction apart and counts errors per day of the current data', async () => {
    const reference = csv(
      'ref.csv',
      Array.from({ length: 60 }, (_, i) => `2024-01-01T10:00,${i},${i % 2},${i % 2}`),
    );
    // Day 1: 10 rows, the model says 1 where the truth is 0 on rows 0..3; day 2: 10 rows, misses 2.
    const current = csv('cur.csv', [
      ...Array.from({ length: 10 }, (_, i) => `2024-02-01T08:00,${i},1,${i < 4 ? 0 : 1}`),
      ...Array.from({ length: 10 }, (_, i) => `2024-02-02T08:00,${i},${i < 2 ? 0 : 1},1`),
    ]);
    const report = await compareDatasets(
      comparisonRequest.parse({
        reference: { path: reference },
        current: { path: current, window: { column: 'at', from: '2024-02-01' } },
        predictionColumn: 'predicted',
        labelColumn: 'actual',
      }),
      { digests: { reference: 'r', current: 'c' } },
    );
    expect(report.columns.map((c) => c.column)).toEqual(['amount']);
    expect(report.prediction).toMatchObject({ column: 'predicted', test: 'z', drifted: true });
    expect(report.errorTrend).toEqual({
      period: 'day',
      points: [
        expect.objectContaining({
          period: '2024-02-01',
          rows: 10,
          falsePositives: 4,
          falseNegatives: 0,
        }),
        expect.objectContaining({
          period: '2024-02-02',
          rows: 10,
          falsePositives: 0,
          falseNegatives: 2,
        }),
      ],
    });
    expect(report.current.rowsKept).toBe(20);
  });
});
