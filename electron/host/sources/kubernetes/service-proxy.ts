// Reaching a service inside a cluster (Prometheus, Alertmanager) through the API server's service
// proxy, with the kubeconfig's own credentials: no extra secret, no port-forward. The answer is
// what HttpClient needs (base URL, CA, client certificate, token), read from client-node's own
// auth machinery so exec plugins, token files and certificates all work as for API calls.
//
// A token from an exec plugin expires: ask again (client-node caches it until its
// expirationTimestamp, so asking is cheap) when the HttpClient gets a 401.
import type https from 'node:https';
import type * as z from 'zod';
import type { viaKubernetes } from '../../../../shared/model/connection';
import type { HttpAuth } from '../http-client';
import type { KubeClientFactory } from './clients';

type ViaKubernetes = z.infer<typeof viaKubernetes>;

export type ServiceProxyVia = Pick<ViaKubernetes, 'context' | 'namespace' | 'service' | 'port'> & {
  scheme?: ViaKubernetes['scheme'];
};

export interface ServiceProxyTarget {
  /** `<server>/api/v1/namespaces/NS/services/[https:]NAME:PORT/proxy/` */
  baseUrl: string;
  /** PEM of the cluster's CA, when the kubeconfig gives one. */
  ca?: string;
  clientCert?: { cert: string; key: string };
  auth?: Exclude<HttpAuth, { type: 'none' }>;
  insecureSkipTlsVerify?: boolean;
  /** Other headers the kubeconfig asks for (Impersonate-User). */
  headers?: Record<string, string>;
  /**
   * The proxy to reach the API server through: the cluster's proxy-url or the environment's
   * HTTPS_PROXY. HttpClient honours the environment by itself; a proxy-url needs a dispatcher
   * (undici's ProxyAgent) built by the caller.
   */
  proxyUrl?: string;
  /** The kubeconfig's tls-server-name, when the certificate names another host. */
  tlsServerName?: string;
}

export async function kubernetesServiceProxy(
  source: KubeClientFactory,
  via: ServiceProxyVia,
): Promise<ServiceProxyTarget> {
  const kc = source.kubeConfigFor(via.context);
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw source.toSourceError(via.context, new Error('the context has no cluster'));
  const opts: https.RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(opts);
  } catch (error) {
    throw source.toSourceError(via.context, error);
  }
  const scheme = via.scheme === 'https' ? 'https:' : '';
  const path =
    `/api/v1/namespaces/${encodeURIComponent(via.namespace)}/services/` +
    `${scheme}${encodeURIComponent(via.service)}:${encodeURIComponent(String(via.port))}/proxy/`;
  const headers: Record<string, string> = {};
  let auth: ServiceProxyTarget['auth'];
  for (const [name, value] of Object.entries(opts.headers ?? {})) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    if (name.toLowerCase() === 'authorization' && /^Bearer /i.test(text))
      auth = { type: 'bearer', token: text.slice(7) };
    else headers[name] = text;
  }
  if (!auth && typeof opts.auth === 'string') {
    const colon = opts.auth.indexOf(':');
    auth = {
      type: 'basic',
      username: opts.auth.slice(0, colon),
      password: opts.auth.slice(colon + 1),
    };
  }
  const ca = pem(opts.ca);
  const cert = pem(opts.cert);
  const key = pem(opts.key);
  return {
    baseUrl: `${cluster.server.replace(/\/+$/, '')}${path}`,
    ...(ca ? { ca } : {}),
    ...(cert && key ? { clientCert: { cert, key } } : {}),
    ...(auth ? { auth } : {}),
    ...(opts.rejectUnauthorized === false || cluster.skipTLSVerify
      ? { insecureSkipTlsVerify: true }
      : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(cluster.proxyUrl ? { proxyUrl: cluster.proxyUrl } : {}),
    ...(cluster.tlsServerName ? { tlsServerName: cluster.tlsServerName } : {}),
  };
}

function pem(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (Array.isArray(value)) return value.map((v) => pem(v) ?? '').join('\n');
  return undefined;
}
