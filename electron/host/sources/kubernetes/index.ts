// The Kubernetes source: the user's kubeconfig contexts, one lazily-made set of API clients per
// context, "Test connection", a headline per context, and credentials for reaching in-cluster
// services through the API server's service proxy. Nothing is dialled at creation.
//
// Under Electron, started from the Dock or a launcher, pass the login-shell environment so
// $KUBECONFIG and exec credential plugins (aws, gke-gcloud-auth-plugin, kubelogin) are found:
//   const env = await loginShellEnv();            // once, at host start; never rejects
//   const kube = createKubernetesSource(conn, { env });
// Elsewhere (npm run serve from a terminal, tests) process.env is already the shell's.
import type {
  ConnectionTestResult,
  KubernetesConnection,
} from '../../../../shared/model/connection';
import { KubeClientFactory, type KubeClients } from './clients';
import { testKubernetesContext } from './connection-test';
import { kubernetesHeadline, type KubernetesHeadline } from './headline';
import {
  KubeconfigError,
  loadKubeconfigs,
  type KubeContextInfo,
  type LoadedKubeconfig,
} from './kubeconfig';
import {
  kubernetesServiceProxy,
  type ServiceProxyTarget,
  type ServiceProxyVia,
} from './service-proxy';

export { KubeconfigError, type KubeContextInfo } from './kubeconfig';
export type { KubeClients } from './clients';
export type { KubernetesHeadline, Counted } from './headline';
export type { ServiceProxyTarget, ServiceProxyVia } from './service-proxy';
export { isExpired } from './errors';
export { loginShellEnv, resolveLoginShellEnv, resolveLoginShellPath } from './login-shell-env';

export interface KubernetesSourceOptions {
  /** For $KUBECONFIG, HOME, HTTPS_PROXY/NO_PROXY and exec plugins; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where ~/.kube/config is looked for; default env.HOME, else the OS's home. */
  homeDir?: string;
  /** Deadline per API call, exec plugin included; default 15 s. */
  timeoutMs?: number;
}

export interface KubernetesSource {
  readonly id: string;
  /** The contexts the connection shows (all, or those it lists), none connected. */
  contexts(): KubeContextInfo[];
  /** The API clients of a context; made on first use, dialling nothing until a call. */
  client(context: string): KubeClients;
  test(context: string): Promise<ConnectionTestResult>;
  headline(context: string): Promise<KubernetesHeadline>;
  serviceProxy(via: ServiceProxyVia): Promise<ServiceProxyTarget>;
  /** What could not be loaded: one per bad file or entry, each naming the file and line. */
  readonly loadErrors: readonly KubeconfigError[];
  /** The files that were read, in merge order. */
  readonly files: readonly string[];
  close(): void;
}

export function createKubernetesSource(
  conn: KubernetesConnection,
  opts: KubernetesSourceOptions = {},
): KubernetesSource {
  const env = opts.env ?? process.env;
  const loaded = shownContexts(
    loadKubeconfigs({
      ...(conn.kubeconfigPaths ? { paths: conn.kubeconfigPaths } : {}),
      env,
      ...(opts.homeDir ? { homeDir: opts.homeDir } : {}),
    }),
    conn.contexts,
  );
  const factory = new KubeClientFactory(loaded, {
    source: conn.id,
    env,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  return {
    id: conn.id,
    contexts: () => loaded.contexts.map((c) => ({ ...c })),
    client: (context) => factory.client(context),
    test: (context) => testKubernetesContext(factory, context),
    headline: (context) => kubernetesHeadline(factory, context),
    serviceProxy: (via) => kubernetesServiceProxy(factory, via),
    loadErrors: loaded.errors,
    files: loaded.files,
    close: () => factory.close(),
  };
}

/** Keeps the contexts the connection lists (in its order), reporting those no kubeconfig defines. */
function shownContexts(
  loaded: LoadedKubeconfig,
  wanted: readonly string[] | undefined,
): LoadedKubeconfig {
  if (!wanted || wanted.length === 0) return loaded;
  const errors = [...loaded.errors];
  const contexts: KubeContextInfo[] = [];
  for (const name of wanted) {
    const found = loaded.contexts.find((c) => c.name === name);
    if (found) contexts.push(found);
    else if (!errors.some((e) => e.entry === name)) {
      errors.push(
        new KubeconfigError(
          'unknown_context',
          loaded.files.join(', ') || '(no kubeconfig)',
          `the connection lists context "${name}", which no loaded kubeconfig defines`,
          { entry: name },
        ),
      );
    }
  }
  return { ...loaded, contexts, errors };
}
