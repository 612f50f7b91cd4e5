// An app started from the Dock, Finder or a desktop launcher does not inherit the PATH (nor
// KUBECONFIG, AWS_PROFILE, ...) the user set up in their shell's rc files, so credential plugins
// such as `aws eks get-token`, `gke-gcloud-auth-plugin` or `kubelogin` are "not found" (lens
// #6427, #6238; headlamp #1885). Headlamp and VS Code fix this by asking the user's login shell
// once: `$SHELL -l -i -c 'env -0'`, with a 10 s deadline. So do we.
//
// How it is applied: nothing here touches process.env. Under Electron the host resolves the
// environment once at start (`loginShellEnv()`) and passes it to createKubernetesSource as `env`;
// the source then uses it to find kubeconfigs ($KUBECONFIG, HOME) and gives it to every exec
// credential plugin (client-node spawns plugins with process.env overlaid by the user's
// `exec.env`; the source adds the login-shell variables to that overlay, the user's own
// `exec.env` still winning). Under `npm run serve` or tests process.env is already right.
import { spawn } from 'node:child_process';
import { userInfo } from 'node:os';

export interface LoginShellOptions {
  /** Default: $SHELL, else the account's shell, else /bin/sh. */
  shell?: string;
  /** Default 10 s, as Headlamp and VS Code. */
  timeoutMs?: number;
  /** The environment the shell starts from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where the fallback warning goes; default console.warn. */
  warn?: (message: string) => void;
}

// Output printed by rc files (a banner, `echo`) must not be mistaken for the environment.
const marker = '__MLOPS_CONSOLE_ENV_7f3a__';
/** Set while resolving, so an rc file can skip slow or interactive setup. */
export const resolvingVariable = 'MLOPS_CONSOLE_RESOLVING_ENVIRONMENT';

/**
 * The user's login-shell environment laid over `env`. Never rejects: on Windows, without a shell,
 * on a timeout or a failing rc file it returns `env` unchanged and warns once.
 */
export async function resolveLoginShellEnv(
  opts: LoginShellOptions = {},
): Promise<NodeJS.ProcessEnv> {
  const base = opts.env ?? process.env;
  const warn = opts.warn ?? ((message: string) => console.warn(message));
  if (process.platform === 'win32') return { ...base };
  const shell = opts.shell ?? (base.SHELL || accountShell() || '/bin/sh');
  try {
    const fromShell = await runShell(shell, base, opts.timeoutMs ?? 10_000);
    delete fromShell[resolvingVariable];
    return { ...base, ...fromShell };
  } catch (error) {
    warn(
      `Could not read the login-shell environment from ${shell} (${(error as Error).message}); ` +
        'using the environment the app was started with. Credential plugins must then be on its PATH.',
    );
    return { ...base };
  }
}

let cached: Promise<NodeJS.ProcessEnv> | undefined;

/** The login-shell environment of this process's user, resolved once per process. */
export function loginShellEnv(): Promise<NodeJS.ProcessEnv> {
  cached ??= resolveLoginShellEnv();
  return cached;
}

/** The PATH credential plugins are looked up on: the login shell's, else this process's. */
export async function resolveLoginShellPath(): Promise<string> {
  const env = await loginShellEnv();
  return env.PATH ?? process.env.PATH ?? '';
}

function runShell(
  shell: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      shell,
      ['-l', '-i', '-c', `printf '%s' ${marker}; env -0; printf '%s' ${marker}`],
      {
        env: { ...env, [resolvingVariable]: '1' },
        // stdin closed: an interactive shell must not wait for input; detached: no controlling
        // terminal, so `-i` cannot grab the TTY of a terminal the host was started from.
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      killGroup(child.pid);
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = Buffer.concat(stdout).toString('utf8');
      const start = text.indexOf(marker);
      const end = text.lastIndexOf(marker);
      if (start < 0 || end <= start) {
        const why = stderr.trim().split('\n').slice(-1)[0];
        reject(new Error(`exit code ${code}${why ? `: ${why}` : ''}`));
        return;
      }
      resolve(parseEnvZero(text.slice(start + marker.length, end)));
    });
  });
}

/** Parses `env -0` output: NUL-separated NAME=value pairs (values may contain newlines). */
export function parseEnvZero(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of text.split('\0')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL'); // the whole group: rc files may have started children
  } catch {
    // already gone
  }
}

function accountShell(): string | undefined {
  try {
    return userInfo().shell ?? undefined;
  } catch {
    return undefined;
  }
}
