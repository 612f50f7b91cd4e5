// The two watched resources over @kubernetes/client-node: Argo Workflows (a CRD that may be
// missing) and batch/v1 Jobs, across all namespaces of one context or in one namespace.
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

/** Workflows of every namespace, or of one (for users who may not list them cluster-wide). */
export function workflowsApi(
  clients: KubeClients,
  namespace?: string,
): ResourceApi<KubeObjectLike> {
  const argo = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows' };
  return {
    list: async ({ limit, continue: token }) => {
      const paging = { limit, ...(token ? { _continue: token } : {}) };
      return page(
        (namespace
          ? await clients.customObjects.listNamespacedCustomObject({
              ...argo,
              namespace,
              ...paging,
            })
          : await clients.customObjects.listClusterCustomObject({
              ...argo,
              ...paging,
            })) as ListAnswer,
      );
    },
    watch: watchPath(
      clients,
      namespace
        ? `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflows`
        : '/apis/argoproj.io/v1alpha1/workflows',
    ),
  };
}

export function jobsApi(clients: KubeClients, namespace?: string): ResourceApi<KubeObjectLike> {
  return {
    list: async ({ limit, continue: token }) => {
      const paging = { limit, ...(token ? { _continue: token } : {}) };
      return page(
        (namespace
          ? await clients.batch.listNamespacedJob({ namespace, ...paging })
          : await clients.batch.listJobForAllNamespaces(paging)) as unknown as ListAnswer,
      );
    },
    watch: watchPath(
      clients,
      namespace ? `/apis/batch/v1/namespaces/${namespace}/jobs` : '/apis/batch/v1/jobs',
    ),
  };
}

/**
 * The namespaces to watch one by one when a cluster-wide list is refused: every namespace, when
 * the user may list them; otherwise the kubeconfig context's namespace (as kubectl would use).
 */
export async function reachableNamespaces(clients: KubeClients): Promise<string[]> {
  try {
    const list = await clients.core.listNamespace();
    return list.items.flatMap((n) => (n.metadata?.name ? [n.metadata.name] : []));
  } catch {
    return clients.context.namespace ? [clients.context.namespace] : ['default'];
  }
}
