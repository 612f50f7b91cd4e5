// Page decompressors for hyparquet: hyparquet-compressors for every codec, except ZSTD (the most
// common one in Parquet written today), which goes through zstddec, the reference zstd decoder
// compiled to WebAssembly: about eight times faster than the pure-JS one on flights-3m's pages.
// Should the WebAssembly module not load, the pure-JS decoder is used instead.

import type { Compressors } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { ZSTDDecoder } from 'zstddec';

let withWasmZstd: Promise<Compressors> | undefined;

/** The decompressors; ask early, the WebAssembly module compiles meanwhile (once a process). */
export function parquetCodecs(): Promise<Compressors> {
  withWasmZstd ??= (async () => {
    const decoder = new ZSTDDecoder();
    await decoder.init();
    return {
      ...compressors,
      ZSTD: (input: Uint8Array, size: number) => decoder.decode(input, size),
    };
  })().catch(() => compressors);
  return withWasmZstd;
}
