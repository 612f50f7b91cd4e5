// The host as integration tests start it: on a workspace file of the given connections, with no
// background probes and no demo simulators, so a test sees only what it asks for.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHost, type Host, type HostOptions } from '../../electron/host/index';
import { silentLogger } from '../../electron/host/log/logger';
import type { KubeSimulator } from '../../electron/sim/kube/index';

/** Each entry is one connection in the workspace file's flow style, e.g. `{ id: am, ... }`. */
export async function startTestHost(dataDir: string, connections: string[]): Promise<Host> {
  const workspaceFile = join(dataDir, 'team.yaml');
  writeFileSync(
    workspaceFile,
    ['version: 1', 'name: Team', 'connections:', ...connections.map((c) => `  - ${c}`), ''].join(
      '\n',
    ),
  );
  return startHostOnFile(dataDir, workspaceFile);
}

/** A host on a workspace file of the test's own; `options` adds to or replaces the defaults. */
export function startHostOnFile(
  dataDir: string,
  workspaceFile: string,
  options: Partial<HostOptions> = {},
): Promise<Host> {
  return createHost({
    dataDir,
    mode: 'browser',
    version: 'test',
    log: silentLogger(),
    workspaceFile,
    probeIntervalMs: 0,
    demo: { connections: async () => [], stop: async () => undefined },
    ...options,
  });
}

/** A host whose one connection, `sim`, is the simulator's kubeconfig with these contexts. */
export async function startHostOnSimulator(
  sim: KubeSimulator,
  dataDir: string,
  contexts: string[],
): Promise<{ host: Host; kubeconfig: string }> {
  const kubeconfig = join(dataDir, 'kubeconfig');
  await sim.writeKubeconfig(kubeconfig);
  const host = await startTestHost(dataDir, [
    `{ id: sim, name: Sim, kind: kubernetes, kubeconfigPaths: ["${kubeconfig}"], contexts: [${contexts.join(', ')}] }`,
  ]);
  return { host, kubeconfig };
}
