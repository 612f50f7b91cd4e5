// Run with tsx (it reads the contract's TypeScript). Bundles the Electron main process as an ES module (the host and @kubernetes/client-node are
// ESM) with dependencies left in node_modules, and the preload as CommonJS: a sandboxed preload
// cannot be an ES module, so it is bundled whole (it is tiny: the contract's names and ipcRenderer).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { callNames, eventTopics } from '../shared/contract/index.ts';

// Chunk names carry hashes: clear the old ones.
rmSync('dist-electron', { recursive: true, force: true });

// The command line (serve, sim, audit verify) and the Electron main process are bundled together
// with code splitting, so what is imported lazily (client-node, the simulators) stays in chunks
// loaded on first use instead of at start. Dependencies stay in node_modules.
await build({
  entryPoints: {
    cli: 'electron/cli.ts',
    main: 'electron/main.ts',
    'demo-worker': 'electron/host/demo/demo-worker.ts',
    'drift-worker': 'electron/host/capabilities/drift/runner/drift-worker.ts',
    'audit-verify-worker': 'electron/host/capabilities/audit/verify-worker.ts',
  },
  outdir: 'dist-electron',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
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
  define: {
    __CONTRACT_CALL_NAMES__: JSON.stringify(callNames),
    __CONTRACT_EVENT_TOPICS__: JSON.stringify(eventTopics),
  },
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built dist-electron/{cli.mjs,main.mjs,preload.cjs}');
