// Reading and writing the four kinds the actions touch, over the context's client-node clients.
// Failures arrive as SourceErrors (the clients are wrapped); 404 and 409 are told apart by status.
import type { ActionTargetKind } from '../../../../../shared/contract/pipeline-actions';
import type { KubeClients } from '../../../sources/kubernetes';
import { SourceError } from '../../../sources/source-error';
import type { KubeObjectLike } from '../normalize';
import type { NewObject } from './run-now';

const argo = { group: 'argoproj.io', version: 'v1alpha1' } as const;
const plural: Record<'Workflow' | 'CronWorkflow', string> = {
  Workflow: 'workflows',
  CronWorkflow: 'cronworkflows',
};

export async function readObject(
  clients: KubeClients,
  kind: ActionTargetKind,
  namespace: string,
  name: string,
): Promise<KubeObjectLike> {
  switch (kind) {
    case 'Workflow':
    case 'CronWorkflow':
      return (await clients.customObjects.getNamespacedCustomObject({
        ...argo,
        plural: plural[kind],
        namespace,
        name,
      })) as KubeObjectLike;
    case 'Job':
      return (await clients.batch.readNamespacedJob({ namespace, name })) as KubeObjectLike;
    case 'CronJob':
      return (await clients.batch.readNamespacedCronJob({ namespace, name })) as KubeObjectLike;
  }
}

/** Creates, or on 409 returns the object already there under that name. */
export async function createObject(
  clients: KubeClients,
  obj: NewObject,
): Promise<{ created: boolean; obj: KubeObjectLike }> {
  const { namespace, name } = obj.metadata;
  const kind = obj.kind as 'Workflow' | 'Job';
  try {
    const made =
      kind === 'Job'
        ? await clients.batch.createNamespacedJob({ namespace, body: obj as never })
        : await clients.customObjects.createNamespacedCustomObject({
            ...argo,
            plural: 'workflows',
            namespace,
            body: obj,
          });
    return { created: true, obj: made as KubeObjectLike };
  } catch (error) {
    if (error instanceof SourceError && error.status === 409)
      return { created: false, obj: await readObject(clients, kind, namespace, name) };
    throw error;
  }
}

export async function replaceWorkflow(clients: KubeClients, obj: KubeObjectLike): Promise<void> {
  await clients.customObjects.replaceNamespacedCustomObject({
    ...argo,
    plural: 'workflows',
    namespace: obj.metadata?.namespace ?? '',
    name: obj.metadata?.name ?? '',
    body: obj,
  });
}

export async function setSuspend(
  clients: KubeClients,
  kind: 'CronWorkflow' | 'CronJob',
  namespace: string,
  name: string,
  suspend: boolean,
): Promise<void> {
  // A JSON patch (client-node's default patch type): "add" sets the field whether or not it exists.
  const body = [{ op: 'add', path: '/spec/suspend', value: suspend }];
  if (kind === 'CronJob') await clients.batch.patchNamespacedCronJob({ namespace, name, body });
  else
    await clients.customObjects.patchNamespacedCustomObject({
      ...argo,
      plural: 'cronworkflows',
      namespace,
      name,
      body,
    });
}

/** Deletes the pods of the given Argo nodes (found by their node-id annotation); gone is fine. */
export async function deleteStepPods(
  clients: KubeClients,
  namespace: string,
  workflow: string,
  nodeIds: string[],
): Promise<number> {
  if (!nodeIds.length) return 0;
  const wanted = new Set(nodeIds);
  const pods = await clients.core.listNamespacedPod({
    namespace,
    labelSelector: `workflows.argoproj.io/workflow=${workflow}`,
  });
  let deleted = 0;
  for (const pod of pods.items) {
    const id = pod.metadata?.annotations?.['workflows.argoproj.io/node-id'];
    if (!id || !wanted.has(id) || !pod.metadata?.name) continue;
    try {
      await clients.core.deleteNamespacedPod({ namespace, name: pod.metadata.name });
      deleted++;
    } catch (error) {
      if (!(error instanceof SourceError && error.status === 404)) throw error;
    }
  }
  return deleted;
}
