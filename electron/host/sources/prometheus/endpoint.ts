// How the console reaches a Prometheus-style HTTP endpoint (Prometheus, Alertmanager, Mimir,
// Thanos): a URL with bearer / basic auth, extra headers such as X-Scope-OrgID and TLS settings,
// or an in-cluster service through the Kubernetes API server's service proxy with the
// kubeconfig's own credentials. Credentials are resolved on first use and again after a 401,
// so a rotated token or a refreshed exec-plugin credential is picked up without a restart.
import { readFile } from 'node:fs/promises';
import type {
  AlertmanagerConnection,
  PrometheusConnection,
  SecretRef,
} from '../../../../shared/model/connection';
import {
  HttpClient,
  type ErrorBodyReader,
  type HttpAuth,
  type HttpClientOptions,
  type HttpRequest,
} from '../http-client';
import { SourceError } from '../source-error';

export type MetricsConnection = PrometheusConnection | AlertmanagerConnection;
export type ViaKubernetes = NonNullable<MetricsConnection['viaKubernetes']>;

/** The API server connection the Kubernetes side hands over: its URL and the kubeconfig's credentials. */
export interface KubernetesProxyTarget {
  /** The API server's URL as in the kubeconfig (it may carry a path, e.g. Rancher's /k8s/clusters/ID). */
  baseUrl: string;
  ca?: string;
  auth?: HttpAuth;
  clientCert?: { cert: string; key: string };
  insecureSkipTlsVerify?: boolean;
}

export interface MetricsSourceDeps {
  resolveSecret(ref: SecretRef): Promise<string>;
  /** Resolves a viaKubernetes connection's cluster; required for such connections. */
  kubernetesProxy?: (via: ViaKubernetes) => Promise<KubernetesProxyTarget>;
  /** Overrides for tests and the simulators. */
  http?: Pick<HttpClientOptions, 'dispatcher' | 'timeoutMs' | 'maxResponseBytes'>;
}

/** The service proxy path: api/v1/namespaces/NS/services/[scheme:]NAME:PORT/proxy/ */
export function serviceProxyPath(via: ViaKubernetes): string {
  const scheme = via.scheme === 'https' ? 'https:' : '';
  const segment = encodeURIComponent(`${scheme}${via.service}:${via.port}`).replace(/%3A/gi, ':');
  return `api/v1/namespaces/${encodeURIComponent(via.namespace)}/services/${segment}/proxy/`;
}

export class MetricsEndpoint {
  private client: Promise<HttpClient> | undefined;

  constructor(
    readonly connection: MetricsConnection,
    private readonly deps: MetricsSourceDeps,
    private readonly readErrorBody: ErrorBodyReader,
  ) {}

  get id(): string {
    return this.connection.id;
  }

  /** A JSON request; after a 401 the credentials (if any) are resolved again and the request is tried once more. */
  async json<T = unknown>(req: HttpRequest): Promise<{ body: T; latencyMs: number }> {
    try {
      return await (await this.http()).json<T>(req);
    } catch (error) {
      const renewable =
        this.connection.viaKubernetes !== undefined || this.connection.auth.type !== 'none';
      if (!(error instanceof SourceError) || error.code !== 'unauthorized' || !renewable)
        throw error;
      await this.reset();
      return (await this.http()).json<T>(req);
    }
  }

  async close(): Promise<void> {
    await this.reset();
  }

  private http(): Promise<HttpClient> {
    this.client ??= this.build().catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    return this.client;
  }

  private async reset(): Promise<void> {
    const previous = this.client;
    this.client = undefined;
    if (previous) await (await previous.catch(() => undefined))?.close();
  }

  private async build(): Promise<HttpClient> {
    const conn = this.connection;
    const common = {
      source: conn.id,
      ...(conn.headers ? { headers: conn.headers } : {}),
      ...(this.deps.http ?? {}),
    };
    if (conn.viaKubernetes) {
      if (conn.auth.type !== 'none') {
        throw new SourceError(
          'bad_request',
          `${conn.id}: a connection through the Kubernetes API server uses the kubeconfig's credentials; remove its own ${conn.auth.type} auth`,
          { source: conn.id },
        );
      }
      if (!this.deps.kubernetesProxy) {
        throw new SourceError(
          'unavailable',
          `${conn.id}: reaching a service through Kubernetes is not available here`,
          { source: conn.id },
        );
      }
      const target = await this.deps.kubernetesProxy(conn.viaKubernetes);
      const base = target.baseUrl.endsWith('/') ? target.baseUrl : `${target.baseUrl}/`;
      return new HttpClient(
        {
          ...common,
          baseUrl: new URL(serviceProxyPath(conn.viaKubernetes), base).toString(),
          ...(target.auth ? { auth: target.auth } : {}),
          ...(target.ca ? { ca: target.ca } : {}),
          ...(target.clientCert ? { clientCert: target.clientCert } : {}),
          ...(target.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
        },
        this.readErrorBody,
      );
    }
    if (!conn.url)
      throw new SourceError('bad_request', `${conn.id}: give either url or viaKubernetes`, {
        source: conn.id,
      });
    return new HttpClient(
      {
        ...common,
        baseUrl: conn.url,
        auth: await this.resolveAuth(),
        ...(conn.caFile ? { ca: await this.readCa(conn.caFile) } : {}),
        ...(conn.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
      },
      this.readErrorBody,
    );
  }

  private async resolveAuth(): Promise<HttpAuth> {
    const auth = this.connection.auth;
    if (auth.type === 'bearer')
      return { type: 'bearer', token: (await this.deps.resolveSecret(auth.token)).trim() };
    if (auth.type === 'basic') {
      return {
        type: 'basic',
        username: auth.username,
        password: await this.deps.resolveSecret(auth.password),
      };
    }
    return { type: 'none' };
  }

  private async readCa(file: string): Promise<string> {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new SourceError(
        'tls',
        `${this.connection.id}: cannot read the CA file ${file}: ${(error as Error).message}`,
        {
          source: this.connection.id,
          cause: error,
        },
      );
    }
  }
}
