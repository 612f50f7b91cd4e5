// The records as MLflow's `message_to_json` renders them (checked against mlflow 3.17.2 replies):
// int64 timestamps as JSON numbers, versions as strings, unset optional fields omitted, empty
// repeated fields omitted. Model versions carry `aliases` from get and alias lookups but not
// from search or a registered model's `latest_versions`.
import type {
  ExperimentRecord,
  MetricPoint,
  ModelVersionRecord,
  RegisteredModelRecord,
  RegistryState,
  RunRecord,
} from './registry-state';

type Json = Record<string, unknown>;

export function tagsJson(tags: Map<string, string>): Json {
  return tags.size ? { tags: [...tags].map(([key, value]) => ({ key, value })) } : {};
}

export function modelVersionJson(
  state: RegistryState,
  version: ModelVersionRecord,
  withAliases: boolean,
): Json {
  const aliases = withAliases ? state.aliasesOf(version) : [];
  return {
    name: version.name,
    version: String(version.version),
    creation_timestamp: version.creation_timestamp,
    last_updated_timestamp: version.last_updated_timestamp,
    current_stage: version.current_stage,
    ...(version.description !== undefined ? { description: version.description } : {}),
    source: version.source,
    ...(version.run_id !== undefined ? { run_id: version.run_id } : {}),
    status: version.status,
    ...tagsJson(version.tags),
    run_link: version.run_link,
    ...(aliases.length ? { aliases } : {}),
  };
}

/** The newest version per stage; every demo version is in stage "None". */
function latestVersions(model: RegisteredModelRecord): ModelVersionRecord[] {
  const byStage = new Map<string, ModelVersionRecord>();
  for (const version of model.versions.values()) {
    const current = byStage.get(version.current_stage);
    if (!current || version.version > current.version) byStage.set(version.current_stage, version);
  }
  return [...byStage.values()];
}

export function registeredModelJson(state: RegistryState, model: RegisteredModelRecord): Json {
  const latest = latestVersions(model);
  const aliases = [...model.aliases].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    name: model.name,
    creation_timestamp: model.creation_timestamp,
    last_updated_timestamp: model.last_updated_timestamp,
    ...(model.description !== undefined ? { description: model.description } : {}),
    ...(latest.length
      ? { latest_versions: latest.map((v) => modelVersionJson(state, v, false)) }
      : {}),
    ...tagsJson(model.tags),
    ...(aliases.length
      ? { aliases: aliases.map(([alias, version]) => ({ alias, version: String(version) })) }
      : {}),
  };
}

export function experimentJson(experiment: ExperimentRecord): Json {
  return {
    experiment_id: experiment.experiment_id,
    name: experiment.name,
    artifact_location: experiment.artifact_location,
    lifecycle_stage: experiment.lifecycle_stage,
    last_update_time: experiment.last_update_time,
    creation_time: experiment.creation_time,
    ...tagsJson(experiment.tags),
    workspace: 'default',
  };
}

/** The latest point per key: highest step, then latest timestamp, then highest value (MLflow's rule). */
export function latestMetrics(run: RunRecord): MetricPoint[] {
  return [...run.metrics.values()].flatMap((points) => {
    const best = points.reduce<MetricPoint | undefined>((acc, p) => {
      if (!acc) return p;
      if (p.step !== acc.step) return p.step > acc.step ? p : acc;
      if (p.timestamp !== acc.timestamp) return p.timestamp > acc.timestamp ? p : acc;
      return p.value > acc.value ? p : acc;
    }, undefined);
    return best ? [best] : [];
  });
}

export function runJson(run: RunRecord): Json {
  const metrics = latestMetrics(run);
  return {
    info: {
      run_uuid: run.run_id,
      experiment_id: run.experiment_id,
      run_name: run.run_name,
      user_id: run.user_id,
      status: run.status,
      start_time: run.start_time,
      ...(run.end_time !== undefined ? { end_time: run.end_time } : {}),
      artifact_uri: run.artifact_uri,
      lifecycle_stage: run.lifecycle_stage,
      run_id: run.run_id,
    },
    data: {
      ...(metrics.length ? { metrics } : {}),
      ...(run.params.size
        ? { params: [...run.params].map(([key, value]) => ({ key, value })) }
        : {}),
      ...tagsJson(run.tags),
    },
    inputs: run.datasets.length
      ? {
          dataset_inputs: run.datasets.map((input) => ({
            ...tagsJson(input.tags),
            dataset: input.dataset,
          })),
        }
      : {},
    outputs: {},
  };
}
