import type { Browser, Page } from 'playwright-core';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * A new tab, once Chromium has finished opening it. A new tab in today's headless Chromium also
 * starts the window's own WebUI renderers (the omnibox popup), which go on loading for about half
 * a second after `newPage()` returns: some 400 ms of CPU on a two-core machine, inside whatever
 * is measured next. The tab is ready when Chromium's processes have been quiet for two 100 ms
 * spells running (or after 5 s, on a machine that never quiets down).
 */
export async function settledPage(
  browser: Browser,
  options?: Parameters<Browser['newPage']>[0],
): Promise<Page> {
  const page = await browser.newPage(options);
  const session = await browser.newBrowserCDPSession();
  try {
    const cpu = async () => {
      const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
        processInfo: { cpuTime: number }[];
      };
      return processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
    };
    const deadline = performance.now() + 5_000;
    let quiet = 0;
    let last = await cpu();
    while (quiet < 2 && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const now = await cpu();
      quiet = now - last < 0.01 ? quiet + 1 : 0; // under 10 ms of CPU in 100 ms
      last = now;
    }
  } finally {
    await session.detach();
  }
  return page;
}
