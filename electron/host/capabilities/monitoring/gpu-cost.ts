// GPU-hours and their cost per namespace and per pipeline over the cost window. GPU-hours come
// from kube-state-metrics' GPU requests when exported (requested GPUs × time), else from the
// dcgm series that carry pod labels (one GPU × time); each point of a range query stands for one
// step of time.
import type { CostRow } from '../../../../shared/contract/monitoring';
import type { PipelineOf } from './owners';
import type { GpuSettings } from './gpu-settings';
import { round2 } from './gpu-idle';
import { readRange, type SignalReader } from './read-signal';
import { hostOf, namespaceOf, podOf } from './signals';

export async function costByOwner(
  reader: SignalReader,
  settings: GpuSettings,
  at: number,
  fromRequests: boolean,
  priceOf: (node: string) => number,
  pipelineOf: PipelineOf,
): Promise<{ byNamespace: CostRow[]; byPipeline: CostRow[] }> {
  const range = await readRange(reader, fromRequests ? 'gpu.requests' : 'gpu.utilisation', {
    from: at - settings.costWindowMs,
    to: at,
    widthPx: 288,
    minIntervalMs: settings.scrapeIntervalMs,
  });
  const stepHours = range.stepMs / 3_600_000;
  const namespaces = new Map<string, CostRow>();
  const pipelines = new Map<string, CostRow>();
  const add = (map: Map<string, CostRow>, name: string, hours: number, cost: number) => {
    const row = map.get(name) ?? { name, gpuHours: 0, cost: 0 };
    row.gpuHours += hours;
    row.cost += cost;
    map.set(name, row);
  };
  for (const s of range.series) {
    const pod = fromRequests ? s.labels.pod : podOf(s.labels);
    const namespace = fromRequests ? s.labels.namespace : namespaceOf(s.labels);
    if (!pod || !namespace) continue;
    const gpusPerPoint = (v: number | null) => (fromRequests ? (v ?? 0) : v === null ? 0 : 1);
    const hours = s.points.reduce((sum, [, v]) => sum + gpusPerPoint(v) * stepHours, 0);
    const node = (fromRequests ? s.labels.node : hostOf(s.labels)) ?? '';
    const cost = hours * priceOf(node);
    add(namespaces, namespace, hours, cost);
    add(pipelines, pipelineOf(namespace, pod) ?? '(not in a pipeline)', hours, cost);
  }
  const finish = (map: Map<string, CostRow>) =>
    [...map.values()]
      .map((r) => ({ name: r.name, gpuHours: round2(r.gpuHours), cost: round2(r.cost) }))
      .sort((a, b) => b.cost - a.cost);
  return { byNamespace: finish(namespaces), byPipeline: finish(pipelines) };
}
