// One set of API clients per context, made on first use: asking for a context's clients dials
// nothing; the first call does (and runs the exec plugin, if any). Credentials of every kind —
// bearer tokens, client certificates, CA data, insecure-skip-tls-verify, exec plugins — are
// client-node's. What this adds:
// - HTTPS_PROXY / NO_PROXY (client-node honours only the kubeconfig's proxy-url), see env-proxy.ts;
// - the login-shell environment for exec plugins (see login-shell-env.ts);
// - a deadline on every call;
// - every failure as a SourceError (see errors.ts).
import {
  AppsV1Api,
  AuthorizationV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  ServerConfiguration,
  VersionApi,
  createConfiguration,
  type Cluster,
  type Context,
  type RequestContext,
  type ResponseContext,
  type User,
} from '@kubernetes/client-node';
import type https from 'node:https';
import { SourceError } from '../source-error';
import { proxyFromEnvironment } from './env-proxy';
import { CredentialSetupError, toKubeSourceError, type KubeTarget } from './errors';
import { contextParts, type KubeContextInfo, type LoadedKubeconfig } from './kubeconfig';

export interface KubeClients {
  context: KubeContextInfo;
  /** This context alone, for client-node's Watch, Log, Exec and PortForward. */
  kubeConfig: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  customObjects: CustomObjectsApi;
  authorization: AuthorizationV1Api;
  version: VersionApi;
}

export interface KubeClientOptions {
  /** The connection id, carried into every SourceError. */
  source: string;
  /** The environment for proxies and exec plugins: the login-shell one under Electron. */
  env?: NodeJS.ProcessEnv;
  /** Deadline per call, including an exec plugin's run. Default 15 s. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 15_000;

/**
 * A KubeConfig holding one context, whose credential failures (exec plugin missing or failing,
 * unreadable certificate file) are tagged so they are not mistaken for network errors.
 */
export class ContextKubeConfig extends KubeConfig {
  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    try {
      await super.applySecurityAuthentication(context);
    } catch (error) {
      throw new CredentialSetupError(error);
    }
  }

  override async applyToHTTPSOptions(opts: https.RequestOptions): Promise<void> {
    try {
      await super.applyToHTTPSOptions(opts);
    } catch (error) {
      throw new CredentialSetupError(error);
    }
  }
}

export class KubeClientFactory {
  private readonly made = new Map<string, KubeClients>();
  private readonly env: NodeJS.ProcessEnv;
  private readonly timeoutMs: number;

  constructor(
    readonly loaded: LoadedKubeconfig,
    private readonly opts: KubeClientOptions,
  ) {
    this.env = opts.env ?? process.env;
    this.timeoutMs = opts.timeoutMs ?? defaultTimeoutMs;
  }

  get source(): string {
    return this.opts.source;
  }

  contextInfo(name: string): KubeContextInfo {
    const info = this.loaded.contexts.find((c) => c.name === name);
    if (info) return info;
    const problem = this.loaded.errors.find((e) => e.entry === name);
    if (problem) {
      throw new SourceError('unavailable', `context "${name}" cannot be used: ${problem.message}`, {
        source: this.source,
      });
    }
    const files =
      this.loaded.files.length > 0 ? this.loaded.files.join(', ') : 'no kubeconfig file was found';
    throw new SourceError('not_found', `context "${name}" is not in the kubeconfig (${files})`, {
      source: this.source,
    });
  }

  /** Where calls for `context` go, for error messages. */
  target(context: string): KubeTarget {
    const info = this.contextInfo(context);
    const command = execOf(contextParts(this.loaded, context)?.user)?.command;
    return {
      source: this.source,
      context,
      server: info.server,
      ...(typeof command === 'string' ? { execCommand: command } : {}),
    };
  }

  /** Any failure of a call for `context`, as a SourceError. */
  toSourceError(context: string, error: unknown): SourceError {
    return toKubeSourceError(error, this.target(context));
  }

  client(context: string): KubeClients {
    const existing = this.made.get(context);
    if (existing) return existing;
    const info = this.contextInfo(context);
    const kubeConfig = this.kubeConfigFor(context);
    const cluster = kubeConfig.getCurrentCluster() as Cluster;
    const configuration = createConfiguration({
      baseServer: new ServerConfiguration(cluster.server, {}),
      authMethods: { default: kubeConfig },
      promiseMiddleware: [deadline(this.timeoutMs)],
    });
    const target = this.target(context);
    const guard = <T extends object>(api: T): T => guarded(api, target, this.timeoutMs);
    const clients: KubeClients = {
      context: info,
      kubeConfig,
      core: guard(new CoreV1Api(configuration)),
      apps: guard(new AppsV1Api(configuration)),
      batch: guard(new BatchV1Api(configuration)),
      customObjects: guard(new CustomObjectsApi(configuration)),
      authorization: guard(new AuthorizationV1Api(configuration)),
      version: guard(new VersionApi(configuration)),
    };
    this.made.set(context, clients);
    return clients;
  }

  /** A KubeConfig of this one context, with the environment's proxy and the exec environment applied. */
  kubeConfigFor(context: string): ContextKubeConfig {
    this.contextInfo(context);
    const parts = contextParts(this.loaded, context);
    if (!parts)
      throw new SourceError('not_found', `context "${context}" is not in the kubeconfig`, {
        source: this.source,
      });
    const proxyUrl = parts.cluster.proxyUrl ?? proxyFromEnvironment(parts.cluster.server, this.env);
    const cluster: Cluster = { ...parts.cluster, ...(proxyUrl ? { proxyUrl } : {}) };
    // client-node applies no CA when a context has no user, so a user-less context gets an empty one.
    const user: User = parts.user
      ? withExecEnvironment(parts.user, cluster, this.env)
      : { name: `${context}:anonymous` };
    const ctx: Context = { ...parts.context, user: user.name };
    const kc = new ContextKubeConfig();
    kc.loadFromOptions({
      clusters: [cluster],
      users: [user],
      contexts: [ctx],
      currentContext: context,
    });
    return kc;
  }

  close(): void {
    // client-node makes an agent per request and keeps no pool; dropping the clients is enough.
    this.made.clear();
  }
}

/** Aborts the HTTP request at the deadline, so a dead server does not hold a socket forever. */
function deadline(ms: number) {
  return {
    pre: (context: RequestContext): Promise<RequestContext> => {
      if (!context.getSignal()) context.setSignal(AbortSignal.timeout(ms));
      return Promise.resolve(context);
    },
    post: (context: ResponseContext): Promise<ResponseContext> => Promise.resolve(context),
  };
}

/**
 * Wraps every method of a generated API so its failures are SourceErrors, and so the whole call
 * (an exec plugin's run included, which the HTTP deadline does not cover) has a deadline.
 */
function guarded<T extends object>(api: T, target: KubeTarget, timeoutMs: number): T {
  return new Proxy(api, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        } catch (error) {
          throw toKubeSourceError(error, target);
        }
        if (!(result instanceof Promise)) return result;
        return withDeadline(result, timeoutMs + 1_000, target).catch((error: unknown) => {
          throw toKubeSourceError(error, target);
        });
      };
    },
  });
}

function withDeadline<R>(promise: Promise<R>, ms: number, target: KubeTarget): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const plugin = target.execCommand
        ? ` (the credential plugin "${target.execCommand}" may be waiting)`
        : '';
      reject(
        new SourceError(
          'timeout',
          `context "${target.context}" did not answer within ${ms} ms${plugin}`,
          { source: target.source },
        ),
      );
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

interface ExecConfig {
  command?: unknown;
  apiVersion?: unknown;
  env?: unknown;
  provideClusterInfo?: unknown;
  [key: string]: unknown;
}

function execOf(user: User | undefined): ExecConfig | undefined {
  const exec = user?.exec as unknown;
  return typeof exec === 'object' && exec !== null ? (exec as ExecConfig) : undefined;
}

/**
 * The user with its exec plugin's environment completed: the variables of `env` that differ from
 * this process's (the login shell's PATH, AWS_PROFILE, ...), then KUBERNETES_EXEC_INFO as
 * client-go sets it (non-interactive: there is no terminal to prompt on), then the user's own
 * `exec.env`, which wins. client-node lays the result over process.env when it spawns the plugin.
 */
export function withExecEnvironment(user: User, cluster: Cluster, env: NodeJS.ProcessEnv): User {
  const exec = execOf(user);
  if (!exec) return user;
  const own = Array.isArray(exec.env) ? (exec.env as { name: string; value: string }[]) : [];
  const ownNames = new Set(own.map((e) => e.name));
  const fromEnv = Object.entries(env)
    .filter(
      ([name, value]) => value !== undefined && process.env[name] !== value && !ownNames.has(name),
    )
    .map(([name, value]) => ({ name, value: value as string }));
  const apiVersion =
    typeof exec.apiVersion === 'string' ? exec.apiVersion : 'client.authentication.k8s.io/v1beta1';
  const info = {
    apiVersion,
    kind: 'ExecCredential',
    spec: {
      interactive: false,
      ...(exec.provideClusterInfo === true
        ? {
            cluster: {
              server: cluster.server,
              ...(cluster.caData ? { 'certificate-authority-data': cluster.caData } : {}),
              ...(cluster.tlsServerName ? { 'tls-server-name': cluster.tlsServerName } : {}),
              ...(cluster.skipTLSVerify ? { 'insecure-skip-tls-verify': true } : {}),
              ...(cluster.proxyUrl ? { 'proxy-url': cluster.proxyUrl } : {}),
            },
          }
        : {}),
    },
  };
  const execInfo = ownNames.has('KUBERNETES_EXEC_INFO')
    ? []
    : [{ name: 'KUBERNETES_EXEC_INFO', value: JSON.stringify(info) }];
  return { ...user, exec: { ...exec, env: [...fromEnv, ...execInfo, ...own] } };
}
