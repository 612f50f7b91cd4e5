// The morning check on the demo: the Overview's brief lists the demo's failed run, a missed
// schedule and a service that cannot load its model, each linking to its detail; the brief is
// copied as Markdown for the stand-up.
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

test('the brief answers "is everything OK?" and copies as Markdown', async ({
  page,
  context,
}, testInfo) => {
  // The first live brief waits for every cluster's first lists; CI machines are slow.
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(server.launchUrl);
  const brief = page.getByTestId('morning-brief');
  await expect(brief.getByTestId('brief-headline')).toContainText('need a look', {
    timeout: 30_000,
  });
  const failed = brief.getByTestId('brief-failed-runs');
  await expect(failed).toContainText(/churn-batch-scoring-\d+ failed at validate-schema/);
  const missed = brief.getByTestId('brief-missed-schedules');
  await expect(missed).toContainText('fraud-feature-snapshot missed its run');
  await expect(brief.getByTestId('brief-stale-models')).toContainText('ranking-model is stale');
  const notReady = brief.getByTestId('brief-services-not-ready');
  await expect(notReady).toContainText('ranking-model is not ready (RevisionFailed)');
  await keepScreenshot(page, testInfo, 'overview-morning-brief');

  await brief.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain('### Missed schedules');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^## Morning brief — /);
  expect(markdown).toMatch(
    /fraud-feature-snapshot missed its run — demo-[\w-]+ \/ fraud-detection/,
  );
  expect(markdown).toMatch(/ranking-model is not ready \(RevisionFailed\)/);

  await missed.getByRole('link', { name: 'fraud-feature-snapshot missed its run' }).click();
  await expect(page).toHaveURL(/#\/schedules\?schedule=/);
  const row = page.locator('[data-testid="schedule-row"][aria-selected="true"]');
  await expect(row).toContainText('fraud-feature-snapshot');
  await expect(row).toContainText('Missed');
  await keepScreenshot(page, testInfo, 'schedules');

  await page.getByTestId('nav-overview').click();
  await notReady.getByRole('link', { name: /ranking-model is not ready/ }).click();
  await expect(page).toHaveURL(/#\/serving\?service=/);
  const service = page.locator('[data-testid="service-row"][aria-selected="true"]');
  await expect(service).toContainText('Not ready: RevisionFailed');
  await expect(service).toContainText('size mismatch');
  await keepScreenshot(page, testInfo, 'serving');
});
