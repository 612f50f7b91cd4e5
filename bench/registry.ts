// A registry of 500 models x 50 versions (the MLflow simulator, seeded programmatically): the
// model list, a model's page (its versions) and a version's page, painted in Chromium against the
// real host in browser mode. Live = first visit, answered by the registry; from cache = the
// registry stopped and the page reloaded, so only the host's last-known snapshot can paint.
// Timed inside the page: from the route change to the first frame with the rows in the DOM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startConsoleServer } from '../e2e/support/console-server';
import { demoRegistry, startMlflowSimulator } from '../electron/sim/mlflow/index';
import type { RegistryState } from '../electron/sim/mlflow/registry-state';
import { demoRunRecord } from '../electron/sim/mlflow/seed';
import { chromiumArgs } from './chromium';
import { median, percentile, type BenchRow } from './stats';

const models = 500;
const versions = 50;
/** Models whose pages are opened; each is a first (live) visit once. */
const measured = Array.from({ length: 5 }, (_, i) => modelName(i * 97));

function modelName(i: number): string {
  return `bench-model-${String(i).padStart(3, '0')}`;
}

function seedLargeRegistry(state: RegistryState): void {
  const experiment = state.createExperiment('bench', new Map()).experiment_id;
  const template = demoRegistry.registeredModels[0]!.versions[0]!.run;
  for (let m = 0; m < models; m++) {
    const name = modelName(m);
    state.createRegisteredModel(
      name,
      `Model ${m} of the benchmark`,
      new Map([['team', `t${m % 12}`]]),
    );
    for (let v = 1; v <= versions; v++) {
      // Only the pages we open need a run behind their versions.
      const run =
        measured.includes(name) && v === versions
          ? demoRunRecord(template, experiment, Date.now())
          : undefined;
      if (run) state.addRun(run);
      state.createModelVersion({
        name,
        source: `models:/${name}/${v}`,
        ...(run ? { run_id: run.run_id } : {}),
        tags: new Map([['stage', v % 2 ? 'candidate' : 'validated']]),
      });
    }
    state.setAlias(name, 'champion', String(versions - 1));
    state.setAlias(name, 'challenger', String(versions));
  }
}

const views = (name: string) => [
  { view: 'model list', hash: '#/models', selector: '[data-testid="models-table"] tbody tr' },
  {
    view: 'model page (50 versions)',
    hash: `#/models/${name}`,
    selector: `[data-testid="version-row-${versions}"]`,
  },
  {
    view: 'version page',
    hash: `#/models/${name}/versions/${versions}`,
    selector: '[data-testid="version-facts"]',
  },
];

/** Milliseconds from setting the route to the first frame after `selector` is in the DOM. */
function paintTime(page: Page, hash: string, selector: string): Promise<number> {
  // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
  return page.evaluate(`new Promise((resolve, reject) => {
    const selector = ${JSON.stringify(selector)};
    const started = performance.now();
    let observer;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(selector + ' did not appear in 30 s'));
    }, 30000);
    const found = () => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - started));
    };
    observer = new MutationObserver(found);
    observer.observe(document.body, { childList: true, subtree: true });
    location.hash = ${JSON.stringify(hash)};
    found();
  })`);
}

async function toOverview(page: Page): Promise<void> {
  await page.evaluate("location.hash = '#/overview'");
  await page.getByRole('heading', { name: 'Overview' }).first().waitFor();
}

export async function benchRegistry(): Promise<BenchRow[]> {
  const registry = await startMlflowSimulator({ seed: false });
  const seedStart = performance.now();
  seedLargeRegistry(registry.state);
  const seedMs = performance.now() - seedStart;
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-registry-'));
  const workspace = join(dir, 'bench.yaml');
  writeFileSync(
    workspace,
    `version: 1\nname: Bench\nconnections:\n  - { id: registry, name: Registry, kind: mlflow, trackingUri: "${registry.url}" }\n`,
  );
  const server = await startConsoleServer({ args: ['--workspace', workspace] });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const live = new Map<string, number[]>();
  const cached = new Map<string, number[]>();
  const record = (into: Map<string, number[]>, view: string, ms: number) =>
    into.set(view, [...(into.get(view) ?? []), ms]);
  let registryUp = true;
  try {
    const page = await browser.newPage();
    await page.goto(server.launchUrl);
    // The address is printed as the port opens, before the host has loaded; the clock is for
    // the registry's pages, so it starts once the Overview shows the registry's figures.
    await page.getByTestId('headline-total-models').filter({ hasText: '500' }).waitFor();
    for (const [i, name] of measured.entries()) {
      for (const { view, hash, selector } of views(name)) {
        // The list is the same for every model: only its first visit is live, later ones would
        // be the page's own memory.
        if (i > 0 && view === 'model list') continue;
        await toOverview(page);
        record(live, view, await paintTime(page, hash, selector));
      }
    }
    await registry.stop();
    registryUp = false;
    for (const name of measured) {
      await page.reload();
      for (const { view, hash, selector } of views(name)) {
        await toOverview(page);
        record(cached, view, await paintTime(page, hash, selector));
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    if (registryUp) await registry.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const rows: BenchRow[] = [];
  for (const [how, into, limit] of [
    ['from cache', cached, 300],
    ['live', live, 1000],
  ] as const) {
    for (const [view, times] of into) {
      const p95 = percentile(times, 95);
      rows.push({
        name: `registry ${models}x${versions}: ${view} painted, ${how}`,
        value: median(times),
        unit: 'ms',
        target: `< ${limit} ms`,
        met: median(times) < limit,
        note: `median of ${times.length}, worst ${p95.toFixed(0)} ms`,
      });
    }
  }
  rows.push({
    name: `registry ${models}x${versions}: seeding the simulator (setup)`,
    value: seedMs,
    unit: 'ms',
  });
  return rows;
}
