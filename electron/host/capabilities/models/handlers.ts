// The Models capability's calls: registry reads through the snapshot cache, so each page paints
// at once with its last-known answer and says how fresh it is.
import type { Handlers } from '../../transport/dispatcher';
import { CallFailure } from '../../transport/failure';
import type { HostContext } from '../../host-context';
import type { MlflowLiveSource } from '../sources/adapters/mlflow';
import type { KubernetesLiveSource } from '../sources/adapters/kubernetes';
import { readSelectedContexts } from '../sources/selected-contexts';
import { readThroughSnapshot } from '../sources/snapshot';
import { compareWithAlias, getModel, getVersionPage, listModels } from './registry-reads';
import { findServing, type ServingContext } from './serving-search';

type ModelsCalls =
  'models.list' | 'models.get' | 'models.version' | 'models.compare' | 'models.serving';

export function modelsHandlers(ctx: HostContext): Pick<Handlers, ModelsCalls> {
  /** The MLflow connection's client, and where its answers are cached. */
  const registry = async (id: string) => {
    const workspace = ctx.workspace();
    if (workspace.connection(id).kind !== 'mlflow') {
      throw new CallFailure('bad_request', `"${id}" is not an MLflow connection`);
    }
    const source = workspace.source(id) as MlflowLiveSource;
    return { workspace, snapshot: workspace.snapshotSource(id), client: () => source.client() };
  };

  const cached = async <T>(
    id: string,
    key: string,
    from: 'cache' | 'live',
    fetch: (client: Awaited<ReturnType<MlflowLiveSource['client']>>) => Promise<T>,
  ) => {
    const { snapshot, client } = await registry(id);
    return readThroughSnapshot({
      store: ctx.store,
      source: snapshot,
      key,
      from,
      fetch: async () => fetch(await client()),
    });
  };

  /** The selected contexts of every Kubernetes connection of the open workspace. */
  const servingContexts = async (): Promise<ServingContext[]> => {
    const workspace = ctx.workspace();
    const kubes = workspace.definition.connections
      .map((c) => c.connection)
      .filter((c) => c.kind === 'kubernetes');
    const found = await Promise.all(
      kubes.map(async (connection) => {
        const kube = await (workspace.source(connection.id) as KubernetesLiveSource).kube();
        const names = kube.contexts().map((c) => c.name);
        const chosen = readSelectedContexts(ctx.store, workspace.id, connection.id)?.filter((n) =>
          names.includes(n),
        );
        const current = kube.contexts().find((c) => c.current)?.name ?? names[0];
        const contexts = chosen ?? (current ? [current] : []);
        return contexts.map((context) => ({
          connection: connection.id,
          context,
          clients: () => kube.client(context),
        }));
      }),
    );
    return found.flat();
  };

  return {
    'models.list': ({ id, from, search, pageSize, pageToken }) =>
      cached(id, `models.list:${pageSize}:${search}:${pageToken ?? ''}`, from, (mlflow) =>
        listModels(mlflow, { search, pageSize, pageToken }),
      ),
    'models.get': ({ id, from, name }) =>
      cached(id, `models.get:${name}`, from, (mlflow) => getModel(mlflow, name)),
    'models.version': ({ id, from, name, version }) =>
      cached(id, `models.version:${name}:${version}`, from, (mlflow) =>
        getVersionPage(mlflow, name, version),
      ),
    'models.compare': ({ id, from, name, version, against }) =>
      cached(id, `models.compare:${name}:${version}:${against}`, from, (mlflow) =>
        compareWithAlias(mlflow, name, version, against),
      ),
    'models.serving': ({ id, from, name }) =>
      cached(id, `models.serving:${name}`, from, async (mlflow) => {
        const model = await mlflow.getRegisteredModel(name);
        return findServing(name, model.aliases, await servingContexts());
      }),
  };
}
