import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compileHints, isChartModule } from './scripts/compile-hints';
import { contractConstants } from './shared/contract/build-constants';

// The renderer is built once and served by both shells: loaded from disk by Electron, served by
// the host's HTTP transport in browser mode. Relative base so file:// works.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), compileHints(isChartModule)],
  define: contractConstants(),
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
