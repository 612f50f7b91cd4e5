// The MLflow source: registry and tracking reads, alias and tag writes, connection handling.
export { MlflowSource, type Page, type SearchOptions } from './mlflow-source';
export {
  createMlflowSource,
  mlflowConnectionFromEnv,
  testMlflowConnection,
  type MlflowEnvironmentConnection,
  type ResolveSecret,
} from './mlflow-connection';
export { MlflowError, isUnsetAlias, readMlflowErrorBody, toMlflowError } from './mlflow-errors';
export type {
  DatasetInput,
  Experiment,
  Metric,
  ModelVersion,
  RegisteredModel,
  Run,
} from './wire-schemas';
