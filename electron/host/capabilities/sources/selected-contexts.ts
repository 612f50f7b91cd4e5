// Which kube contexts the user connects to, per workspace and connection. None is dialled
// before it is chosen; by default, the kubeconfig's current context.
import type { Store } from '../../store';

const key = (workspaceId: string, connectionId: string) =>
  `kubernetes.selectedContexts.${workspaceId}.${connectionId}`;

export function readSelectedContexts(
  store: Store,
  workspaceId: string,
  connectionId: string,
): string[] | undefined {
  return store.settings.get<string[]>(key(workspaceId, connectionId));
}

export function writeSelectedContexts(
  store: Store,
  workspaceId: string,
  connectionId: string,
  contexts: string[],
): void {
  store.settings.set(key(workspaceId, connectionId), [...new Set(contexts)]);
}
