// Compared features read as value counts (tallies) give the very report that reading every row
// gives, bit for bit: on flights-3m with windows that cut row groups or take them whole, on the
// encoding fixtures (nulls, plain pages, v2 pages, dictionaries that give way to plain pages
// within a chunk), with a declared categorical column and a prediction column. And the reader
// does tally where it can, and only there.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  comparisonRequest,
  type ComparisonRequestInput,
  type DriftReport,
} from '../../../../../shared/contract/drift';
import { openTable } from '../datasets/open-table';
import type { WindowHint } from '../datasets/table-source';
import { compareDatasets } from './compare-datasets';

const flights = join(process.cwd(), 'node_modules/vega-datasets/data/flights-3m.parquet');
const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);
const window = (from: string, to: string) => ({
  path: flights,
  window: { column: 'date', from, to },
});

async function bothWays(input: ComparisonRequestInput) {
  const request = comparisonRequest.parse(input);
  const digests = { reference: 'r', current: 'c' };
  const stable = (report: DriftReport) => ({ ...report, computedAt: '', durationMs: 0 });
  const [tallied, rows] = await Promise.all([
    compareDatasets(request, { digests }),
    compareDatasets(request, { digests, tallies: false }),
  ]);
  return { tallied: stable(tallied), rows: stable(rows) };
}

describe('tallied columns', () => {
  it.each([
    [
      'whole months (row groups cut and whole)',
      ['2001-01-01', '2001-02-01'],
      ['2001-06-01', '2001-07-01'],
    ],
    [
      'a fortnight inside one row group',
      ['2001-01-03', '2001-01-17'],
      ['2001-03-10', '2001-03-24'],
    ],
    ['several row groups', ['2001-01-01', '2001-03-15'], ['2001-04-01', '2001-07-01']],
  ])('give the same report on flights-3m: %s', { timeout: 60_000 }, async (_, ref, cur) => {
    const { tallied, rows } = await bothWays({
      reference: window(ref[0]!, ref[1]!),
      current: window(cur[0]!, cur[1]!),
    });
    expect(tallied).toEqual(rows);
    expect(tallied.columns).toHaveLength(4);
  });

  it('give the same report with a declared categorical and a prediction column', async () => {
    const { tallied, rows } = await bothWays({
      reference: window('2001-01-01', '2001-01-20'),
      current: window('2001-05-01', '2001-05-20'),
      categorical: ['distance'],
      predictionColumn: 'delay',
      test: 'psi',
    });
    expect(tallied).toEqual(rows);
    expect(tallied.prediction?.column).toBe('delay');
  });

  it.each([
    ['encodings-v1.parquet', 'encodings-v2.parquet'],
    ['encodings-v2.parquet', 'encodings-v1.parquet'],
    ['encodings-fallback.parquet', 'encodings-fallback.parquet'],
  ])('give the same report on %s against %s', async (reference, current) => {
    const { tallied, rows } = await bothWays({
      reference: { path: fixture(reference) },
      current: { path: fixture(current) },
    });
    expect(tallied).toEqual(rows);
  });

  it('give the same report where the window cuts batches row by row (times out of order)', async () => {
    // `day` wraps around after 300 rows: no row group's rows are one run inside the window.
    const days = { column: 'day', from: '2024-02-01', to: '2024-08-01' };
    const { tallied, rows } = await bothWays({
      reference: { path: fixture('encodings-v1.parquet'), window: days },
      current: { path: fixture('encodings-v2.parquet'), window: days },
    });
    expect(tallied).toEqual(rows);
    expect(tallied.reference.rowsKept).toBeLessThan(tallied.reference.rowsRead);
  });

  it('are what the reader hands over where every page is dictionary indices, none missing', async () => {
    const kinds = async (path: string, columns: string[], hint?: WindowHint) => {
      const table = await openTable(path, 'reference');
      const seen: string[] = [];
      for await (const batch of table.batches(columns, undefined, hint, new Set(columns))) {
        for (const [name, column] of batch.values) {
          seen.push(`${name}:${'tally' in column ? 'tally' : 'rows'}`);
        }
      }
      return [...new Set(seen)].sort();
    };
    // Dictionaries that give way to plain pages (n, word) come as rows; a small one as a tally.
    expect(await kinds(fixture('encodings-fallback.parquet'), ['n', 'word', 'small'])).toEqual([
      'n:rows',
      'small:tally',
      'word:rows',
    ]);
    // Nulls (x, y, city) and booleans come as rows.
    expect(await kinds(fixture('encodings-v1.parquet'), ['x', 'y', 'i32', 'city', 'flag'])).toEqual(
      ['city:rows', 'flag:rows', 'i32:tally', 'x:rows', 'y:rows'],
    );
    // A window on flights: tallies in the row groups it takes whole or in one run of rows.
    const january = { column: 'date', from: Date.UTC(2001, 0, 1), to: Date.UTC(2001, 1, 1) };
    expect(await kinds(flights, ['date', 'delay', 'origin'], january)).toEqual([
      'delay:tally',
      'origin:tally',
    ]);
  });
});
