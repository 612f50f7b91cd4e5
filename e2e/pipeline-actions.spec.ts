// Acting on a pipeline on the demo: as the operator, retry last night's failed training workflow
// from its run detail (confirmed in a dialog) and see it running again, live.
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

test('retries a failed workflow after confirming, and it runs again', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(server.launchUrl);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  // The demo opens as a viewer; the operator context may act on pipelines.
  await page.getByTestId('context-switcher').click();
  // The choice is saved by the host before the box shows it: click, then wait for the state.
  const operator = page.getByTestId('context-option-demo-operator');
  await operator.click();
  await expect(operator).toBeChecked();
  const viewer = page.getByTestId('context-option-demo-viewer');
  await viewer.click();
  await expect(viewer).not.toBeChecked();
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-pipelines').click();
  await expect(page.getByTestId('cluster-state').first()).toContainText('live');
  await page.getByLabel('Status').selectOption('Failed');
  const row = page
    .getByRole('row', { name: /fraud-detection\/fraud-detector-nightly-train/ })
    .first();
  await row.click();
  const detail = page.getByTestId('run-detail');
  await expect(detail.getByTestId('run-cause-detail')).toContainText('Out of memory');
  await expect(detail.getByTestId('step-dag').getByTestId('failed-step')).toContainText('train');
  await keepScreenshot(page, testInfo, 'pipelines-run-dag');
  await detail.getByRole('button', { name: 'Timeline' }).click();
  await expect(detail.getByTestId('step-gantt').getByTestId('failed-step')).toContainText('train');
  await keepScreenshot(page, testInfo, 'pipelines-run-gantt');

  const retry = detail.getByTestId('action-retry');
  await expect(retry).toBeEnabled();
  await retry.click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('the steps that succeeded are kept');
  await keepScreenshot(page, testInfo, 'pipelines-retry-confirm');
  await dialog.getByTestId('confirm').click();
  await expect(dialog).toBeHidden();

  await expect(detail.locator('.run-meta')).toContainText('Running', { timeout: 30_000 });
  // Running again: retry no longer applies, and says why.
  await expect(detail.getByTestId('action-retry')).toBeDisabled();
  await expect(detail.getByTestId('action-reasons')).toContainText('only a failed workflow');
  await keepScreenshot(page, testInfo, 'pipelines-retried');
});
