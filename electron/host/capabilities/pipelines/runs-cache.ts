// The last-known runs of each cluster, kept in the snapshot store: the Pipelines page paints them
// at once, and a cluster that drops stays on screen, greyed, as of when it was last seen.
import * as z from 'zod';
import { describeIssues } from '../../../../shared/contract';
import {
  pipelineRun,
  type ClusterState,
  type PipelineRun,
} from '../../../../shared/contract/pipelines';
import { contractFingerprint } from '../../contract-fingerprint';
import type { HostContext } from '../../host-context';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import { readSelectedContexts } from '../sources/selected-contexts';
import type { ClusterRef } from './normalize';

export interface CachedRuns {
  runs: PipelineRun[];
  asOf: string;
  /** The contract the runs were checked against when cached (absent in older snapshots). */
  checkedBy?: string;
}

const runList = z.array(pipelineRun);

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
  value: Omit<CachedRuns, 'checkedBy'>,
): void {
  // Checked on the way in (every two seconds at most, off the window's path), so the first paint
  // of the next start need not check them: the answer is the checked runs, as the contract
  // would have passed them on.
  const checked = runList.safeParse(value.runs);
  if (!checked.success) {
    const issues = describeIssues(checked.error).slice(0, 3);
    const said = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new Error(`runs the contract refuses were not cached (${said})`);
  }
  const snapshot: CachedRuns = {
    runs: checked.data,
    asOf: value.asOf,
    checkedBy: contractFingerprint,
  };
  ctx.store.snapshots.put(
    workspace.snapshotSource(ref.connection),
    snapshotKey(ref.context),
    snapshot,
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
): CachedFleet {
  const runs: PipelineRun[] = [];
  const clusters: ClusterState[] = [];
  let oldest: string | undefined;
  let checked = true;
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
      checked &&= cached.checkedBy === contractFingerprint;
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
  return { runs, clusters, checked, ...(oldest ? { asOf: oldest } : {}) };
}

export interface CachedFleet {
  runs: PipelineRun[];
  clusters: ClusterState[];
  asOf?: string;
  /** Every cluster's runs were checked by this build's contract when they were cached. */
  checked: boolean;
}
