// Registry routes: registered models, model versions, aliases and tags, with the search
// semantics of MLflow's SQL store (filters, order_by defaults, offset paging).
import { invalidParameter, missingParameter } from './api-error';
import type { ModelVersionRecord, RegisteredModelRecord, RegistryState } from './registry-state';
import type { Route, RouteContext } from './routes';
import {
  compareValues,
  matches,
  page,
  parseFilter,
  parseOrderBy,
  type FilterClause,
} from './search';
import { modelVersionJson, registeredModelJson } from './wire-format';

function tagValue(tags: Map<string, string>, clause: FilterClause): boolean {
  return matches(tags.get(clause.key), clause);
}

// --- registered models -----------------------------------------------------------------------

function searchRegisteredModels({ state, params, canRead }: RouteContext): Record<string, unknown> {
  const maxResults = params.int('max_results', 100);
  if (maxResults > 1000) {
    throw invalidParameter(
      `Invalid value for request parameter max_results. It must be at most 1000, but got value ${maxResults}`,
    );
  }
  const clauses = parseFilter(params.string('filter'));
  for (const clause of clauses) {
    if (clause.type === 'attribute' && clause.key !== 'name') {
      throw invalidParameter(
        `Invalid attribute key '${clause.key}' specified. Valid keys are '{'name'}'`,
      );
    }
    if (clause.type === 'metric' || clause.type === 'param') {
      throw invalidParameter(`Invalid search expression type '${clause.type}'`);
    }
  }
  const order = parseOrderBy(params.list('order_by')).map(({ key, ascending }) => {
    if (key === 'name') return { key: 'name' as const, ascending };
    if (key === 'timestamp' || key === 'last_updated_timestamp')
      return { key: 'last_updated_timestamp' as const, ascending };
    throw invalidParameter(
      `Invalid order by key '${key}' specified.Valid keys are '{'timestamp', 'name'}'`,
    );
  });
  if (!order.some((o) => o.key === 'name')) order.push({ key: 'name', ascending: true });

  const found = (canRead ? [...state.models.values()] : [])
    .filter((model) =>
      clauses.every((c) => (c.type === 'tag' ? tagValue(model.tags, c) : matches(model.name, c))),
    )
    .sort((a, b) => {
      for (const { key, ascending } of order) {
        const diff = compareValues(a[key], b[key]);
        if (diff) return ascending ? diff : -diff;
      }
      return 0;
    });
  const { items, next } = page(found, maxResults, params.string('page_token'));
  return {
    ...(items.length ? { registered_models: items.map((m) => registeredModelJson(state, m)) } : {}),
    ...(next ? { next_page_token: next } : {}),
  };
}

// --- model versions --------------------------------------------------------------------------

const versionAttributes: Record<string, (v: ModelVersionRecord) => string | number | undefined> = {
  name: (v) => v.name,
  run_id: (v) => v.run_id,
  source_path: (v) => v.source,
  version_number: (v) => v.version,
  creation_timestamp: (v) => v.creation_timestamp,
  last_updated_timestamp: (v) => v.last_updated_timestamp,
};

function searchModelVersions({ state, params, canRead }: RouteContext): Record<string, unknown> {
  const maxResults = params.int('max_results', 200_000);
  if (maxResults < 1) {
    throw invalidParameter(
      `Invalid value for max_results. It must be a positive integer, but got ${maxResults}`,
    );
  }
  if (maxResults > 200_000) {
    throw invalidParameter(
      `Invalid value for request parameter max_results. It must be at most 200000, but got value ${maxResults}`,
    );
  }
  const clauses = parseFilter(params.string('filter'));
  for (const clause of clauses) {
    if (clause.type === 'attribute' && !(clause.key in versionAttributes)) {
      throw invalidParameter(`Invalid attribute name: ${clause.key}`);
    }
    if (clause.type === 'metric' || clause.type === 'param') {
      throw invalidParameter(`Invalid search expression type '${clause.type}'`);
    }
  }
  const requested = parseOrderBy(params.list('order_by'));
  const order = (
    requested.length ? requested : [{ key: 'last_updated_timestamp', ascending: false }]
  ).map((o) => {
    if (
      !['name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'].includes(o.key)
    ) {
      throw invalidParameter(
        `Invalid order by key '${o.key}' specified. Valid keys are {'name', 'version_number', 'creation_timestamp', 'last_updated_timestamp'}`,
      );
    }
    return o;
  });
  if (!order.some((o) => o.key === 'name')) order.push({ key: 'name', ascending: true });
  if (!order.some((o) => o.key === 'version_number'))
    order.push({ key: 'version_number', ascending: false });

  const all = canRead ? [...state.models.values()].flatMap((m) => [...m.versions.values()]) : [];
  const found = all
    .filter((v) =>
      clauses.every((c) =>
        c.type === 'tag' ? tagValue(v.tags, c) : matches(versionAttributes[c.key]?.(v), c),
      ),
    )
    .sort((a, b) => {
      for (const { key, ascending } of order) {
        const get = versionAttributes[key];
        const diff = compareValues(get?.(a), get?.(b));
        if (diff) return ascending ? diff : -diff;
      }
      return 0;
    });
  const { items, next } = page(found, maxResults, params.string('page_token'));
  return {
    ...(items.length
      ? { model_versions: items.map((v) => modelVersionJson(state, v, false)) }
      : {}),
    ...(next ? { next_page_token: next } : {}),
  };
}

const stages = ['None', 'Staging', 'Production', 'Archived'];

function transitionStage({ state, params }: RouteContext): Record<string, unknown> {
  const version = state.getModelVersion(params.string('name'), params.string('version'));
  const stage = stages.find((s) => s.toLowerCase() === params.required('stage').toLowerCase());
  if (!stage)
    throw invalidParameter(
      `Invalid Model Version stage: ${params.string('stage')}. Value must be one of ${stages.join(', ')}.`,
    );
  const archive = params.bool('archive_existing_versions');
  if (archive === undefined) throw missingParameter('archive_existing_versions');
  const at = state.now();
  if (archive && (stage === 'Staging' || stage === 'Production')) {
    for (const other of state.getRegisteredModel(version.name).versions.values()) {
      if (other !== version && other.current_stage === stage) {
        other.current_stage = 'Archived';
        other.last_updated_timestamp = at;
      }
    }
  }
  version.current_stage = stage;
  version.last_updated_timestamp = at;
  state.getRegisteredModel(version.name).last_updated_timestamp = at;
  return { model_version: modelVersionJson(state, version, true) };
}

function latestVersionsByStage(
  state: RegistryState,
  model: RegisteredModelRecord,
  wanted: string[],
): Record<string, unknown> {
  const byStage = new Map<string, ModelVersionRecord>();
  for (const version of model.versions.values()) {
    if (
      wanted.length &&
      !wanted.some((s) => s.toLowerCase() === version.current_stage.toLowerCase())
    )
      continue;
    const current = byStage.get(version.current_stage);
    if (!current || version.version > current.version) byStage.set(version.current_stage, version);
  }
  const versions = [...byStage.values()];
  return versions.length
    ? { model_versions: versions.map((v) => modelVersionJson(state, v, false)) }
    : {};
}

export const registryRoutes: Route[] = [
  // registered models
  {
    method: 'POST',
    path: 'registered-models/create',
    access: 'create',
    handle: ({ state, params }) => ({
      registered_model: registeredModelJson(
        state,
        state.createRegisteredModel(
          params.string('name'),
          params.string('description'),
          params.tags(),
        ),
      ),
    }),
  },
  {
    method: 'GET',
    path: 'registered-models/get',
    access: 'read',
    handle: ({ state, params }) => ({
      registered_model: registeredModelJson(state, state.getRegisteredModel(params.string('name'))),
    }),
  },
  {
    method: 'GET',
    path: 'registered-models/search',
    access: 'list',
    handle: searchRegisteredModels,
  },
  {
    method: 'PATCH',
    path: 'registered-models/update',
    access: 'update',
    handle: ({ state, params }) => ({
      registered_model: registeredModelJson(
        state,
        state.updateRegisteredModel(params.string('name'), params.string('description')),
      ),
    }),
  },
  {
    method: 'POST',
    path: 'registered-models/rename',
    access: 'update',
    handle: ({ state, params }) => ({
      registered_model: registeredModelJson(
        state,
        state.renameRegisteredModel(params.string('name'), params.string('new_name')),
      ),
    }),
  },
  {
    method: 'DELETE',
    path: 'registered-models/delete',
    access: 'delete',
    handle: ({ state, params }) => (state.deleteRegisteredModel(params.string('name')), {}),
  },
  {
    method: 'POST',
    path: 'registered-models/set-tag',
    access: 'update',
    handle: ({ state, params }) => (
      state.setRegisteredModelTag(
        params.string('name'),
        params.string('key'),
        params.string('value'),
      ),
      {}
    ),
  },
  {
    method: 'DELETE',
    path: 'registered-models/delete-tag',
    access: 'update',
    handle: ({ state, params }) => (
      state.deleteRegisteredModelTag(params.string('name'), params.string('key')),
      {}
    ),
  },
  {
    method: 'POST',
    path: 'registered-models/alias',
    access: 'update',
    handle: ({ state, params }) => {
      state.setAlias(params.required('name'), params.required('alias'), params.required('version'));
      return {};
    },
  },
  {
    method: 'DELETE',
    path: 'registered-models/alias',
    access: 'update',
    handle: ({ state, params }) => (
      state.deleteAlias(params.required('name'), params.required('alias')),
      {}
    ),
  },
  {
    method: 'GET',
    path: 'registered-models/alias',
    access: 'read',
    handle: ({ state, params }) => ({
      model_version: modelVersionJson(
        state,
        state.getVersionByAlias(params.required('name'), params.required('alias')),
        true,
      ),
    }),
  },
  ...(['GET', 'POST'] as const).map((method): Route => ({
    method,
    path: 'registered-models/get-latest-versions',
    access: 'read',
    handle: ({ state, params }) =>
      latestVersionsByStage(
        state,
        state.getRegisteredModel(params.string('name')),
        params.list('stages'),
      ),
  })),
  // model versions
  {
    method: 'POST',
    path: 'model-versions/create',
    access: 'update',
    handle: ({ state, params }) => {
      const runId = params.string('run_id');
      const source = params.string('source');
      // MLflow refuses a runs:/ source that names another run than run_id.
      const sourceRun = /^runs:\/([^/]+)/.exec(source ?? '')?.[1];
      if (sourceRun && sourceRun !== runId) {
        throw invalidParameter(
          `Invalid model version source: '${source}'. The run_id request parameter must identify the resource that contains the source.`,
        );
      }
      const version = state.createModelVersion({
        name: params.string('name'),
        source,
        ...(runId ? { run_id: runId } : {}),
        ...(params.string('run_link') ? { run_link: params.string('run_link') } : {}),
        ...(params.string('description') ? { description: params.string('description') } : {}),
        tags: params.tags(),
      });
      return { model_version: modelVersionJson(state, version, false) };
    },
  },
  {
    method: 'GET',
    path: 'model-versions/get',
    access: 'read',
    handle: ({ state, params }) => ({
      model_version: modelVersionJson(
        state,
        state.getModelVersion(params.string('name'), params.string('version')),
        true,
      ),
    }),
  },
  { method: 'GET', path: 'model-versions/search', access: 'list', handle: searchModelVersions },
  {
    method: 'PATCH',
    path: 'model-versions/update',
    access: 'update',
    handle: ({ state, params }) => ({
      model_version: modelVersionJson(
        state,
        state.updateModelVersion(
          params.string('name'),
          params.string('version'),
          params.string('description'),
        ),
        true,
      ),
    }),
  },
  {
    method: 'DELETE',
    path: 'model-versions/delete',
    access: 'delete',
    handle: ({ state, params }) => (
      state.deleteModelVersion(params.string('name'), params.string('version')),
      {}
    ),
  },
  {
    method: 'POST',
    path: 'model-versions/set-tag',
    access: 'update',
    handle: ({ state, params }) => (
      state.setModelVersionTag(
        params.string('name'),
        params.string('version'),
        params.string('key'),
        params.string('value'),
      ),
      {}
    ),
  },
  {
    method: 'DELETE',
    path: 'model-versions/delete-tag',
    access: 'update',
    handle: ({ state, params }) => (
      state.deleteModelVersionTag(
        params.string('name'),
        params.string('version'),
        params.string('key'),
      ),
      {}
    ),
  },
  {
    method: 'GET',
    path: 'model-versions/get-download-uri',
    access: 'read',
    handle: ({ state, params }) => ({
      artifact_uri: state.getModelVersion(params.string('name'), params.string('version')).source,
    }),
  },
  {
    method: 'POST',
    path: 'model-versions/transition-stage',
    access: 'update',
    handle: transitionStage,
  },
];
