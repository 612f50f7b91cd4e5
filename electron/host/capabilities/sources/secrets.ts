// Secret references (shared/model/connection.ts) resolved in the host, and the secrets a user
// types into a form, which go to the vault and are replaced by a reference before anything is saved.
import { existsSync } from 'node:fs';
import type { ConnectionView } from '../../../../shared/contract/connections';
import type { AuthConfig, Connection, SecretRef } from '../../../../shared/model/connection';
import type { Vault } from '../../store';
import { describeSecretRef } from '../../workspace';

export function secretRefsOf(connection: Connection): { field: string; ref: SecretRef }[] {
  if (connection.kind === 'kubernetes') return [];
  const auth: AuthConfig = connection.auth;
  if (auth.type === 'bearer') return [{ field: 'token', ref: auth.token }];
  if (auth.type === 'basic') return [{ field: 'password', ref: auth.password }];
  return [];
}

export function secretPresence(
  connection: Connection,
  vault: Vault,
  env: NodeJS.ProcessEnv,
): ConnectionView['secrets'] {
  return secretRefsOf(connection).map(({ field, ref }) => ({
    field,
    ref: describeSecretRef(ref),
    present:
      'secret' in ref
        ? safeHas(vault, ref.secret)
        : 'env' in ref
          ? Boolean(env[ref.env])
          : existsSync(ref.file),
  }));
}

function safeHas(vault: Vault, id: string): boolean {
  try {
    return vault.get(id) !== undefined;
  } catch {
    return false;
  }
}

export function vaultIdFor(
  workspaceId: string,
  connectionId: string,
  field: 'token' | 'password',
): string {
  return `connection/${workspaceId}/${connectionId}/${field}`;
}

/**
 * Points the connection's auth at vault entries for the typed secrets. With `store`, the typed
 * values are written to the vault (saving); without, the refs point at an in-memory overlay
 * (testing a draft), which the caller passes to the source.
 */
export function bindTypedSecrets(
  connection: Connection,
  typed: { token?: string | undefined; password?: string | undefined } | undefined,
  workspaceId: string,
  vault?: Vault,
): { connection: Connection; overlay: Map<string, string> } {
  const overlay = new Map<string, string>();
  if (connection.kind === 'kubernetes' || !typed) return { connection, overlay };
  const auth = connection.auth;
  const bind = (field: 'token' | 'password', value: string | undefined): SecretRef | undefined => {
    if (value === undefined) return undefined;
    const id = vaultIdFor(workspaceId, connection.id, field);
    if (vault) vault.put(id, value);
    else overlay.set(id, value);
    return { secret: id };
  };
  if (auth.type === 'bearer') {
    const ref = bind('token', typed.token);
    return {
      connection: ref ? { ...connection, auth: { ...auth, token: ref } } : connection,
      overlay,
    };
  }
  if (auth.type === 'basic') {
    const ref = bind('password', typed.password);
    return {
      connection: ref ? { ...connection, auth: { ...auth, password: ref } } : connection,
      overlay,
    };
  }
  return { connection, overlay };
}
