// V1 data pages of a flat column: dictionary indices and definition levels decoded into typed
// arrays with our own hybrid decoder (hyparquet fills JS arrays, then counts the nulls in another
// pass); other encodings are left to hyparquet.

import { readDataPage } from 'hyparquet/src/datapage.js';
import type { ColumnOutput, Decoded } from './parquet-column-output';
import { readHybrid, tallyHybrid } from './rle-hybrid';

type ColumnDecoder = Parameters<typeof readDataPage>[2];
export type DataPageHeader = Parameters<typeof readDataPage>[1];

/** Reused between pages: the decoder fills it before every read. */
let indices: Int32Array = new Int32Array(0);

/**
 * A V1 dictionary-encoded data page of a flat column with no value missing, the common case:
 * only the indices of the rows inside the span are unpacked, then looked up straight into the
 * output, or counted where the output tallies. False (nothing read) for any other page.
 */
export function readDictionaryPage(
  raw: Uint8Array,
  daph: DataPageHeader,
  decoder: ColumnDecoder,
  maxDefinition: number,
  out: ColumnOutput,
  row: number,
): boolean {
  const at = indicesAt(raw, daph, decoder.type, maxDefinition);
  if (at < 0) return false;
  const skip = Math.max(0, out.from - row);
  const n = Math.min(row + daph.num_values, out.to) - (row + skip);
  if (n <= 0) return true;
  const counters = out.counters();
  if (counters) {
    tallyPage(raw, at, daph, skip, n, counters, row + skip - out.from);
    out.counted(row + skip - out.from, n);
  } else {
    out.indexed(row + skip - out.from, pageIndices(raw, at, daph, skip, n), n);
  }
  return true;
}

/** `pageIndices`, counted into `counts` (and `firstRows`, from `row`) instead of returned. */
function tallyPage(
  raw: Uint8Array,
  at: number,
  daph: DataPageHeader,
  skip: number,
  n: number,
  { counts, firstRows }: { counts: Int32Array; firstRows: Int32Array | undefined },
  row: number,
): void {
  const bitWidth = raw[at]!;
  if (bitWidth === 0) {
    // Every index is 0 (a dictionary of one value).
    if (firstRows && counts[0] === 0) firstRows[0] = row;
    counts[0]! += n;
  } else if (tallyHybrid(raw, at + 1, raw.length, bitWidth, skip, n, counts, firstRows, row) < n) {
    throw new Error(`a data page holds fewer than its ${daph.num_values} values`);
  }
}

/**
 * Where the indices of a V1 dictionary-encoded page of a flat column with no value missing
 * start (their bit width's byte); -1 for any other page.
 */
export function indicesAt(
  raw: Uint8Array,
  daph: DataPageHeader,
  type: ColumnDecoder['type'],
  maxDefinition: number,
): number {
  const dictionaryEncoded =
    daph.encoding === 'RLE_DICTIONARY' || daph.encoding === 'PLAIN_DICTIONARY';
  if (!dictionaryEncoded || type === 'BOOLEAN' || maxDefinition > 1) return -1;
  if (!maxDefinition) return 0;
  // Definition levels: a 4-byte length, then their runs; only "all present" is read here.
  const length = raw[0]! | (raw[1]! << 8) | (raw[2]! << 16) | (raw[3]! << 24);
  return allPresent(raw, 4, 4 + length, daph.num_values) ? 4 + length : -1;
}

/**
 * The indices of the page's rows [skip, skip + n), from `indicesAt`. The array is reused by
 * the next call: read it before.
 */
export function pageIndices(
  raw: Uint8Array,
  at: number,
  daph: DataPageHeader,
  skip: number,
  n: number,
): Int32Array {
  const bitWidth = raw[at]!;
  if (indices.length < n) indices = new Int32Array(Math.max(n, indices.length * 2));
  const wanted = indices.subarray(0, n);
  if (bitWidth === 0) wanted.fill(0);
  else if (readHybrid(raw, at + 1, raw.length, bitWidth, wanted, skip) < n) {
    throw new Error(`a data page holds fewer than its ${daph.num_values} values`);
  }
  return wanted;
}

/**
 * Whether the definition levels (width 1) of `count` rows are all 1 (no value missing), read
 * run by run: a column without nulls is written as one repeat of 1 per page, so this costs
 * nothing, where decoding the levels would cost a pass over every row.
 */
function allPresent(bytes: Uint8Array, start: number, end: number, count: number): boolean {
  let pos = start;
  let seen = 0;
  while (seen < count && pos < end) {
    let header = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[pos++]!;
      header |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (header & 1) {
      // Bit-packed groups of 8 levels, one bit each: all present if every bit is set.
      const groups = header >>> 1;
      for (let k = 0; k < groups; k++) {
        const left = count - seen - 8 * k;
        const wantedBits = left >= 8 ? 0xff : (1 << Math.max(0, left)) - 1;
        if ((bytes[pos + k]! & wantedBits) !== wantedBits) return false;
      }
      pos += groups;
      seen += groups * 8;
    } else {
      if (bytes[pos++] !== 1) return false;
      seen += header >>> 1;
    }
  }
  return seen >= count;
}

/**
 * A V1 data page of a flat column: definition levels and dictionary indices decoded into typed
 * arrays (hyparquet fills JS arrays, then counts the nulls in another pass); other encodings
 * are left to hyparquet.
 */
export function readPageV1(
  raw: Uint8Array,
  daph: DataPageHeader,
  decoder: ColumnDecoder,
  maxDefinition: number,
): { defs: ArrayLike<number> | undefined; values: Decoded } {
  const dictionaryEncoded =
    daph.encoding === 'RLE_DICTIONARY' || daph.encoding === 'PLAIN_DICTIONARY';
  if (!dictionaryEncoded || decoder.type === 'BOOLEAN' || maxDefinition > 1) {
    const page = readDataPage(raw, daph, decoder);
    return {
      defs: page.definitionLevels?.length ? Uint8Array.from(page.definitionLevels) : undefined,
      values: page.dataPage,
    };
  }
  let offset = 0;
  let defs: Int32Array | undefined;
  let present = daph.num_values;
  if (maxDefinition) {
    // Definition levels: a 4-byte length, then their runs.
    const length = raw[0]! | (raw[1]! << 8) | (raw[2]! << 16) | (raw[3]! << 24);
    defs = new Int32Array(daph.num_values);
    readHybrid(raw, 4, 4 + length, 1, defs);
    offset = 4 + length;
    present = 0;
    for (let i = 0; i < defs.length; i++) present += defs[i]!;
    if (present === defs.length) defs = undefined;
  }
  const bitWidth = raw[offset]!;
  const values = new Int32Array(present);
  if (bitWidth) readHybrid(raw, offset + 1, raw.length, bitWidth, values);
  return { defs, values };
}
