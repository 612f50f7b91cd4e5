import type { LastVisit } from '../../../../shared/contract/brief';
import type { HostContext } from '../../host-context';
import type { Handlers } from '../../transport/dispatcher';
import type { PipelineWatches } from '../pipelines/pipeline-watches';
import { readThroughSnapshot } from '../sources/snapshot';
import { briefReads, composeBrief } from './compose-brief';
import { briefSections } from './sections';

/** Per workspace: "since your last visit" is about this workspace's items. */
const visitKey = (workspaceId: string) => `brief.lastVisit.${workspaceId}`;

export function briefHandlers(
  ctx: HostContext,
  watches: PipelineWatches,
): Pick<Handlers, 'brief.get' | 'brief.lastVisit' | 'brief.visited'> {
  return {
    'brief.get': async ({ from }) => {
      const workspace = ctx.workspace();
      return readThroughSnapshot({
        store: ctx.store,
        source: workspace.snapshotSource('brief'),
        key: 'brief',
        from,
        fetch: () => composeBrief(briefSections, briefReads(ctx, workspace, watches, new Date())),
      });
    },
    'brief.lastVisit': async () => {
      const workspace = ctx.workspace();
      return { lastVisit: ctx.store.settings.get<LastVisit>(visitKey(workspace.id)) ?? null };
    },
    'brief.visited': async ({ itemIds }) => {
      const workspace = ctx.workspace();
      const at = new Date().toISOString();
      ctx.store.settings.set(visitKey(workspace.id), { at, itemIds } satisfies LastVisit);
      return { at };
    },
  };
}
