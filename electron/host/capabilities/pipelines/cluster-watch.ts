// One cluster's side of the pipeline watches: its runs, the watch of each resource (or of each
// namespace when a cluster-wide list is refused) and the state the page shows for it.
import type { ContractError } from '../../../../shared/contract/core';
import type { ClusterState, PipelineRun } from '../../../../shared/contract/pipelines';
import type { SourceError } from '../../sources/source-error';
import type { ClusterRef, KubeObjectLike } from './normalize';
import type { WatchEngine, WatchState } from './watch-engine';

export interface ResourceWatch {
  name: string;
  /** Set on the per-namespace watches that replace a refused cluster-wide one. */
  namespace?: string;
  listed?: boolean;
  engine?: WatchEngine<KubeObjectLike, PipelineRun>;
  state: WatchState;
}

export class ClusterWatch {
  readonly runs = new Map<string, PipelineRun>();
  readonly resources: ResourceWatch[] = [];
  failure: ContractError | undefined;
  asOf: string | undefined;
  /** Runs loaded from the cache that no live list has confirmed yet. */
  readonly cachedIds = new Set<string>();
  settled: Promise<void>;
  private settle!: () => void;

  constructor(readonly ref: ClusterRef) {
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  checkSettled(): void {
    if (this.failure || this.resources.every((r) => r.state.state !== 'connecting')) this.settle();
  }

  view(): ClusterState {
    const down = this.resources.filter((r) => r.state.state === 'down');
    const live = this.resources.filter((r) => r.state.state === 'live');
    const connecting = this.resources.some((r) => r.state.state === 'connecting');
    const error =
      this.failure ??
      (down.length > 0 && live.length === 0
        ? (down[0]!.state as { error: SourceError }).error.toContract()
        : undefined);
    const state: ClusterState['state'] = error
      ? 'down'
      : connecting && live.length === 0
        ? 'connecting'
        : 'live';
    return {
      ...this.ref,
      state,
      ...(this.asOf ? { asOf: this.asOf } : {}),
      ...(error ? { error } : {}),
      problems: this.resources.flatMap((r) =>
        r.state.state === 'unavailable'
          ? [
              {
                resource: r.name,
                ...(r.namespace ? { namespace: r.namespace } : {}),
                error: r.state.error.toContract(),
              },
            ]
          : [],
      ),
    };
  }
}

export const clusterKey = (ref: ClusterRef) => `${ref.connection}/${ref.context}`;
