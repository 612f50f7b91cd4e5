// An MLflow tracking server as a live source. The client is built on first use, since building
// it resolves the connection's secret.
import type { MlflowConnection } from '../../../../../shared/model/connection';
import {
  createMlflowSource,
  testMlflowConnection,
  type MlflowSource,
} from '../../../sources/mlflow';
import { runConnectionTest } from '../../../sources/connection-test';
import type { SecretResolver } from '../source-factory';
import type { LiveSource } from '../live-source';

export interface MlflowLiveSource extends LiveSource {
  client(): Promise<MlflowSource>;
}

export function mlflowLiveSource(
  connection: MlflowConnection,
  deps: { resolveSecret: SecretResolver },
): MlflowLiveSource {
  let client: Promise<MlflowSource> | undefined;
  const get = () => {
    client ??= createMlflowSource(connection, deps.resolveSecret);
    // A failed build (missing secret, unreadable CA) is retried on the next ask.
    client.catch(() => (client = undefined));
    return client;
  };
  return {
    connection,
    client: get,
    async test() {
      const result = await get().then(
        (source) => testMlflowConnection(source),
        (error: unknown) =>
          runConnectionTest(connection.id, () => {
            throw error;
          }),
      );
      return [{ target: connection.trackingUri, result }];
    },
    async headline() {
      const source = await get();
      const [serverVersion, registry] = await Promise.all([
        source.version().catch(() => undefined),
        countRegistry(source),
      ]);
      return {
        kind: 'mlflow',
        registeredModels: registry.models,
        aliasedVersions: registry.aliasedVersions,
        ...(serverVersion ? { serverVersion: `MLflow ${serverVersion}` } : {}),
      };
    },
    async close() {
      const pending = client;
      client = undefined;
      await pending?.then((c) => c.close()).catch(() => undefined);
    },
  };
}

/** Registered models, and distinct versions that carry an alias (champion, challenger...). */
async function countRegistry(
  source: MlflowSource,
): Promise<{ models: number; aliasedVersions: number }> {
  let models = 0;
  let aliasedVersions = 0;
  let pageToken: string | undefined;
  do {
    const page = await source.searchRegisteredModels({
      maxResults: 1000,
      ...(pageToken ? { pageToken } : {}),
    });
    models += page.items.length;
    for (const model of page.items)
      aliasedVersions += new Set(model.aliases.map((a) => a.version)).size;
    pageToken = page.nextPageToken;
  } while (pageToken);
  return { models, aliasedVersions };
}
