// The named signals a workspace file may override (`overrides.signals`). The host's catalogue
// (electron/host/capabilities/monitoring/signals.ts) gives each its default PromQL and is checked
// against this list by a test, so a typo in a workspace file is an error with a line number rather
// than an override that silently never applies.
export const signalNames = [
  'gpu.utilisation',
  'gpu.memoryUsed',
  'gpu.memoryFree',
  'gpu.power',
  'gpu.temperature',
  'gpu.smClock',
  'gpu.memoryClock',
  'gpu.xidError',
  'gpu.peakUtilisation',
  'gpu.requests',
  'gpu.hourlyCost',
  'gpu.podPipeline',
  'inference.requestRate',
  'inference.errorRate',
  'inference.latencyMs',
  'inference.istioRequestRate',
  'inference.istioErrorRate',
  'inference.istioLatencyMs',
  'drift.score',
  'drift.threshold',
] as const;

export type SignalNameInWorkspace = (typeof signalNames)[number];
