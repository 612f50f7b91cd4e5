import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseEnvZero, resolveLoginShellEnv } from './login-shell-env';
import { tempDir, type TempDir } from './testing/kubeconfig-files';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir('login-shell-');
});
afterEach(() => tmp.remove());

/** A stand-in for the user's shell: rc-file noise on stdout, then runs `-c` with a PATH it sets up. */
function fakeShell(body: string): string {
  return tmp.write('fake-shell', `#!/bin/sh\n${body}\n`, 0o755);
}

describe('resolveLoginShellEnv', () => {
  it("takes PATH and other variables from the user's login shell, ignoring rc-file output", async () => {
    const shell = fakeShell(
      [
        'echo "Welcome back! (motd printed by .zshrc)"',
        'export PATH="/opt/login-only/bin:$PATH"',
        'export AWS_PROFILE=ml-team',
        'export MULTI_LINE="one',
        'two"',
        '[ "$1" = "-l" ] && [ "$2" = "-i" ] && [ "$3" = "-c" ] || exit 9',
        'eval "$4"',
      ].join('\n'),
    );
    const warn = vi.fn();
    const env = await resolveLoginShellEnv({
      shell,
      env: { PATH: '/usr/bin:/bin', KEEP: 'me' },
      warn,
    });
    expect(warn).not.toHaveBeenCalled();
    expect(env.PATH).toBe('/opt/login-only/bin:/usr/bin:/bin');
    expect(env.AWS_PROFILE).toBe('ml-team');
    expect(env.MULTI_LINE).toBe('one\ntwo');
    expect(env.KEEP).toBe('me');
    expect(env.MLOPS_CONSOLE_RESOLVING_ENVIRONMENT).toBeUndefined();
  });

  it('falls back to the given environment, with a warning, when the shell fails', async () => {
    const shell = fakeShell('echo "rc file broke" >&2; exit 3');
    const warn = vi.fn();
    const env = await resolveLoginShellEnv({ shell, env: { PATH: '/usr/bin' }, warn });
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/exit code 3: rc file broke/);
  });

  it('gives up after the timeout (a shell stuck in an rc file)', async () => {
    const shell = fakeShell('sleep 30');
    const warn = vi.fn();
    const started = Date.now();
    const env = await resolveLoginShellEnv({
      shell,
      env: { PATH: '/usr/bin' },
      warn,
      timeoutMs: 300,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(warn.mock.calls[0]?.[0]).toMatch(/no answer within 300 ms/);
  });

  it('falls back when the shell does not exist', async () => {
    const warn = vi.fn();
    const env = await resolveLoginShellEnv({ shell: '/no/such/shell', env: { PATH: '/x' }, warn });
    expect(env).toEqual({ PATH: '/x' });
    expect(warn.mock.calls[0]?.[0]).toMatch(/ENOENT/);
  });

  it('works with a real sh', async () => {
    const env = await resolveLoginShellEnv({
      shell: '/bin/sh',
      env: { PATH: '/usr/bin:/bin', HOME: tmp.dir },
      warn: () => {},
    });
    expect(env.PATH).toContain('/bin');
  });
});

describe('parseEnvZero', () => {
  it('splits NUL-separated pairs at the first =', () => {
    expect(parseEnvZero('A=1\0B=x=y\0C=line\nbreak\0\0junk\0')).toEqual({
      A: '1',
      B: 'x=y',
      C: 'line\nbreak',
    });
  });
});
