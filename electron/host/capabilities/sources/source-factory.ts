// Builds the live source behind a connection, with the secrets resolved in the host at the
// moment they are needed (vault, environment or file) and, for a draft being tested from the
// Settings form, the typed secrets from memory only.
import type { Connection, SecretRef, ViaKubernetes } from '../../../../shared/model/connection';
import type { HostContext } from '../../host-context';
import type { Logger } from '../../log/logger';
import type { Store, Vault } from '../../store';
import { SourceError } from '../../sources/source-error';
import { CallFailure } from '../../transport/failure';
import { resolveSecret } from '../../workspace';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import { alertmanagerLiveSource } from './adapters/alertmanager';
import { kubernetesLiveSource, type KubernetesLiveSource } from './adapters/kubernetes';
import { mlflowLiveSource } from './adapters/mlflow';
import { prometheusLiveSource } from './adapters/prometheus';
import { serviceProxyPath } from '../../sources/prometheus';
import type { LiveSource } from './live-source';
import { readSelectedContexts } from './selected-contexts';

export type DraftSourceBuilder = (
  connection: Connection,
  typedSecrets: Map<string, string>,
) => LiveSource;

export type SecretResolver = (ref: SecretRef) => Promise<string>;

export function createSourceFactory(deps: {
  store: Store;
  vault: Vault;
  env: NodeJS.ProcessEnv;
  log: Logger;
}) {
  const resolver =
    (connectionId: string, typed?: Map<string, string>): SecretResolver =>
    async (ref) => {
      if ('secret' in ref && typed?.has(ref.secret)) return typed.get(ref.secret)!;
      return resolveSecret(ref, deps.vault, deps.env, { source: connectionId });
    };

  /** The kubeconfig credentials that reach an in-cluster service through the API server. */
  const kubernetesProxy = (workspace: OpenWorkspace) => async (via: ViaKubernetes) => {
    const candidates = workspace.definition.connections
      .map((c) => c.connection)
      .filter((c) => c.kind === 'kubernetes' && (!via.connection || c.id === via.connection));
    for (const candidate of candidates) {
      const kube = await (workspace.source(candidate.id) as KubernetesLiveSource).kube();
      if (kube.contexts().some((c) => c.name === via.context)) {
        const target = await kube.serviceProxy(via);
        // The metrics endpoint appends the service proxy path itself: hand it the API server.
        const path = serviceProxyPath(via);
        const baseUrl = target.baseUrl.endsWith(path)
          ? target.baseUrl.slice(0, -path.length)
          : target.baseUrl;
        return { ...target, baseUrl };
      }
    }
    throw new SourceError(
      'unavailable',
      `No Kubernetes connection of this workspace has the context "${via.context}"`,
    );
  };

  const build = (
    connection: Connection,
    workspace: OpenWorkspace,
    typed?: Map<string, string>,
  ): LiveSource => {
    const resolveSecretFor = resolver(connection.id, typed);
    switch (connection.kind) {
      case 'kubernetes':
        return kubernetesLiveSource(connection, {
          env: deps.env,
          selected: () => readSelectedContexts(deps.store, workspace.id, connection.id),
        });
      case 'mlflow':
        return mlflowLiveSource(connection, { resolveSecret: resolveSecretFor });
      case 'prometheus':
        return prometheusLiveSource(connection, {
          resolveSecret: resolveSecretFor,
          kubernetesProxy: kubernetesProxy(workspace),
        });
      case 'alertmanager':
        return alertmanagerLiveSource(connection, {
          resolveSecret: resolveSecretFor,
          kubernetesProxy: kubernetesProxy(workspace),
        });
      default:
        throw new CallFailure(
          'bad_request',
          `Unknown connection kind ${(connection as { kind: string }).kind}`,
        );
    }
  };

  return {
    forWorkspace: (connection: Connection, workspace: OpenWorkspace) =>
      build(connection, workspace),
    draft:
      (ctx: HostContext): DraftSourceBuilder =>
      (connection, typed) =>
        build(connection, ctx.workspace(), typed),
  };
}
