// The readers and their faults: every bad input gives a message naming the file, the column or
// row, and what was expected; good input comes through typed as pandas would type it.

import { mkdtempSync, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  comparisonRequest,
  type ComparisonRequestInput,
} from '../../../../../shared/contract/drift';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { compareDatasets } from '../runner/compare-datasets';
import { csvCell } from './csv-cells';
import { fileSlices } from './file-slices';
import { openTable } from './open-table';
import { windowSpan } from './parquet-window';
import type { BatchColumn } from './table-source';

const flights = join(process.cwd(), 'node_modules/vega-datasets/data/flights-3m.parquet');
let dir: string;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const compare = (input: ComparisonRequestInput, maxBytes?: number) =>
  compareDatasets(comparisonRequest.parse(input), {
    digests: { reference: 'r', current: 'c' },
    maxBytes,
  });
const rows = (n: number, row: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => row(i)).join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'drift-readers-'));
});

describe('CSV cells as pandas reads them', () => {
  it('reads numbers, missing markers, infinities and text', () => {
    expect(csvCell('12')).toBe(12);
    expect(csvCell('-1.5e3')).toBe(-1500);
    expect(csvCell('')).toBeNull();
    expect(csvCell('NaN')).toBeNull();
    expect(csvCell('NA')).toBeNull();
    expect(csvCell('inf')).toBe(Infinity);
    expect(csvCell('-Infinity')).toBe(-Infinity);
    expect(csvCell('0x10')).toBe('0x10');
    expect(csvCell('SFO')).toBe('SFO');
  });
});

describe('the Parquet decoder', () => {
  // scripts/drift-fixtures/make_encoding_fixtures.py: data pages v1 (dictionary, ZSTD) and v2
  // (plain, Snappy), nulls, several row groups, times, integers, floats, text and booleans.
  const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);
  const cellOf = (column: BatchColumn, i: number): unknown => {
    if (Array.isArray(column)) return column[i] ?? null;
    if ('numbers' in column) return Number.isNaN(column.numbers[i]) ? null : column.numbers[i];
    if ('times' in column) return Number.isNaN(column.times[i]) ? null : column.times[i];
    if ('tally' in column) throw new Error('no rows in a tally');
    const code = column.codes[i]!;
    return code < 0 ? null : column.dictionary[code];
  };
  const plain = (v: unknown) =>
    v instanceof Date ? v.getTime() : typeof v === 'bigint' ? Number(v) : (v ?? null);

  it.each(['encodings-v1.parquet', 'encodings-v2.parquet'])(
    'decodes %s exactly as hyparquet reads its rows',
    async (name) => {
      const file = await fileSlices(fixture(name));
      const rows = await parquetReadObjects({ file, compressors }).finally(() => file.close());
      const table = await openTable(fixture(name), 'reference');
      const names = await table.columnNames();
      const seen: unknown[][] = [];
      for await (const batch of table.batches(names)) {
        for (let i = 0; i < batch.rows; i++)
          seen.push(names.map((n) => cellOf(batch.values.get(n)!, i)));
      }
      expect(seen).toEqual(rows.map((row) => names.map((n) => plain(row[n]))));
      expect(seen.flat()).toContain(null);
    },
  );

  it.each(['encodings-v1.parquet', 'encodings-v2.parquet'])(
    'reads in %s the rows a time window keeps, as filtering every row would',
    async (name) => {
      // 400 rows a minute apart in 3 row groups (150, 150, 100): 01:00–05:30 cuts the first
      // and the last, and holds the second whole.
      const file = await fileSlices(fixture(name));
      const rows = await parquetReadObjects({ file, compressors }).finally(() => file.close());
      const table = await openTable(fixture(name), 'reference');
      const names = await table.columnNames();
      const [from, to] = [Date.UTC(2024, 0, 1, 1), Date.UTC(2024, 0, 1, 5, 30)];
      const window = { column: 'when', from, to, keepColumn: true };
      const seen: unknown[][] = [];
      let read = 0;
      for await (const batch of table.batches(names, undefined, window)) {
        read += batch.rows;
        if (batch.pruned) continue;
        for (let i = 0; i < batch.rows; i++) {
          const row = names.map((n) => cellOf(batch.values.get(n)!, i));
          const when = row[names.indexOf('when')] as number;
          if (batch.inWindow) expect(when >= from && when < to).toBe(true);
          if (when >= from && when < to) seen.push(row);
        }
      }
      const inside = rows.filter((r) => +r.when! >= from && +r.when! < to);
      expect(read).toBe(400);
      expect(seen).toEqual(inside.map((row) => names.map((n) => plain(row[n]))));
      expect(seen).toHaveLength(270);
    },
  );

  it('spans a window from its first to its last row inside, holes and all', () => {
    const times = Float64Array.of(5, 1, 7, 3, 9);
    expect(windowSpan(times, { column: 't', from: 3, to: 8 })).toEqual({
      from: 0,
      to: 4,
      first: 1,
      last: 9,
      whollyInside: false,
    });
    expect(windowSpan(times, { column: 't', from: 9 })).toMatchObject({ from: 4, to: 5 });
    expect(windowSpan(times, { column: 't', to: 0 })).toMatchObject({ from: 0, to: 0 });
    expect(windowSpan(Float64Array.of(1, NaN), { column: 't', from: 0 })).toBeUndefined();
  });
});

describe('comparing files', () => {
  it('types columns, drops NaN and infinities as Evidently does, and leaves time columns out', async () => {
    const ref = file(
      'ref.csv',
      'date,x,city\n' +
        rows(50, (i) => `2024-01-0${(i % 9) + 1},${i % 7},${['a', 'b', 'c'][i % 3]}`) +
        '\n2024-01-02,NaN,a\n2024-01-02,inf,\n',
    );
    const cur = file(
      'cur.csv',
      'date,x,city\n' +
        rows(40, (i) => `2024-02-0${(i % 9) + 1},${(i % 7) + 3},${['a', 'b', 'd'][i % 3]}`) +
        '\n',
    );
    const report = await compare({ reference: { path: ref }, current: { path: cur } });
    const x = report.columns.find((c) => c.column === 'x')!;
    expect(x).toMatchObject({
      kind: 'numerical',
      test: 'ks',
      referenceRows: 50,
      referenceMissing: 2,
      currentMissing: 0,
    });
    const city = report.columns.find((c) => c.column === 'city')!;
    expect(city).toMatchObject({ kind: 'categorical', test: 'chisquare', referenceMissing: 1 });
    expect(report.skipped).toEqual([{ column: 'date', reason: 'a time column, not a feature' }]);
    expect(x.histogram.reference.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('refuses a numerical column that holds text, naming the row', async () => {
    const ref = file('mixed.csv', 'x\n' + rows(20, (i) => String(i)) + '\noops\n');
    await expect(compare({ reference: { path: ref }, current: { path: ref } })).rejects.toThrow(
      /reference file \(mixed\.csv\), row 21: column "x" holds "oops", but its earlier values are numbers/,
    );
    // Past the first batch of rows (16,384) too.
    const long = file('long.csv', 'x\n' + rows(16_400, (i) => (i === 16_389 ? 'oops' : String(i))));
    await expect(compare({ reference: { path: long }, current: { path: long } })).rejects.toThrow(
      /row 16390: column "x" holds "oops"/,
    );
    // Marked categorical, the same file compares.
    await expect(
      compare({ reference: { path: ref }, current: { path: ref }, categorical: ['x'] }),
    ).resolves.toBeTruthy();
  });

  it('names a missing column and lists the columns the file has', async () => {
    const a = file('a.csv', 'x,y\n1,2\n');
    await expect(
      compare({ reference: { path: a }, current: { path: a }, columns: ['z'] }),
    ).rejects.toThrow('Column "z" is not in the reference file (a.csv); its columns are: x, y.');
  });

  it('skips a column with no values left, and fails when none is left', async () => {
    const a = file('nan.csv', 'x,y\nNaN,1\ninf,2\n,3\n');
    const report = await compare({ reference: { path: a }, current: { path: a } });
    expect(report.skipped[0]).toEqual({
      column: 'x',
      reason:
        'no values left in the reference data after removing missing values (empty, NaN, ±inf)',
    });
    await expect(
      compare({ reference: { path: a }, current: { path: a }, columns: ['x'] }),
    ).rejects.toThrow(/No column could be compared: "x"/);
  });

  it('explains an empty time window with the range the data covers', async () => {
    const a = file('t.csv', 'when,x\n2024-01-01,1\n2024-01-31,2\n');
    await expect(
      compare({
        reference: { path: a },
        current: { path: a, window: { column: 'when', from: '2024-06-01', to: '2024-07-01' } },
      }),
    ).rejects.toThrow(
      'No row of the current file (t.csv) falls in the window 2024-06-01 – 2024-07-01 of "when". Its "when" runs from 2024-01-01 to 2024-01-31.',
    );
  });

  it('refuses a file over the size limit, a truncated CSV and a truncated Parquet file', async () => {
    const a = file('big.csv', 'x\n' + rows(1000, (i) => String(i)) + '\n');
    await expect(openTable(a, 'current', 1000)).rejects.toThrow(
      /current file \(big\.csv\) is 3\.9 KB, over the drift engine's limit of 1\.0 KB/,
    );
    const cut = file('cut.csv', 'x,y,z\n1,2,3\n4,5');
    await expect(compare({ reference: { path: cut }, current: { path: cut } })).rejects.toThrow(
      /(reference|current) file \(cut\.csv\), line 3: found 2 fields where the header has 3; the file may be truncated/,
    );
    const half = join(dir, 'half.parquet');
    const head = Buffer.alloc(100_000);
    const fd = openSync(flights, 'r');
    readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    writeFileSync(half, head);
    await expect(compare({ reference: { path: half }, current: { path: half } })).rejects.toThrow(
      /(reference|current) file \(half\.parquet\) is not a complete Parquet file .* it may be truncated/,
    );
  });

  it('refuses a path that does not exist or is not CSV or Parquet', async () => {
    await expect(openTable(join(dir, 'nope.csv'), 'reference')).rejects.toThrow(
      /reference file \(nope\.csv\) does not exist/,
    );
    await expect(openTable(file('x.json', '{}'), 'reference')).rejects.toThrow(
      /neither CSV nor Parquet/,
    );
  });
});
