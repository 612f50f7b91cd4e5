// Keeps the Serving page live: once it has been read, InferenceServices and Deployments of every
// selected cluster are watched (list then watch, 410 relist, backoff: the pipelines' WatchEngine)
// and any change is announced as `serving.changed`, at most once a second, so the page reads
// again. The objects themselves are not kept here: a read lists them with their pods.
import type { HostContext } from '../../host-context';
import type { KubeClients } from '../../sources/kubernetes';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import type { KubernetesLiveSource } from '../sources/adapters/kubernetes';
import type { ClusterRef, KubeObjectLike } from '../pipelines/normalize';
import { toWatchError } from '../pipelines/watch-error';
import { WatchEngine, type ListPage, type ResourceApi } from '../pipelines/watch-engine';

interface ListAnswer {
  items?: unknown[];
  metadata?: { resourceVersion?: string; _continue?: string; continue?: string };
}

const page = (answer: ListAnswer): ListPage<KubeObjectLike> => {
  const next = answer.metadata?._continue || answer.metadata?.continue;
  return {
    items: (answer.items ?? []) as KubeObjectLike[],
    resourceVersion: answer.metadata?.resourceVersion ?? '',
    ...(next ? { continue: next } : {}),
  };
};

function resourceApi(
  clients: KubeClients,
  path: string,
  list: (limit: number, token?: string) => Promise<unknown>,
): ResourceApi<KubeObjectLike> {
  return {
    list: async ({ limit, continue: token }) => page((await list(limit, token)) as ListAnswer),
    watch: async (resourceVersion, onEvent, onDone) => {
      const { Watch } = await import('@kubernetes/client-node');
      return new Watch(clients.kubeConfig).watch(
        path,
        { resourceVersion, allowWatchBookmarks: true },
        (type: string, obj: unknown) => onEvent(type, obj),
        (error: unknown) => onDone(error ?? undefined),
      );
    },
  };
}

function servingApis(clients: KubeClients) {
  return [
    {
      name: 'InferenceServices',
      api: resourceApi(clients, '/apis/serving.kserve.io/v1beta1/inferenceservices', (limit, t) =>
        clients.customObjects.listClusterCustomObject({
          group: 'serving.kserve.io',
          version: 'v1beta1',
          plural: 'inferenceservices',
          limit,
          ...(t ? { _continue: t } : {}),
        }),
      ),
    },
    {
      name: 'Deployments',
      api: resourceApi(clients, '/apis/apps/v1/deployments', (limit, t) =>
        clients.apps.listDeploymentForAllNamespaces({ limit, ...(t ? { _continue: t } : {}) }),
      ),
    },
  ];
}

export class ServingWatch {
  private engines: WatchEngine<KubeObjectLike, string>[] = [];
  private watching = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: HostContext,
    private readonly debounceMs = 1_000,
  ) {}

  /** Watches these clusters (and no others); a no-op when they are already watched. */
  async ensure(workspace: OpenWorkspace, refs: ClusterRef[]): Promise<void> {
    const key = `${workspace.id}|${refs.map((r) => `${r.connection}/${r.context}`).join(',')}`;
    if (key === this.watching) return;
    this.stop();
    this.watching = key;
    for (const ref of refs) {
      let clients: KubeClients;
      try {
        const kube = await (workspace.source(ref.connection) as KubernetesLiveSource).kube();
        clients = kube.client(ref.context);
      } catch {
        continue; // The read reports the cluster as down; nothing to watch.
      }
      // Stopped (the host closing) or asked for other clusters while the client loaded: these
      // watches would retry for ever with nobody to stop them.
      if (this.watching !== key) return;
      for (const { name, api } of servingApis(clients)) {
        let listed = false;
        const engine = new WatchEngine<KubeObjectLike, string>({
          api,
          resource: name,
          normalize: (obj) => obj?.metadata?.resourceVersion ?? '',
          key: (obj) =>
            obj?.metadata?.name
              ? `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`
              : undefined,
          onChange: () => {
            // The first list is what the read already showed.
            if (listed) this.announce();
            listed = true;
          },
          onState: () => undefined,
          toError: (error) => toWatchError(error, ref.connection),
        });
        this.engines.push(engine);
        engine.start();
      }
    }
  }

  private announce(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.ctx.events.emit('serving.changed', { at: new Date().toISOString() });
    }, this.debounceMs);
    this.timer.unref?.();
  }

  stop(): void {
    for (const engine of this.engines) engine.stop();
    this.engines = [];
    this.watching = '';
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
