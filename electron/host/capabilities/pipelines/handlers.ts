import * as z from 'zod';
import type { HostContext } from '../../host-context';
import { freshness } from '../../../../shared/contract/core';
import { clusterState } from '../../../../shared/contract/pipelines';
import { alreadyChecked, type Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import type { KubernetesLiveSource } from '../sources/adapters/kubernetes';
import { parseRunId } from './normalize';
import type { PipelineWatches } from './pipeline-watches';
import { readRunDetail } from './run-detail';

const clusterStates = z.array(clusterState);

export function pipelinesHandlers(
  ctx: HostContext,
  watches: PipelineWatches,
): Pick<Handlers, 'pipelines.runs' | 'pipelines.run'> {
  return {
    'pipelines.runs': async ({ from }) => {
      if (from === 'cache') {
        const cached = watches.fromCache();
        if (!cached.asOf) return { value: null, freshness: null };
        const fresh = { asOf: cached.asOf, stale: true };
        if (!cached.checked) {
          return { value: { runs: cached.runs, clusters: cached.clusters }, freshness: fresh };
        }
        // The runs were checked when this build cached them; the few parts made here are
        // checked here, and the dispatcher is told not to check the runs a second time.
        return alreadyChecked({
          value: { runs: cached.runs, clusters: clusterStates.parse(cached.clusters) },
          freshness: freshness.parse(fresh),
        });
      }
      const live = await watches.live();
      const down = live.clusters.filter((c) => c.state === 'down');
      const allDown = live.clusters.length > 0 && down.length === live.clusters.length;
      const asOf = allDown
        ? (down.map((c) => c.asOf).find((a) => a) ?? new Date().toISOString())
        : new Date().toISOString();
      return {
        value: live,
        freshness: {
          asOf,
          stale: allDown,
          ...(allDown && down[0]?.error ? { cause: down[0].error } : {}),
        },
      };
    },
    'pipelines.run': async ({ id }) => {
      const ref = parseRunId(id);
      if (!ref) throw new CallFailure('bad_request', `"${id}" is not a pipeline run id`);
      const workspace = ctx.workspace();
      if (workspace.connection(ref.connection).kind !== 'kubernetes') {
        throw new CallFailure('bad_request', `"${ref.connection}" is not a Kubernetes connection`);
      }
      const kube = await (workspace.source(ref.connection) as KubernetesLiveSource).kube();
      return readRunDetail(kube.client(ref.context), id);
    },
  };
}
