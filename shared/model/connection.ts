// What a connection to an external system is, as the user configures it (workspace file or the
// Settings screens). Secrets never appear here: only references to where the host finds them.
import * as z from 'zod';

/**
 * Where a secret lives. `secret` names an entry in the console's vault (Electron safeStorage);
 * `env` an environment variable of the host; `file` a file whose content is the secret.
 */
export const secretRef = z.union([
  z.object({ secret: z.string().min(1) }).strict(),
  z.object({ env: z.string().min(1) }).strict(),
  z.object({ file: z.string().min(1) }).strict(),
]);
export type SecretRef = z.infer<typeof secretRef>;

export const authConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('bearer'), token: secretRef }).strict(),
  z.object({ type: z.literal('basic'), username: z.string().min(1), password: secretRef }).strict(),
]);
export type AuthConfig = z.infer<typeof authConfig>;

const tlsFields = {
  /** A PEM file of extra CAs, e.g. a company's TLS-inspecting proxy. */
  caFile: z.string().optional(),
  insecureSkipTlsVerify: z.boolean().optional(),
};

/** http(s) only: a scheme-less `host:9093` would otherwise pass as a URL. */
const httpUrl = z.url({ protocol: /^https?$/, message: 'not an http:// or https:// URL' });

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
};

export const kubernetesConnection = z
  .object({
    ...base,
    kind: z.literal('kubernetes'),
    /** kubeconfig files merged in order, like $KUBECONFIG; default: $KUBECONFIG, else ~/.kube/config. */
    kubeconfigPaths: z.array(z.string()).optional(),
    /** Contexts shown; default: all of them. */
    contexts: z.array(z.string()).optional(),
  })
  .strict();

export const mlflowConnection = z
  .object({
    ...base,
    kind: z.literal('mlflow'),
    trackingUri: httpUrl,
    auth: authConfig.default({ type: 'none' }),
    ...tlsFields,
  })
  .strict();

/** Reaching an in-cluster service through the API server's service proxy, with the kubeconfig's own credentials. */
export const viaKubernetes = z
  .object({
    connection: z.string().optional(),
    context: z.string(),
    namespace: z.string(),
    service: z.string(),
    port: z.union([z.number().int(), z.string()]),
    scheme: z.enum(['http', 'https']).default('http'),
  })
  .strict();

const metricsFields = {
  ...base,
  url: httpUrl.optional(),
  viaKubernetes: viaKubernetes.optional(),
  auth: authConfig.default({ type: 'none' }),
  /** Extra headers, e.g. X-Scope-OrgID for a multi-tenant Mimir or Cortex. */
  headers: z.record(z.string(), z.string()).optional(),
  ...tlsFields,
};

export const prometheusConnection = z
  .object({ ...metricsFields, kind: z.literal('prometheus') })
  .strict()
  .refine((c) => Boolean(c.url) !== Boolean(c.viaKubernetes), {
    message: 'give either url or viaKubernetes',
    path: ['url'],
  });

export const alertmanagerConnection = z
  .object({ ...metricsFields, kind: z.literal('alertmanager') })
  .strict()
  .refine((c) => Boolean(c.url) !== Boolean(c.viaKubernetes), {
    message: 'give either url or viaKubernetes',
    path: ['url'],
  });

export const connection = z.union([
  kubernetesConnection,
  mlflowConnection,
  prometheusConnection,
  alertmanagerConnection,
]);
export type Connection = z.infer<typeof connection>;
export type KubernetesConnection = z.infer<typeof kubernetesConnection>;
export type MlflowConnection = z.infer<typeof mlflowConnection>;
export type PrometheusConnection = z.infer<typeof prometheusConnection>;
export type AlertmanagerConnection = z.infer<typeof alertmanagerConnection>;
export type ConnectionKind = Connection['kind'];

export const connectionTestStatus = z.enum([
  'ok',
  'unauthorized',
  'forbidden',
  'unreachable',
  'tls_error',
  'timeout',
  'error',
]);
export type ConnectionTestStatus = z.infer<typeof connectionTestStatus>;

export const connectionTestResult = z.object({
  status: connectionTestStatus,
  latencyMs: z.number().nonnegative(),
  message: z.string(),
  /** What the server says it is, e.g. "MLflow 3.17.2", "Kubernetes v1.31.0", "Prometheus 2.42.0". */
  serverVersion: z.string().optional(),
  checkedAt: z.string(),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResult>;
export type ViaKubernetes = z.infer<typeof viaKubernetes>;
