// Allocated but idle: a GPU held by a pod (or holding more framebuffer than a bare CUDA context)
// whose utilisation stayed under the threshold for the whole window. How long it has been idle
// comes from the utilisation history before the window; what it cost is that time at its price.
import type { GpuView, IdleGpu } from '../../../../shared/contract/monitoring';
import { ownerOf, type PipelineOf } from './owners';
import type { GpuSettings } from './gpu-settings';
import { readRange, type Reading, type SignalReader } from './read-signal';
import { gpuKeyOf } from './signals';

export function isAllocated(gpu: GpuView, settings: GpuSettings): boolean {
  return Boolean(gpu.pod) || (gpu.memoryUsedMiB ?? 0) >= settings.memoryHeldMiB;
}

export async function findIdle(
  reader: SignalReader,
  gpus: GpuView[],
  peakByGpu: Map<string, Reading>,
  settings: GpuSettings,
  at: number,
  priceOf: (node: string) => number,
  pipelineOf: PipelineOf,
): Promise<{ rows: IdleGpu[]; warnings: string[] }> {
  const candidates = gpus.filter((g) => {
    const peak = peakByGpu.get(g.key)?.value;
    return (
      peak !== undefined &&
      Number.isFinite(peak) &&
      peak < settings.idleThresholdPercent &&
      isAllocated(g, settings)
    );
  });
  if (candidates.length === 0) return { rows: [], warnings: [] };

  // Look back well past the window to say since when; a failure only loses the "since".
  const lookback = Math.min(7 * 86_400_000, Math.max(settings.idleWindowMs * 12, 600_000));
  const since = new Map<string, number>();
  const warnings: string[] = [];
  try {
    const history = await readRange(reader, 'gpu.utilisation', {
      from: at - lookback,
      to: at,
      widthPx: 1000,
      minIntervalMs: settings.scrapeIntervalMs,
    });
    for (const s of history.series)
      since.set(gpuKeyOf(s.labels), idleStart(s.points, settings.idleThresholdPercent));
  } catch (error) {
    warnings.push((error as Error).message);
  }

  const rows = candidates.map((g) => {
    const windowStart = at - settings.idleWindowMs;
    const idleSince = Math.min(since.get(g.key) ?? windowStart, windowStart);
    const idleSeconds = Math.round((at - idleSince) / 1000);
    const pipeline = pipelineOf(g.namespace, g.pod);
    const owner = ownerOf(g.pod, pipeline);
    return {
      key: g.key,
      node: g.node,
      gpu: g.gpu,
      ...(g.pod ? { pod: g.pod } : {}),
      ...(g.namespace ? { namespace: g.namespace } : {}),
      ...(owner ? { owner } : {}),
      peakUtilisation: peakByGpu.get(g.key)?.value ?? 0,
      memoryUsedMiB: g.memoryUsedMiB,
      idleSince,
      idleSeconds,
      cost: round2((idleSeconds / 3600) * priceOf(g.node)),
    };
  });
  return { rows: rows.sort((a, b) => b.cost - a.cost || b.idleSeconds - a.idleSeconds), warnings };
}

/** The first time of the trailing run of samples under the threshold (Infinity when none). */
export function idleStart(points: [number, number | null][], threshold: number): number {
  let start = Infinity;
  for (let i = points.length - 1; i >= 0; i--) {
    const [t, v] = points[i]!;
    if (v === null || v >= threshold) break;
    start = t;
  }
  return start;
}

export const round2 = (v: number) => Math.round(v * 100) / 100;
