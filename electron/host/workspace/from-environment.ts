// The "local" workspace: what the user's shell already says about their systems, so the console
// is useful before anyone writes a workspace file. Secrets stay where they are: the workspace
// refers to the environment variables, it never copies their values.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter as osDelimiter, join } from 'node:path';
import type { AuthConfig, Connection } from '../../../shared/model/connection';
import { workspace as workspaceSchema, type Workspace } from '../../../shared/model/workspace';

export interface EnvironmentContext {
  home?: string;
  /** Separator of KUBECONFIG's list: ':' on Linux and macOS, ';' on Windows. */
  pathDelimiter?: string;
  exists?: (path: string) => boolean;
}

export function workspaceFromEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  context: EnvironmentContext = {},
): Workspace {
  const home = context.home ?? homedir();
  const exists = context.exists ?? existsSync;
  const connections: Connection[] = [];
  const notes: string[] = [];

  const kubeconfigPaths = env.KUBECONFIG
    ? env.KUBECONFIG.split(context.pathDelimiter ?? osDelimiter).filter(Boolean)
    : [join(home, '.kube', 'config')].filter(exists);
  if (kubeconfigPaths.length > 0) {
    connections.push({ id: 'kubernetes', name: 'Kubernetes', kind: 'kubernetes', kubeconfigPaths });
  }

  const trackingUri = env.MLFLOW_TRACKING_URI;
  if (trackingUri && isHttpUrl(trackingUri)) {
    connections.push({
      id: 'mlflow',
      name: 'MLflow',
      kind: 'mlflow',
      trackingUri,
      auth: mlflowAuth(env),
      // MLflow's own client variables, honoured the same way.
      ...(env.MLFLOW_TRACKING_SERVER_CERT_PATH
        ? { caFile: env.MLFLOW_TRACKING_SERVER_CERT_PATH }
        : {}),
      ...(isTrue(env.MLFLOW_TRACKING_INSECURE_TLS) ? { insecureSkipTlsVerify: true } : {}),
    });
  } else if (trackingUri) {
    notes.push(
      `MLFLOW_TRACKING_URI (${trackingUri}) is not an http(s) URL, so MLflow is left out.`,
    );
  }

  for (const [variable, kind, id, name] of [
    ['CONSOLE_PROMETHEUS_URL', 'prometheus', 'prometheus', 'Prometheus'],
    ['CONSOLE_ALERTMANAGER_URL', 'alertmanager', 'alertmanager', 'Alertmanager'],
  ] as const) {
    const url = env[variable];
    if (url && isHttpUrl(url)) connections.push({ id, name, kind, url, auth: { type: 'none' } });
    else if (url) notes.push(`${variable} (${url}) is not an http(s) URL, so ${name} is left out.`);
  }

  return workspaceSchema.parse({
    version: 1,
    name: 'local',
    description: ["Built from this machine's environment.", ...notes].join(' '),
    connections,
  });
}

function mlflowAuth(env: NodeJS.ProcessEnv): AuthConfig {
  if (env.MLFLOW_TRACKING_TOKEN) return { type: 'bearer', token: { env: 'MLFLOW_TRACKING_TOKEN' } };
  if (env.MLFLOW_TRACKING_USERNAME && env.MLFLOW_TRACKING_PASSWORD) {
    // The user name is not a secret (it is shown as the actor); the password stays in the environment.
    return {
      type: 'basic',
      username: env.MLFLOW_TRACKING_USERNAME,
      password: { env: 'MLFLOW_TRACKING_PASSWORD' },
    };
  }
  return { type: 'none' };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes'].includes(value.toLowerCase());
}
