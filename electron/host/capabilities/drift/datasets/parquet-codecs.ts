// Page decompressors for hyparquet: hyparquet-compressors for every codec, except ZSTD (the most
// common one in Parquet written today). ZSTD pages go to libzstd itself, through the native
// zstd-napi: on flights-3m's pages about five times faster than zstd's reference decoder compiled
// to WebAssembly (zstddec), which also needs ~40 ms to compile before its first page. Should the
// native module not load (a build without a compiler, an unusual platform), zstddec decodes, and
// should that fail too, the pure-JS decoder of hyparquet-compressors.
// zstddec fetches its module from a data: URL wherever `fetch` exists, which in Node loads the
// whole HTTP client (undici, some 40 ms of start-up) for nothing; without `fetch` it instantiates
// the module from its bytes, so `fetch` is hidden for the (synchronous) start of `init()`.

import { createRequire } from 'node:module';
import type { Compressors } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type * as ZstdNapi from 'zstd-napi';

type ZstdDecode = (input: Uint8Array, size: number) => Uint8Array;

let withZstd: Promise<Compressors> | undefined;
let nativeRefused: string | undefined;

/** The decompressors; ask early, the ZSTD decoder loads meanwhile (once a process). */
export function parquetCodecs(): Promise<Compressors> {
  withZstd ??= (async () => {
    let decode: ZstdDecode;
    try {
      decode = nativeZstd();
    } catch (error) {
      nativeRefused = (error as Error).message.split('\n')[0];
      decode = await wasmZstd();
    }
    return { ...compressors, ZSTD: decode };
  })().catch(() => compressors);
  return withZstd;
}

/**
 * Why ZSTD pages are decoded in WebAssembly, not by libzstd: undefined while libzstd is in use
 * (or no decoder has been asked for). Slower, so worth a line in the log.
 */
export function zstdFallback(): string | undefined {
  return nativeRefused && `zstd-napi did not load (${nativeRefused}): ZSTD pages in WebAssembly`;
}

/**
 * libzstd through zstd-napi; throws if the native module does not load. Required, not imported:
 * a CommonJS package through the ES module loader costs 10–20 ms more, under tsx most of all.
 */
export function nativeZstd(): ZstdDecode {
  const zstd = createRequire(import.meta.url)('zstd-napi') as typeof ZstdNapi;
  const decompressor = new zstd.Decompressor();
  return (input) => decompressor.decompress(input);
}

/** zstd's reference decoder compiled to WebAssembly. */
export async function wasmZstd(): Promise<ZstdDecode> {
  const { ZSTDDecoder } = await import('zstddec');
  const decoder = new ZSTDDecoder();
  await withoutFetch(() => decoder.init());
  return (input, size) => decoder.decode(input, size);
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
