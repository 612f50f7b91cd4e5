// What counts as an idle GPU and what a GPU-hour costs: product choices each team sets in its
// workspace file (`overrides.gpus`). The defaults follow the community rule: under 5 % for 2 h.
import * as z from 'zod';

/** A Prometheus-style duration: 30s, 15m, 2h, 1d. */
const duration = z.string().regex(/^\d+(ms|s|m|h|d|w)$/, 'a duration such as 30s, 15m, 2h or 1d');

export const gpuPolicy = z
  .object({
    /** A GPU whose utilisation stayed under this (percent) for the whole window is idle. */
    idleThresholdPercent: z.number().min(0).max(100).optional(),
    idleWindow: duration.optional(),
    /** Framebuffer used (MiB) at or above which a GPU counts as held even without pod labels. */
    memoryHeldMiB: z.number().min(0).optional(),
    /** Price of one GPU-hour; OpenCost's node_gpu_hourly_cost is used when this is absent. */
    pricePerGpuHour: z.number().min(0).optional(),
    currency: z.string().min(1).max(8).optional(),
    /** The window over which cost per namespace and pipeline is summed. */
    costWindow: duration.optional(),
    /** How often dcgm-exporter is scraped: the finest step a chart asks for. */
    scrapeInterval: duration.optional(),
  })
  .strict();
export type GpuPolicy = z.infer<typeof gpuPolicy>;

const unitMs: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

export function durationMs(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d|w)$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a duration such as 30s, 15m, 2h or 1d`);
  return Number(m[1]) * unitMs[m[2]!]!;
}
