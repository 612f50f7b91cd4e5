// The live pipeline runs of every selected cluster of the open workspace: one watch per cluster
// and resource, started when the Pipelines page first asks (never before), changes pushed to the
// renderer in batches over `pipelines.changed`, the last-known runs of each cluster kept in the
// snapshot store so the page paints at once and a cluster that drops stays on screen, greyed.
import type { ClusterState, PipelineRun } from '../../../../shared/contract/pipelines';
import type { HostContext } from '../../host-context';
import type { KubeClients } from '../../sources/kubernetes';
import { SourceError } from '../../sources/source-error';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import type { KubernetesLiveSource } from '../sources/adapters/kubernetes';
import { readSelectedContexts } from '../sources/selected-contexts';
import { ClusterWatch, clusterKey, type ResourceWatch } from './cluster-watch';
import { jobsApi, reachableNamespaces, workflowsApi } from './kube-resources';
import { jobRun, workflowRun, type ClusterRef, type KubeObjectLike } from './normalize';
import {
  type CachedFleet,
  readCachedRuns,
  readClusterCache,
  writeClusterCache,
} from './runs-cache';
import { WatchEngine, type ResourceApi } from './watch-engine';
import { toWatchError } from './watch-error';

export interface PipelineWatchOptions {
  batchMs?: number;
  snapshotMs?: number;
  /** How long a live read waits for the first lists before answering with what it has. */
  settleMs?: number;
  watchdogMs?: number;
  backoff?: { baseMs: number; maxMs: number };
  /** The resources watched per cluster; tests replace them with fakes. */
  resources?: (clients: KubeClients) => WatchedResource[];
  /** The namespaces to watch one by one when a cluster-wide list is refused; tests replace it. */
  namespaces?: (clients: KubeClients) => Promise<string[]>;
}

export interface WatchedResource {
  name: string;
  api: ResourceApi<KubeObjectLike>;
  kind: 'Workflow' | 'Job';
  /** The same resource in one namespace, for users who may not list it cluster-wide. */
  inNamespace?: (namespace: string) => ResourceApi<KubeObjectLike>;
}

export class PipelineWatches {
  private workspace: OpenWorkspace | undefined;
  private readonly clusters = new Map<string, ClusterWatch>();
  private pendingUpserts = new Map<string, PipelineRun>();
  private pendingDeletes = new Set<string>();
  private pendingClusters = new Set<string>();
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | undefined;
  private snapshotTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: HostContext,
    private readonly opts: PipelineWatchOptions = {},
  ) {}

  /** The clusters the user chose: every Kubernetes connection's selected contexts. */
  async selectedClusters(workspace: OpenWorkspace): Promise<ClusterRef[]> {
    const refs: ClusterRef[] = [];
    for (const { connection } of workspace.definition.connections) {
      if (connection.kind !== 'kubernetes') continue;
      const kube = await (workspace.source(connection.id) as KubernetesLiveSource).kube();
      const names = kube.contexts().map((c) => c.name);
      const chosen = readSelectedContexts(this.ctx.store, workspace.id, connection.id)?.filter(
        (n) => names.includes(n),
      );
      const contexts = chosen ?? [kube.contexts().find((c) => c.current)?.name ?? names[0]];
      for (const context of contexts)
        if (context) refs.push({ connection: connection.id, context });
    }
    return refs;
  }

  /** What the page paints first: the last-known runs of every selected cluster. */
  fromCache(): CachedFleet {
    return readCachedRuns(this.ctx, this.ctx.workspace());
  }

  /** Starts (or adjusts) the watches and answers once the first lists landed or failed. */
  async live(): Promise<{ runs: PipelineRun[]; clusters: ClusterState[] }> {
    const workspace = this.ctx.workspace();
    if (workspace !== this.workspace) {
      this.stop();
      this.workspace = workspace;
    }
    const wanted = await this.selectedClusters(workspace);
    // Stopped while the kubeconfig loaded (the host closing, the workspace switched): nothing
    // may start now, or its watches would retry against a cluster nobody looks at, for ever.
    if (workspace !== this.workspace) return { runs: [], clusters: [] };
    const keys = new Set(wanted.map(clusterKey));
    for (const [key, cluster] of this.clusters) {
      if (!keys.has(key)) {
        this.stopCluster(cluster);
        this.clusters.delete(key);
        for (const id of cluster.runs.keys()) this.queueDelete(id);
      }
    }
    for (const ref of wanted) {
      if (!this.clusters.has(clusterKey(ref))) await this.startCluster(workspace, ref);
    }
    const watching = [...this.clusters.values()];
    await Promise.race([
      Promise.all(watching.map((c) => c.settled)),
      new Promise((resolve) => setTimeout(resolve, this.opts.settleMs ?? 10_000).unref()),
    ]);
    return {
      runs: watching.flatMap((c) => [...c.runs.values()]),
      clusters: watching.map((c) => c.view()),
    };
  }

  /** Full lists made so far by every watch (the first ones, then one per 410): for tests. */
  listCount(): number {
    let n = 0;
    for (const cluster of this.clusters.values())
      for (const r of cluster.resources) n += r.engine?.lists ?? 0;
    return n;
  }

  run(id: string): PipelineRun | undefined {
    for (const cluster of this.clusters.values()) {
      const run = cluster.runs.get(id);
      if (run) return run;
    }
    return undefined;
  }

  stop(): void {
    for (const cluster of this.clusters.values()) this.stopCluster(cluster);
    this.writeSnapshots();
    this.clusters.clear();
    clearTimeout(this.flushTimer);
    clearTimeout(this.snapshotTimer);
    this.flushTimer = undefined;
    this.snapshotTimer = undefined;
    this.pendingUpserts.clear();
    this.pendingDeletes.clear();
    this.pendingClusters.clear();
    this.workspace = undefined;
  }

  private stopCluster(cluster: ClusterWatch): void {
    for (const r of cluster.resources) r.engine?.stop();
  }

  private async startCluster(workspace: OpenWorkspace, ref: ClusterRef): Promise<void> {
    const cluster = new ClusterWatch(ref);
    this.clusters.set(clusterKey(ref), cluster);
    const cached = readClusterCache(this.ctx, workspace, ref);
    if (cached) {
      for (const run of cached.runs) {
        cluster.runs.set(run.id, run);
        cluster.cachedIds.add(run.id);
      }
      cluster.asOf = cached.asOf;
    }
    let clients: KubeClients;
    try {
      const kube = await (workspace.source(ref.connection) as KubernetesLiveSource).kube();
      clients = kube.client(ref.context);
    } catch (error) {
      if (this.clusters.get(clusterKey(ref)) !== cluster) return;
      cluster.failure =
        error instanceof SourceError
          ? error.toContract()
          : { code: 'internal', message: (error as Error).message };
      cluster.checkSettled();
      this.queueCluster(cluster);
      return;
    }
    // Stopped, or the cluster deselected, while the client loaded: start nothing.
    if (this.clusters.get(clusterKey(ref)) !== cluster) return;
    const resources = (this.opts.resources ?? defaultResources)(clients);
    for (const resource of resources) this.watchResource(cluster, clients, resource);
    for (const r of cluster.resources) r.engine?.start();
  }

  /** One watch of a resource, cluster-wide or (namespace set) in one namespace. */
  private watchResource(
    cluster: ClusterWatch,
    clients: KubeClients,
    resource: WatchedResource,
    namespace?: string,
  ): ResourceWatch {
    const ref = cluster.ref;
    const watch: ResourceWatch = {
      name: resource.name,
      ...(namespace ? { namespace } : {}),
      state: { state: 'connecting' },
    };
    cluster.resources.push(watch);
    const normalize = resource.kind === 'Workflow' ? workflowRun : jobRun;
    // The first list replaces the cached runs it covers: of its kind, in its namespace if any.
    const covers = `${clusterKey(ref)}/${resource.kind}/${namespace ? `${namespace}/` : ''}`;
    const api = namespace && resource.inNamespace ? resource.inNamespace(namespace) : resource.api;
    watch.engine = new WatchEngine<KubeObjectLike, PipelineRun>({
      api,
      resource: namespace ? `${resource.name} in ${namespace}` : resource.name,
      normalize: (obj) => (obj?.metadata?.name ? normalize(ref, obj) : undefined),
      key: (obj) =>
        obj?.metadata?.name
          ? `${ref.connection}/${ref.context}/${resource.kind}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}`
          : undefined,
      onChange: ({ upserts, deletes }) => {
        if (!watch.listed) {
          watch.listed = true;
          const listed = new Set(upserts.map((r) => r.id));
          for (const id of cluster.cachedIds) {
            if (id.startsWith(covers) && !listed.has(id)) {
              cluster.runs.delete(id);
              cluster.cachedIds.delete(id);
              this.queueDelete(id);
            }
          }
        }
        for (const run of upserts) {
          cluster.runs.set(run.id, run);
          this.queueUpsert(run);
        }
        for (const id of deletes) {
          cluster.runs.delete(id);
          this.queueDelete(id);
        }
        cluster.asOf = new Date().toISOString();
        this.dirty.add(clusterKey(ref));
        this.scheduleSnapshot();
      },
      onState: (state) => {
        if (
          !namespace &&
          resource.inNamespace &&
          state.state === 'unavailable' &&
          state.error.status === 403
        ) {
          // Refused cluster-wide: watch each namespace the user can reach instead.
          void this.fallBackToNamespaces(cluster, clients, resource, watch, state.error);
          return;
        }
        watch.state = state;
        cluster.checkSettled();
        this.queueCluster(cluster);
      },
      ...(this.opts.watchdogMs ? { watchdogMs: this.opts.watchdogMs } : {}),
      ...(this.opts.backoff ? { backoff: this.opts.backoff } : {}),
      toError: (error) => toWatchError(error, ref.connection),
    });
    return watch;
  }

  private async fallBackToNamespaces(
    cluster: ClusterWatch,
    clients: KubeClients,
    resource: WatchedResource,
    watch: ResourceWatch,
    refusal: SourceError,
  ): Promise<void> {
    const namespaces = await (this.opts.namespaces ?? reachableNamespaces)(clients).catch(
      () => [] as string[],
    );
    // Stopped or replaced meanwhile: nothing to do.
    if (this.clusters.get(clusterKey(cluster.ref)) !== cluster) return;
    if (!namespaces.length) {
      watch.state = { state: 'unavailable', error: refusal };
    } else {
      cluster.resources.splice(cluster.resources.indexOf(watch), 1);
      for (const namespace of namespaces)
        this.watchResource(cluster, clients, resource, namespace).engine?.start();
    }
    cluster.checkSettled();
    this.queueCluster(cluster);
  }

  private queueUpsert(run: PipelineRun): void {
    this.pendingDeletes.delete(run.id);
    this.pendingUpserts.set(run.id, run);
    this.scheduleFlush();
  }

  private queueDelete(id: string): void {
    this.pendingUpserts.delete(id);
    this.pendingDeletes.add(id);
    this.scheduleFlush();
  }

  private queueCluster(cluster: ClusterWatch): void {
    this.pendingClusters.add(clusterKey(cluster.ref));
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), this.opts.batchMs ?? 250);
    this.flushTimer.unref?.();
  }

  /** Sends what changed since the last batch. */
  flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.pendingUpserts.size && !this.pendingDeletes.size && !this.pendingClusters.size)
      return;
    const clusters = [...this.pendingClusters]
      .map((key) => this.clusters.get(key)?.view())
      .filter((c): c is ClusterState => c !== undefined);
    const payload = {
      upserts: [...this.pendingUpserts.values()],
      deletes: [...this.pendingDeletes],
      clusters,
    };
    this.pendingUpserts = new Map();
    this.pendingDeletes = new Set();
    this.pendingClusters = new Set();
    this.ctx.events.emit('pipelines.changed', payload);
  }

  private scheduleSnapshot(): void {
    if (this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      this.writeSnapshots();
    }, this.opts.snapshotMs ?? 2_000);
    this.snapshotTimer.unref?.();
  }

  private writeSnapshots(): void {
    const workspace = this.workspace;
    if (!workspace) return;
    for (const key of this.dirty) {
      const cluster = this.clusters.get(key);
      if (!cluster?.asOf) continue;
      try {
        writeClusterCache(this.ctx, workspace, cluster.ref, {
          runs: [...cluster.runs.values()],
          asOf: cluster.asOf,
        });
      } catch (error) {
        this.ctx.log.warn({ err: error }, 'could not cache pipeline runs');
      }
    }
    this.dirty.clear();
  }
}

function defaultResources(clients: KubeClients): WatchedResource[] {
  return [
    {
      name: 'Argo Workflows',
      api: workflowsApi(clients),
      kind: 'Workflow',
      inNamespace: (ns) => workflowsApi(clients, ns),
    },
    { name: 'Jobs', api: jobsApi(clients), kind: 'Job', inNamespace: (ns) => jobsApi(clients, ns) },
  ];
}
