// Tracking routes the console reads beside a model version: runs, metric history, experiments.
import { invalidParameter, missingParameter } from './api-error';
import type { ExperimentRecord, RunRecord } from './registry-state';
import type { Route, RouteContext } from './routes';
import {
  compareValues,
  matches,
  page,
  parseFilter,
  parseOrderBy,
  type FilterClause,
} from './search';
import { experimentJson, latestMetrics, runJson } from './wire-format';

// --- runs and experiments --------------------------------------------------------------------

const runAttributes: Record<string, (r: RunRecord) => string | number | undefined> = {
  run_id: (r) => r.run_id,
  run_name: (r) => r.run_name,
  status: (r) => r.status,
  user_id: (r) => r.user_id,
  start_time: (r) => r.start_time,
  end_time: (r) => r.end_time,
  artifact_uri: (r) => r.artifact_uri,
  lifecycle_stage: (r) => r.lifecycle_stage,
};

function runValue(
  run: RunRecord,
  type: FilterClause['type'],
  key: string,
): string | number | undefined {
  if (type === 'tag') return run.tags.get(key);
  if (type === 'param') return run.params.get(key);
  if (type === 'metric') return latestMetrics(run).find((m) => m.key === key)?.value;
  return runAttributes[key === 'run_uuid' ? 'run_id' : key === 'created' ? 'start_time' : key]?.(
    run,
  );
}

function searchRuns({ state, params, canRead }: RouteContext): Record<string, unknown> {
  const experimentIds = params.list('experiment_ids');
  const maxResults = params.int('max_results', 1000);
  if (maxResults > 50_000) {
    throw invalidParameter(
      `Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most 50000`,
    );
  }
  const clauses = parseFilter(params.string('filter'));
  for (const clause of clauses) {
    if (
      clause.type === 'attribute' &&
      !(clause.key in runAttributes) &&
      clause.key !== 'run_uuid' &&
      clause.key !== 'created'
    ) {
      throw invalidParameter(`Invalid attribute key '${clause.key}' specified.`);
    }
  }
  const order = parseOrderBy(params.list('order_by')).map(({ key, ascending }) => {
    const dot = key.indexOf('.');
    const prefix = dot > 0 ? key.slice(0, dot) : 'attributes';
    const name = dot > 0 ? key.slice(dot + 1) : key;
    const type: FilterClause['type'] = prefix.startsWith('metric')
      ? 'metric'
      : prefix.startsWith('param')
        ? 'param'
        : prefix.startsWith('tag')
          ? 'tag'
          : 'attribute';
    return { type, name, ascending };
  });
  if (!order.some((o) => o.type === 'attribute' && o.name === 'start_time'))
    order.push({ type: 'attribute', name: 'start_time', ascending: false });
  order.push({ type: 'attribute', name: 'run_id', ascending: true });

  const found = [...state.runs.values()]
    .filter(
      (run) =>
        canRead && experimentIds.includes(run.experiment_id) && run.lifecycle_stage === 'active',
    )
    .filter((run) => clauses.every((c) => matches(runValue(run, c.type, c.key), c)))
    .sort((a, b) => {
      for (const { type, name, ascending } of order) {
        const [x, y] = [runValue(a, type, name), runValue(b, type, name)];
        if (x === undefined || y === undefined) {
          const diff = compareValues(x, y);
          if (diff) return diff;
          continue;
        }
        const diff = compareValues(x, y);
        if (diff) return ascending ? diff : -diff;
      }
      return 0;
    });
  const { items, next } = page(found, maxResults, params.string('page_token'));
  return {
    ...(items.length ? { runs: items.map(runJson) } : {}),
    ...(next ? { next_page_token: next } : {}),
  };
}

function metricHistory({ state, params }: RouteContext): Record<string, unknown> {
  const runId = params.string('run_id') ?? params.string('run_uuid');
  if (!runId) throw missingParameter('run_id');
  const key = params.required('metric_key');
  // MLflow 3.17.2 answers {} for an unknown run rather than an error.
  const points = state.runs.get(runId)?.metrics.get(key) ?? [];
  const sorted = [...points].sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  const maxResults =
    params.string('max_results') === undefined ? undefined : params.int('max_results', 25_000);
  const { items, next } =
    maxResults === undefined
      ? { items: sorted, next: undefined }
      : page(sorted, maxResults, params.string('page_token'));
  return {
    ...(items.length ? { metrics: items } : {}),
    ...(next ? { next_page_token: next } : {}),
  };
}

function searchExperiments({ state, params, canRead }: RouteContext): Record<string, unknown> {
  const maxResults = params.int('max_results', 1000);
  const clauses = parseFilter(params.string('filter'));
  const value = (e: ExperimentRecord, c: FilterClause) =>
    c.type === 'tag'
      ? e.tags.get(c.key)
      : c.key === 'name'
        ? e.name
        : c.key === 'creation_time'
          ? e.creation_time
          : c.key === 'last_update_time'
            ? e.last_update_time
            : undefined;
  const found = (canRead ? [...state.experiments.values()] : [])
    .filter((e) => e.lifecycle_stage === 'active' && clauses.every((c) => matches(value(e, c), c)))
    .sort(
      (a, b) =>
        b.last_update_time - a.last_update_time ||
        Number(a.experiment_id) - Number(b.experiment_id),
    );
  const { items, next } = page(found, maxResults, params.string('page_token'));
  return {
    ...(items.length ? { experiments: items.map(experimentJson) } : {}),
    ...(next ? { next_page_token: next } : {}),
  };
}

export const trackingRoutes: Route[] = [
  // runs and experiments
  {
    method: 'GET',
    path: 'runs/get',
    access: 'read',
    handle: ({ state, params }) => ({
      run: runJson(state.getRun(params.string('run_id') ?? params.string('run_uuid'))),
    }),
  },
  { method: 'POST', path: 'runs/search', access: 'list', handle: searchRuns },
  { method: 'GET', path: 'metrics/get-history', access: 'read', handle: metricHistory },
  {
    method: 'GET',
    path: 'experiments/get',
    access: 'read',
    handle: ({ state, params }) => ({
      experiment: experimentJson(state.getExperiment(params.string('experiment_id'))),
    }),
  },
  {
    method: 'GET',
    path: 'experiments/get-by-name',
    access: 'read',
    handle: ({ state, params }) => ({
      experiment: experimentJson(state.getExperimentByName(params.string('experiment_name'))),
    }),
  },
  { method: 'GET', path: 'experiments/search', access: 'list', handle: searchExperiments },
  { method: 'POST', path: 'experiments/search', access: 'list', handle: searchExperiments },
];
