// Times in a dataset's time column, as milliseconds since the epoch: Parquet timestamps arrive as
// Date objects, CSV times as ISO text ("2001-06-01" or "2001-06-01T08:30:00Z"). A time without an
// offset is read as UTC, as pandas does for naive timestamps.

import type { Cell } from './table-source';

const hasOffset = /(Z|[+-]\d\d:?\d\d)$/i;

export function timeOf(value: Cell): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'string') {
    const text = value.trim();
    if (!text) return undefined;
    // Date.parse reads "2001-06-01T08:30" as local time; the data means UTC.
    const iso = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(text) && !hasOffset.test(text);
    const ms = Date.parse(iso ? `${text.replace(' ', 'T')}Z` : text);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** A window bound given by the user; undefined when absent, an error when not a time. */
export function windowBound(text: string | undefined, name: 'from' | 'to'): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const ms = timeOf(text);
  if (ms === undefined) {
    throw new RangeError(
      `The window's "${name}" is not a time: "${text}" (expected e.g. 2001-06-01)`,
    );
  }
  return ms;
}

const isoTime = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/i;

/** Text written as an ISO date or time: a CSV's time column (never compared as a feature). */
export function looksLikeTime(text: string): boolean {
  return isoTime.test(text.trim());
}
