// Alerts and drift on the demo: a critical alert fires, the user silences it from the alert
// (matchers from its labels, a comment, 2 h) and sees it silenced and the silence listed; the
// drift scores tab shows a feature over its threshold with method and threshold beside it.
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

test('silence a firing critical alert from the alert', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await page.getByTestId('nav-alerts').click();
  await expect(page).toHaveURL(/#\/alerts$/);

  const group = page.locator('[data-testid="alert-group"][data-alertname="GPUXidError"]');
  await expect(group.getByTestId('severity-badge')).toHaveText('critical');
  await expect(group).toContainText('XID 48');
  await expect(group.getByRole('link', { name: 'Runbook' })).toBeVisible();
  await keepScreenshot(page, testInfo, 'alerts-firing');

  await group.getByTestId('silence-button').click();
  const dialog = page.getByTestId('silence-dialog');
  await expect(dialog.getByTestId('silence-summary')).toContainText('alertname="GPUXidError"');
  await dialog.getByTestId('silence-comment').fill('GPU drained, NVIDIA ticket 4411 open');
  await expect(dialog.getByTestId('silence-confirm')).toHaveText('Silence for 2 h');
  await dialog.getByTestId('silence-confirm').click();
  await expect(dialog).toBeHidden();

  await expect(group.getByTestId('silenced-badge')).toBeVisible();
  const silence = page.getByTestId('silence-row').first();
  await expect(silence).toContainText('GPU drained, NVIDIA ticket 4411 open');
  await expect(silence).toContainText('active');
  await keepScreenshot(page, testInfo, 'alerts-silenced');
});

test('the drift scores tab shows a feature over its threshold', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await page.getByTestId('nav-drift').click();
  await expect(page.getByRole('tab', { name: 'Scores over time' })).toBeVisible();
  const row = page.getByTestId('drift-row').filter({ hasText: 'transaction_amount' });
  await expect(row).toContainText('Wasserstein (normed)');
  await expect(row).toContainText('threshold 0.1 (drift at or above)');
  await expect(row.getByTestId('drift-alarm')).not.toHaveText('no drift');
  await expect(page.getByTestId('drift-headline')).toContainText('Wasserstein (normed)');
  await expect(page.getByTestId('drift-score-chart')).toBeVisible();
  await keepScreenshot(page, testInfo, 'drift-scores');
  // Hovering the chart reads the score and its threshold at that time.
  await page.getByTestId('drift-score-chart').getByTestId('chart-brush').hover();
  await expect(page.getByTestId('chart-readout')).toContainText('threshold: 0.1');
});
