// Single cells of a batch, whatever the column's form: the slow path of the column store (the
// first rows of a column, CSV, faults), and how a cell is named in a message.

import type { BatchColumn, Cell } from './table-source';

/** One cell of a batch column, whatever its form (the slow path: first rows, faults, CSV). */
export function cellAt(column: BatchColumn, i: number): Cell {
  if (Array.isArray(column)) return column[i];
  if ('numbers' in column) return Number.isNaN(column.numbers[i]) ? null : column.numbers[i];
  if ('times' in column) return Number.isNaN(column.times[i]) ? null : new Date(column.times[i]!);
  if ('tally' in column) throw new Error('a tallied column has counts, not rows');
  const code = column.codes[i]!;
  return code < 0 ? null : column.dictionary[code];
}

export function textOf(value: Cell): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

export function describeCell(value: Cell): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  return `"${textOf(value).slice(0, 40)}"`;
}
