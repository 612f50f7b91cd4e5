// Starts the real host in browser mode on a free port with its own data folder, and gives the
// launch URL it printed. It runs the bundle users run (`npm run serve`, the desktop app), so a
// dependency that breaks once bundled fails here: `npm run build` first (npm test does).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ConsoleServer {
  launchUrl: string;
  url: string;
  dataDir: string;
  output: () => string;
  /** Ctrl+C: SIGINT, then how long the process took to exit (undefined: not within `ms`). */
  interrupt(ms: number): Promise<{ exitedAfterMs?: number; code: number | null }>;
  stop(): Promise<void>;
}

export async function startConsoleServer(
  opts: { args?: string[]; env?: NodeJS.ProcessEnv; dataDir?: string } = {},
): Promise<ConsoleServer> {
  if (!existsSync('dist-electron/cli.mjs'))
    throw new Error('The host is not built: run `npm run build` before the end-to-end tests.');
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      'dist-electron/cli.mjs',
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      ...(opts.args ?? []),
    ],
    { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the console did not start in 60 s:\n${out}`)),
      60_000,
    );
    const check = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the console exited with ${code} before it was ready:\n${out}`));
    });
  });
  return {
    launchUrl,
    url: new URL(launchUrl).origin,
    dataDir,
    output: () => out,
    interrupt: async (ms) => {
      const started = performance.now();
      const exited = new Promise<boolean>((r) => child.once('exit', () => r(true)));
      child.kill('SIGINT');
      const done = await Promise.race([
        exited,
        new Promise<false>((r) => setTimeout(r, ms, false)),
      ]);
      return {
        ...(done ? { exitedAfterMs: performance.now() - started } : {}),
        code: child.exitCode,
      };
    },
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
