// The Pipelines page at scale: a simulated cluster with 20,000 pods and 5,000 Argo workflows,
// the bundled host in browser mode, and Chromium on #/pipelines.
// - live: a first launch (empty data folder) until the table shows every workflow;
// - cache: later launches on the same folder with the cluster down, until the table is painted
//   from the last-known state (median of three);
// - watch: workflows created in the cluster, until their row is on screen (p50, p95);
// - host memory: the host process' resident set with the whole fleet watched;
// - kubectl: the same lists fetched by `kubectl get ... -A -o json`, as the yardstick.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { startKubeSimulator, type KubeSimulator } from '../electron/sim/kube/index';
import { chromiumArgs, settledPage } from './chromium';
import { kubectlBinary } from './kube-list';
import { percentile, type BenchRow } from './stats';

const run = promisify(execFile);
const scale = { pods: 20_000, workflows: 5_000 };

interface Console {
  child: ChildProcess;
  url: string;
}

async function startConsole(dataDir: string, workspaceFile: string): Promise<Console> {
  const child = spawn(
    process.execPath,
    [
      'dist-electron/cli.mjs',
      'serve',
      '--workspace',
      workspaceFile,
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s: ${out}`)), 30_000);
    const read = (d: Buffer) => {
      out += d.toString();
      const match = /running at (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
  });
  return { child, url };
}

/** Resolves when the runs count says at least `min` runs are known. */
async function waitForRuns(page: Page, min: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction(
    (least) => {
      const text = document.querySelector('[data-testid="runs-count"]')?.textContent ?? '';
      const total = /of (\d+) runs/.exec(text);
      return total !== null && Number(total[1]) >= least;
    },
    min,
    { timeout, polling: 'raf' },
  );
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

/** A new running workflow, started now, so it sorts to the top of the table. */
function newWorkflow(namespace: string, name: string) {
  // Wall-clock time, as the scale objects use: the newest run sorts to the top of the table.
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: {
      name,
      namespace,
      creationTimestamp: now,
      labels: { 'workflows.argoproj.io/phase': 'Running' },
    },
    spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox' } }] },
    status: { phase: 'Running', startedAt: now, nodes: {} },
  };
}

async function watchLatencies(page: Page, sim: KubeSimulator, count: number): Promise<number[]> {
  const namespace = sim.store.list('argoproj.io/v1alpha1', 'Workflow')[0]?.metadata.namespace;
  if (!namespace) throw new Error('the scale scenario has no workflows');
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const name = `bench-watch-${i.toString().padStart(3, '0')}`;
    const created = Date.now();
    sim.store.apply(newWorkflow(namespace, name));
    const seen = await page.waitForFunction(
      (n) => {
        const rows = document.querySelectorAll('[data-testid="run-row"]');
        for (const row of rows) if (row.textContent?.includes(n)) return Date.now();
        return false;
      },
      name,
      { timeout: 30_000, polling: 'raf' },
    );
    latencies.push(Number(await seen.jsonValue()) - created);
    await new Promise((r) => setTimeout(r, 50));
  }
  return latencies;
}

export async function benchPipelines(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-pipelines-'));
  const sim = await startKubeSimulator({ scenario: 'empty', scale });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const rows: BenchRow[] = [];
  let host: Console | undefined;
  try {
    const kubeconfig = join(dir, 'kubeconfig');
    await sim.writeKubeconfig(kubeconfig);
    const workspaceFile = join(dir, 'scale.yaml');
    writeFileSync(
      workspaceFile,
      [
        'version: 1',
        'name: Scale',
        'connections:',
        `  - { id: scale, name: Scale, kind: kubernetes, kubeconfigPaths: ["${kubeconfig}"], contexts: [sim-viewer] }`,
        '',
      ].join('\n'),
    );
    const dataDir = join(dir, 'data');

    // First launch: nothing cached, everything from the live cluster. Each tab is opened and
    // left to settle before the clock starts: Chromium opening a tab is not the console's start.
    let page = await settledPage(browser);
    let started = performance.now();
    host = await startConsole(dataDir, workspaceFile);
    await page.goto(`${host.url}#/pipelines`);
    await waitForRuns(page, scale.workflows);
    const live = performance.now() - started;
    await new Promise((r) => setTimeout(r, 2_000));
    const latencies = await watchLatencies(page, sim, 40);
    const memory = residentMb(host.child.pid!);
    await page.close();
    host.child.kill('SIGTERM');
    await new Promise((r) => host!.child.once('exit', r));

    // Later launches with the cluster unreachable: the last-known state only. Three of them, as
    // one launch is at the mercy of what else the machine is doing at that moment.
    await sim.stop();
    const cachedTimes: number[] = [];
    for (let launch = 0; launch < 3; launch++) {
      if (launch > 0) {
        host.child.kill('SIGTERM');
        await new Promise((r) => host!.child.once('exit', r));
      }
      page = await settledPage(browser);
      started = performance.now();
      host = await startConsole(dataDir, workspaceFile);
      await page.goto(`${host.url}#/pipelines`);
      await waitForRuns(page, scale.workflows);
      cachedTimes.push(performance.now() - started);
      await page.close();
    }
    const cached = percentile(cachedTimes, 50);

    const kubectl = await kubectlTimes(kubeconfig);
    rows.push(
      {
        name: `pipelines table from cache, ${scale.workflows} workflows (start to paint)`,
        value: cached,
        unit: 'ms',
        target: '< 1000 ms',
        met: cached < 1000,
        note: `cluster down, last-known state; median of 3, best ${Math.round(Math.min(...cachedTimes))} ms`,
      },
      {
        name: 'pipelines table live, first launch (start to paint)',
        value: live,
        unit: 'ms',
        note: `${scale.pods} pods + ${scale.workflows} workflows in the cluster`,
      },
      {
        name: 'watch event to screen, p50',
        value: percentile(latencies, 50),
        unit: 'ms',
        note: `${latencies.length} new workflows`,
      },
      {
        name: 'watch event to screen, p95',
        value: percentile(latencies, 95),
        unit: 'ms',
        target: '< 500 ms',
        met: percentile(latencies, 95) < 500,
      },
      {
        name: 'host resident memory, fleet watched',
        value: memory,
        unit: 'MB',
        target: '< 300 MB',
        met: memory < 300,
      },
      ...kubectl.map((k) => ({
        name: `kubectl get ${k.what} -A -o json`,
        value: k.ms,
        unit: 'ms',
        note: `live paint / kubectl = ${(live / k.ms).toFixed(2)}x`,
      })),
    );
    return rows;
  } finally {
    host?.child.kill('SIGTERM');
    await browser.close();
    await sim.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** kubectl's time for the same lists, on a fresh simulator (the first one was stopped). */
async function kubectlTimes(kubeconfigPath: string): Promise<{ what: string; ms: number }[]> {
  const sim = await startKubeSimulator({ scenario: 'empty', scale });
  try {
    await sim.writeKubeconfig(kubeconfigPath);
    const out: { what: string; ms: number }[] = [];
    for (const what of ['workflows.argoproj.io', 'pods']) {
      const t = performance.now();
      await run(
        kubectlBinary(),
        [
          '--kubeconfig',
          kubeconfigPath,
          '--context',
          'sim-viewer',
          'get',
          what,
          '-A',
          '-o',
          'json',
        ],
        { maxBuffer: 1024 * 1024 * 1024 },
      );
      out.push({ what, ms: performance.now() - t });
    }
    return out;
  } finally {
    await sim.stop();
  }
}
