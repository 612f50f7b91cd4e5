// Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary indices), decoded
// into an Int32Array. Same format as hyparquet's `readRleBitPackedHybrid`, which reads one byte
// and one bit position at a time through a DataView; here each value is one 32-bit window of
// whole bytes, and the values before `skip` (rows outside the time window) are stepped over.
// Widths above 24 bits (dictionaries of more than 16 million values) are left to hyparquet.

import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';

/**
 * Fills `out` with values [skip, skip + out.length) of the hybrid runs of `width`-bit values in
 * `bytes[start, end)`; returns how many were filled (fewer when the runs end early).
 */
export function readHybrid(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  out: Int32Array,
  skip = 0,
): number {
  if (width > 24) return readWide(bytes, start, end, width, out, skip);
  const wanted = skip + out.length;
  let pos = start;
  let seen = 0; // values of the stream passed so far
  while (seen < wanted && pos < end) {
    // The run's header, an unsigned varint: low bit 1 = bit-packed groups of 8, 0 = a repeat.
    let header = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[pos++]!;
      header |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    if (header & 1) {
      const groups = header >>> 1;
      const count = groups * 8;
      const first = Math.max(0, skip - seen);
      const last = Math.min(count, wanted - seen);
      if (first < last) unpack(bytes, pos, end, width, first, last, out, seen + first - skip);
      pos += groups * width;
      seen += count;
    } else {
      let value = 0;
      for (let b = 0; b < width; b += 8) value |= bytes[pos++]! << b;
      const count = header >>> 1;
      const from = Math.max(seen, skip) - skip;
      const to = Math.min(seen + count, wanted) - skip;
      if (from < to) out.fill(value, from, to);
      seen += count;
    }
  }
  return Math.max(0, Math.min(seen, wanted) - skip);
}

/** What `walkHybrid` hands each run to. */
export interface HybridVisitor {
  /** `n` values equal to `value`, from the `at`-th on. */
  repeat(value: number, at: number, n: number): void;
  /** `n` bit-packed values from the `at`-th on, unpacked into `values` (reused: read it now). */
  packed(values: Int32Array, at: number, n: number): void;
}

let runValues = new Int32Array(512);

/**
 * The first `count` values of the hybrid runs, run by run: a scan that only asks which values
 * occur where need not expand a repeat (a sorted column's dictionary indices are mostly
 * repeats); returns how many values were found.
 */
export function walkHybrid(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  count: number,
  visit: HybridVisitor,
): number {
  if (width > 24) {
    const all = new Int32Array(count);
    const n = readWide(bytes, start, end, width, all, 0);
    visit.packed(all, 0, n);
    return n;
  }
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
      const groups = header >>> 1;
      const n = Math.min(groups * 8, count - seen);
      if (runValues.length < n) runValues = new Int32Array(n);
      unpack(bytes, pos, end, width, 0, n, runValues, 0);
      visit.packed(runValues, seen, n);
      pos += groups * width;
      seen += n;
    } else {
      let value = 0;
      for (let b = 0; b < width; b += 8) value |= bytes[pos++]! << b;
      const n = Math.min(header >>> 1, count - seen);
      visit.repeat(value, seen, n);
      seen += n;
    }
  }
  return seen;
}

/** Values [first, last) of a bit-packed run starting at `pos`, into `out` from `at`. */
function unpack(
  bytes: Uint8Array,
  pos: number,
  end: number,
  width: number,
  first: number,
  last: number,
  out: Int32Array,
  at: number,
): void {
  const mask = (1 << width) - 1;
  const n = at + (last - first);
  const runBytes = Math.ceil((last * width) / 8);
  if (pos + runBytes + 3 < bytes.length) {
    // Every value's four bytes are there (within the run, or the bytes after it, whose bits are
    // masked off): each value is one 32-bit window, no branch, twice as fast as an accumulator.
    let bit = first * width;
    for (let o = at; o < n; o++) {
      const p = pos + (bit >>> 3);
      const window =
        bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);
      out[o] = (window >>> (bit & 7)) & mask;
      bit += width;
    }
    return;
  }
  // Near the end of the page: a byte at a time, reading zeros past a run cut short.
  const stop = Math.min(end, pos + runBytes);
  const startBit = first * width;
  let p = pos + (startBit >>> 3);
  let bits = 8 - (startBit & 7);
  let buffer = p < stop ? bytes[p++]! >>> (startBit & 7) : 0;
  for (let o = at; o < n; o++) {
    while (bits < width) {
      buffer |= (p < stop ? bytes[p++]! : 0) << bits;
      bits += 8;
    }
    out[o] = buffer & mask;
    buffer >>>= width;
    bits -= width;
  }
}

function readWide(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  out: Int32Array,
  skip: number,
): number {
  const all = new Array<number>(skip + out.length);
  const reader = { view: new DataView(bytes.buffer, bytes.byteOffset), offset: start };
  readRleBitPackedHybrid(reader, width, all, end - start);
  for (let i = 0; i < out.length; i++) out[i] = all[skip + i] ?? 0;
  return out.length;
}
