// A new user's first minute: `npm run serve` opens the demo workspace, every source is live, the
// views render in both themes, and one click leaves the demo.
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

test('opens on the demo workspace with every source connected', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  // The launch token was traded for a cookie and is gone from the address bar.
  expect(page.url()).not.toContain('token=');

  for (const id of ['demo-cluster', 'demo-registry', 'demo-prometheus', 'demo-alertmanager']) {
    await expect(page.getByTestId(`source-card-${id}`)).toBeVisible();
    await expect(page.getByTestId(`source-status-${id}`)).toHaveAttribute('data-state', 'ok');
  }
  await expect(page.getByTestId('headline-total-models')).toContainText('3');
  await expect(page.getByTestId('headline-total-gpus')).toContainText('48');
  await expect(page.getByTestId('headline-total-targets')).toContainText('7');
  await expect(page.getByTestId('source-card-demo-alertmanager')).toContainText('3');
  await keepScreenshot(page, testInfo, 'overview-demo-light');
});

test('navigates by keyboard and switches theme', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page).toHaveURL(/#\/settings/);
  await expect(page.getByTestId('connection-row-demo-registry')).toBeVisible();
  await keepScreenshot(page, testInfo, 'settings-demo');

  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page.getByTestId('source-card-demo-cluster')).toBeVisible();
  await keepScreenshot(page, testInfo, 'overview-demo-dark');

  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toBeHidden();
});

test('tests a demo connection from Settings', async ({ page }) => {
  await page.goto(server.launchUrl);
  await page.goto(`${server.url}/#/settings`);
  await page.getByTestId('connection-test-demo-cluster').click();
  const results = page.getByTestId('test-result');
  await expect(results.first()).toHaveAttribute('data-status', 'ok');
});

test('leaves the demo in one click', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await page.getByTestId('leave-demo').click();
  await expect(page.getByTestId('demo-banner')).toBeHidden();
  await expect(page.getByTestId('workspace-switcher')).toContainText('My environment');
  await keepScreenshot(page, testInfo, 'overview-local');
});

test('stops on Ctrl+C at once, even while its pages start their watches', async ({ page }) => {
  // A console of its own: this one is stopped mid-start. The pages below start cluster watches
  // whose client loads lazily; a Ctrl+C in between once left them retrying, and the process up.
  const own = await startConsoleServer({ args: ['--demo'] });
  try {
    await page.goto(`${own.launchUrl}#/schedules`);
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    for (const route of ['pipelines', 'serving', 'overview']) {
      await page.evaluate((hash) => (location.hash = hash), `#/${route}`);
    }
    await page.waitForTimeout(1_500);
    const { exitedAfterMs, code } = await own.interrupt(8_000);
    expect(exitedAfterMs, `still running 8 s after SIGINT:\n${own.output()}`).toBeDefined();
    expect(code).toBe(0);
  } finally {
    await own.stop();
  }
});
