// The audit trail, by clicking: a connection added in the demo shows on the Audit page with who,
// what and the new value, the chain verifies, and a filtered export downloads exactly that row.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startConsoleServer, type ConsoleServer } from './support/console-server';
import { keepScreenshot } from './support/screenshots';

let server: ConsoleServer;

test.beforeAll(async () => {
  server = await startConsoleServer({ args: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

test('a connection edit appears in the audit log, verified and exportable', async ({
  page,
}, testInfo) => {
  await page.goto(server.launchUrl);
  await page.goto(`${server.url}/#/settings`);
  await page.getByTestId('add-connection').click();
  const form = page.getByTestId('connection-form');
  await form.getByTestId('field-kind').selectOption('mlflow');
  await form.getByTestId('field-id').fill('audit-e2e-registry');
  await form.getByTestId('field-name').fill('Registry for the audit check');
  await form.getByTestId('field-trackingUri').fill('http://127.0.0.1:9/');
  await form.getByTestId('form-save').click();
  await expect(page.getByTestId('connection-row-audit-e2e-registry')).toBeVisible();

  await page.getByTestId('nav-audit').click();
  await expect(page).toHaveURL(/#\/audit/);
  await expect(page.getByTestId('audit-result')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('audit-result')).toContainText('Chain verified');
  const row = page.getByTestId('audit-row').filter({ hasText: 'audit-e2e-registry' });
  await expect(row).toContainText('connection.create');
  await keepScreenshot(page, testInfo, 'audit-log');

  await row.click();
  await expect(page.getByTestId('audit-detail')).toContainText('http://127.0.0.1:9/');

  await page.getByTestId('audit-filter-action').fill('connection.create');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export-jsonl').click();
  const file = await (await download).path();
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({
    action: 'connection.create',
    target: expect.stringContaining('audit-e2e-registry'),
  });
});
