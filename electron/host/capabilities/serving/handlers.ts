import type { HostContext } from '../../host-context';
import type { Handlers } from '../../transport/dispatcher';
import type { PipelineWatches } from '../pipelines/pipeline-watches';
import { failIfAllDown } from '../schedules/all-down';
import { readThroughSnapshot } from '../sources/snapshot';
import { readServing } from './read-serving';
import type { ServingWatch } from './serving-watch';

export function servingHandlers(
  ctx: HostContext,
  watches: PipelineWatches,
  changes?: ServingWatch,
): Pick<Handlers, 'serving.services'> {
  return {
    'serving.services': async ({ from }) => {
      const workspace = ctx.workspace();
      return readThroughSnapshot({
        store: ctx.store,
        source: workspace.snapshotSource('serving'),
        key: 'serving.services',
        from,
        fetch: async () => {
          const refs = await watches.selectedClusters(workspace);
          const view = await readServing(workspace, refs);
          // From the first live read on, changes are pushed (no cluster is dialled before).
          void changes?.ensure(workspace, refs).catch((error: unknown) => {
            ctx.log.warn({ err: error }, 'could not watch serving objects');
          });
          failIfAllDown(view.clusters);
          return view;
        },
      });
    },
  };
}
