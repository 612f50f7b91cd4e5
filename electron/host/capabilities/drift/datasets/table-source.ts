// What the drift engine reads from a dataset file, whatever its format: the column names, then
// batches of rows as column arrays. Readers stream: a batch is a few thousand rows (CSV) or one
// row group (Parquet), so memory holds the compared columns, never the whole file.

/** A cell as a reader hands it over; the column store types and converts it. */
export type Cell = number | bigint | string | boolean | Date | null | undefined;

/**
 * One column of a batch: cells as a row reader found them (CSV), or typed arrays a columnar
 * reader decoded straight from the file (Parquet), so a million rows make no per-row objects.
 */
export type BatchColumn =
  | Cell[]
  /** Numbers, NaN where missing; `integerType` when the file stores integers (pandas int64). */
  | { numbers: Float64Array; integerType: boolean }
  /** Times as ms since the epoch, NaN where missing. */
  | { times: Float64Array }
  /** Text as indices into `dictionary`, -1 where missing (categorical tests need only counts). */
  | { codes: Int32Array; dictionary: readonly string[] };

export interface TableBatch {
  /** 0-based index of the batch's first data row in the file. */
  firstRow: number;
  rows: number;
  /** One column per requested name, each `rows` long (empty when pruned). */
  values: Map<string, BatchColumn>;
  /** Rows skipped unread because the file's statistics put them all outside the time window. */
  pruned?: { first: number; last: number };
}

/** Rows outside [from, to) of this time column may be skipped unread. */
export interface WindowHint {
  column: string;
  from?: number;
  to?: number;
}

export interface TableSource {
  readonly format: 'csv' | 'parquet';
  readonly path: string;
  readonly bytes: number;
  /** Column names in file order. */
  columnNames(): Promise<string[]>;
  /** Columns the file's own schema says are times (Parquet timestamps); CSV has none. */
  timeColumns(): Promise<string[]>;
  /** Batches of the given columns; `onProgress` gets the fraction of the file read. */
  batches(
    columns: readonly string[],
    onProgress?: (fraction: number) => void,
    window?: WindowHint,
  ): AsyncIterable<TableBatch>;
}
