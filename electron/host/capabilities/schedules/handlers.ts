import type { HostContext } from '../../host-context';
import type { Handlers } from '../../transport/dispatcher';
import type { PipelineWatches } from '../pipelines/pipeline-watches';
import { readThroughSnapshot } from '../sources/snapshot';
import { failIfAllDown } from './all-down';

export function schedulesHandlers(
  ctx: HostContext,
  watches: PipelineWatches,
): Pick<Handlers, 'schedules.list'> {
  return {
    'schedules.list': async ({ from }) => {
      const workspace = ctx.workspace();
      return readThroughSnapshot({
        store: ctx.store,
        source: workspace.snapshotSource('schedules'),
        key: 'schedules.list',
        from,
        fetch: async () => {
          const { readSchedules } = await loadScheduleReader();
          const { runs: _runs, ...view } = await readSchedules(workspace, watches);
          failIfAllDown(view.clusters);
          return view;
        },
      });
    },
  };
}

/**
 * The schedule reader, with cron-parser and luxon under it, loads on the first schedules or brief
 * read: compiling and running them was ~25 ms of every start before the window could connect.
 */
export function loadScheduleReader() {
  return import('./read-schedules');
}
