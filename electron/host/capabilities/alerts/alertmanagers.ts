// The workspace's Alertmanagers, each read through the snapshot cache on its own: one that is
// down shows its last-known alerts (or its error) while the others stay live.
import type { ContractError, Freshness } from '../../../../shared/contract/core';
import type { AlertSource } from '../../../../shared/contract/alerts';
import type { AlertmanagerConnection } from '../../../../shared/model/connection';
import type { HostContext } from '../../host-context';
import type { AlertmanagerSource } from '../../sources/alertmanager';
import { CallFailure, toContractError } from '../../transport/failure';
import type { AlertmanagerLiveSource } from '../sources/adapters/alertmanager';
import { readThroughSnapshot } from '../sources/snapshot';
import { silenceAuthor } from './identity';
import type { SilencePermissions } from './permissions';

export interface AlertmanagerHandle {
  connection: AlertmanagerConnection;
  client: AlertmanagerSource;
  snapshot: string;
}

export function alertmanagersOf(ctx: HostContext): AlertmanagerHandle[] {
  const workspace = ctx.workspace();
  return workspace.definition.connections
    .map((c) => c.connection)
    .filter((c): c is AlertmanagerConnection => c.kind === 'alertmanager')
    .map((connection) => ({
      connection,
      client: (workspace.source(connection.id) as AlertmanagerLiveSource).client,
      snapshot: workspace.snapshotSource(connection.id),
    }));
}

export function alertmanagerById(ctx: HostContext, id: string): AlertmanagerHandle {
  const found = alertmanagersOf(ctx).find((h) => h.connection.id === id);
  if (!found) {
    ctx.workspace().connection(id); // not_found when the workspace has no such connection
    throw new CallFailure('bad_request', `"${id}" is not an Alertmanager connection`);
  }
  return found;
}

export interface Gathered<T> {
  value: { items: T[]; sources: AlertSource[] } | null;
  freshness: Freshness | null;
}

/**
 * Reads `fetch` from every Alertmanager. The combined answer is as old as its oldest part and
 * stale when any part is; it fails only when every Alertmanager failed with nothing cached.
 */
export async function gatherFromAll<T>(
  ctx: HostContext,
  permissions: SilencePermissions,
  opts: {
    key: string;
    from: 'cache' | 'live';
    fetch: (client: AlertmanagerSource) => Promise<T[]>;
  },
): Promise<Gathered<T>> {
  const handles = alertmanagersOf(ctx);
  if (handles.length === 0) {
    throw new CallFailure(
      'unavailable',
      'This workspace has no Alertmanager connection: add one in Settings → Connections',
    );
  }
  const results = await Promise.all(
    handles.map(async (h) => {
      try {
        const read = await readThroughSnapshot({
          store: ctx.store,
          source: h.snapshot,
          key: opts.key,
          from: opts.from,
          fetch: () => opts.fetch(h.client),
        });
        return { h, read, error: read.freshness?.cause };
      } catch (error) {
        const cause = toContractError(error);
        if (!cause) throw error;
        ctx.log.warn({ connection: h.connection.id, err: error }, 'an Alertmanager did not answer');
        return { h, read: undefined, error: cause };
      }
    }),
  );
  const answered = results.filter((r) => r.read?.value != null);
  if (answered.length === 0) {
    const firstError = results.find((r) => r.error)?.error;
    if (firstError && opts.from === 'live')
      throw new CallFailure(firstError.code, firstError.message, withoutCodeMessage(firstError));
    return { value: null, freshness: null };
  }
  const sources: AlertSource[] = results.map(({ h, read, error }) => ({
    id: h.connection.id,
    name: h.connection.name,
    identity: silenceAuthor(h.connection, ctx.localActor()),
    silencing: permissions.of(h.connection.id),
    ...(error ? { error } : {}),
    ...(read?.freshness?.stale ? { staleAsOf: read.freshness.asOf } : {}),
  }));
  const freshnesses = answered.map((r) => r.read!.freshness!);
  const asOf = freshnesses.map((f) => f.asOf).sort()[0]!;
  const cause = results.find((r) => r.error)?.error;
  return {
    value: { items: answered.flatMap((r) => r.read!.value!), sources },
    freshness: {
      asOf,
      stale: freshnesses.some((f) => f.stale) || results.length > answered.length,
      ...(cause ? { cause } : {}),
    },
  };
}

function withoutCodeMessage(error: ContractError): Omit<ContractError, 'code' | 'message'> {
  const { code: _code, message: _message, ...extra } = error;
  return extra;
}
