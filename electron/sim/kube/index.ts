// The simulated Kubernetes API server behind the demo workspace and the tests: HTTPS with its own
// CA, bearer-token users under RBAC, discovery, list/watch/patch semantics, controllers and
// scenario data. Real clients (kubectl, @kubernetes/client-node) work against it unchanged.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { UserRole } from './auth/users';
import { kubeconfigYaml, writeKubeconfigFile } from './kubeconfig';
import { createRuntime, type RuntimeOptions, type SimRuntime } from './runtime';
import { seedScaleObjects } from './scenario/scale';
import { loadScenario } from './scenario/load-scenario';
import { createRequestHandler } from './server/router';
import { createServerTls } from './server/tls';
import { createSimStore, type SimStore } from './sim-store';

export type { SimStore } from './sim-store';
export type { UserRole } from './auth/users';
export { generateScaleObjects } from './scenario/scale';
export { builtinScenarios } from './scenario/load-scenario';

export interface KubeSimulatorOptions extends RuntimeOptions {
  port?: number;
  /** A built-in scenario name ("ml-platform", "empty") or a path to a scenario YAML file. */
  scenario?: string;
  scale?: { pods: number; workflows: number };
  serviceProxyTargets?: Record<string, string>;
  realtimeClock?: boolean;
}

export interface KubeSimulator {
  url: string;
  caPem: string;
  tokens: Record<UserRole, string>;
  clock: { now(): Date; advance(ms: number): Promise<void> };
  store: SimStore;
  compactHistory(): void;
  setServiceProxyTarget(key: string, url: string): void;
  kubeconfig(opts?: { contextPrefix?: string }): string;
  writeKubeconfig(path: string, opts?: { contextPrefix?: string }): Promise<void>;
  /** The assembled parts, for tests that need to reach inside. */
  runtime: SimRuntime;
  stop(): Promise<void>;
}

/** Serializes stored objects in the background, so the first large list is served from ready JSON. */
function warmSerialization(rt: SimRuntime): void {
  const pending = rt.registry.all().flatMap((type) => rt.store.list(type));
  let index = 0;
  const step = (): void => {
    const end = Math.min(pending.length, index + 2000);
    for (; index < end; index++) void pending[index]!.json;
    if (index < pending.length) setImmediate(step);
  };
  setImmediate(step);
}

export async function startKubeSimulator(opts: KubeSimulatorOptions = {}): Promise<KubeSimulator> {
  const tls = createServerTls();
  const rt = createRuntime(opts);
  for (const [key, target] of Object.entries(opts.serviceProxyTargets ?? {}))
    rt.proxyTargets.set(key, target);
  await loadScenario(rt, opts.scenario ?? 'ml-platform');
  if (opts.scale) seedScaleObjects(rt, opts.scale);
  await rt.settle();

  let url = '';
  const server: Server = createServer(
    { key: tls.keyPem, cert: tls.certPem, minVersion: 'TLSv1.2' },
    createRequestHandler(rt, () => url.replace(/^https:\/\//, '')),
  );
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (opts.realtimeClock) rt.clock.start();
  warmSerialization(rt);

  const tokens = rt.users.tokens;
  return {
    url,
    caPem: tls.caPem,
    tokens,
    clock: { now: () => rt.clock.now(), advance: (ms) => rt.clock.advance(ms) },
    store: createSimStore(rt),
    compactHistory: () => rt.hub.compact(),
    setServiceProxyTarget: (key, target) => {
      rt.proxyTargets.set(key, target);
    },
    kubeconfig: (o) =>
      kubeconfigYaml({
        url,
        caPem: tls.caPem,
        tokens,
        ...(o?.contextPrefix ? { contextPrefix: o.contextPrefix } : {}),
      }),
    writeKubeconfig: (path, o) =>
      writeKubeconfigFile(path, {
        url,
        caPem: tls.caPem,
        tokens,
        ...(o?.contextPrefix ? { contextPrefix: o.contextPrefix } : {}),
      }),
    runtime: rt,
    stop: async () => {
      rt.clock.stop();
      rt.hub.closeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
