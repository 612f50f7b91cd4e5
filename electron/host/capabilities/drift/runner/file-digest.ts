// The cache key of a comparison: sha256 of each file's bytes (streamed, so a 2 GB file costs a
// few seconds of hashing and no memory) and of the options that change the numbers. The same
// files compared the same way give the same key wherever they sit on disk.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ComparisonRequest } from '../../../../../shared/contract/drift';

/** Bumped when the engine's numbers or the report's shape change, so old reports are not reused. */
export const ENGINE_VERSION = 1;

export async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function comparisonKey(
  request: ComparisonRequest,
  digests: { reference: string; current: string },
): string {
  const { reference, current, ...options } = request;
  return createHash('sha256')
    .update(
      JSON.stringify({
        engine: ENGINE_VERSION,
        digests,
        referenceWindow: reference.window ?? null,
        currentWindow: current.window ?? null,
        options,
      }),
    )
    .digest('hex');
}
