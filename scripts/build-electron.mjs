// Run with tsx (it reads the contract's TypeScript). Bundles the Electron main process as an ES module (the host and @kubernetes/client-node are
// ESM) with its pure-JS dependencies inside, and the preload as CommonJS: a sandboxed preload
// cannot be an ES module, so it is bundled whole (it is tiny: the contract's names and ipcRenderer).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { contractConstants } from '../shared/contract/build-constants.ts';

/** A hash of shared/'s sources: what `electron/host/contract-fingerprint.ts` reads. */
function contractFingerprint() {
  const hash = createHash('sha256');
  const files = readdirSync('shared', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const file of files) hash.update(file).update(readFileSync(join('shared', file)));
  return hash.digest('base64url').slice(0, 16);
}

/**
 * The simulators' built-in scenarios, parsed now, as JSON text: read by
 * `electron/sim/kube/scenario/load-scenario.ts`. Parsing ml-platform.yaml took ~120 ms of the
 * demo's start, during which every call of a first launch waits for the demo workspace.
 */
function builtinScenarios() {
  const dir = 'electron/sim/assets/kube-scenarios';
  const scenarios = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f.slice(0, -'.yaml'.length), parseYaml(readFileSync(join(dir, f), 'utf8'))]);
  return JSON.stringify(Object.fromEntries(scenarios));
}

// Chunk names carry hashes: clear the old ones.
rmSync('dist-electron', { recursive: true, force: true });

// The command line (serve, sim, audit verify) and the Electron main process are bundled together
// with code splitting, so what is imported lazily (client-node, the simulators) stays in chunks
// loaded on first use instead of at start. Pure-JS dependencies are bundled in: resolving and
// loading ~1,000 files from node_modules was half of the host's start (0.77 s to 0.36 s for the
// serve path, measured; client-node alone from about 2 s to 0.6 s, which matters because it loads
// while the window's first requests wait). Left outside: electron, and the native modules
// better-sqlite3 and zstd-napi.
await build({
  entryPoints: {
    cli: 'electron/cli.ts',
    main: 'electron/main.ts',
    'demo-worker': 'electron/host/demo/demo-worker.ts',
    'drift-worker': 'electron/host/capabilities/drift/runner/drift-worker.ts',
    'audit-verify-worker': 'electron/host/capabilities/audit/verify-worker.ts',
  },
  outdir: 'dist-electron',
  // Whitespace and syntax only: names stay, so a logged stack trace still reads. Less text to
  // parse is less of the start spent compiling (~20 ms on the serve path).
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3', 'zstd-napi', 'electron'],
  define: {
    __CONTRACT_FINGERPRINT__: JSON.stringify(contractFingerprint()),
    __BUILTIN_SCENARIOS__: JSON.stringify(builtinScenarios()),
  },
  // Bundled CommonJS packages call require() for Node's built-ins; an ES module has none.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
// The preload gets the contract's call names and event topics as constants, not the contract
// itself: zod and the schemas stay out of the renderer's privileged context.
await build({
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
  define: contractConstants(),
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built dist-electron/{cli.mjs,main.mjs,preload.cjs}');
