// The two ZSTD decoders the Parquet reader may use agree, byte for byte; and the native one loads
// here (a CI machine that silently fell back to WebAssembly would hide a broken build).

import { describe, expect, it } from 'vitest';
import { compress } from 'zstd-napi';
import { nativeZstd, parquetCodecs, wasmZstd, zstdFallback } from './parquet-codecs';

function payloads(): Uint8Array[] {
  let seed = 7;
  const random = Uint8Array.from({ length: 70_000 }, () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 24;
  });
  // Little-endian int32s of a sorted column: what dictionary indices of a date column look like.
  const sorted = new Uint8Array(new Int32Array(50_000).map((_, i) => i >> 9).buffer);
  return [new Uint8Array(1), random, sorted, new TextEncoder().encode('ORD,LAX,'.repeat(9_000))];
}

describe('the ZSTD page decoders', () => {
  it('loads libzstd natively, so the reader says of no fallback', async () => {
    expect(() => nativeZstd()).not.toThrow();
    await parquetCodecs();
    expect(zstdFallback()).toBeUndefined();
  });

  it('decode what zstd compressed, natively and in WebAssembly alike', async () => {
    const native = nativeZstd();
    const wasm = await wasmZstd();
    const { ZSTD } = await parquetCodecs();
    for (const data of payloads()) {
      for (const level of [1, 19]) {
        const packed = compress(data, { compressionLevel: level });
        for (const decode of [native, wasm, ZSTD!]) {
          expect(Buffer.compare(decode(packed, data.length), data)).toBe(0);
        }
      }
    }
  });

  it('refuses a damaged page instead of returning garbage', () => {
    const packed = compress(payloads()[2]!);
    const damaged = packed.slice(0, packed.length >> 1);
    expect(() => nativeZstd()(damaged, 200_000)).toThrow();
  });
});
