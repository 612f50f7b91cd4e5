// The headline journey on the demo, by clicking: as the operator, approve churn-model v3, see its
// gates pass, promote it to champion (the plan first, then each step live), then roll it back,
// and find both in the audit log.
import { expect, test, type Page } from '@playwright/test';
import { startConsoleServer, type ConsoleServer } from './support/console-server';
import { keepScreenshot } from './support/screenshots';

let server: ConsoleServer;

test.beforeAll(async () => {
  server = await startConsoleServer({ args: ['--demo'] });
});
test.afterAll(async () => {
  await server?.stop();
});

async function actAsOperator(page: Page): Promise<void> {
  // The demo opens read-only (demo-viewer); the operator context may patch serving objects.
  await page.getByTestId('context-switcher').click();
  // The choice is saved by the host before the box shows it: click, then wait for the state.
  const operator = page.getByTestId('context-option-demo-operator');
  await operator.click();
  await expect(operator).toBeChecked();
  const viewer = page.getByTestId('context-option-demo-viewer');
  await viewer.click();
  await expect(viewer).not.toBeChecked();
  await page.keyboard.press('Escape');
}

test('approve, promote and roll back churn-model by clicking', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(server.launchUrl);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await actAsOperator(page);

  await page.goto(`${server.launchUrl}#/models/churn-model/versions/3`);
  const approvals = page.getByTestId('approvals-panel');
  await expect(approvals.getByTestId('approval-status')).toHaveText('pending');
  await approvals.getByRole('button', { name: 'Approve' }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await confirm.getByTestId('approval-reason').fill('Holdout recall gain confirmed.');
  await confirm.getByTestId('confirm').click();
  await expect(approvals.getByTestId('approval-status')).toHaveText('approved');
  await expect(page.getByTestId('gate-checklist').getByTestId('gates-summary')).toContainText(
    'All gates passed',
  );

  // Promote: the plan says exactly what moves before anything does.
  const promote = page.getByTestId('promote-button');
  await expect(promote).toBeEnabled({ timeout: 30_000 });
  await promote.click();
  const dialog = page.getByTestId('promotion-dialog');
  await expect(dialog.getByTestId('promotion-alias-move')).toContainText('2');
  await expect(dialog.getByTestId('promotion-alias-move')).toContainText('3');
  await expect(dialog.getByTestId('promotion-confirm')).toBeDisabled();
  await dialog.getByTestId('promotion-reason').fill('CHG-1042: monthly churn model refresh');
  await keepScreenshot(page, testInfo, 'promotion-plan');
  await dialog.getByTestId('promotion-confirm').click();
  await expect(dialog.getByTestId('promotion-steps')).toBeVisible();
  await expect(dialog.getByTestId('promotion-result')).toHaveAttribute('data-result', 'ok', {
    timeout: 150_000,
  });
  await keepScreenshot(page, testInfo, 'promotion-done');
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  // Roll back to the previous champion, known from the history the console recorded.
  await page.goto(`${server.launchUrl}#/models/churn-model`);
  const rollback = page.getByTestId('rollback-button');
  await expect(rollback).toContainText('v3 → v2', { timeout: 30_000 });
  await expect(rollback).toBeEnabled();
  await rollback.click();
  const back = page.getByTestId('promotion-dialog');
  await back.getByTestId('promotion-reason').fill('Latency regression after the refresh');
  await back.getByTestId('promotion-confirm').click();
  await expect(back.getByTestId('promotion-result')).toHaveAttribute('data-result', 'ok', {
    timeout: 150_000,
  });
  await keepScreenshot(page, testInfo, 'rollback-done');
  await back.getByRole('button', { name: 'Close' }).last().click();

  // Both are in the audit log, and the chain still verifies.
  await page.getByTestId('nav-audit').click();
  await expect(page.getByText('Intact', { exact: false }).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('CHG-1042: monthly churn model refresh').first()).toBeVisible();
  await expect(page.getByText('Latency regression after the refresh').first()).toBeVisible();
});
