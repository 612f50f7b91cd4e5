// Deterministic pod placement for seeded pods: GPU pods on GPU nodes, the rest on CPU nodes.
import { getPath, isPlainObject } from '../api/types';
import type { SimRuntime } from '../runtime';
import { fnv32a } from './time';

export function pickNode(rt: SimRuntime, gpu: boolean, key: string): { name: string; ip: string } {
  const nodes = rt.store.list(rt.registry.find('', 'nodes')!).map((e) => e.obj);
  const fits = nodes.filter((n) => {
    const allocatable = getPath(n, 'status.allocatable');
    const gpus = isPlainObject(allocatable) ? Number(allocatable['nvidia.com/gpu'] ?? 0) : 0;
    return gpu ? gpus > 0 : gpus === 0;
  });
  const pool = fits.length ? fits : nodes;
  const node = pool[fnv32a(key) % Math.max(1, pool.length)];
  const ip =
    (getPath(node, 'status.addresses') as { type: string; address: string }[] | undefined)?.find(
      (a) => a.type === 'InternalIP',
    )?.address ?? '10.0.0.10';
  return { name: node?.metadata.name ?? 'node-1', ip };
}
