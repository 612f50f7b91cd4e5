// Which rows of a row group a time window keeps, read from the window column's dictionary
// indices alone: each distinct time is tested once (a row group holds tens of thousands of rows
// per distinct time at most a few), then the rows only look their index up in those answers. The
// times themselves are never written out, when nothing else needs them.

import type { ColumnMetaData, Compressors, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage } from 'hyparquet/src/datapage.js';
import { getMaxDefinitionLevel } from 'hyparquet/src/schema.js';
import { indicesAt } from './parquet-data-page';
import { plainNumbers } from './parquet-plain-numbers';
import { type HybridVisitor, walkHybrid } from './rle-hybrid';
import type { WindowHint } from './table-source';

/**
 * The rows [from, to) from the first to the last row inside the window, and whether every row
 * between is inside too; undefined unless the chunk is dictionary pages of times without nulls.
 */
export function windowRowsOfChunk(
  bytes: ArrayBuffer,
  meta: ColumnMetaData,
  schemaPath: SchemaTree[],
  rows: number,
  compressors: Compressors,
  window: WindowHint,
): { from: number; to: number; whollyInside: boolean } | undefined {
  const element = schemaPath[schemaPath.length - 1]!.element;
  const maxDefinition = getMaxDefinitionLevel(schemaPath);
  const reader = { view: new DataView(bytes), offset: 0 };
  const found: Found = { from: -1, to: 0, inside: 0 };
  let inside: Uint8Array | undefined;
  let row = 0;
  while (row < rows && reader.offset < bytes.byteLength) {
    const header = parquetHeader(reader);
    const pageBytes = new Uint8Array(bytes, reader.offset, header.compressed_page_size);
    reader.offset += header.compressed_page_size;
    const size = header.uncompressed_page_size;
    if (header.type === 'DICTIONARY_PAGE') {
      const page = decompressPage(pageBytes, size, meta.codec, compressors);
      const count = header.dictionary_page_header!.num_values;
      const times = plainNumbers(page, meta.type, element, true, count);
      if (!times) return undefined;
      inside = insideWindow(times, window);
    } else if (header.type === 'DATA_PAGE' && inside) {
      const daph = header.data_page_header!;
      const raw = decompressPage(pageBytes, size, meta.codec, compressors);
      const at = indicesAt(raw, daph, meta.type, maxDefinition);
      if (at < 0) return undefined;
      const n = Math.min(daph.num_values, rows - row);
      if (!scanPage(raw, at, n, inside, row, found)) return undefined;
      row += daph.num_values;
    } else if (header.type !== 'INDEX_PAGE') {
      return undefined; // v2 pages, or values not from a dictionary: read the times instead
    }
  }
  if (row < rows) return undefined;
  const from = Math.max(0, found.from);
  return { from, to: found.to, whollyInside: found.inside === found.to - from };
}

/** 1 for each dictionary time inside [from, to). */
function insideWindow(times: Float64Array, window: WindowHint): Uint8Array {
  const lo = window.from ?? -Infinity;
  const hi = window.to ?? Infinity;
  const inside = new Uint8Array(times.length);
  for (let i = 0; i < times.length; i++) inside[i] = times[i]! >= lo && times[i]! < hi ? 1 : 0;
  return inside;
}

interface Found {
  from: number;
  to: number;
  inside: number;
}

/**
 * Widens `found` by the page's `n` rows inside the window, run by run; false if the page holds
 * fewer, or an index past the dictionary (the full decoder then names the fault).
 */
function scanPage(
  raw: Uint8Array,
  at: number,
  n: number,
  inside: Uint8Array,
  row: number,
  found: Found,
): boolean {
  const width = raw[at]!;
  let fine = true;
  const take = (first: number, count: number) => {
    if (found.from < 0) found.from = row + first;
    found.to = row + first + count;
    found.inside += count;
  };
  const visitor: HybridVisitor = {
    repeat(value, first, count) {
      if (value >= inside.length) fine = false;
      else if (inside[value] === 1) take(first, count);
    },
    packed(values, first, count) {
      if (!scanPacked(values, count, inside, row + first, found)) fine = false;
    },
  };
  const seen = width ? walkHybrid(raw, at + 1, raw.length, width, n, visitor) : n;
  if (!width) visitor.repeat(0, 0, n);
  return fine && seen === n;
}

/** `scanPage` over unpacked indices: one loop, no call per row. */
function scanPacked(
  indices: Int32Array,
  n: number,
  inside: Uint8Array,
  row: number,
  found: Found,
): boolean {
  const last = inside.length - 1;
  let past = 0;
  let { from, to, inside: count } = found;
  for (let i = 0; i < n; i++) {
    const index = indices[i]!;
    past |= (last - index) | index;
    if (inside[index] === 1) {
      if (from < 0) from = row + i;
      to = row + i + 1;
      count++;
    }
  }
  found.from = from;
  found.to = to;
  found.inside = count;
  return past >= 0;
}
