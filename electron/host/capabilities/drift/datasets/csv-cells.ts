// How a CSV cell becomes a value, as pandas' read_csv reads it by default: its missing-value
// markers are missing, "inf"/"-inf" are infinities, decimal numbers are numbers, anything else is
// text. Hex, thousands separators and the like stay text, as they do in pandas.

import type { Cell } from './table-source';

const missingMarkers = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

const infinities = new Map([
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvCell(text: string): Cell {
  if (missingMarkers.has(text)) return null;
  const trimmed = text.trim();
  if (decimal.test(trimmed)) return Number(trimmed);
  const infinity = infinities.get(trimmed.toLowerCase());
  if (infinity !== undefined) return infinity;
  return text;
}
