// A context at a glance: how many namespaces and nodes, how many GPUs, which Kubernetes. A list
// the user may not read is "not permitted", never zero; any other failure (unreachable,
// unauthorized) fails the whole headline, since nothing in it could be trusted.
import type { V1Node } from '@kubernetes/client-node';
import { SourceError } from '../source-error';
import type { KubeClientFactory } from './clients';
import { kubeStatusDetail } from './errors';

/** A count, or why it is unknown. */
export type Counted<T = { count: number }> =
  ({ permitted: true } & T) | { permitted: false; message: string };

export interface KubernetesHeadline {
  context: string;
  /** e.g. "Kubernetes v1.31.0"; undefined when /version is not readable. */
  serverVersion: string | undefined;
  namespaces: Counted;
  nodes: Counted<{ count: number; ready: number }>;
  /** Sums of `nvidia.com/gpu` over the nodes: what the scheduler may hand out, and what is installed. */
  gpus: Counted<{ allocatable: number; capacity: number }>;
  checkedAt: string;
}

export const gpuResource = 'nvidia.com/gpu';
const pageSize = 500;

export async function kubernetesHeadline(
  kubeconfigSource: KubeClientFactory,
  contextName: string,
): Promise<KubernetesHeadline> {
  const { core, version } = kubeconfigSource.client(contextName);
  const [serverVersion, namespaces, nodes] = await Promise.all([
    version.getCode().then(
      (info) => `Kubernetes ${info.gitVersion}`,
      (error: unknown) => {
        if (error instanceof SourceError && error.code === 'forbidden') return undefined;
        throw error;
      },
    ),
    permitted(async () => {
      let count = 0;
      let next: string | undefined;
      do {
        const page = await core.listNamespace({
          limit: pageSize,
          ...(next ? { _continue: next } : {}),
        });
        count += page.items.length;
        next = page.metadata?._continue || undefined;
      } while (next);
      return { count };
    }),
    permitted(async () => {
      const all: V1Node[] = [];
      let next: string | undefined;
      do {
        const page = await core.listNode({ limit: pageSize, ...(next ? { _continue: next } : {}) });
        all.push(...page.items);
        next = page.metadata?._continue || undefined;
      } while (next);
      return { items: all };
    }),
  ]);
  return {
    context: contextName,
    serverVersion,
    namespaces,
    nodes: nodes.permitted
      ? { permitted: true, count: nodes.items.length, ready: nodes.items.filter(isReady).length }
      : nodes,
    gpus: nodes.permitted
      ? {
          permitted: true,
          allocatable: sum(nodes.items.map((n) => n.status?.allocatable?.[gpuResource])),
          capacity: sum(nodes.items.map((n) => n.status?.capacity?.[gpuResource])),
        }
      : nodes,
    checkedAt: new Date().toISOString(),
  };
}

/** Runs a read; a 403 becomes "not permitted" with the server's own words, anything else throws. */
async function permitted<T extends object>(
  read: () => Promise<T>,
): Promise<({ permitted: true } & T) | { permitted: false; message: string }> {
  try {
    return { permitted: true, ...(await read()) };
  } catch (error) {
    if (error instanceof SourceError && error.code === 'forbidden') {
      return { permitted: false, message: `not permitted: ${kubeStatusDetail(error)}` };
    }
    throw error;
  }
}

function isReady(node: V1Node): boolean {
  return node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** GPU quantities are whole numbers ("8"); anything unparsable counts as none. */
function sum(values: (string | undefined)[]): number {
  let total = 0;
  for (const value of values) {
    const n = Number(value ?? 0);
    if (Number.isFinite(n)) total += n;
  }
  return total;
}
