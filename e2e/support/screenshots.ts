// Every view's screenshot is kept as a test artifact (test-results/screenshots/NAME.png) and
// attached to the Playwright report, so a reviewer sees what the console showed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export const screenshotsDir = join('test-results', 'screenshots');

export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
