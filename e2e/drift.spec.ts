// The dataset comparison on the demo: open Drift → Compare datasets, use the two flights samples
// that ship with the demo (January and June 2001), run the comparison in the host's worker, and
// read the features sorted by drift, the dataset drift share and a distribution overlay. Then the
// same comparison again answers from the cache, and a wrong path says what is wrong.
import { expect, test } from '@playwright/test';
import { startConsoleServer, type ConsoleServer } from './support/console-server';
import { keepScreenshot } from './support/screenshots';

let server: ConsoleServer;

test.beforeAll(async () => {
  server = await startConsoleServer({ args: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

test('compare the demo samples: sorted features, drift share and an overlay', async ({
  page,
}, testInfo) => {
  await page.goto(server.launchUrl);
  await page.getByTestId('nav-drift').click();
  await page.getByRole('tab', { name: 'Compare datasets' }).click();
  await page.getByTestId('drift-use-samples').click();
  await expect(page.getByTestId('drift-reference-columns')).toContainText('delay (numerical)');
  await expect(page.getByTestId('drift-current-columns')).toContainText('date (time)');
  await page.getByTestId('drift-compare').click();

  const rows = page.getByTestId('drift-report-row');
  await expect(rows).toHaveCount(4, { timeout: 30_000 });
  // Most drifted first: the airports (Jensen-Shannon), then delay and distance (Wasserstein).
  await expect(rows.nth(0)).toContainText('origin');
  await expect(rows.nth(0)).toContainText('Jensen-Shannon distance');
  await expect(rows.nth(0)).toContainText('drift when score ≥ 0.1');
  await expect(rows.nth(0)).toContainText('Drifted');
  await expect(rows.nth(3)).toContainText('distance');
  await expect(rows.nth(3)).toContainText('No drift');
  await expect(page.getByTestId('drift-share')).toContainText('2 of 4 columns drifted — share 0.5');
  await expect(page.getByTestId('drift-skipped')).toContainText('date: a time column');
  const overlay = page.getByTestId('drift-overlay');
  await expect(overlay).toContainText('origin');
  await expect(overlay.locator('.recharts-bar-rectangle').first()).toBeVisible();

  await rows.nth(2).getByRole('button').click();
  await expect(overlay).toContainText(/delay|distance/);
  await keepScreenshot(page, testInfo, 'drift-compare');

  // Again: the same bytes and options come from the SQLite cache.
  await page.getByTestId('drift-compare').click();
  await expect(page.getByTestId('drift-report')).toContainText('from the cache');

  await page.getByTestId('drift-reference-path').fill('/nowhere/reference.csv');
  await expect(page.getByTestId('drift-reference-error')).toContainText('does not exist');
});
