// Which rows of a Parquet row group a time window can keep, so the reader decodes no more than
// it must: from the row group's min/max statistics (every row outside, or every row inside),
// else from the window column's decoded times (the span from the first to the last row inside:
// in a file sorted by time, as most event logs are, the window's rows and nothing else).

import type { FileMetaData } from 'hyparquet';
import type { windowRowsOfChunk } from './parquet-window-chunk';
import type { BatchColumn, TableBatch, WindowHint } from './table-source';

type RowGroup = FileMetaData['row_groups'][number];

/** A time column's min and max in a row group, and whether none is missing, when written. */
export function timeRange(group: RowGroup, column: string) {
  const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === column);
  const stats = chunk?.meta_data?.statistics;
  const min = stats?.min_value ?? stats?.min;
  const max = stats?.max_value ?? stats?.max;
  if (!(min instanceof Date) || !(max instanceof Date)) return undefined;
  const nulls = stats?.null_count;
  return { first: min.getTime(), last: max.getTime(), complete: nulls === 0n };
}

export type TimeRange = NonNullable<ReturnType<typeof timeRange>>;

/** Every row's time is outside [from, to). */
export function whollyOutside(range: TimeRange, window: WindowHint): boolean {
  return (
    (window.to !== undefined && range.first >= window.to) ||
    (window.from !== undefined && range.last < window.from)
  );
}

/** Every row has a time, inside [from, to): no row needs its time checked. */
export function whollyInside(range: TimeRange, window: WindowHint): boolean {
  return (
    range.complete &&
    (window.from === undefined || range.first >= window.from) &&
    (window.to === undefined || range.last < window.to)
  );
}

/**
 * The rows [from, to) from the first to the last time inside the window, whether every row
 * between is inside too (sorted times), and the earliest and latest time of all; undefined when
 * a time is missing (the column store names that row).
 */
export function windowSpan(times: Float64Array, window: WindowHint) {
  const lo = window.from ?? -Infinity;
  const hi = window.to ?? Infinity;
  let from = -1;
  let to = 0;
  let inside = 0;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (t !== t) return undefined;
    if (t < first) first = t;
    if (t > last) last = t;
    if (t >= lo && t < hi) {
      if (from < 0) from = i;
      to = i + 1;
      inside++;
    }
  }
  from = Math.max(0, from);
  return { from, to, first, last, whollyInside: inside === to - from };
}

/**
 * A row group the window may cut: which rows it keeps first (from the window column's
 * dictionary, else from its times), then the other columns only from the first to the last
 * row inside the window (the rows around it are handed on as pruned).
 */
export async function* windowedGroup(
  groupStart: number,
  rows: number,
  columns: readonly string[],
  read: {
    /** `everyRowKept`: the batch will not be cut row by row (a column may come as a tally). */
    decode: (
      name: string,
      span?: { from: number; to: number },
      everyRowKept?: boolean,
    ) => Promise<BatchColumn>;
    windowRows: (name: string, window: WindowHint) => Promise<ReturnType<typeof windowRowsOfChunk>>;
  },
  window?: WindowHint,
  range?: TimeRange,
): AsyncIterable<TableBatch> {
  const values = new Map<string, BatchColumn>();
  const timeColumn = window && columns.includes(window.column) ? window.column : undefined;
  let span: ReturnType<typeof windowSpan>;
  let windowTimes: BatchColumn | undefined;
  if (window && timeColumn && range) {
    const found = await read.windowRows(timeColumn, window);
    if (found) span = { ...found, first: range.first, last: range.last };
  }
  if (window && timeColumn && !span) {
    windowTimes = await read.decode(timeColumn);
    if ('times' in windowTimes) span = windowSpan(windowTimes.times, window);
  }
  // The window's times are handed on only when the column store must look at them.
  const timesWanted = !span?.whollyInside || !!window?.keepColumn;
  const everyRowKept = !window || !!span?.whollyInside;
  if (!span || (span.from === 0 && span.to === rows)) {
    if (timeColumn && timesWanted) {
      values.set(timeColumn, windowTimes ?? (await read.decode(timeColumn)));
    }
    for (const name of columns) {
      if (name !== timeColumn) values.set(name, await read.decode(name, undefined, everyRowKept));
    }
    const inWindow = span?.whollyInside ? { first: span.first, last: span.last } : undefined;
    yield { firstRow: groupStart, rows, values, inWindow };
    return;
  }
  const outside = rows - (span.to - span.from);
  const pruned = { first: span.first, last: span.last };
  yield { firstRow: groupStart, rows: outside, values: new Map(), pruned };
  if (span.from === span.to) return;
  if (timesWanted) {
    const times = windowTimes && 'times' in windowTimes ? windowTimes.times : undefined;
    values.set(
      timeColumn!,
      times ? { times: times.subarray(span.from, span.to) } : await read.decode(timeColumn!, span),
    );
  }
  for (const name of columns) {
    if (name !== timeColumn) values.set(name, await read.decode(name, span, everyRowKept));
  }
  // Rows between the first and the last inside the window are all inside when the times are
  // sorted: then the column store need not look at them again.
  const inWindow = span.whollyInside ? pruned : undefined;
  yield { firstRow: groupStart + span.from, rows: span.to - span.from, values, inWindow };
}
