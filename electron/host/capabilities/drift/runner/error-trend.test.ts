import { describe, expect, it } from 'vitest';
import type { CollectedColumn } from '../datasets/column-store';
import { errorTrend } from './error-trend';

const column = (values: (number | null)[]): CollectedColumn => ({
  name: 'c',
  kind: 'numerical',
  numbers: Float64Array.from(values, (v) => (v === null ? NaN : v)),
  codes: new Int32Array(0),
  categories: [],
  integer: false,
});

describe('false positives and negatives over time', () => {
  it('counts per day, skipping rows without a label or prediction', () => {
    const day = (d: number) => Date.UTC(2024, 0, d);
    const trend = errorTrend(column([1, 0, 1, 0, null]), column([0, 1, 1, 0, 1]), '1', [
      day(1),
      day(1),
      day(2),
      day(2),
      day(2),
    ]);
    expect(trend.period).toBe('day');
    expect(trend.points).toEqual([
      {
        period: '2024-01-01',
        rows: 2,
        falsePositives: 1,
        falseNegatives: 1,
        falsePositiveRate: 0.5,
        falseNegativeRate: 0.5,
      },
      {
        period: '2024-01-02',
        rows: 2,
        falsePositives: 0,
        falseNegatives: 0,
        falsePositiveRate: 0,
        falseNegativeRate: 0,
      },
    ]);
  });

  it('gives one overall point without a time column', () => {
    const trend = errorTrend(column([1, 1]), column([0, 1]), '1', undefined);
    expect(trend).toEqual({
      period: 'all',
      points: [expect.objectContaining({ period: 'all', falseNegatives: 1 })],
    });
  });
});
