import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from '../sources/source-error';
import { MissingSecretError, resolveSecret } from './resolve-secret';

const dir = mkdtempSync(join(tmpdir(), 'secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vault = { get: (id: string) => (id === 'mlflow-token' ? 'from-vault' : undefined) };

describe('resolveSecret', () => {
  it('reads the vault, the environment and files', async () => {
    writeFileSync(join(dir, 'token'), 'from-file\n');
    writeFileSync(join(dir, 'two-lines'), 'line1\nline2\n\n');
    expect(await resolveSecret({ secret: 'mlflow-token' }, vault, {})).toBe('from-vault');
    expect(await resolveSecret({ env: 'TOKEN' }, vault, { TOKEN: 'from-env' })).toBe('from-env');
    expect(await resolveSecret({ file: join(dir, 'token') }, vault, {})).toBe('from-file');
    expect(await resolveSecret({ file: 'two-lines' }, vault, {}, { baseDir: dir })).toBe(
      'line1\nline2\n',
    );
    expect(await resolveSecret({ file: '~/token' }, vault, {}, { home: dir })).toBe('from-file');
  });

  it('names the reference that leads nowhere', async () => {
    const missingVault = resolveSecret({ secret: 'grafana' }, vault, {}, { source: 'metrics' });
    await expect(missingVault).rejects.toThrow(
      'Secret {secret: grafana} is not in the vault: enter it in Settings',
    );
    await expect(missingVault).rejects.toMatchObject({ code: 'unauthorized', source: 'metrics' });
    await expect(
      resolveSecret({ env: 'MLFLOW_TRACKING_TOKEN' }, vault, { MLFLOW_TRACKING_TOKEN: '' }),
    ).rejects.toThrow(
      'Secret {env: MLFLOW_TRACKING_TOKEN} is not set: the environment variable MLFLOW_TRACKING_TOKEN is missing or empty',
    );
    await expect(resolveSecret({ file: join(dir, 'absent') }, vault, {})).rejects.toThrow(
      `Secret {file: ${join(dir, 'absent')}} cannot be read: ${join(dir, 'absent')} does not exist`,
    );
    await expect(resolveSecret({ secret: 'x' }, undefined, {})).rejects.toThrow(/no vault/);
  });

  it('passes on why the vault could not read a secret', async () => {
    const broken = {
      get: () => {
        throw new Error('it was saved in an earlier browser-mode session');
      },
    };
    const failure = resolveSecret({ secret: 'token' }, broken, {});
    await expect(failure).rejects.toBeInstanceOf(MissingSecretError);
    await expect(failure).rejects.toBeInstanceOf(SourceError);
    await expect(failure).rejects.toThrow(
      'Secret {secret: token} cannot be read: it was saved in an earlier browser-mode session',
    );
  });
});
