// The console against real systems: MLflow (pinned, from PyPI, basic auth, seeded by MLflow's own
// client), Prometheus with the recorded GPU trace and Alertmanager from Debian, and the Kubernetes
// simulator, whose service proxy carries the console to Prometheus with the kubeconfig's own
// credentials. The user registers the workspace file, switches to it, and tests connections.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startKubeSimulator, type KubeSimulator } from '../electron/sim/kube/index';
import { startMlflow, type MlflowServer } from '../test/services/mlflow';
import { freePort } from '../test/services/ports';
import {
  startAlertmanager,
  startPrometheus,
  type RunningAlertmanager,
  type RunningPrometheus,
} from '../test/services/prometheus';
import { startConsoleServer, type ConsoleServer } from './support/console-server';
import { keepScreenshot } from './support/screenshots';

let mlflow: MlflowServer;
let prometheus: RunningPrometheus;
let alertmanager: RunningAlertmanager;
let kube: KubeSimulator;
let server: ConsoleServer;
let workspaceFile: string;
let wrongTokenKubeconfig: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  [mlflow, prometheus, alertmanager, kube] = await Promise.all([
    startMlflow({ seed: true, basicAuth: true }),
    startPrometheus({ gpuTrace: true }),
    startAlertmanager(),
    startKubeSimulator({ scenario: 'ml-platform' }),
  ]);
  kube.setServiceProxyTarget('monitoring/prometheus:9090', prometheus.url);
  const dir = mkdtempSync(join(tmpdir(), 'console-real-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await kube.writeKubeconfig(kubeconfig, { contextPrefix: 'lab' });
  wrongTokenKubeconfig = join(dir, 'wrong-token.kubeconfig');
  writeFileSync(
    wrongTokenKubeconfig,
    kube
      .kubeconfig({ contextPrefix: 'stale' })
      .replaceAll(kube.tokens.viewer, 'expired-or-wrong-token'),
  );
  workspaceFile = join(dir, 'lab.yaml');
  writeFileSync(
    workspaceFile,
    [
      'version: 1',
      'name: ML lab (real services)',
      'connections:',
      '  - id: lab-cluster',
      '    name: Lab cluster',
      '    kind: kubernetes',
      `    kubeconfigPaths: [${JSON.stringify(kubeconfig)}]`,
      '  - id: lab-mlflow',
      '    name: Lab MLflow',
      '    kind: mlflow',
      `    trackingUri: ${mlflow.url}`,
      '    auth:',
      '      type: basic',
      `      username: ${mlflow.adminUser}`,
      '      password: { env: E2E_MLFLOW_PASSWORD }',
      '  - id: lab-prometheus',
      '    name: Lab Prometheus',
      '    kind: prometheus',
      '    viaKubernetes: { context: lab-operator, namespace: monitoring, service: prometheus, port: 9090 }',
      '  - id: lab-alertmanager',
      '    name: Lab Alertmanager',
      '    kind: alertmanager',
      `    url: ${alertmanager.url}`,
      '',
    ].join('\n'),
  );
  server = await startConsoleServer({ env: { E2E_MLFLOW_PASSWORD: mlflow.adminPassword } });
});

test.afterAll(async () => {
  await Promise.allSettled([
    server?.stop(),
    mlflow?.stop(),
    prometheus?.stop(),
    alertmanager?.stop(),
    kube?.stop(),
  ]);
});

test('switches to a workspace of real services and shows their figures', async ({
  page,
}, testInfo) => {
  await page.goto(server.launchUrl);
  await page.goto(`${server.url}/#/settings`);
  await page.getByTestId('workspace-file-path').fill(workspaceFile);
  await page.getByTestId('workspace-add-file').click();
  await page.locator('[data-testid^="workspace-open-file-"]').first().click();

  await expect(page.getByTestId('demo-banner')).toBeHidden();
  await page.goto(`${server.url}/#/`);
  for (const id of ['lab-cluster', 'lab-mlflow', 'lab-prometheus', 'lab-alertmanager']) {
    await expect(page.getByTestId(`source-status-${id}`)).toHaveAttribute('data-state', 'ok', {
      timeout: 30_000,
    });
  }
  // Three models seeded through MLflow's Python client; one GPU in the recorded trace.
  await expect(page.getByTestId('source-card-lab-mlflow')).toContainText('MLflow 3.17.2');
  await expect(page.getByTestId('headline-total-models')).toContainText('3');
  await expect(page.getByTestId('source-card-lab-prometheus')).toContainText('Prometheus 2.42');
  await keepScreenshot(page, testInfo, 'overview-real-services');
});

test('"Test connection" tells wrong credentials from a dead port', async ({ page }, testInfo) => {
  await page.goto(server.launchUrl);
  await page.goto(`${server.url}/#/settings`);

  await page.getByTestId('add-connection').click();
  const form = page.getByTestId('connection-form');
  await form.getByTestId('field-kind').selectOption('mlflow');
  await form.getByTestId('field-id').fill('wrong-password');
  await form.getByTestId('field-name').fill('MLflow with a wrong password');
  await form.getByTestId('field-trackingUri').fill(mlflow.url);
  // MLflow's basic-auth app answers a bearer token with a 500, so the wrong credential is a password.
  await form.getByTestId('field-auth-type').selectOption('basic');
  await form.getByTestId('field-username').fill(mlflow.adminUser!);
  await form.getByTestId('field-password').fill('not-the-password');
  await form.getByTestId('form-test').click();
  await expect(form.getByTestId('test-result').first()).toHaveAttribute(
    'data-status',
    'unauthorized',
  );
  await keepScreenshot(page, testInfo, 'settings-test-unauthorized');

  // A bearer token the cluster does not know.
  await form.getByTestId('field-kind').selectOption('kubernetes');
  await form.getByTestId('field-id').fill('stale-token');
  if (!(await form.getByTestId('field-kubeconfigPaths-0').isVisible()))
    await form.getByTestId('field-kubeconfigPaths-add').click();
  await form.getByTestId('field-kubeconfigPaths-0').fill(wrongTokenKubeconfig);
  await form.getByTestId('field-contexts-add').click();
  await form.getByTestId('field-contexts-0').fill('stale-viewer');
  await form.getByTestId('form-test').click();
  await expect(form.getByTestId('test-result').first()).toHaveAttribute(
    'data-status',
    'unauthorized',
  );
  await keepScreenshot(page, testInfo, 'settings-test-wrong-token');

  await form.getByTestId('field-kind').selectOption('mlflow');
  await form.getByTestId('field-id').fill('dead-port');
  const deadPort = await freePort();
  await form.getByTestId('field-trackingUri').fill(`http://127.0.0.1:${deadPort}`);
  await form.getByTestId('form-test').click();
  await expect(form.getByTestId('test-result').first()).toHaveAttribute(
    'data-status',
    'unreachable',
  );
  await keepScreenshot(page, testInfo, 'settings-test-unreachable');
});
