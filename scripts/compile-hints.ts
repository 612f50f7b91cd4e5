// V8's explicit compile hints (Chromium 136+, so Electron 36+ too): a script that starts with this
// comment has every function compiled as it loads, on the thread that streams it in, rather than
// each one on its first call. The chart's code (recharts and ours) all runs at once when a range
// arrives, so compiling it lazily then was a quarter of the chart's first paint; the page's chunk
// has long loaded by the time data arrives.
import type { Plugin } from 'vite';

export const compileEagerlyComment = '//# allFunctionsCalledOnLoad\n';

/** Marks the renderer chunks holding any module `eager` picks. */
export function compileHints(eager: (moduleId: string) => boolean): Plugin {
  return {
    name: 'compile-hints',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.moduleIds.some(eager)) continue;
        chunk.code = compileEagerlyComment + chunk.code;
        // One more line before the code: every mapping moves down a line.
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
    },
  };
}

/** The chart: recharts and renderer/components/charts. */
export const isChartModule = (id: string) =>
  id.includes('/node_modules/recharts/') || id.includes('/renderer/components/charts/');
