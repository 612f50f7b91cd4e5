// A 2.6 million point GPU range painted by the shared chart in Chromium: 64 GPUs over 7 days,
// LTTB-downsampled to the plot's pixel width. Target: < 200 ms from data arrival to paint.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs } from './chromium';
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
    const times: number[] = [];
    let points = 0;
    try {
      for (let i = 0; i < runs; i++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`file://${join(dir, 'index.html')}`);
        await page.waitForFunction(() => window.__paintMs !== undefined, null, { timeout: 60_000 });
        times.push(await page.evaluate(() => window.__paintMs ?? NaN));
        points = await page.evaluate(() => window.__points ?? 0);
        await page.close();
      }
    } finally {
      await browser.close();
    }
    const p50 = percentile(times, 50);
    return [
      {
        name: `GPU chart: ${(points / 1e6).toFixed(1)} M points (64 GPUs × 7 d) painted, p50 of ${runs}`,
        value: p50,
        unit: 'ms',
        target: '< 200 ms',
        met: p50 < 200,
        note: 'data arrival → LTTB to pixel width → recharts commit → paint',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

declare global {
  interface Window {
    __paintMs?: number;
    __points?: number;
  }
}
