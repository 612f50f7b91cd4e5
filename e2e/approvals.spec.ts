// Approving a candidate in the demo by clicking: the gates checklist with its figures, the
// request a teammate left in the registry, a reason required, and the version approved.
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

test('approve churn-model v3 and see its gates pass', async ({ page }, testInfo) => {
  await page.goto(`${server.launchUrl}#/models/churn-model/versions/3`);
  const approvals = page.getByTestId('approvals-panel');
  await expect(approvals.getByTestId('approval-status')).toHaveText('pending');
  await expect(approvals.getByTestId('approval-request')).toContainText('sofia.romero');
  await expect(approvals.getByTestId('approval-identity')).toContainText('kube context');

  const gates = page.getByTestId('gate-checklist');
  await expect(gates.getByTestId('gate-row')).toHaveCount(3);
  await expect(gates.getByTestId('gates-summary')).toContainText('Blocked by 1');
  await expect(gates.getByTestId('gate-row').first()).toContainText('0.845');

  await approvals.getByRole('button', { name: 'Approve' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.getByTestId('approval-reason').fill('Recall gain confirmed on the holdout.');
  await keepScreenshot(page, testInfo, 'approvals-dialog');
  await dialog.getByTestId('confirm').click();

  await expect(approvals.getByTestId('approval-status')).toHaveText('approved');
  await expect(approvals.getByTestId('approval-votes')).toContainText(
    'Recall gain confirmed on the holdout.',
  );
  await expect(approvals.getByRole('button', { name: 'Approve' })).toBeDisabled();
  await expect(gates.getByTestId('gates-summary')).toContainText('All gates passed');
  await keepScreenshot(page, testInfo, 'approvals-approved');
});

test("a firing drift alarm blocks fraud-detector v4's gates", async ({ page }) => {
  await page.goto(`${server.launchUrl}#/models/fraud-detector/versions/4`);
  const gates = page.getByTestId('gate-checklist');
  const drift = gates.locator('[data-testid="gate-row"]', { hasText: 'No drift alarm firing' });
  await expect(drift).toHaveAttribute('data-gate-status', 'failed');
  await expect(drift).toContainText('FeatureDriftDetected');
  await expect(gates.getByTestId('gates-summary')).toContainText('Blocked by');
});
