// MLflow's registry and tracking replies, turned into the contract's models, versions and runs.
// Pure functions: the handlers fetch, these decide what the user sees.
import type {
  Dataset,
  ModelSummary,
  RunMetric,
  SourceRun,
  VersionSummary,
} from '../../../../shared/contract/models';
import type {
  DatasetInput,
  Metric,
  ModelVersion,
  RegisteredModel,
  Run,
} from '../../sources/mlflow';

const tagMap = (tags: { key: string; value: string }[]) =>
  Object.fromEntries(tags.map((t) => [t.key, t.value]));

/** Versions sort as numbers ("10" after "9"), as MLflow numbers them. */
export const byVersionDesc = (a: { version: string }, b: { version: string }) =>
  Number(b.version) - Number(a.version) || b.version.localeCompare(a.version);

export function toModelSummary(model: RegisteredModel, versions?: ModelVersion[]): ModelSummary {
  const known = [...(versions ?? model.latest_versions)].sort(byVersionDesc);
  return {
    name: model.name,
    ...(model.description ? { description: model.description } : {}),
    tags: tagMap(model.tags),
    aliases: [...model.aliases].sort((a, b) => a.alias.localeCompare(b.alias)),
    ...(known[0] ? { latestVersion: known[0].version } : {}),
    ...(model.creation_timestamp !== undefined ? { createdAt: model.creation_timestamp } : {}),
    ...(model.last_updated_timestamp !== undefined
      ? { updatedAt: model.last_updated_timestamp }
      : {}),
  };
}

/**
 * MLflow's search leaves a version's aliases out, so they are taken from the registered model's
 * alias list, which is authoritative.
 */
export function toVersionSummary(
  version: ModelVersion,
  aliases: { alias: string; version: string }[],
): VersionSummary {
  return {
    version: version.version,
    ...(version.status ? { status: version.status } : {}),
    ...(version.creation_timestamp !== undefined ? { createdAt: version.creation_timestamp } : {}),
    ...(version.user_id ? { registeredBy: version.user_id } : {}),
    ...(version.description ? { description: version.description } : {}),
    ...(version.run_id ? { runId: version.run_id } : {}),
    ...(version.source ? { source: version.source } : {}),
    aliases: aliases
      .filter((a) => a.version === version.version)
      .map((a) => a.alias)
      .sort(),
    tags: tagMap(version.tags),
    ...(version.current_stage && version.current_stage !== 'None'
      ? { stage: version.current_stage }
      : {}),
  };
}

/**
 * A filter that finds models whose name contains the text, in any case. A quote cannot be
 * escaped portably across MLflow's stores, so it becomes `_` (any one character), which still
 * matches it; `%` and `_` typed by the user stay wildcards.
 */
export function nameFilter(search: string): string | undefined {
  const text = search.trim();
  if (!text) return undefined;
  return `name ILIKE '%${text.replace(/'/g, '_')}%'`;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The location in MLflow's source JSON: a URI, a table name, or the text itself. */
function datasetLocation(source: string | undefined): string | undefined {
  const parsed = parseJson(source);
  if (isRecord(parsed)) {
    for (const key of ['uri', 'url', 'path', 'table_name', 'delta_table_name', 'name']) {
      const value = parsed[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return source || undefined;
}

/** ColSpec JSON: `{"mlflow_colspec": [{"name": …, "type": …}]}` (or a bare list). */
function datasetSchema(schema: string | undefined): { name: string; type: string }[] {
  const parsed = parseJson(schema);
  const cols = isRecord(parsed) ? parsed['mlflow_colspec'] : parsed;
  if (!Array.isArray(cols)) return [];
  return cols.flatMap((c: unknown) =>
    isRecord(c) && typeof c['name'] === 'string'
      ? [{ name: c['name'], type: typeof c['type'] === 'string' ? c['type'] : 'unknown' }]
      : [],
  );
}

export function toDataset(input: DatasetInput): Dataset {
  const { dataset } = input;
  const context = input.tags.find((t) => t.key === 'mlflow.data.context')?.value;
  const profile = parseJson(dataset.profile);
  const rows = isRecord(profile) ? profile['num_rows'] : undefined;
  const source = datasetLocation(dataset.source);
  return {
    name: dataset.name,
    digest: dataset.digest,
    ...(context ? { context } : {}),
    ...(dataset.source_type ? { sourceType: dataset.source_type } : {}),
    ...(source ? { source } : {}),
    schema: datasetSchema(dataset.schema),
    ...(typeof rows === 'number' ? { rows } : {}),
  };
}

export function toRunMetric(latest: Metric, history: Metric[]): RunMetric {
  const points = (history.length ? history : [latest])
    .map((m) => ({
      step: m.step,
      value: m.value,
      ...(m.timestamp !== undefined ? { timestamp: m.timestamp } : {}),
    }))
    .sort((a, b) => a.step - b.step || (a.timestamp ?? 0) - (b.timestamp ?? 0));
  return { key: latest.key, value: latest.value, history: points };
}

/** Tags an Argo workflow step sets on the run it logs, naming the workflow. */
const workflowTags = ['argo.workflow', 'argo_workflow', 'workflows.argoproj.io/workflow'];

export function toSourceRun(run: Run, histories: Map<string, Metric[]>): SourceRun {
  const tags = tagMap(run.data.tags);
  const workflow = workflowTags.map((k) => tags[k]).find(Boolean);
  const user = tags['mlflow.user'] ?? run.info.user_id;
  return {
    runId: run.info.run_id,
    ...(run.info.run_name || tags['mlflow.runName']
      ? { runName: run.info.run_name || tags['mlflow.runName'] }
      : {}),
    experimentId: run.info.experiment_id,
    ...(run.info.status ? { status: run.info.status } : {}),
    ...(run.info.start_time !== undefined ? { startTime: run.info.start_time } : {}),
    ...(run.info.end_time !== undefined ? { endTime: run.info.end_time } : {}),
    ...(user ? { user } : {}),
    ...(tags['mlflow.source.git.commit'] ? { gitCommit: tags['mlflow.source.git.commit'] } : {}),
    params: run.data.params
      .map((p) => ({ key: p.key, value: p.value }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    metrics: run.data.metrics
      .map((m) => toRunMetric(m, histories.get(m.key) ?? []))
      .sort((a, b) => a.key.localeCompare(b.key)),
    datasets: run.inputs.dataset_inputs.map(toDataset),
    ...(workflow
      ? {
          pipeline: {
            workflow,
            ...(tags['argo.namespace'] ? { namespace: tags['argo.namespace'] } : {}),
            ...(tags['argo.workflow-template'] ? { template: tags['argo.workflow-template'] } : {}),
          },
        }
      : {}),
  };
}
