// The last-known runs of each cluster, kept in the snapshot store: the Pipelines page paints them
// at once, and a cluster that drops stays on screen, greyed, as of when it was last seen.
import type { ClusterState, PipelineRun } from '../../../../shared/contract/pipelines';
import type { HostContext } from '../../host-context';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import { readSelectedContexts } from '../sources/selected-contexts';
import type { ClusterRef } from './normalize';

export interface CachedRuns {
  runs: PipelineRun[];
  asOf: string;
}

const snapshotKey = (context: string) => `pipelines.runs.${context}`;

export function readClusterCache(
  ctx: Pick<HostContext, 'store'>,
  workspace: OpenWorkspace,
  ref: ClusterRef,
): CachedRuns | undefined {
  return ctx.store.snapshots.get<CachedRuns>(
    workspace.snapshotSource(ref.connection),
    snapshotKey(ref.context),
  )?.payload;
}

export function writeClusterCache(
  ctx: Pick<HostContext, 'store'>,
  workspace: OpenWorkspace,
  ref: ClusterRef,
  value: CachedRuns,
): void {
  ctx.store.snapshots.put(
    workspace.snapshotSource(ref.connection),
    snapshotKey(ref.context),
    value,
    value.asOf,
  );
}

/**
 * The last-known runs of every selected cluster, from the store alone (the cached contexts,
 * narrowed to the chosen ones when a choice was made): asking the kubeconfig which contexts are
 * current would load client-node first, and the paint waited most of a second for it.
 */
export function readCachedRuns(
  ctx: Pick<HostContext, 'store'>,
  workspace: OpenWorkspace,
): { runs: PipelineRun[]; clusters: ClusterState[]; asOf?: string } {
  const runs: PipelineRun[] = [];
  const clusters: ClusterState[] = [];
  let oldest: string | undefined;
  for (const { connection } of workspace.definition.connections) {
    if (connection.kind !== 'kubernetes') continue;
    const chosen = readSelectedContexts(ctx.store, workspace.id, connection.id);
    const snapshots = ctx.store.snapshots.listForSource<CachedRuns>(
      workspace.snapshotSource(connection.id),
      snapshotKey(''),
    );
    for (const { key, payload: cached } of snapshots) {
      const context = key.slice(snapshotKey('').length);
      if (chosen && !chosen.includes(context)) continue;
      runs.push(...cached.runs);
      clusters.push({
        connection: connection.id,
        context,
        state: 'cached',
        asOf: cached.asOf,
        problems: [],
      });
      if (!oldest || cached.asOf < oldest) oldest = cached.asOf;
    }
  }
  return { runs, clusters, ...(oldest ? { asOf: oldest } : {}) };
}
