// The GPUs page on the demo: the fleet's nodes and GPUs with readings and the pods holding them,
// utilisation over time on the shared chart (range picker, compare, brush zoom), allocated-but-
// idle GPUs with their cost, cost per namespace, and the inference health tab.
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

test('the GPU fleet, its chart, idle GPUs and cost', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await page.getByTestId('nav-gpus').click();
  await expect(page).toHaveURL(/#\/gpus$/);

  const rows = page.getByTestId('gpu-row');
  // The demo's simulators start on first use: the first answer can take a while.
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  expect(await rows.count()).toBeGreaterThanOrEqual(8);
  await expect(page.getByTestId('gpu-table')).toContainText('NVIDIA');
  // Some GPUs are held by the demo's training pods, some of those idle.
  await expect(page.getByTestId('gpu-table')).toContainText('search-ranking/');

  const chart = page.getByTestId('signal-chart-gpu.utilisation');
  // The lines are drawn on a canvas, which says how many it drew.
  await expect(chart.getByTestId('chart-lines')).toHaveAttribute('data-drawn', /^[1-9]/, {
    timeout: 30_000,
  });
  await chart.getByRole('button', { name: '15m' }).click();
  await chart.getByLabel('Compare with previous period').check();
  await expect(chart.getByText('dashed: previous period')).toBeVisible();
  // Brush: drag across the plot to zoom into a fixed window.
  const brush = chart.getByTestId('chart-brush');
  const box = (await brush.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(chart.getByTestId('time-range-fixed')).toBeVisible();
  await keepScreenshot(page, testInfo, 'gpus-fleet');
  await chart.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(chart.getByTestId('time-range-fixed')).toBeHidden();

  await page.getByTestId('gpus-tab-cost').click();
  await expect(page.getByTestId('idle-gpus')).toContainText('per GPU-hour');
  await expect(page.getByTestId('cost-namespace').locator('tbody tr').first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'gpus-idle-cost');

  await page.getByTestId('gpus-tab-inference').click();
  await expect(page.getByTestId('inference-health')).toBeVisible();
  await expect(page.getByTestId('inference-health')).not.toContainText('Something went wrong');
  // The demo's mesh reports request metrics per KServe revision and model Deployment; the first
  // InferenceService is degraded (its latency alert fires): p95 well over its 500 ms objective.
  const fraud = page
    .getByTestId('inference-table')
    .locator('tr', { hasText: 'fraud-detection/fraud-detector fraud-detector-predictor-' });
  await expect(fraud).toContainText('fraud-detector v3', { timeout: 30_000 });
  const cells = fraud.locator('td');
  await expect(cells.nth(2)).toHaveText(/^\d+\.\d\d$/);
  await expect(cells.nth(3)).toHaveText(/^\d+(\.\d+)? %$/);
  expect(Number(await cells.nth(5).textContent())).toBeGreaterThan(500);
  await expect(page.getByTestId('inference-table')).toContainText(
    'recommendations/churn-model-api',
  );
  await keepScreenshot(page, testInfo, 'gpus-inference');
});
