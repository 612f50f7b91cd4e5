import type { ActionTarget } from '../../../../../shared/contract/pipeline-actions';
import type { HostContext } from '../../../host-context';
import type { KubeClients } from '../../../sources/kubernetes';
import type { Handlers } from '../../../transport/dispatcher';
import { CallFailure } from '../../../transport/failure';
import type { KubernetesLiveSource } from '../../sources/adapters/kubernetes';
import { availability } from './availability';
import { readObject } from './kube-objects';
import { performAction } from './perform';

async function clientsFor(ctx: HostContext, target: ActionTarget): Promise<KubeClients> {
  const workspace = ctx.workspace();
  if (workspace.connection(target.connection).kind !== 'kubernetes')
    throw new CallFailure('bad_request', `"${target.connection}" is not a Kubernetes connection`);
  const kube = await (workspace.source(target.connection) as KubernetesLiveSource).kube();
  return kube.client(target.context);
}

export function pipelineActionsHandlers(
  ctx: HostContext,
): Pick<Handlers, 'pipelines.actions' | 'pipelines.act'> {
  return {
    'pipelines.actions': async ({ target }) => {
      const clients = await clientsFor(ctx, target);
      const obj = await readObject(clients, target.kind, target.namespace, target.name);
      return availability(clients, target, obj);
    },
    'pipelines.act': async (request) =>
      performAction(ctx, await clientsFor(ctx, request.target), request),
  };
}
