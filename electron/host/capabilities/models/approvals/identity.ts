// Who the console acts as when it approves: the registry login of the MLflow connection (its
// basic-auth username), else the user of the current kube context. Never typed by the user, so
// an approval names an identity some system authenticated.
import type { ApprovalState } from '../../../../../shared/contract/approvals';
import type { HostContext } from '../../../host-context';
import type { KubernetesLiveSource } from '../../sources/adapters/kubernetes';

export type Identity = NonNullable<ApprovalState['identity']>;

export async function approverIdentity(ctx: HostContext, id: string): Promise<Identity | null> {
  const workspace = ctx.workspace();
  const registry = workspace.connection(id);
  if (registry.kind === 'mlflow' && registry.auth.type === 'basic') {
    return { user: registry.auth.username, from: `the MLflow login of "${registry.name}"` };
  }
  for (const declared of workspace.definition.connections) {
    const connection = declared.connection;
    if (connection.kind !== 'kubernetes') continue;
    try {
      const kube = await (workspace.source(connection.id) as KubernetesLiveSource).kube();
      const contexts = kube.contexts();
      const current = contexts.find((c) => c.current) ?? contexts[0];
      if (current?.user) {
        return { user: current.user, from: `the user of kube context "${current.name}"` };
      }
    } catch (error) {
      ctx.log.warn({ err: error, connection: connection.id }, 'kubeconfig unreadable for identity');
    }
  }
  return null;
}
