// The folder holding the console's package.json: the repository when run from sources (tsx) or
// from the bundles in dist-electron/, the app folder once packaged. Paths to the built renderer
// and bundled assets are resolved from it, so they do not depend on where a module was bundled.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function appRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isConsoleManifest(manifest)) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (cached = process.cwd());
}

function isConsoleManifest(path: string): boolean {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: string }).name === 'mlops-console';
  } catch {
    return false;
  }
}
