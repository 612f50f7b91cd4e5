// Process start to the Overview painted with demo data, in browser mode: the bundled host is
// spawned, Chromium opens the printed URL, and the clock stops when the registry's model count
// is on screen. Cold = a new data folder (first launch); warm = the same folder again.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, settledPage } from './chromium';
import { median, type BenchRow } from './stats';

async function oneStart(dataDir: string): Promise<number> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
  });
  // Chromium opening (and settling) its tab is not the console's start.
  const page = await settledPage(browser);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['dist-electron/cli.mjs', 'serve', '--demo', '--port', '0', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL within 30 s: ${out}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /running at (\S+)/.exec(out);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    await page.goto(url);
    await page
      .getByTestId('headline-total-models')
      .filter({ hasText: '3' })
      .waitFor({ timeout: 30_000 });
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await browser.close();
  }
}

export async function benchStartup(runs = 3): Promise<BenchRow[]> {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'console-bench-'));
    try {
      cold.push(await oneStart(dir));
      warm.push(await oneStart(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [
    {
      name: 'start to Overview painted (demo, first launch)',
      value: median(cold),
      unit: 'ms',
      target: '< 1500 ms',
      met: median(cold) < 1500,
      note: `median of ${runs}`,
    },
    {
      name: 'start to Overview painted (demo, later launch)',
      value: median(warm),
      unit: 'ms',
      target: '< 1500 ms',
      met: median(warm) < 1500,
      note: `median of ${runs}`,
    },
  ];
}
