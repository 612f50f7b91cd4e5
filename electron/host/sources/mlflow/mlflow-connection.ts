// Connecting to an MLflow server: from a configured connection (secrets resolved through the
// host's vault), from the MLFLOW_TRACKING_* environment the Python client reads, and the
// "Test connection" probe.
import { readFile } from 'node:fs/promises';
import type {
  ConnectionTestResult,
  MlflowConnection,
  SecretRef,
} from '../../../../shared/model/connection';
import { mlflowConnection } from '../../../../shared/model/connection';
import { runConnectionTest } from '../connection-test';
import { HttpClient, type HttpAuth } from '../http-client';
import { SourceError } from '../source-error';
import { readMlflowErrorBody } from './mlflow-errors';
import { MlflowSource } from './mlflow-source';

export type ResolveSecret = (ref: SecretRef) => Promise<string>;

export async function createMlflowSource(
  conn: MlflowConnection,
  resolveSecret: ResolveSecret,
  opts: { timeoutMs?: number } = {},
): Promise<MlflowSource> {
  const auth = await resolveAuth(conn, resolveSecret);
  let ca: string | undefined;
  if (conn.caFile) {
    try {
      ca = await readFile(conn.caFile, 'utf8');
    } catch (error) {
      throw new SourceError(
        'tls',
        `${conn.id}: cannot read the CA file ${conn.caFile}: ${(error as Error).message}`,
        {
          source: conn.id,
          cause: error,
        },
      );
    }
  }
  const http = new HttpClient(
    {
      source: conn.id,
      baseUrl: conn.trackingUri,
      auth,
      ...(ca ? { ca } : {}),
      ...(conn.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
      ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    },
    readMlflowErrorBody,
  );
  return new MlflowSource(http);
}

async function resolveAuth(
  conn: MlflowConnection,
  resolveSecret: ResolveSecret,
): Promise<HttpAuth> {
  const auth = conn.auth ?? { type: 'none' };
  try {
    if (auth.type === 'bearer') return { type: 'bearer', token: await resolveSecret(auth.token) };
    if (auth.type === 'basic')
      return {
        type: 'basic',
        username: auth.username,
        password: await resolveSecret(auth.password),
      };
    return { type: 'none' };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError(
      'unauthorized',
      `${conn.id}: cannot read its credentials: ${(error as Error).message}`,
      {
        source: conn.id,
        cause: error,
      },
    );
  }
}

/**
 * "Test connection": /version says what the server is; an authenticated search then proves the
 * credentials, since a server without auth answers /version to anyone.
 */
export function testMlflowConnection(source: MlflowSource): Promise<ConnectionTestResult> {
  return runConnectionTest(source.id, async () => {
    const version = await source.version();
    const models = await source.searchRegisteredModels({ maxResults: 1 });
    return {
      serverVersion: `MLflow ${version}`,
      message: `Connected to MLflow ${version}${models.items.length ? '' : ' (no registered models visible)'}`,
    };
  });
}

export interface MlflowEnvironmentConnection {
  connection: MlflowConnection;
  /** Environment variables the connection reads its secrets from (resolve them with `{ env }` refs). */
  secretEnv: string[];
  /** Settings the Python client honours that the console does not, to show the user. */
  ignored: string[];
}

/**
 * The connection MLflow's Python client would make from these variables: MLFLOW_TRACKING_URI;
 * MLFLOW_TRACKING_USERNAME + MLFLOW_TRACKING_PASSWORD (basic, preferred like the Python client)
 * or MLFLOW_TRACKING_TOKEN (bearer); MLFLOW_TRACKING_SERVER_CERT_PATH; MLFLOW_TRACKING_INSECURE_TLS.
 * Undefined when MLFLOW_TRACKING_URI is unset; a non-HTTP URI (file store, databricks) is refused.
 */
export function mlflowConnectionFromEnv(
  env: Record<string, string | undefined>,
  ids: { id?: string; name?: string } = {},
): MlflowEnvironmentConnection | undefined {
  const uri = env.MLFLOW_TRACKING_URI?.trim();
  if (!uri) return undefined;
  if (!/^https?:\/\//i.test(uri)) {
    throw new SourceError(
      'unavailable',
      `MLFLOW_TRACKING_URI=${uri} is not an MLflow server; the console talks to one over http(s)://`,
    );
  }
  const secretEnv: string[] = [];
  const ignored: string[] = [];
  let auth: MlflowConnection['auth'] = { type: 'none' };
  const username = env.MLFLOW_TRACKING_USERNAME;
  if (username && env.MLFLOW_TRACKING_PASSWORD !== undefined) {
    auth = { type: 'basic', username, password: { env: 'MLFLOW_TRACKING_PASSWORD' } };
    secretEnv.push('MLFLOW_TRACKING_PASSWORD');
    if (env.MLFLOW_TRACKING_TOKEN)
      ignored.push('MLFLOW_TRACKING_TOKEN (username and password take precedence)');
  } else if (env.MLFLOW_TRACKING_TOKEN) {
    auth = { type: 'bearer', token: { env: 'MLFLOW_TRACKING_TOKEN' } };
    secretEnv.push('MLFLOW_TRACKING_TOKEN');
  }
  if (env.MLFLOW_TRACKING_CLIENT_CERT_PATH)
    ignored.push('MLFLOW_TRACKING_CLIENT_CERT_PATH (client certificates are not supported yet)');
  const caFile = env.MLFLOW_TRACKING_SERVER_CERT_PATH?.trim();
  const insecure = /^(true|1|yes)$/i.test(env.MLFLOW_TRACKING_INSECURE_TLS?.trim() ?? '');
  const connection = mlflowConnection.parse({
    id: ids.id ?? 'mlflow-env',
    name: ids.name ?? 'MLflow (environment)',
    kind: 'mlflow',
    trackingUri: uri.replace(/\/+$/, ''),
    auth,
    ...(caFile ? { caFile } : {}),
    ...(insecure ? { insecureSkipTlsVerify: true } : {}),
  });
  return { connection, secretEnv, ignored };
}
