// Page decompressors for hyparquet: hyparquet-compressors for every codec, except ZSTD (the most
// common one in Parquet written today), which goes through zstddec, the reference zstd decoder
// compiled to WebAssembly: about eight times faster than the pure-JS one on flights-3m's pages.
// Should the WebAssembly module not load, the pure-JS decoder is used instead.
// zstddec fetches its module from a data: URL wherever `fetch` exists, which in Node loads the
// whole HTTP client (undici, some 40 ms of start-up) for nothing; without `fetch` it instantiates
// the module from its bytes, so `fetch` is hidden for the (synchronous) start of `init()`.

import type { Compressors } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { ZSTDDecoder } from 'zstddec';

let withWasmZstd: Promise<Compressors> | undefined;

/** The decompressors; ask early, the WebAssembly module compiles meanwhile (once a process). */
export function parquetCodecs(): Promise<Compressors> {
  withWasmZstd ??= (async () => {
    const decoder = new ZSTDDecoder();
    await withoutFetch(() => decoder.init());
    return {
      ...compressors,
      ZSTD: (input: Uint8Array, size: number) => decoder.decode(input, size),
    };
  })().catch(() => compressors);
  return withWasmZstd;
}

function withoutFetch<T>(start: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return start();
  delete (globalThis as { fetch?: unknown }).fetch;
  try {
    return start();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
