// Gathers the compared columns of one dataset from the reader's batches, deciding each column's
// kind as pandas and Evidently would (numbers → numerical, text → categorical, times → left out)
// and keeping only the rows inside the time window. A numerical column that suddenly holds text
// is refused with its row, instead of silently becoming categorical. Values are kept in typed
// arrays: numbers as float64, text as codes of the distinct values in order of first appearance
// (what pandas' value_counts order and the categorical tests need), never a string per row.
// Columns the reader hands over as tallies (value counts, see table-source.ts) are kept as such:
// numerical ones as the tallies, categorical ones as counts per code.

import { DatasetFault, type DatasetRole, fileLabel } from './dataset-fault';
import { GrowingFloat64, GrowingInt32 } from './growing-array';
import { mergedBounds } from './number-bounds';
import { recode } from './recode';
import { withTallies } from '../sorted-values';
import { cellAt, describeCell, textOf } from './batch-cells';
import type { BatchColumn, Cell, NumberBounds, TableBatch, Tally } from './table-source';
import { looksLikeTime, timeOf } from './time-values';

export interface CollectedColumn {
  name: string;
  kind: 'numerical' | 'categorical' | 'time' | 'empty';
  /** Numerical values, NaN where missing (kept row-aligned with the other columns). */
  numbers: Float64Array;
  /** Categorical values as indices into `categories`, -1 where missing. */
  codes: Int32Array;
  /** The distinct categorical values, in order of first appearance. */
  categories: string[];
  /** Stored as integers and none missing: pandas would hold it as int64. */
  integer: boolean;
  /** Known without a look at the values (from the file's dictionaries): all finite, within. */
  bounds?: NumberBounds;
  /** `numbers` and `codes` in pieces, never joined: for a pass over every value. */
  numberPieces?: readonly Float64Array[];
  codePieces?: readonly Int32Array[];
  /**
   * Kept rows that came as tallies, not in the pieces above: numbers by value (`numbers` holds
   * them too, after the pieces and out of row order), text as rows per code.
   */
  numberTallies?: readonly NumberTally[];
  codeCounts?: readonly number[];
}

export type NumberTally = Extract<Tally, { numbers: Float64Array }>;

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

interface Collecting {
  name: string;
  kind: CollectedColumn['kind'];
  numbers: GrowingFloat64;
  codes: GrowingInt32;
  categories: string[];
  categoryCodes: Map<string, number>;
  integer: boolean;
  /** Every batch's bounds so far, merged; null once a batch came without. */
  bounds: NumberBounds | null | undefined;
  tallies: NumberTally[];
  codeCounts: number[];
}

export class ColumnStore {
  private readonly collecting = new Map<string, Collecting>();
  private readonly keptTimes = new GrowingFloat64();
  rowsRead = 0;
  rowsKept = 0;
  /** The window column's earliest and latest time seen, to explain an empty window. */
  seen = { first: Infinity, last: -Infinity };

  constructor(private readonly opts: CollectOptions) {
    for (const name of opts.columns) {
      this.collecting.set(name, {
        name,
        kind: opts.timeColumns.has(name) ? 'time' : 'empty',
        numbers: new GrowingFloat64(),
        codes: new GrowingInt32(),
        categories: [],
        categoryCodes: new Map(),
        integer: true,
        bounds: undefined,
        tallies: [],
        codeCounts: [],
      });
    }
  }

  /**
   * The columns collected so far: their pieces, and views joined on first use only (the tests
   * read the pieces, so a compared column is never copied into one array).
   */
  get columns(): Map<string, CollectedColumn> {
    const out = new Map<string, CollectedColumn>();
    for (const [name, c] of this.collecting) {
      out.set(name, {
        name,
        kind: c.kind,
        get numbers() {
          if (c.tallies.length === 0) return c.numbers.view();
          const all = new GrowingFloat64();
          for (const piece of withTallies(c.numbers.pieces(), c.tallies))
            all.appendKept(piece, undefined);
          return all.view();
        },
        get codes() {
          return c.codes.view();
        },
        numberPieces: c.numbers.pieces(),
        codePieces: c.codes.pieces(),
        categories: c.categories,
        numberTallies: c.tallies,
        codeCounts: c.codeCounts,
        integer: c.integer,
        ...(c.bounds ? { bounds: c.bounds } : {}),
      });
    }
    return out;
  }

  /** Times of `timeColumn` for the kept rows, NaN where not a time. */
  get times(): Float64Array {
    return this.keptTimes.view();
  }

  add(batch: TableBatch): void {
    if (batch.pruned) {
      this.rowsRead += batch.rows;
      this.seen.first = Math.min(this.seen.first, batch.pruned.first);
      this.seen.last = Math.max(this.seen.last, batch.pruned.last);
      return;
    }
    const keep = this.windowMask(batch);
    const timeColumn = this.opts.timeColumn ? batch.values.get(this.opts.timeColumn) : undefined;
    if (timeColumn && 'times' in timeColumn) {
      this.keptTimes.appendKept(timeColumn.times, keep);
    } else if (timeColumn) {
      for (let i = 0; i < batch.rows; i++)
        if (!keep || keep[i]) this.keptTimes.push(timeOf(cellAt(timeColumn, i)) ?? NaN);
    }
    for (const [name, values] of batch.values) {
      const column = this.collecting.get(name);
      if (column) this.addColumn(column, values, keep, batch);
    }
    this.rowsRead += batch.rows;
    this.rowsKept += keep ? countKept(keep) : batch.rows;
  }

  private addColumn(
    column: Collecting,
    values: BatchColumn,
    keep: Uint8Array | undefined,
    batch: TableBatch,
  ): void {
    if (column.kind === 'time') return;
    if ('tally' in values) {
      // The reader tallies only batches that the window does not cut row by row.
      if (keep) throw new Error(`"${column.name}" came as a tally in a batch cut row by row`);
      this.addTally(column, values.tally);
      return;
    }
    let i = 0;
    if ('numbers' in values) {
      // Row by row only until the column's kind is known; then straight into the float64s.
      const bounds = column.bounds; // the rows pushed one by one are within the batch's bounds
      for (; i < batch.rows && column.kind !== 'numerical'; i++)
        if (!keep || keep[i]) this.push(column, cellAt(values, i), batch.firstRow + i);
      if (column.kind !== 'numerical') return;
      const added = column.numbers.appendKept(values.numbers, keep, i);
      if (!values.integerType || (!values.complete && hasMissing(added))) column.integer = false;
      column.bounds = mergedBounds(bounds, values.bounds);
      return;
    }
    if ('codes' in values) {
      // Row by row only until the column's kind is known (text may also be times, or a fault).
      for (; i < batch.rows && column.kind === 'empty'; i++)
        if (!keep || keep[i]) this.push(column, cellAt(values, i), batch.firstRow + i);
    }
    if ('codes' in values && column.kind === 'categorical') {
      // The batch's codes become the column's: each dictionary entry is given the column's code
      // on first use, so codes stay in order of first appearance among the kept rows.
      const added = column.codes.appendKept(values.codes, keep, i);
      const { dictionary } = values;
      recode(added, dictionary.length, (code) => this.codeOf(column, dictionary[code]!));
      return;
    }
    for (; i < batch.rows; i++)
      if (!keep || keep[i]) this.push(column, cellAt(values, i), batch.firstRow + i);
  }

  private addTally(column: Collecting, tally: Tally): void {
    if ('numbers' in tally) {
      if (tally.numbers.length === 0) return;
      // Any of its values tells the column's kind, as the first row's would: numbers.
      if (column.kind === 'empty') column.kind = this.kindOf(column.name, tally.numbers[0]!);
      if (column.kind !== 'numerical') {
        throw new Error(`"${column.name}" came as a tally of numbers but is ${column.kind}`);
      }
      column.tallies.push(tally);
      if (!tally.integerType) column.integer = false;
      column.bounds = mergedBounds(column.bounds, tally.bounds);
      return;
    }
    // Entries used, in order of first appearance: new values get the column's next codes.
    const used: number[] = [];
    for (let code = 0; code < tally.counts.length; code++) if (tally.counts[code]) used.push(code);
    used.sort((a, b) => tally.firstRows[a]! - tally.firstRows[b]!);
    if (used.length === 0) return;
    if (column.kind === 'empty') column.kind = this.kindOf(column.name, tally.texts[used[0]!]!);
    if (column.kind === 'time') return;
    if (column.kind !== 'categorical') {
      throw new Error(`"${column.name}" came as a tally of text but is ${column.kind}`);
    }
    for (const code of used) {
      const own = this.codeOf(column, tally.texts[code]!);
      column.codeCounts[own] = (column.codeCounts[own] ?? 0) + tally.counts[code]!;
    }
  }

  /** Which rows of the batch are inside the window; undefined when all are. */
  private windowMask(batch: TableBatch): Uint8Array | undefined {
    const window = this.opts.window;
    if (!window) return undefined;
    if (batch.inWindow) {
      this.seen.first = Math.min(this.seen.first, batch.inWindow.first);
      this.seen.last = Math.max(this.seen.last, batch.inWindow.last);
      return undefined;
    }
    const column = batch.values.get(window.column)!;
    const times = 'times' in column ? column.times : undefined;
    const from = window.from ?? -Infinity;
    const to = window.to ?? Infinity;
    const keep = new Uint8Array(batch.rows);
    let kept = 0;
    for (let i = 0; i < batch.rows; i++) {
      const at = times ? times[i]! : (timeOf(cellAt(column, i)) ?? NaN);
      if (at !== at) {
        throw new DatasetFault(
          `${fileLabel(this.opts.role, this.opts.path)}, row ${batch.firstRow + i + 1}: the time ` +
            `column "${window.column}" holds ${describeCell(cellAt(column, i))}; expected a date or time.`,
        );
      }
      if (at < this.seen.first) this.seen.first = at;
      if (at > this.seen.last) this.seen.last = at;
      if (at >= from && at < to) {
        keep[i] = 1;
        kept++;
      }
    }
    return kept === batch.rows ? undefined : keep;
  }

  private push(column: Collecting, value: Cell, row: number): void {
    if (column.kind === 'time') return;
    column.bounds = null; // values one by one: not from a dictionary
    const missing =
      value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
    if (missing) column.integer = false;
    if (column.kind === 'empty') {
      if (missing) {
        column.numbers.push(NaN);
        column.codes.push(-1);
        return;
      }
      column.kind = this.kindOf(column.name, value);
      if (column.kind === 'time') return;
    }
    if (column.kind === 'categorical') {
      column.codes.push(missing ? -1 : this.codeOf(column, textOf(value)));
      return;
    }
    if (missing) {
      column.numbers.push(NaN);
      return;
    }
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number !== 'number') {
      throw new DatasetFault(
        `${fileLabel(this.opts.role, this.opts.path)}, row ${row + 1}: column "${column.name}" ` +
          `holds ${describeCell(value)}, but its earlier values are numbers. Mark the column as ` +
          'categorical, or fix the value.',
      );
    }
    if (column.integer && !Number.isInteger(number)) column.integer = false;
    column.numbers.push(number);
  }

  private codeOf(column: Collecting, text: string): number {
    let code = column.categoryCodes.get(text);
    if (code === undefined) {
      code = column.categories.push(text) - 1;
      column.categoryCodes.set(text, code);
    }
    return code;
  }

  private kindOf(name: string, value: Cell): CollectedColumn['kind'] {
    if (this.opts.categorical.has(name)) return 'categorical';
    if (value instanceof Date || (typeof value === 'string' && looksLikeTime(value))) return 'time';
    return typeof value === 'number' || typeof value === 'bigint' ? 'numerical' : 'categorical';
  }
}

function hasMissing(numbers: Float64Array): boolean {
  for (let i = 0; i < numbers.length; i++) if (Number.isNaN(numbers[i])) return true;
  return false;
}

function countKept(keep: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < keep.length; i++) n += keep[i]!;
  return n;
}
