// A 2.6 million point GPU range painted by the shared chart in Chromium: 64 GPUs over 7 days,
// LTTB-downsampled to the plot's pixel width. Target: < 200 ms from data arrival to paint.
// Each run is a fresh page, so the chart's code runs cold, as when a user opens the GPUs page.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { compileEagerlyComment } from '../scripts/compile-hints';
import { chromiumArgs, settledPage } from './chromium';
import { percentile, type BenchRow } from './stats';

export async function benchGpuChart(runs = 5): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-chart-'));
  try {
    await build({
      entryPoints: [join('bench', 'gpu-chart', 'page.tsx')],
      bundle: true,
      outfile: join(dir, 'page.js'),
      format: 'iife',
      jsx: 'automatic',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      loader: { '.css': 'empty' },
      // The page is the chart's code, which the renderer build marks for eager compilation
      // (scripts/compile-hints.ts); marked here the same way.
      banner: { js: compileEagerlyComment },
      logLevel: 'silent',
    });
    const script = readFileSync(join(dir, 'page.js'), 'utf8');
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html><body><div id="root"></div><script>${script.replace(/<\/script/g, '<\\/script')}</script></body></html>`,
    );
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
    });
    const times = { open: [] as number[], switch: [] as number[] };
    let points = 0;
    try {
      for (let i = 0; i < runs; i++) {
        for (const mode of ['open', 'switch'] as const) {
          // Settled first, so Chromium's own work on a new tab is not inside the measurement.
          const page = await settledPage(browser, { viewport: { width: 1280, height: 800 } });
          await page.goto(`file://${join(dir, 'index.html')}`);
          times[mode].push(await page.evaluate((m) => window.__paint!(m), mode));
          points = await page.evaluate(() => window.__points ?? 0);
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
    const row = (mode: 'open' | 'switch', what: string, note: string): BenchRow => {
      const p50 = percentile(times[mode], 50);
      return {
        name: `GPU chart: ${(points / 1e6).toFixed(1)} M points (64 GPUs × 7 d) ${what}, p50 of ${runs}`,
        value: p50,
        unit: 'ms',
        target: '< 200 ms',
        met: p50 < 200,
        note: `best ${Math.round(Math.min(...times[mode]))} ms; ${note}`,
      };
    };
    return [
      row(
        'open',
        'painted in a fresh page',
        'data arrival → LTTB to pixel width → recharts axes (cold) + canvas lines → frame after',
      ),
      row('switch', 'painted on "7d" from 1 h', 'same, the chart already on screen showing 1 h'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

declare global {
  interface Window {
    __paint?: (mode: 'open' | 'switch') => Promise<number>;
    __points?: number;
  }
}
