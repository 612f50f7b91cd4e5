// The kube contexts a promotion may touch: the selected contexts of every Kubernetes connection of
// the open workspace (the kubeconfig's current context when none is chosen), as the registry view
// searches them for serving objects.
import type { HostContext } from '../../../host-context';
import type { KubernetesLiveSource } from '../../sources/adapters/kubernetes';
import { readSelectedContexts } from '../../sources/selected-contexts';
import type { ServingContext } from './serving-cluster';

export async function workspaceClusters(ctx: HostContext): Promise<ServingContext[]> {
  const workspace = ctx.workspace();
  const kubes = workspace.definition.connections
    .map((c) => c.connection)
    .filter((c) => c.kind === 'kubernetes');
  const found = await Promise.all(
    kubes.map(async (connection) => {
      const kube = await (workspace.source(connection.id) as KubernetesLiveSource).kube();
      const all = kube.contexts();
      const names = all.map((c) => c.name);
      const chosen = readSelectedContexts(ctx.store, workspace.id, connection.id)?.filter((n) =>
        names.includes(n),
      );
      const current = all.find((c) => c.current)?.name ?? names[0];
      const contexts = chosen ?? (current ? [current] : []);
      return contexts.flatMap((name) => {
        const info = all.find((c) => c.name === name);
        if (!info) return [];
        return [
          {
            connection: connection.id,
            context: name,
            server: info.server,
            user: info.user,
            clients: () => kube.client(name),
          },
        ];
      });
    }),
  );
  return found.flat();
}
