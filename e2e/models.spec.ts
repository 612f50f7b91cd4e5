// The registry view on the demo: open Models, open fraud-detector, open the challenger version,
// see its run, datasets and pipeline run, compare it with the champion and see where it serves.
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

test('from the model list to the challenger beside the champion', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.getByTestId('nav-models').click();
  await expect(page).toHaveURL(/#\/models$/);

  const row = page.getByTestId('model-row-fraud-detector');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('alias-champion')).toHaveText('champion → v3');
  await expect(page.getByTestId('models-table').locator('tbody tr')).toHaveCount(3);

  await page.getByRole('searchbox', { name: 'Search models by name' }).fill('churn');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('models-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('model-row-churn-model')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search models by name' }).fill('');
  await page.getByRole('button', { name: 'Search' }).click();
  await keepScreenshot(page, testInfo, 'models-list');

  await page.getByRole('link', { name: 'fraud-detector' }).click();
  await expect(page).toHaveURL(/#\/models\/fraud-detector$/);
  const challengerRow = page.getByTestId('version-row-4');
  await expect(challengerRow.getByTestId('alias-challenger')).toBeVisible();
  await expect(page.getByTestId('version-row-3').getByTestId('alias-champion')).toBeVisible();
  await expect(challengerRow).toContainText('fraud-detector-shadow');
  await keepScreenshot(page, testInfo, 'models-model');

  await challengerRow.getByRole('link', { name: 'v4' }).click();
  await expect(page).toHaveURL(/#\/models\/fraud-detector\/versions\/4$/);
  await expect(page.getByTestId('pipeline-run')).toHaveText(
    'ml-pipelines/fraud-detector-train-d9r5v',
  );
  await expect(page.getByTestId('params-table')).toContainText('n_estimators');
  await expect(page.getByTestId('metrics-table')).toContainText('auc');
  await expect(page.getByTestId('metric-chart')).toBeVisible();
  await expect(page.getByTestId('datasets-table')).toContainText('fraud-transactions-train');
  await expect(page.getByTestId('datasets-table')).toContainText('8e6b3d29');

  const serving = page.getByTestId('serving');
  await expect(serving.getByTestId('serving-fraud-detection-fraud-detector-shadow')).toContainText(
    'models:/fraud-detector/4',
  );

  await keepScreenshot(page, testInfo, 'models-version');

  await page.getByRole('button', { name: 'Compare with champion' }).click();
  const comparison = page.getByTestId('comparison');
  await expect(comparison).toContainText('against champion v3');
  await expect(comparison.getByTestId('compare-metric-auc')).toBeVisible();
  await expect(comparison.getByTestId('comparison-datasets')).toContainText('c40e8a15');
  await expect(comparison.getByTestId('metric-chart')).toBeVisible();
  await comparison.scrollIntoViewIfNeeded();
  await keepScreenshot(page, testInfo, 'models-version-compare');
});
