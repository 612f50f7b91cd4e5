// The GPU fleet at one instant: every GPU dcgm-exporter reports, with its readings and the pod
// holding it (dcgm's pod labels, else kube-state-metrics' GPU requests on its node), which of
// them are allocated but idle, and what GPU-hours cost per namespace and per pipeline. Joins are
// done here rather than in PromQL, so they hold across exporter dialects and the simulator.
import type { GpuFleet, GpuView } from '../../../../shared/contract/monitoring';
import { costByOwner } from './gpu-cost';
import type { GpuSettings } from './gpu-settings';
import { settingsView } from './gpu-settings';
import { findIdle } from './gpu-idle';
import { promDuration, readInstant, type Reading, type SignalReader } from './read-signal';
import { pipelineIndex, type KnownRun } from './owners';
import { gpuKeyOf, hostOf, namespaceOf, podOf, type SignalName } from './signals';

export type FleetReading = Omit<GpuFleet, 'prometheus'>;

const readingsSignals = {
  memoryUsedMiB: 'gpu.memoryUsed',
  memoryFreeMiB: 'gpu.memoryFree',
  powerWatts: 'gpu.power',
  temperatureC: 'gpu.temperature',
  smClockMHz: 'gpu.smClock',
  memoryClockMHz: 'gpu.memoryClock',
  xidError: 'gpu.xidError',
  peak: 'gpu.peakUtilisation',
} as const satisfies Record<string, SignalName>;

export async function readGpuFleet(
  base: Omit<SignalReader, 'vars'>,
  settings: GpuSettings,
  at: number,
  runs: KnownRun[] = [],
): Promise<FleetReading> {
  const reader: SignalReader = { ...base, vars: { window: promDuration(settings.idleWindowMs) } };
  const warnings: string[] = [];
  const optional = async (name: SignalName): Promise<Reading[]> => {
    try {
      const answer = await readInstant(reader, name, at);
      warnings.push(...answer.warnings);
      return answer.readings;
    } catch (error) {
      warnings.push((error as Error).message);
      return [];
    }
  };

  const util = await readInstant(reader, 'gpu.utilisation', at);
  warnings.push(...util.warnings);
  const keys = Object.keys(readingsSignals) as (keyof typeof readingsSignals)[];
  const [byField, requests, hourlyCost, podPipeline] = await Promise.all([
    Promise.all(keys.map((k) => optional(readingsSignals[k]))).then(
      (lists) => new Map(keys.map((k, i) => [k, byGpu(lists[i] ?? [])])),
    ),
    optional('gpu.requests'),
    optional('gpu.hourlyCost'),
    optional('gpu.podPipeline'),
  ]);
  if (util.readings.length === 0) {
    warnings.push(
      `No GPU reports: "gpu.utilisation" (${util.query}) has no series. Is dcgm-exporter scraped?`,
    );
  }

  const field = (name: keyof typeof readingsSignals, key: string) => {
    const v = byField.get(name)?.get(key)?.value;
    return v === undefined || !Number.isFinite(v) ? null : v;
  };
  const gpus: GpuView[] = util.readings.map((r) => {
    const key = gpuKeyOf(r.labels);
    const used = field('memoryUsedMiB', key);
    const free = field('memoryFreeMiB', key);
    const pod = podOf(r.labels);
    const namespace = namespaceOf(r.labels);
    return {
      key,
      node: hostOf(r.labels) ?? 'unknown',
      gpu: r.labels.gpu ?? r.labels.device ?? '?',
      ...(r.labels.modelName ? { model: r.labels.modelName } : {}),
      utilisation: Number.isFinite(r.value) ? r.value : null,
      memoryUsedMiB: used,
      memoryTotalMiB: used !== null && free !== null ? used + free : null,
      powerWatts: field('powerWatts', key),
      temperatureC: field('temperatureC', key),
      smClockMHz: field('smClockMHz', key),
      memoryClockMHz: field('memoryClockMHz', key),
      xidError: field('xidError', key),
      ...(pod ? { pod, holderFrom: 'dcgm' as const } : {}),
      ...(pod && namespace ? { namespace } : {}),
      idle: false,
    };
  });
  assignFromRequests(gpus, requests);

  const openCost = new Map<string, number>();
  for (const r of hourlyCost) {
    const node = r.labels.node ?? hostOf(r.labels);
    if (node && Number.isFinite(r.value)) openCost.set(node, r.value);
  }
  const priceOf = (node: string) =>
    settings.priceFromWorkspace
      ? settings.pricePerGpuHour
      : (openCost.get(node) ?? settings.pricePerGpuHour);
  const pipelineOf = pipelineIndex(podPipeline, runs);

  const [idle, cost] = await Promise.all([
    findIdle(reader, gpus, byField.get('peak') ?? new Map(), settings, at, priceOf, pipelineOf),
    costByOwner(reader, settings, at, requests.length > 0, priceOf, pipelineOf).catch(
      (error: unknown) => {
        warnings.push((error as Error).message);
        return { byNamespace: [], byPipeline: [] };
      },
    ),
  ]);
  warnings.push(...idle.warnings);
  const idleKeys = new Set(idle.rows.map((r) => r.key));
  for (const g of gpus) g.idle = idleKeys.has(g.key);

  return {
    at,
    gpus: gpus.sort(
      (a, b) => a.node.localeCompare(b.node) || a.gpu.localeCompare(b.gpu, 'en', { numeric: true }),
    ),
    idle: idle.rows,
    costByNamespace: cost.byNamespace,
    costByPipeline: cost.byPipeline,
    settings: settingsView(settings, openCost.size > 0),
    warnings,
  };
}

function byGpu(readings: Reading[]): Map<string, Reading> {
  return new Map(readings.map((r) => [gpuKeyOf(r.labels), r]));
}

/**
 * Pods that request GPUs (kube-state-metrics) but whose GPU carries no dcgm pod labels are
 * placed on the node's unlabelled GPUs: the node is known, which of its GPUs is not.
 */
function assignFromRequests(gpus: GpuView[], requests: Reading[]): void {
  const labelled = new Set(gpus.filter((g) => g.pod).map((g) => `${g.namespace}/${g.pod}`));
  for (const r of requests) {
    const pod = r.labels.pod;
    const namespace = r.labels.namespace;
    const node = r.labels.node;
    if (!pod || !namespace || !node || labelled.has(`${namespace}/${pod}`)) continue;
    let count = Math.max(1, Math.round(r.value));
    for (const g of gpus) {
      if (count === 0) break;
      if (g.node !== node || g.pod) continue;
      g.pod = pod;
      g.namespace = namespace;
      g.holderFrom = 'node-requests';
      count--;
    }
  }
}
