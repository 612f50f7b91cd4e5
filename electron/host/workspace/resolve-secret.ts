// Turns a secret reference from a connection into the secret, at the moment a source needs it:
// `{secret}` from the console's vault, `{env}` from the host's environment, `{file}` from disk.
// A reference that leads nowhere is an `unauthorized` SourceError (credentials missing) whose
// message names the reference, so "Test connection" says what to fix.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { SecretRef } from '../../../shared/model/connection';
import { SourceError } from '../sources/source-error';
import type { Vault } from '../store/vault';

export class MissingSecretError extends SourceError {
  readonly ref: SecretRef;
  constructor(ref: SecretRef, why: string, opts: { source?: string; cause?: unknown } = {}) {
    super('unauthorized', `Secret ${describeSecretRef(ref)} ${why}`, opts);
    this.name = 'MissingSecretError';
    this.ref = ref;
  }
}

export interface ResolveSecretOptions {
  /** The connection asking, carried into the error. */
  source?: string;
  /** Folder for relative `{file}` paths (loadWorkspaceFile has made workspace paths absolute already). */
  baseDir?: string;
  home?: string;
}

export async function resolveSecret(
  ref: SecretRef,
  vault: Pick<Vault, 'get'> | undefined,
  env: NodeJS.ProcessEnv = process.env,
  options: ResolveSecretOptions = {},
): Promise<string> {
  const source = options.source === undefined ? {} : { source: options.source };
  if ('secret' in ref) {
    if (!vault)
      throw new MissingSecretError(ref, 'cannot be read: this console has no vault', source);
    let value: string | undefined;
    try {
      value = vault.get(ref.secret);
    } catch (error) {
      throw new MissingSecretError(ref, `cannot be read: ${(error as Error).message}`, {
        ...source,
        cause: error,
      });
    }
    if (value === undefined)
      throw new MissingSecretError(ref, 'is not in the vault: enter it in Settings', source);
    return value;
  }
  if ('env' in ref) {
    const value = env[ref.env];
    if (value === undefined || value === '') {
      throw new MissingSecretError(
        ref,
        `is not set: the environment variable ${ref.env} is missing or empty`,
        source,
      );
    }
    return value;
  }
  const home = options.home ?? homedir();
  const path = ref.file.startsWith('~/')
    ? join(home, ref.file.slice(2))
    : isAbsolute(ref.file)
      ? ref.file
      : resolve(options.baseDir ?? process.cwd(), ref.file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'is not readable (permission denied)'
          : String(error);
    throw new MissingSecretError(ref, `cannot be read: ${path} ${why}`, {
      ...source,
      cause: error,
    });
  }
  // Files written by `echo token > file` end in a newline that is not part of the secret.
  const value = text.replace(/\r?\n$/, '');
  if (value === '') throw new MissingSecretError(ref, `is empty: ${path} holds nothing`, source);
  return value;
}

export function describeSecretRef(ref: SecretRef): string {
  if ('secret' in ref) return `{secret: ${ref.secret}}`;
  if ('env' in ref) return `{env: ${ref.env}}`;
  return `{file: ${ref.file}}`;
}
