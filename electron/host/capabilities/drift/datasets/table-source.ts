// What the drift engine reads from a dataset file, whatever its format: the column names, then
// batches of rows as column arrays. Readers stream: a batch is a few thousand rows (CSV) or one
// row group (Parquet), so memory holds the compared columns, never the whole file.

/** Every value is finite, within [lo, hi], and an integer if `integers`. */
export interface NumberBounds {
  lo: number;
  hi: number;
  integers: boolean;
}

/** A cell as a reader hands it over; the column store types and converts it. */
export type Cell = number | bigint | string | boolean | Date | null | undefined;

/**
 * One column of a batch: cells as a row reader found them (CSV), or typed arrays a columnar
 * reader decoded straight from the file (Parquet), so a million rows make no per-row objects.
 */
export type BatchColumn =
  | Cell[]
  /**
   * Numbers, NaN where missing; `integerType` when the file stores integers (pandas int64);
   * `complete` when the reader knows that no value is missing (no need to look for NaN), and
   * `bounds` when it knows every value to be finite and within them (from a dictionary).
   */
  | { numbers: Float64Array; integerType: boolean; complete?: boolean; bounds?: NumberBounds }
  /** Times as ms since the epoch, NaN where missing. */
  | { times: Float64Array }
  /** Text as indices into `dictionary`, -1 where missing (categorical tests need only counts). */
  | { codes: Int32Array; dictionary: readonly string[] }
  /** Value counts instead of rows, for a column asked for as such (see `batches`). */
  | { tally: Tally };

/**
 * How many of a batch's rows hold each value, none missing: a column whose tests need only
 * counts, read from a dictionary-encoded chunk, costs a counter per entry instead of a value per
 * row. Text also gives each value's first row, for the order of first appearance.
 */
export type Tally =
  | { numbers: Float64Array; counts: Int32Array; integerType: boolean; bounds?: NumberBounds }
  | { texts: readonly string[]; counts: Int32Array; firstRows: Int32Array };

export interface TableBatch {
  /** 0-based index of the batch's first data row in the file. */
  firstRow: number;
  rows: number;
  /** One column per requested name, each `rows` long (empty when pruned). */
  values: Map<string, BatchColumn>;
  /** Rows skipped unread because they are all outside the time window (first/last: times). */
  pruned?: { first: number; last: number };
  /**
   * The file's statistics put every row inside the time window (first/last: times): no row
   * needs its time checked, and the window's column is left out unless `keepColumn`.
   */
  inWindow?: { first: number; last: number };
}

/** Rows outside [from, to) of this time column may be skipped unread. */
export interface WindowHint {
  column: string;
  from?: number;
  to?: number;
  /** The window's column is wanted as data too, not only to choose the rows. */
  keepColumn?: boolean;
}

export interface TableSource {
  readonly format: 'csv' | 'parquet';
  readonly path: string;
  readonly bytes: number;
  /** Column names in file order. */
  columnNames(): Promise<string[]>;
  /** Columns the file's own schema says are times (Parquet timestamps); CSV has none. */
  timeColumns(): Promise<string[]>;
  /**
   * Batches of the given columns; `onProgress` gets the fraction of the file read. A column in
   * `tallied` may come as a `Tally` where the reader can count it cheaply (its rows are then
   * all kept: never in a batch the window cuts row by row).
   */
  batches(
    columns: readonly string[],
    onProgress?: (fraction: number) => void,
    window?: WindowHint,
    tallied?: ReadonlySet<string>,
  ): AsyncIterable<TableBatch>;
}
