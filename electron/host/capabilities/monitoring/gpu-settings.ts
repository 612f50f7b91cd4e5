// The idle rule and price in force: the workspace file's `overrides.gpus`, else the defaults
// (under 5 % for 2 h, a GPU-hour at 2.50 USD, cost summed over 24 h, a 15 s scrape).
import type { GpuSettingsView } from '../../../../shared/contract/monitoring';
import { durationMs, type GpuPolicy } from '../../../../shared/model/gpu-policy';

export interface GpuSettings {
  idleThresholdPercent: number;
  idleWindowMs: number;
  memoryHeldMiB: number;
  pricePerGpuHour: number;
  priceFromWorkspace: boolean;
  currency: string;
  costWindowMs: number;
  scrapeIntervalMs: number;
}

export const defaultPricePerGpuHour = 2.5;

export function gpuSettings(policy: GpuPolicy | undefined): GpuSettings {
  return {
    idleThresholdPercent: policy?.idleThresholdPercent ?? 5,
    idleWindowMs: durationMs(policy?.idleWindow ?? '2h'),
    // A CUDA context alone holds a few hundred MiB; a job's tensors hold GiBs.
    memoryHeldMiB: policy?.memoryHeldMiB ?? 4096,
    pricePerGpuHour: policy?.pricePerGpuHour ?? defaultPricePerGpuHour,
    priceFromWorkspace: policy?.pricePerGpuHour !== undefined,
    currency: policy?.currency ?? 'USD',
    costWindowMs: durationMs(policy?.costWindow ?? '24h'),
    scrapeIntervalMs: durationMs(policy?.scrapeInterval ?? '15s'),
  };
}

export function settingsView(s: GpuSettings, openCost: boolean): GpuSettingsView {
  return {
    idleThresholdPercent: s.idleThresholdPercent,
    idleWindowSeconds: s.idleWindowMs / 1000,
    memoryHeldMiB: s.memoryHeldMiB,
    pricePerGpuHour: s.pricePerGpuHour,
    currency: s.currency,
    costWindowSeconds: s.costWindowMs / 1000,
    priceSource: s.priceFromWorkspace ? 'workspace' : openCost ? 'opencost' : 'default',
  };
}
