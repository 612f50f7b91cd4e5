// Gathers the compared columns of one dataset from the reader's batches, deciding each column's
// kind as pandas and Evidently would (numbers → numerical, text → categorical, times → left out)
// and keeping only the rows inside the time window. A numerical column that suddenly holds text
// is refused with its row, instead of silently becoming categorical.

import { DatasetFault, type DatasetRole, fileLabel } from './dataset-fault';
import type { Cell, TableBatch } from './table-source';
import { looksLikeTime, timeOf } from './time-values';

export interface CollectedColumn {
  name: string;
  kind: 'numerical' | 'categorical' | 'time' | 'empty';
  /** Numerical values, NaN where missing (kept row-aligned with the other columns). */
  numbers: number[];
  /** Categorical values, null where missing. */
  texts: (string | null)[];
  /** Every value an integer and none missing: pandas would hold it as int64. */
  integer: boolean;
}

export interface CollectOptions {
  role: DatasetRole;
  path: string;
  columns: readonly string[];
  categorical: ReadonlySet<string>;
  /** Columns the file's schema declares as times. */
  timeColumns: ReadonlySet<string>;
  window?: { column: string; from?: number; to?: number };
  /** A column whose times are kept (as ms, row-aligned) for trends over time. */
  timeColumn?: string;
}

export class ColumnStore {
  readonly columns = new Map<string, CollectedColumn>();
  rowsRead = 0;
  rowsKept = 0;
  /** Times of `timeColumn` for the kept rows, NaN where not a time. */
  readonly times: number[] = [];
  /** The window column's earliest and latest time seen, to explain an empty window. */
  seen = { first: Infinity, last: -Infinity };

  constructor(private readonly opts: CollectOptions) {
    for (const name of opts.columns) {
      this.columns.set(name, {
        name,
        kind: opts.timeColumns.has(name) ? 'time' : 'empty',
        numbers: [],
        texts: [],
        integer: true,
      });
    }
  }

  add(batch: TableBatch): void {
    if (batch.pruned) {
      this.rowsRead += batch.rows;
      this.seen.first = Math.min(this.seen.first, batch.pruned.first);
      this.seen.last = Math.max(this.seen.last, batch.pruned.last);
      return;
    }
    const keep = this.windowMask(batch);
    const timeCells = this.opts.timeColumn ? batch.values.get(this.opts.timeColumn) : undefined;
    if (timeCells) {
      for (let i = 0; i < batch.rows; i++)
        if (!keep || keep[i]) this.times.push(timeOf(timeCells[i]) ?? NaN);
    }
    for (const [name, cells] of batch.values) {
      const column = this.columns.get(name);
      if (!column) continue;
      for (let i = 0; i < batch.rows; i++) {
        if (keep && !keep[i]) continue;
        this.push(column, cells[i], batch.firstRow + i);
      }
    }
    this.rowsRead += batch.rows;
    this.rowsKept += keep ? keep.reduce((n, k) => n + k, 0) : batch.rows;
  }

  private windowMask(batch: TableBatch): Uint8Array | undefined {
    const window = this.opts.window;
    if (!window) return undefined;
    const cells = batch.values.get(window.column)!;
    const keep = new Uint8Array(batch.rows);
    for (let i = 0; i < batch.rows; i++) {
      const at = timeOf(cells[i]);
      if (at === undefined) {
        throw new DatasetFault(
          `${fileLabel(this.opts.role, this.opts.path)}, row ${batch.firstRow + i + 1}: the time ` +
            `column "${window.column}" holds ${describe(cells[i])}; expected a date or time.`,
        );
      }
      if (at < this.seen.first) this.seen.first = at;
      if (at > this.seen.last) this.seen.last = at;
      keep[i] =
        (window.from === undefined || at >= window.from) &&
        (window.to === undefined || at < window.to)
          ? 1
          : 0;
    }
    return keep;
  }

  private push(column: CollectedColumn, value: Cell, row: number): void {
    if (column.kind === 'time') return;
    const missing =
      value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
    if (column.kind === 'empty') {
      if (missing) {
        column.numbers.push(NaN);
        column.texts.push(null);
        return;
      }
      column.kind = this.kindOf(column.name, value);
      if (column.kind === 'time') return;
    }
    if (column.kind === 'categorical') {
      column.texts.push(missing ? null : textOf(value));
      return;
    }
    if (missing) {
      column.numbers.push(NaN);
      column.integer = false;
      return;
    }
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number') {
      throw new DatasetFault(
        `${fileLabel(this.opts.role, this.opts.path)}, row ${row + 1}: column "${column.name}" ` +
          `holds ${describe(value)}, but its earlier values are numbers. Mark the column as ` +
          'categorical, or fix the value.',
      );
    }
    if (column.integer && !Number.isInteger(number)) column.integer = false;
    column.numbers.push(number);
  }

  private kindOf(name: string, value: Cell): CollectedColumn['kind'] {
    if (this.opts.categorical.has(name)) return 'categorical';
    if (value instanceof Date || (typeof value === 'string' && looksLikeTime(value))) return 'time';
    return typeof value === 'number' || typeof value === 'bigint' ? 'numerical' : 'categorical';
  }
}

function textOf(value: Cell): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

function describe(value: Cell): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  return `"${textOf(value).slice(0, 40)}"`;
}
