// The MLflow simulator: a registry and tracking server speaking MLflow's REST API in-process.
export {
  startMlflowSimulator,
  simulatedMlflowVersion,
  type MlflowSimulator,
  type MlflowSimulatorAuth,
  type MlflowSimulatorOptions,
  type SimulatedPermission,
} from './simulator';
export { demoRegistry, datasetRecord, type DemoRegistry, type DemoSeedSummary } from './seed';
