// The morning check of pipelines on the demo: open Pipelines, see last night's failures with
// their causes, open one and read its failed step and the tail of its log.
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

test('shows failed runs with classified causes and a run in detail', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.getByTestId('nav-pipelines').click();
  await expect(page).toHaveURL(/#\/pipelines/);

  await expect(page.getByTestId('cluster-state').first()).toContainText('live');
  const causes = page.getByTestId('run-cause');
  // Runs stuck pending say why (a bad image tag, an exhausted quota).
  await expect(causes.filter({ hasText: 'Image pull' }).first()).toBeVisible();
  await expect(causes.filter({ hasText: 'Quota exceeded' }).first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'pipelines-demo');

  await page.getByLabel('Status').selectOption('Failed');
  await expect(causes.filter({ hasText: 'Out of memory' }).first()).toBeVisible();
  await expect(causes.filter({ hasText: 'Backoff limit' }).first()).toBeVisible();
  await expect(causes.filter({ hasText: 'Deadline' }).first()).toBeVisible();
  const scoring = page.getByRole('row', { name: /recommendations\/churn-batch-scoring/ }).first();
  await scoring.click();
  const detail = page.getByTestId('run-detail');
  await expect(detail.getByTestId('run-cause-detail')).toContainText('Data error');
  await expect(detail.getByTestId('failed-step')).toContainText('validate-schema');
  await expect(detail.getByTestId('log-tail')).toContainText('SchemaErrors');
  await keepScreenshot(page, testInfo, 'pipelines-run-detail');
});

test('a running workflow that runs out of memory turns up failed, classified, without a reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(server.launchUrl);
  await page.getByTestId('nav-pipelines').click();
  const row = page.getByRole('row', { name: 'search-ranking/ranking-model-train-manual-x7k2p' });
  await expect(row).toBeVisible();
  // The demo's timeline fails this run's training step with OOMKilled 45 s after start.
  await expect(row.getByTestId('run-cause')).toHaveText('Out of memory', { timeout: 60_000 });
  await expect(row).toContainText('Failed');
  await expect(row).toContainText('in train');
  await keepScreenshot(page, testInfo, 'pipelines-live-oom');
});
