// A real Prometheus (Debian's 2.42) loaded with the recorded GPU trace, and a real Alertmanager,
// each on a free loopback port in a throwaway folder. The trace is shifted to end a minute
// before now, so the server keeps it and queries "over the last hour" find it.
//
// As a command (for the end-to-end setup):  npx tsx test/services/prometheus.ts
// prints {"prometheusUrl", "alertmanagerUrl", "traceWindow"} on one line and runs until stopped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, waitFor } from './ports';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface PrometheusOptions {
  /** Load the recorded GPU trace (default true). */
  gpuTrace?: boolean;
  /** More OpenMetrics samples (with their own timestamps) loaded next to the trace. */
  extraOpenMetrics?: string;
  /** A rule file's YAML (groups: ...). */
  rules?: string;
  /** Where firing alerts go, e.g. a startAlertmanager() url. */
  alertmanagerUrl?: string;
}

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
  /** Where the GPU trace's first and last samples landed. */
  traceWindow?: { start: Date; end: Date };
}

export interface RunningAlertmanager {
  url: string;
  stop(): Promise<void>;
}

export interface TestAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

/** The GPU fixtures: $CONSOLE_FIXTURES_DIR, else shared/fixtures/gpu beside the repository. */
export function gpuFixturesDir(): string {
  return process.env.CONSOLE_FIXTURES_DIR ?? path.resolve(repoRoot, '../shared/fixtures/gpu');
}

/** A binary on PATH, or an error that says which Debian package provides it. */
function requireBinary(names: string[], debianPackage: string): string {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const candidate = path.join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  throw new Error(
    `${names[0]} is not installed: install the Debian package with \`sudo apt-get install -y ${debianPackage}\``,
  );
}

/**
 * Shifts every sample of an OpenMetrics text by shiftMs. Timestamps are written so that
 * Prometheus' parser, which truncates seconds*1000 to an integer, reads back the intended ms.
 */
export function shiftOpenMetrics(
  text: string,
  shiftMs: number,
): { text: string; firstMs: number; lastMs: number } {
  let firstMs = Infinity;
  let lastMs = -Infinity;
  const lines = text.split('\n').filter((line) => line.trim() !== '# EOF');
  const shifted = lines.map((line) => {
    if (line.startsWith('#') || line.trim() === '') return line;
    const cut = line.lastIndexOf(' ');
    const ms = Math.trunc(Number(line.slice(cut + 1)) * 1000) + shiftMs;
    firstMs = Math.min(firstMs, ms);
    lastMs = Math.max(lastMs, ms);
    return `${line.slice(0, cut)} ${openMetricsSeconds(ms)}`;
  });
  return { text: `${shifted.join('\n').trimEnd()}\n# EOF\n`, firstMs, lastMs };
}

function openMetricsSeconds(ms: number): string {
  const plain = (ms / 1000).toFixed(3);
  // A half-millisecond nudge where truncating plain*1000 would land one millisecond short.
  return Math.trunc(Number(plain) * 1000) === ms ? plain : ((ms + 0.5) / 1000).toFixed(4);
}

function withEof(text: string): string {
  return text.trimEnd().endsWith('# EOF') ? `${text.trimEnd()}\n` : `${text.trimEnd()}\n# EOF\n`;
}

export async function startPrometheus(opts: PrometheusOptions = {}): Promise<RunningPrometheus> {
  const prometheus = requireBinary(['prometheus'], 'prometheus');
  const promtool = requireBinary(['promtool'], 'prometheus');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'console-prometheus-'));
  const dataDir = path.join(dir, 'data');
  try {
    let traceWindow: RunningPrometheus['traceWindow'];
    const blocks: string[] = [];
    if (opts.gpuTrace ?? true) {
      const file = path.join(gpuFixturesDir(), 'gpu-trace.om');
      if (!existsSync(file)) {
        throw new Error(
          `The GPU trace ${file} is missing: set CONSOLE_FIXTURES_DIR to the folder holding gpu-trace.om`,
        );
      }
      const original = await readFile(file, 'utf8');
      const { lastMs } = shiftOpenMetrics(original, 0);
      const endMs = Math.floor(Date.now() / 1000) * 1000 - 60_000;
      const shifted = shiftOpenMetrics(original, endMs - lastMs);
      traceWindow = { start: new Date(shifted.firstMs), end: new Date(shifted.lastMs) };
      await writeFile(path.join(dir, 'gpu-trace.om'), shifted.text);
      blocks.push(path.join(dir, 'gpu-trace.om'));
    }
    if (opts.extraOpenMetrics) {
      await writeFile(path.join(dir, 'extra.om'), withEof(opts.extraOpenMetrics));
      blocks.push(path.join(dir, 'extra.om'));
    }
    // One promtool run per file: a metric family may appear in both, which one file could not hold.
    for (const file of blocks) {
      const created = spawnSync(
        promtool,
        ['tsdb', 'create-blocks-from', 'openmetrics', file, dataDir],
        { encoding: 'utf8' },
      );
      if (created.status !== 0)
        throw new Error(
          `promtool could not load ${path.basename(file)}:\n${created.stderr || created.stdout}`,
        );
    }
    if (opts.rules) {
      await writeFile(path.join(dir, 'rules.yml'), opts.rules);
      const checked = spawnSync(promtool, ['check', 'rules', path.join(dir, 'rules.yml')], {
        encoding: 'utf8',
      });
      if (checked.status !== 0)
        throw new Error(`The rules do not load:\n${checked.stdout}${checked.stderr}`);
    }
    const port = await freePort();
    const config = [
      'global:',
      '  scrape_interval: 2s',
      '  evaluation_interval: 2s',
      'scrape_configs:',
      '  - job_name: prometheus',
      '    static_configs:',
      `      - targets: ['127.0.0.1:${port}']`,
      ...(opts.rules ? ['rule_files:', '  - rules.yml'] : []),
      ...(opts.alertmanagerUrl
        ? [
            'alerting:',
            '  alertmanagers:',
            '    - static_configs:',
            `        - targets: ['${new URL(opts.alertmanagerUrl).host}']`,
          ]
        : []),
    ].join('\n');
    await writeFile(path.join(dir, 'prometheus.yml'), `${config}\n`);
    const url = `http://127.0.0.1:${port}`;
    const child = spawnService(
      prometheus,
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${dataDir}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--storage.tsdb.retention.time=3650d',
        // Alerts fired before the Alertmanager is discovered (about 5 s) are re-sent soon, not after 1 m.
        '--rules.alert.resend-delay=2s',
      ],
      dir,
    );
    const stop = stopper(child, dir);
    try {
      await child.ready('Prometheus', async () => (await fetch(`${url}/-/ready`)).ok);
      // The first scrape gives `up` a sample; Prometheus syncs new targets after about 5 s.
      await child.ready('Prometheus scraping itself', async () => {
        const body = (await (await fetch(`${url}/api/v1/targets?state=active`)).json()) as {
          data?: { activeTargets?: { health: string }[] };
        };
        return body.data?.activeTargets?.some((t) => t.health === 'up') ?? false;
      });
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, stop, ...(traceWindow ? { traceWindow } : {}) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

export async function startAlertmanager(): Promise<RunningAlertmanager> {
  const alertmanager = requireBinary(
    ['prometheus-alertmanager', 'alertmanager'],
    'prometheus-alertmanager',
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'console-alertmanager-'));
  const config = [
    'route:',
    "  receiver: 'null'",
    '  group_by: [alertname, namespace]',
    '  group_wait: 1s',
    'receivers:',
    "  - name: 'null'",
  ].join('\n');
  await writeFile(path.join(dir, 'alertmanager.yml'), `${config}\n`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnService(
    alertmanager,
    [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // No gossip port: a lone test instance.
      '--cluster.listen-address=',
    ],
    dir,
  );
  const stop = stopper(child, dir);
  try {
    await child.ready('Alertmanager', async () => (await fetch(`${url}/-/ready`)).ok);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/** POST /api/v2/alerts, as Prometheus does when rules fire. */
export async function postTestAlerts(alertmanagerUrl: string, alerts: TestAlert[]): Promise<void> {
  const response = await fetch(
    new URL(
      'api/v2/alerts',
      alertmanagerUrl.endsWith('/') ? alertmanagerUrl : `${alertmanagerUrl}/`,
    ),
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    },
  );
  if (!response.ok)
    throw new Error(
      `Alertmanager refused the test alerts: ${response.status} ${await response.text()}`,
    );
}

interface Service {
  process: ChildProcess;
  alive(): boolean;
  /** Polls until `probe` says ready; fails at once, with the service's last output, if it exits. */
  ready(name: string, probe: () => Promise<boolean>): Promise<void>;
  /** Settles once the process has exited (listened for from the start, so no exit is missed). */
  gone: Promise<void>;
}

function spawnService(binary: string, args: string[], cwd: string): Service {
  const child = spawn(binary, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(new Error(`it exited (${signal ?? `code ${code}`})`)),
    );
    child.once('error', reject);
  });
  const gone = exited.catch(() => undefined);
  // Never outlive the tests, even when they end without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void gone.then(() => process.removeListener('exit', killOnExit));
  return {
    process: child,
    gone,
    alive: () => child.exitCode === null && child.signalCode === null,
    ready: async (name, probe) => {
      try {
        await Promise.race([waitFor(name, probe, 30_000), exited]);
      } catch (error) {
        const tail = output.trim().split('\n').slice(-15).join('\n');
        throw new Error(
          `${name} did not start: ${error instanceof Error ? error.message : String(error)}. Its last output:\n${tail}`,
        );
      }
    },
  };
}

function stopper(service: Service, dir: string): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () =>
    (stopping ??= (async () => {
      const child = service.process;
      if (service.alive()) {
        child.kill('SIGTERM');
        const killed = setTimeout(() => child.kill('SIGKILL'), 5000);
        await service.gone;
        clearTimeout(killed);
      }
      await rm(dir, { recursive: true, force: true });
    })());
}

/** Prometheus with the GPU trace, sending alerts to an Alertmanager: what the end-to-end tests run against. */
export async function startMetricsServices(): Promise<{
  prometheusUrl: string;
  alertmanagerUrl: string;
  traceWindow?: { start: Date; end: Date };
  stop(): Promise<void>;
}> {
  const alertmanager = await startAlertmanager();
  let prometheus: RunningPrometheus;
  try {
    prometheus = await startPrometheus({ alertmanagerUrl: alertmanager.url });
  } catch (error) {
    await alertmanager.stop();
    throw error;
  }
  return {
    prometheusUrl: prometheus.url,
    alertmanagerUrl: alertmanager.url,
    ...(prometheus.traceWindow ? { traceWindow: prometheus.traceWindow } : {}),
    stop: async () => {
      await prometheus.stop();
      await alertmanager.stop();
    },
  };
}

/** The command: start both, print where they are, stop both on SIGINT / SIGTERM. */
export async function runMetricsServicesCli(): Promise<void> {
  const services = await startMetricsServices();
  console.log(
    JSON.stringify({
      prometheusUrl: services.prometheusUrl,
      alertmanagerUrl: services.alertmanagerUrl,
      traceWindow: services.traceWindow,
    }),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await services.stop();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runMetricsServicesCli().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
