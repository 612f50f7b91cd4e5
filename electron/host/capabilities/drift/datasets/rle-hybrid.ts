// Parquet's RLE / bit-packed hybrid encoding (definition levels, dictionary indices), decoded
// into an Int32Array, or counted (tallied) without being stored. Same format as hyparquet's
// `readRleBitPackedHybrid`, which reads one byte and one bit position at a time; here each value
// is one 32-bit read, and the values before `skip` (rows outside the time window) are stepped
// over.
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
  const view = viewOf(bytes);
  return forEachRun(bytes, start, end, width, skip, out.length, {
    repeat: (value, at, n) => out.fill(value, at, at + n),
    packed: (pos, first, last, at) => unpack(bytes, view, pos, end, width, first, last, out, at),
  });
}

/**
 * Counts values [skip, skip + n) of the hybrid runs into `counts` (one counter per value), and
 * with `firstRows`, the first of them (`at` + its place) holding each value counted for the
 * first time; returns how many were counted. The values are never stored: a repeat is one
 * addition, a bit-packed value is counted as it is read. A value past `counts` is not counted:
 * the caller checks the sum.
 */
export function tallyHybrid(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  skip: number,
  n: number,
  counts: Int32Array,
  firstRows: Int32Array | undefined,
  at: number,
): number {
  if (width > 24) {
    const values = new Int32Array(n);
    const read = readWide(bytes, start, end, width, values, skip);
    for (let i = 0; i < read; i++) {
      if (counts[values[i]!]!++ === 0 && firstRows) firstRows[values[i]!] = at + i;
    }
    return read;
  }
  const view = viewOf(bytes);
  return forEachRun(bytes, start, end, width, skip, n, {
    repeat: (value, from, count) => {
      if (counts[value] === 0 && firstRows) firstRows[value] = at + from;
      counts[value]! += count;
    },
    packed: (pos, first, last, from) => {
      const row = at + from - first; // of the run's value 0
      const safe = Math.min(last, Math.max(first, safeValues(bytes, pos, width)));
      if (firstRows) tallyFirst(view, pos, width, first, safe, counts, firstRows, row);
      else tallyPacked(view, pos, width, first, safe, counts);
      if (safe < last) tallyTail(bytes, view, pos, end, width, safe, last, counts, firstRows, row);
    },
  });
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
  const view = viewOf(bytes);
  return forEachRun(bytes, start, end, width, 0, count, {
    repeat: (value, at, n) => visit.repeat(value, at, n),
    packed: (pos, first, last, at) => {
      const n = last - first;
      if (runValues.length < n) runValues = new Int32Array(n);
      unpack(bytes, view, pos, end, width, first, last, runValues, 0);
      visit.packed(runValues, at, n);
    },
  });
}

/** Where `forEachRun` hands the runs, values counted from `skip` on. */
interface RunSink {
  /** `n` values equal to `value`, the `at`-th on. */
  repeat(value: number, at: number, n: number): void;
  /** Values [first, last) of the bit-packed run whose bytes start at `pos`, the `at`-th on. */
  packed(pos: number, first: number, last: number, at: number): void;
}

/**
 * Walks the hybrid runs of `width`-bit values in `bytes[start, end)`, handing `sink` the parts
 * of them within values [skip, skip + wanted); returns how many values that was (fewer when
 * the runs end early).
 */
function forEachRun(
  bytes: Uint8Array,
  start: number,
  end: number,
  width: number,
  skip: number,
  wanted: number,
  sink: RunSink,
): number {
  const stop = skip + wanted;
  let pos = start;
  let seen = 0; // values of the stream passed so far
  while (seen < stop && pos < end) {
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
      const last = Math.min(count, stop - seen);
      if (first < last) sink.packed(pos, first, last, seen + first - skip);
      pos += groups * width;
      seen += count;
    } else {
      let value = 0;
      for (let b = 0; b < width; b += 8) value |= bytes[pos++]! << b;
      const count = header >>> 1;
      const from = Math.max(seen, skip) - skip;
      const to = Math.min(seen + count, stop) - skip;
      if (from < to) sink.repeat(value, from, to - from);
      seen += count;
    }
  }
  return Math.max(0, Math.min(seen, stop) - skip);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * How many values of a bit-packed run at `pos` have their four bytes within `bytes` (those of
 * the run, or after it: their bits are masked off), so each is one 32-bit read.
 */
function safeValues(bytes: Uint8Array, pos: number, width: number): number {
  const bits = (bytes.length - 3 - pos) * 8;
  return bits > 0 ? Math.ceil(bits / width) : 0;
}

/** Values [first, last) of a bit-packed run starting at `pos`, into `out` from `at`. */
function unpack(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  end: number,
  width: number,
  first: number,
  last: number,
  out: Int32Array,
  at: number,
): void {
  const mask = (1 << width) - 1;
  const safe = Math.min(last, Math.max(first, safeValues(bytes, pos, width)));
  let bit = first * width;
  let o = at;
  // Each value is one little-endian 32-bit read, no branch: twice as fast as an accumulator.
  for (const n = at + (safe - first); o < n; o++) {
    out[o] = (view.getUint32(pos + (bit >>> 3), true) >>> (bit & 7)) & mask;
    bit += width;
  }
  if (safe < last) unpackTail(bytes, pos, end, width, safe, last, out, o);
}

/** `unpack` near the end of the page: a byte at a time, reading zeros past a run cut short. */
function unpackTail(
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
  const stop = Math.min(end, pos + Math.ceil((last * width) / 8));
  const startBit = first * width;
  let p = pos + (startBit >>> 3);
  let bits = 8 - (startBit & 7);
  let buffer = p < stop ? bytes[p++]! >>> (startBit & 7) : 0;
  for (let o = at, n = at + (last - first); o < n; o++) {
    while (bits < width) {
      buffer |= (p < stop ? bytes[p++]! : 0) << bits;
      bits += 8;
    }
    out[o] = buffer & mask;
    buffer >>>= width;
    bits -= width;
  }
}

/** `unpack`'s reads of values [first, safe), each counted instead of stored. */
function tallyPacked(
  view: DataView,
  pos: number,
  width: number,
  first: number,
  safe: number,
  counts: Int32Array,
): void {
  const mask = (1 << width) - 1;
  for (let o = first, bit = first * width; o < safe; o++, bit += width) {
    counts[(view.getUint32(pos + (bit >>> 3), true) >>> (bit & 7)) & mask]!++;
  }
}

/** `tallyPacked`, and the row (`row` + place in the run) of each value counted first. */
function tallyFirst(
  view: DataView,
  pos: number,
  width: number,
  first: number,
  safe: number,
  counts: Int32Array,
  firstRows: Int32Array,
  row: number,
): void {
  const mask = (1 << width) - 1;
  for (let o = first, bit = first * width; o < safe; o++, bit += width) {
    const value = (view.getUint32(pos + (bit >>> 3), true) >>> (bit & 7)) & mask;
    if (counts[value]!++ === 0) firstRows[value] = row + o;
  }
}

let tailValues = new Int32Array(8);

/** The run's values [first, last) near the end of the page, unpacked, then counted. */
function tallyTail(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  end: number,
  width: number,
  first: number,
  last: number,
  counts: Int32Array,
  firstRows: Int32Array | undefined,
  row: number,
): void {
  const n = last - first;
  if (tailValues.length < n) tailValues = new Int32Array(n);
  unpack(bytes, view, pos, end, width, first, last, tailValues, 0);
  for (let i = 0; i < n; i++) {
    const value = tailValues[i]!;
    if (counts[value]!++ === 0 && firstRows) firstRows[value] = row + first + i;
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
