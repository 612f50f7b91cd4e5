// The metrics replay simulator: a Prometheus and an Alertmanager for the demo workspace.
export {
  startMetricsSimulator,
  defaultGpuNodes,
  type MetricsSimulator,
  type MetricsSimulatorOptions,
} from './server';
export type { GpuAssignment, GpuNode } from './fleet';
export type { PostableAlert } from './alertmanager-api';
export type { ServedModel } from './inference/traffic';
export { readGpuTrace, gpuFixturesDir, type GpuTrace, type TracePhase } from './gpu-trace';
