import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simAssetsDir } from '../assets-dir';

// The demo ships a copy of the shared GPU recording; it must stay the recording, byte for byte.
const shared = join(process.cwd(), '..', 'shared', 'fixtures', 'gpu');

describe('the GPU recording the demo replays', () => {
  it('is the shared fixture, unchanged', () => {
    if (!existsSync(shared)) {
      // A clone without the project's shared/ folder beside it (a user's machine) has only the copy.
      expect(
        process.env.CI,
        `CI runs with shared/ beside the repository, but ${shared} is missing`,
      ).toBeFalsy();
      return;
    }
    for (const file of ['gpu-trace.om', 'gpu-trace.csv']) {
      expect(
        readFileSync(join(simAssetsDir(), 'gpu', file)).equals(readFileSync(join(shared, file))),
        file,
      ).toBe(true);
    }
  });
});
