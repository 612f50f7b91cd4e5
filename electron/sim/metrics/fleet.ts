// The demo cluster's GPU fleet as Prometheus would have scraped it: every GPU replays the
// recorded trace, looped, from its own point in the cycle, under dcgm-exporter's metric and label
// names; each node's exporter and the server itself are scrape targets with an `up` series.
// Nothing is sampled after "now", so the data ends where a real server's would.
import { createHash } from 'node:crypto';
import type { GpuTrace, TraceSeries } from './gpu-trace';
import {
  seriesMatches,
  type Labels,
  type Sample,
  type Series,
  type SeriesStore,
} from './promql/store';

export interface GpuNode {
  name: string;
  gpus: number;
  /** dcgm-exporter's modelName, e.g. "NVIDIA H200". The readings are the H200's whatever it says. */
  model: string;
}

export interface GpuAssignment {
  node: string;
  /** The GPU index on the node, as dcgm-exporter's `gpu` label ("0", "1", ...). */
  gpu: string;
  namespace: string;
  pod: string;
  /** Defaults to "main". */
  container?: string;
}

export interface ScrapeTarget {
  job: string;
  instance: string;
  /** When the first scrape of the loop happened; scrapes follow every intervalMs. */
  originMs: number;
  intervalMs: number;
}

export interface FleetOptions {
  trace: GpuTrace;
  nodes: GpuNode[];
  /** When given, GPUs not listed run idle (the trace's idle phase) and listed ones carry pod labels. */
  gpuAssignments?: GpuAssignment[];
  /** Where the trace's last sample falls for the fleet's first GPU. */
  traceEndMs: number;
  now: () => number;
  /** host:port of the simulated Prometheus, for its own scrape target. */
  selfInstance: string;
}

export const scrapeIntervalMs = 15_000;

/** A series that repeats `base` (times relative to its start) every periodMs from originMs on, in both directions. */
export class LoopedSeries implements Series {
  constructor(
    readonly labels: Labels,
    private readonly base: Sample[],
    private readonly periodMs: number,
    private readonly originMs: number,
    private readonly now: () => number,
  ) {}

  samples(minMs: number, maxMs: number): Sample[] {
    const max = Math.min(maxMs, this.now());
    const out: Sample[] = [];
    if (max < minMs || this.base.length === 0) return out;
    const lastRel = (this.base.at(-1) as Sample).t;
    const firstCycle = Math.floor((minMs - this.originMs - lastRel) / this.periodMs);
    const lastCycle = Math.floor((max - this.originMs) / this.periodMs);
    for (let cycle = firstCycle; cycle <= lastCycle; cycle++) {
      const offset = this.originMs + cycle * this.periodMs;
      for (let i = firstAtOrAfter(this.base, minMs - offset); i < this.base.length; i++) {
        const sample = this.base[i] as Sample;
        const t = sample.t + offset;
        if (t > max) break;
        out.push({ t, v: sample.v });
      }
    }
    return out;
  }

  latest(minMs: number, maxMs: number): Sample | undefined {
    const max = Math.min(maxMs, this.now());
    if (this.base.length === 0) return undefined;
    let cycle = Math.floor((max - this.originMs) / this.periodMs);
    let index = firstAtOrAfter(this.base, max - this.originMs - cycle * this.periodMs + 1) - 1;
    if (index < 0) {
      cycle--;
      index = this.base.length - 1;
    }
    const sample = this.base[index] as Sample;
    const t = sample.t + this.originMs + cycle * this.periodMs;
    return t >= minMs && t <= max ? { t, v: sample.v } : undefined;
  }
}

/** The index of the first sample with t >= rel (binary search). */
function firstAtOrAfter(samples: Sample[], rel: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((samples[mid] as Sample).t < rel) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function replayFleet(opts: FleetOptions): { store: SeriesStore; targets: ScrapeTarget[] } {
  const { trace, now } = opts;
  const periodMs = trace.endMs - trace.startMs + trace.intervalMs;
  const shiftMs = opts.traceEndMs - trace.endMs;
  const idle = trace.phases.find((p) => p.name === 'idle');
  const recordedUuid = trace.series[0]?.labels.UUID;
  const series: Series[] = [];
  const targets: ScrapeTarget[] = [
    { job: 'prometheus', instance: opts.selfInstance, originMs: 0, intervalMs: scrapeIntervalMs },
  ];

  opts.nodes.forEach((node, nodeIndex) => {
    const instance = `${node.name}:9400`;
    targets.push({
      job: 'dcgm-exporter',
      instance,
      originMs: hashInt(instance) % scrapeIntervalMs,
      intervalMs: scrapeIntervalMs,
    });
    for (let gpu = 0; gpu < node.gpus; gpu++) {
      const assignment = opts.gpuAssignments?.find(
        (a) => a.node === node.name && a.gpu === String(gpu),
      );
      const runsIdle = opts.gpuAssignments !== undefined && !assignment && idle !== undefined;
      const first = nodeIndex === 0 && gpu === 0;
      const labels: Labels = {
        gpu: String(gpu),
        UUID: first && recordedUuid ? recordedUuid : gpuUuid(node.name, gpu),
        device: `nvidia${gpu}`,
        modelName: node.model,
        Hostname: node.name,
        ...(assignment
          ? {
              namespace: assignment.namespace,
              pod: assignment.pod,
              container: assignment.container ?? 'main',
            }
          : {}),
        instance,
        job: 'dcgm-exporter',
      };
      // The first GPU replays the trace as recorded; the others start elsewhere in the cycle.
      const phaseOffsetMs = first
        ? 0
        : (hashInt(`${node.name}/${gpu}`) % Math.round(periodMs / 1000)) * 1000;
      for (const recorded of trace.series) {
        const window = runsIdle && idle ? idle : { startMs: trace.startMs, endMs: trace.endMs };
        const base = rebase(recorded, window.startMs, window.endMs);
        const loopMs = window.endMs - window.startMs + trace.intervalMs;
        const origin = window.startMs + shiftMs - phaseOffsetMs;
        series.push(new LoopedSeries({ ...recorded.labels, ...labels }, base, loopMs, origin, now));
      }
    }
  });

  for (const target of targets) {
    const labels = { __name__: 'up', instance: target.instance, job: target.job };
    series.push(
      new LoopedSeries(labels, [{ t: 0, v: 1 }], target.intervalMs, target.originMs, now),
    );
  }
  return {
    store: {
      select: (matchers) => series.filter((s) => seriesMatches(s.labels, matchers)),
      all: () => series,
    },
    targets,
  };
}

function rebase(series: TraceSeries, startMs: number, endMs: number): Sample[] {
  return series.samples
    .filter((s) => s.t >= startMs && s.t <= endMs)
    .map((s) => ({ t: s.t - startMs, v: s.v }));
}

function hashInt(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** A stable, UUID-shaped id per GPU, in nvidia-smi's "GPU-..." form. */
function gpuUuid(node: string, gpu: number): string {
  const hex = createHash('sha256').update(`${node}/${gpu}`).digest('hex');
  return `GPU-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
