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
      const [serverVersion, registeredModels] = await Promise.all([
        source.version().catch(() => undefined),
        source.countRegisteredModels(),
      ]);
      return {
        kind: 'mlflow',
        registeredModels,
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
