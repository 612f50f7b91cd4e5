// What the drift engine reads from a dataset file, whatever its format: the column names, then
// batches of rows as column arrays. Readers stream: a batch is a few thousand rows (CSV) or one
// row group (Parquet), so memory holds the compared columns, never the whole file.

/** A cell as a reader hands it over; the column store types and converts it. */
export type Cell = number | bigint | string | boolean | Date | null | undefined;

export interface TableBatch {
  /** 0-based index of the batch's first data row in the file. */
  firstRow: number;
  rows: number;
  /** One array per requested column, each `rows` long (empty when pruned). */
  values: Map<string, Cell[]>;
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
