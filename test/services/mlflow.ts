// A real `mlflow server` for integration tests: the pinned release from .venv-mlflow, a SQLite
// store and artifacts in a temp dir, a free loopback port; optionally MLflow's basic-auth app, and
// the demo registry seeded through MLflow's own Python client (scripts/services/mlflow_seed.py).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoSeedSummary } from '../../electron/sim/mlflow/seed';
import { freePort } from './ports';

export type SeedSummary = DemoSeedSummary & { trackingUri?: string; seconds?: number };

export interface MlflowServer {
  url: string;
  stop(): Promise<void>;
  seeded?: SeedSummary;
  /** With basicAuth: the admin, who owns everything seeded. */
  adminUser?: string;
  adminPassword?: string;
  /** With basicAuth: a second user with no permission on anything (default_permission = NO_PERMISSIONS). */
  viewerUser?: string;
  viewerPassword?: string;
  /** Milliseconds from spawn to /health answering, and for the seeding. */
  timings: { startMs: number; seedMs?: number };
  logFile: string;
}

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const venv = path.join(repo, '.venv-mlflow');
const mlflowBin = path.join(venv, 'bin', 'mlflow');
const pythonBin = path.join(venv, 'bin', 'python');
const seedScript = path.join(repo, 'scripts', 'services', 'mlflow_seed.py');

// A new SQLite store runs MLflow's migrations first; on a busy 2-CPU machine that takes ~30 s.
const startTimeoutMs = 120_000;
const seedTimeoutMs = 120_000;

export async function startMlflow(
  opts: { seed?: boolean; basicAuth?: boolean } = {},
): Promise<MlflowServer> {
  if (!existsSync(mlflowBin)) {
    throw new Error(
      `MLflow server not installed at ${mlflowBin}: run \`bash scripts/services/mlflow-venv.sh\` ` +
        '(creates .venv-mlflow with the pinned mlflow[auth] from scripts/services/mlflow-requirements.txt).',
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'mlflow-server-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, 'server.log');

  const env: NodeJS.ProcessEnv = {
    ...withoutClientSettings(process.env),
    // The job runner spawns a dozen huey workers that each import MLflow: seconds of CPU the
    // registry does not need.
    MLFLOW_SERVER_ENABLE_JOB_EXECUTION: 'false',
    PYTHONUNBUFFERED: '1',
  };
  const args = [
    'server',
    '--backend-store-uri',
    `sqlite:///${path.join(dir, 'mlflow.db')}`,
    '--artifacts-destination',
    path.join(dir, 'artifacts'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--workers',
    '1',
  ];
  let admin: { user: string; password: string } | undefined;
  if (opts.basicAuth) {
    admin = { user: 'admin', password: `admin-${randomBytes(9).toString('hex')}` };
    const config = path.join(dir, 'basic_auth.ini');
    await writeFile(
      config,
      [
        '[mlflow]',
        'default_permission = NO_PERMISSIONS',
        `database_uri = sqlite:///${path.join(dir, 'basic_auth.db')}`,
        `admin_username = ${admin.user}`,
        `admin_password = ${admin.password}`,
        'authorization_function = mlflow.server.auth:authenticate_request_basic_auth',
        // Each credential check is a PBKDF2 hash (~0.5 s on a busy CI machine); cache good ones.
        'auth_cache_ttl_seconds = 600',
        '',
      ].join('\n'),
    );
    env.MLFLOW_AUTH_CONFIG_PATH = config;
    env.MLFLOW_FLASK_SERVER_SECRET_KEY = randomBytes(16).toString('hex');
    args.push('--app-name', 'basic-auth');
  }

  const started = performance.now();
  const log = openSync(logFile, 'a');
  const child = spawn(mlflowBin, args, {
    cwd: dir,
    env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    // The CLI runs uvicorn as a child in its process group: wait for the whole group.
    killGroup(child, 'SIGTERM');
    if (!(await groupGone(child, 10_000))) {
      killGroup(child, 'SIGKILL');
      await groupGone(child, 5_000);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, exited, logFile);
    const startMs = Math.round(performance.now() - started);
    const server: MlflowServer = { url, stop, timings: { startMs }, logFile };
    if (admin) {
      const viewer = { user: 'viewer', password: `viewer-${randomBytes(9).toString('hex')}` };
      await createUser(url, admin, viewer);
      Object.assign(server, {
        adminUser: admin.user,
        adminPassword: admin.password,
        viewerUser: viewer.user,
        viewerPassword: viewer.password,
      });
    }
    if (opts.seed) {
      const seedStarted = performance.now();
      server.seeded = await seed(url, dir, admin);
      server.timings.seedMs = Math.round(performance.now() - seedStarted);
    }
    return server;
  } catch (error) {
    const tail = await logTail(logFile);
    await stop();
    throw new Error(`${(error as Error).message}\n--- mlflow server log (tail) ---\n${tail}`, {
      cause: error,
    });
  }
}

async function waitForHealth(
  url: string,
  exited: Promise<number | null>,
  logFile: string,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined)
      throw new Error(
        `mlflow server exited with code ${exitCode} before answering /health (log: ${logFile})`,
      );
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok && (await res.text()).trim() === 'OK') return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`mlflow server did not answer ${url}/health within ${startTimeoutMs / 1000} s`);
}

async function createUser(
  url: string,
  admin: { user: string; password: string },
  user: { user: string; password: string },
) {
  const res = await fetch(`${url}/api/2.0/mlflow/users/create`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${admin.user}:${admin.password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ username: user.user, password: user.password }),
  });
  if (!res.ok)
    throw new Error(`creating MLflow user ${user.user} failed: ${res.status} ${await res.text()}`);
}

async function seed(
  url: string,
  dir: string,
  admin: { user: string; password: string } | undefined,
): Promise<SeedSummary> {
  const out = path.join(dir, 'seeded.json');
  const env: NodeJS.ProcessEnv = {
    ...withoutClientSettings(process.env),
    ...(admin
      ? { MLFLOW_TRACKING_USERNAME: admin.user, MLFLOW_TRACKING_PASSWORD: admin.password }
      : {}),
  };
  const child = spawn(pythonBin, [seedScript, '--tracking-uri', url, '--out', out], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), seedTimeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`mlflow_seed.py exited with ${code}:\n${output.slice(-4000)}`);
  return JSON.parse(await readFile(out, 'utf8')) as SeedSummary;
}

/** The test runner's own MLflow settings must not leak into the server or the seeder. */
function withoutClientSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('MLFLOW_')));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

async function groupGone(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 0);
    } catch {
      return true;
    }
    await sleep(100);
  }
  return false;
}

async function logTail(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).split('\n').slice(-40).join('\n');
  } catch {
    return '(no log)';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
