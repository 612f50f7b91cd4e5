// The two watched resources over @kubernetes/client-node: Argo Workflows (a CRD that may be
// missing) and batch/v1 Jobs, across all namespaces of one context.
import type { KubeClients } from '../../sources/kubernetes';
import type { ListPage, ResourceApi } from './watch-engine';
import type { KubeObjectLike } from './normalize';

interface ListAnswer {
  items?: unknown[];
  metadata?: { resourceVersion?: string; _continue?: string; continue?: string };
}

function page(answer: ListAnswer): ListPage<KubeObjectLike> {
  return {
    items: (answer.items ?? []) as KubeObjectLike[],
    resourceVersion: answer.metadata?.resourceVersion ?? '',
    ...((answer.metadata?._continue ?? answer.metadata?.continue)
      ? { continue: answer.metadata?._continue ?? answer.metadata?.continue }
      : {}),
  };
}

function watchPath(clients: KubeClients, path: string): ResourceApi<KubeObjectLike>['watch'] {
  return async (resourceVersion, onEvent, onDone) => {
    // Imported here, not at the top: client-node takes most of a second to load, and the host
    // loads it after the window has painted (see adapters/kubernetes.ts).
    const { Watch } = await import('@kubernetes/client-node');
    const watch = new Watch(clients.kubeConfig);
    return watch.watch(
      path,
      { resourceVersion, allowWatchBookmarks: true },
      (type: string, obj: unknown) => onEvent(type, obj),
      (error: unknown) => onDone(error ?? undefined),
    );
  };
}

export function workflowsApi(clients: KubeClients): ResourceApi<KubeObjectLike> {
  return {
    list: async ({ limit, continue: token }) =>
      page(
        (await clients.customObjects.listClusterCustomObject({
          group: 'argoproj.io',
          version: 'v1alpha1',
          plural: 'workflows',
          limit,
          ...(token ? { _continue: token } : {}),
        })) as ListAnswer,
      ),
    watch: watchPath(clients, '/apis/argoproj.io/v1alpha1/workflows'),
  };
}

export function jobsApi(clients: KubeClients): ResourceApi<KubeObjectLike> {
  return {
    list: async ({ limit, continue: token }) =>
      page(
        (await clients.batch.listJobForAllNamespaces({
          limit,
          ...(token ? { _continue: token } : {}),
        })) as unknown as ListAnswer,
      ),
    watch: watchPath(clients, '/apis/batch/v1/jobs'),
  };
}
