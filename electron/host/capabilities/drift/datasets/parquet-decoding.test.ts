// The hand-written Parquet decoding against hyparquet's own, on made-up runs and values where the
// fixtures have none: every bit width, skipped values, runs cut short, INT64 past 2^53.

import { describe, expect, it } from 'vitest';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { plainNumbers } from './parquet-plain-numbers';
import { readHybrid, tallyHybrid, walkHybrid } from './rle-hybrid';

/** Hybrid runs: a repeat of `repeat` values, then bit-packed groups for `packed` values. */
function encode(width: number, repeat: { value: number; count: number }, packed: number[]) {
  const bytes: number[] = [];
  const varint = (n: number) => {
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    bytes.push(n);
  };
  varint(repeat.count << 1);
  for (let b = 0; b < width; b += 8) bytes.push((repeat.value >>> b) & 0xff);
  const groups = Math.ceil(packed.length / 8);
  varint((groups << 1) | 1);
  let buffer = 0n;
  let bits = 0n;
  for (let i = 0; i < groups * 8; i++) {
    buffer |= BigInt(packed[i] ?? 0) << bits;
    bits += BigInt(width);
    while (bits >= 8n) {
      bytes.push(Number(buffer & 0xffn));
      buffer >>= 8n;
      bits -= 8n;
    }
  }
  return Uint8Array.from(bytes);
}

const same = (a: Int32Array, b: Int32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );

describe('the RLE / bit-packed hybrid decoder', () => {
  it.each([1, 3, 7, 8, 10, 13, 16, 17, 24])('reads %i-bit runs as hyparquet does', (width) => {
    const packed = Array.from({ length: 37 }, (_, i) => (i * 2654435761) % 2 ** width);
    const bytes = encode(width, { value: 2 ** width - 1, count: 21 }, packed);
    const all = new Array<number>(58);
    const reader = { view: new DataView(bytes.buffer), offset: 0 };
    readRleBitPackedHybrid(reader, width, all, bytes.length);
    // As the page's last run (read byte by byte), and with bytes after it (32-bit windows).
    const padded = Uint8Array.from([...bytes, 0xff, 0xff, 0xff, 0xff]);
    for (const page of [bytes, padded]) {
      const out = new Int32Array(58);
      expect(readHybrid(page, 0, bytes.length, width, out)).toBe(58);
      expect([...out]).toEqual(all);
      // Any window of the values, the ones before it stepped over.
      for (const [skip, n] of [
        [0, 5],
        [3, 30],
        [21, 8],
        [29, 29],
        [57, 1],
      ] as const) {
        const part = new Int32Array(n);
        expect(readHybrid(page, 0, bytes.length, width, part, skip)).toBe(n);
        expect([...part]).toEqual(all.slice(skip, skip + n));
      }
    }
  });

  it('walks the runs to the same values, repeats unexpanded', () => {
    const bytes = encode(13, { value: 4095, count: 300 }, [7, 8191, 0, 5, 6, 1, 2, 3, 9]);
    const expanded = new Int32Array(316);
    expect(readHybrid(bytes, 0, bytes.length, 13, expanded)).toBe(316);
    const walked: number[] = [];
    const runs: string[] = [];
    const seen = walkHybrid(bytes, 0, bytes.length, 13, 310, {
      repeat(value, at, n) {
        runs.push(`${n}×${value}@${at}`);
        walked.push(...Array<number>(n).fill(value));
      },
      packed(values, at, n) {
        runs.push(`${n} packed@${at}`);
        walked.push(...values.subarray(0, n));
      },
    });
    expect(seen).toBe(310);
    expect(runs).toEqual(['300×4095@0', '10 packed@300']);
    expect(walked).toEqual([...expanded.subarray(0, 310)]);
  });

  it.each([1, 4, 8, 9, 11, 14])(
    'counts %i-bit values as the decoded values would be counted, with their first rows',
    (width) => {
      const packed = Array.from({ length: 2003 }, (_, i) => ((i * 2654435761) >>> 7) % 2 ** width);
      const bytes = encode(width, { value: 1, count: 40 }, packed);
      const total = 40 + 2003;
      const padded = Uint8Array.from([...bytes, 0, 0, 0, 0]);
      for (const page of [bytes, padded]) {
        for (const [skip, n] of [
          [0, total],
          [35, 100],
          [1000, 1043],
          [2040, 3],
        ] as const) {
          const values = new Int32Array(n);
          readHybrid(page, 0, bytes.length, width, values, skip);
          const want = new Int32Array(2 ** width);
          const wantFirst = new Int32Array(2 ** width).fill(-1);
          values.forEach((v, i) => {
            if (want[v]!++ === 0) wantFirst[v] = 500 + i;
          });
          const counts = new Int32Array(2 ** width);
          const firstRows = new Int32Array(2 ** width).fill(-1);
          expect(tallyHybrid(page, 0, bytes.length, width, skip, n, counts, firstRows, 500)).toBe(
            n,
          );
          expect(same(counts, want)).toBe(true);
          expect(same(firstRows, wantFirst)).toBe(true);
          const alone = new Int32Array(2 ** width);
          tallyHybrid(page, 0, bytes.length, width, skip, n, alone, undefined, 0);
          expect(same(alone, want)).toBe(true);
        }
      }
    },
  );

  it('counts no value past the counters, so the sum shows a bad index', () => {
    const bytes = encode(4, { value: 9, count: 3 }, [1, 15, 2, 3]);
    const counts = new Int32Array(4);
    expect(tallyHybrid(bytes, 0, bytes.length, 4, 0, 7, counts, undefined, 0)).toBe(7);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThan(7);
  });

  it('says how many values it found when the runs end early', () => {
    const bytes = encode(5, { value: 3, count: 4 }, [1, 2, 3]);
    const out = new Int32Array(20);
    expect(readHybrid(bytes, 0, bytes.length, 5, out)).toBe(12); // 4 repeated, 8 packed
    expect(readHybrid(bytes, 0, bytes.length - 1, 5, out)).toBe(12); // a cut last byte reads 0s
    expect(out[9]).toBe(0);
  });
});

describe('PLAIN numbers', () => {
  const int64 = (values: bigint[]) => new Uint8Array(BigInt64Array.from(values).buffer);
  const element = (extra: object = {}) => ({ name: 'x', ...extra });

  it('reads INT64 as Number(bigint) does, past 2^53 too', () => {
    const values = [0n, -1n, 123456789012n, -(2n ** 62n) - 12345n, 2n ** 53n + 1n, 2n ** 63n - 1n];
    const out = plainNumbers(int64(values), 'INT64', element(), false, values.length);
    expect([...out!]).toEqual(values.map(Number));
  });

  it('reads µs timestamps as whole ms, truncated as hyparquet does, and leaves ns alone', () => {
    const micros = { logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' } };
    const values = [978307260000001n, -1500n, -999n, 0n];
    const out = plainNumbers(int64(values), 'INT64', element(micros), true, values.length);
    expect([...out!]).toEqual([978307260000, -1, -0, 0]);
    expect(plainNumbers(int64([9n * 10n ** 15n]), 'INT64', element(micros), true, 1)).toBe(
      undefined,
    );
    const nanos = { logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'NANOS' } };
    expect(plainNumbers(int64([1n]), 'INT64', element(nanos), true, 1)).toBeUndefined();
  });

  it('reads INT32, DATE, FLOAT and DOUBLE, and leaves decimals and unsigned to hyparquet', () => {
    const i32 = new Uint8Array(Int32Array.of(-7, 19_000).buffer);
    expect([...plainNumbers(i32, 'INT32', element(), false, 2)!]).toEqual([-7, 19_000]);
    const date = element({ converted_type: 'DATE' });
    expect([...plainNumbers(i32, 'INT32', date, true, 2)!]).toEqual([-7 * 864e5, 19_000 * 864e5]);
    const f32 = new Uint8Array(Float32Array.of(0.1, -2.5).buffer);
    expect([...plainNumbers(f32, 'FLOAT', element(), false, 2)!]).toEqual([Math.fround(0.1), -2.5]);
    const f64 = new Uint8Array(Float64Array.of(0.1, NaN).buffer);
    expect([...plainNumbers(f64, 'DOUBLE', element(), false, 2)!]).toEqual([0.1, NaN]);
    expect(
      plainNumbers(i32, 'INT32', element({ converted_type: 'DECIMAL' }), false, 2),
    ).toBeUndefined();
    expect(
      plainNumbers(i32, 'INT32', element({ converted_type: 'UINT_32' }), false, 2),
    ).toBeUndefined();
    expect(plainNumbers(i32, 'INT32', element(), false, 3)).toBeUndefined(); // page too short
  });
});
