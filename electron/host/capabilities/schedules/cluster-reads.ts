// Lists a few resources across every selected cluster, one cluster at a time in parallel. A
// resource that is not installed (404) or not permitted (403) becomes a problem of its cluster;
// a cluster that cannot be reached is reported down; the other clusters still answer.
import type { ClusterState } from '../../../../shared/contract/pipelines';
import type { KubeClients } from '../../sources/kubernetes';
import { SourceError } from '../../sources/source-error';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import type { KubernetesLiveSource } from '../sources/adapters/kubernetes';
import type { ClusterRef } from '../pipelines/normalize';

export interface ResourceList {
  /** What the resource is called in messages ("CronWorkflows"). */
  name: string;
  list: (clients: KubeClients) => Promise<unknown[]>;
}

export interface ClusterRead {
  ref: ClusterRef;
  /** The listed objects per resource name; a resource that failed is absent. */
  objects: Map<string, unknown[]>;
  clients?: KubeClients;
}

export const pageSize = 500;

interface Page {
  items?: unknown[];
  metadata?: { continue?: string; _continue?: string };
}

/** Every page of a paged list. */
export async function listAllPages(read: (next?: string) => Promise<Page>): Promise<unknown[]> {
  const items: unknown[] = [];
  let next: string | undefined;
  do {
    const page = await read(next);
    items.push(...(page.items ?? []));
    next = page.metadata?._continue || page.metadata?.continue || undefined;
  } while (next);
  return items;
}

export async function readClusters(
  workspace: OpenWorkspace,
  refs: ClusterRef[],
  resources: ResourceList[],
): Promise<{ reads: ClusterRead[]; clusters: ClusterState[] }> {
  const results = await Promise.all(refs.map((ref) => readCluster(workspace, ref, resources)));
  return { reads: results.map((r) => r.read), clusters: results.map((r) => r.state) };
}

async function readCluster(
  workspace: OpenWorkspace,
  ref: ClusterRef,
  resources: ResourceList[],
): Promise<{ read: ClusterRead; state: ClusterState }> {
  const read: ClusterRead = { ref, objects: new Map() };
  const asOf = new Date().toISOString();
  try {
    const kube = await (workspace.source(ref.connection) as KubernetesLiveSource).kube();
    read.clients = kube.client(ref.context);
  } catch (error) {
    return { read, state: down(ref, error) };
  }
  const clients = read.clients;
  const problems: ClusterState['problems'] = [];
  const failures: unknown[] = [];
  await Promise.all(
    resources.map(async (resource) => {
      try {
        read.objects.set(resource.name, await resource.list(clients));
      } catch (error) {
        if (error instanceof SourceError && ['not_found', 'forbidden'].includes(error.code)) {
          problems.push({ resource: resource.name, error: error.toContract() });
        } else {
          failures.push(error);
        }
      }
    }),
  );
  if (failures.length === resources.length) return { read, state: down(ref, failures[0]) };
  return { read, state: { ...ref, state: 'live', asOf, problems } };
}

function down(ref: ClusterRef, error: unknown): ClusterState {
  return {
    ...ref,
    state: 'down',
    error:
      error instanceof SourceError
        ? error.toContract()
        : { code: 'internal', message: (error as Error)?.message ?? String(error) },
    problems: [],
  };
}
