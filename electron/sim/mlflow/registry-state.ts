// The simulator's registry and tracking data, in memory. Each operation validates its input the
// way MLflow's SQL store does and throws MlflowApiError with MLflow's own code and message
// (mlflow/store/model_registry/sqlalchemy_store.py, mlflow/utils/validation.py at 3.17.2).
// Rendering to the wire shape lives in wire-format.ts.
import { MlflowApiError, doesNotExist, invalidParameter, missingParameter } from './api-error';

export interface MetricPoint {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

export interface DatasetRecord {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema: string;
  profile: string;
}

export interface RunRecord {
  run_id: string;
  experiment_id: string;
  run_name: string;
  user_id: string;
  status: 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
  start_time: number;
  end_time?: number;
  artifact_uri: string;
  lifecycle_stage: 'active' | 'deleted';
  params: Map<string, string>;
  tags: Map<string, string>;
  /** Every logged point per key, in logging order. */
  metrics: Map<string, MetricPoint[]>;
  datasets: { dataset: DatasetRecord; tags: Map<string, string> }[];
}

export interface ExperimentRecord {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: 'active' | 'deleted';
  creation_time: number;
  last_update_time: number;
  tags: Map<string, string>;
}

export interface ModelVersionRecord {
  name: string;
  version: number;
  creation_timestamp: number;
  last_updated_timestamp: number;
  current_stage: string;
  description?: string;
  source: string;
  run_id?: string;
  run_link: string;
  status: 'READY' | 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION';
  tags: Map<string, string>;
}

export interface RegisteredModelRecord {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  description?: string;
  tags: Map<string, string>;
  /** alias -> version number */
  aliases: Map<string, number>;
  versions: Map<number, ModelVersionRecord>;
}

const maxTagKeyLength = 250;
const maxTagValueLength = 100_000;
const maxAliasLength = 255;

export class RegistryState {
  readonly models = new Map<string, RegisteredModelRecord>();
  readonly experiments = new Map<string, ExperimentRecord>();
  readonly runs = new Map<string, RunRecord>();
  private lastTime = 0;

  constructor(private readonly clock: () => number = Date.now) {
    this.createExperiment('Default', new Map());
  }

  /** A strictly increasing millisecond clock, so "last updated" orderings never tie. */
  now(): number {
    this.lastTime = Math.max(this.clock(), this.lastTime + 1);
    return this.lastTime;
  }

  // --- experiments and runs -------------------------------------------------------------

  createExperiment(name: string, tags: Map<string, string>): ExperimentRecord {
    if ([...this.experiments.values()].some((e) => e.name === name)) {
      throw new MlflowApiError(
        'RESOURCE_ALREADY_EXISTS',
        `Experiment(name=${name}) already exists.`,
      );
    }
    const id = String(this.experiments.size);
    const at = this.now();
    const experiment: ExperimentRecord = {
      experiment_id: id,
      name,
      artifact_location: `mlflow-artifacts:/${id}`,
      lifecycle_stage: 'active',
      creation_time: at,
      last_update_time: at,
      tags,
    };
    this.experiments.set(id, experiment);
    return experiment;
  }

  getExperiment(id: string | undefined): ExperimentRecord {
    if (!id) throw missingParameter('experiment_id');
    const experiment = this.experiments.get(id);
    if (!experiment) throw doesNotExist(`No Experiment with id=${id} exists`);
    return experiment;
  }

  getExperimentByName(name: string | undefined): ExperimentRecord {
    if (!name) throw missingParameter('experiment_name');
    const experiment = [...this.experiments.values()].find((e) => e.name === name);
    if (!experiment) throw doesNotExist(`Could not find experiment with name '${name}'`);
    return experiment;
  }

  addRun(run: RunRecord): void {
    this.getExperiment(run.experiment_id);
    this.runs.set(run.run_id, run);
  }

  getRun(runId: string | undefined): RunRecord {
    if (!runId) throw missingParameter('run_id');
    const run = this.runs.get(runId);
    if (!run) throw doesNotExist(`Run with id=${runId} not found`);
    return run;
  }

  // --- registered models ----------------------------------------------------------------

  createRegisteredModel(
    name: string | undefined,
    description?: string,
    tags?: Map<string, string>,
  ): RegisteredModelRecord {
    validateModelName(name);
    for (const [key, value] of tags ?? []) validateTag(key, value);
    if (this.models.has(name)) {
      throw new MlflowApiError(
        'RESOURCE_ALREADY_EXISTS',
        `Registered Model (name=${name}) already exists.`,
      );
    }
    const at = this.now();
    const model: RegisteredModelRecord = {
      name,
      creation_timestamp: at,
      last_updated_timestamp: at,
      ...(description ? { description } : {}),
      tags: new Map(tags),
      aliases: new Map(),
      versions: new Map(),
    };
    this.models.set(name, model);
    return model;
  }

  getRegisteredModel(name: string | undefined): RegisteredModelRecord {
    validateModelName(name);
    const model = this.models.get(name);
    if (!model) throw doesNotExist(`Registered Model with name=${name} not found`);
    return model;
  }

  updateRegisteredModel(
    name: string | undefined,
    description: string | undefined,
  ): RegisteredModelRecord {
    const model = this.getRegisteredModel(name);
    if (description === undefined) delete model.description;
    else model.description = description;
    model.last_updated_timestamp = this.now();
    return model;
  }

  renameRegisteredModel(
    name: string | undefined,
    newName: string | undefined,
  ): RegisteredModelRecord {
    const model = this.getRegisteredModel(name);
    if (!newName || !newName.trim()) throw missingParameter('new_name');
    validateModelName(newName);
    if (this.models.has(newName)) {
      throw new MlflowApiError(
        'RESOURCE_ALREADY_EXISTS',
        `Registered Model (name=${newName}) already exists.`,
      );
    }
    this.models.delete(model.name);
    model.name = newName;
    const at = this.now();
    model.last_updated_timestamp = at;
    for (const version of model.versions.values()) {
      version.name = newName;
      version.last_updated_timestamp = at;
    }
    this.models.set(newName, model);
    return model;
  }

  deleteRegisteredModel(name: string | undefined): void {
    const model = this.getRegisteredModel(name);
    this.models.delete(model.name);
  }

  setRegisteredModelTag(
    name: string | undefined,
    key: string | undefined,
    value: string | undefined,
  ): void {
    validateModelName(name);
    validateTag(key, value);
    this.getRegisteredModel(name).tags.set(key, value ?? '');
  }

  deleteRegisteredModelTag(name: string | undefined, key: string | undefined): void {
    validateModelName(name);
    validateTagKey(key);
    this.getRegisteredModel(name).tags.delete(key);
  }

  // --- model versions ---------------------------------------------------------------------

  createModelVersion(input: {
    name: string | undefined;
    source: string | undefined;
    run_id?: string;
    run_link?: string;
    description?: string;
    tags?: Map<string, string>;
  }): ModelVersionRecord {
    validateModelName(input.name);
    if (!input.source) throw missingParameter('source');
    for (const [key, value] of input.tags ?? []) validateTag(key, value);
    const model = this.getRegisteredModel(input.name);
    const number = Math.max(0, ...model.versions.keys()) + 1;
    const at = this.now();
    const version: ModelVersionRecord = {
      name: model.name,
      version: number,
      creation_timestamp: at,
      last_updated_timestamp: at,
      current_stage: 'None',
      ...(input.description ? { description: input.description } : {}),
      source: input.source,
      ...(input.run_id ? { run_id: input.run_id } : {}),
      run_link: input.run_link ?? '',
      status: 'READY',
      tags: new Map(input.tags),
    };
    model.versions.set(number, version);
    model.last_updated_timestamp = at;
    return version;
  }

  getModelVersion(name: string | undefined, version: string | undefined): ModelVersionRecord {
    validateModelName(name);
    const number = parseVersion(version);
    const found = this.models.get(name)?.versions.get(number);
    if (!found) throw doesNotExist(`Model Version (name=${name}, version=${number}) not found`);
    return found;
  }

  updateModelVersion(
    name: string | undefined,
    version: string | undefined,
    description: string | undefined,
  ): ModelVersionRecord {
    const found = this.getModelVersion(name, version);
    if (description === undefined) delete found.description;
    else found.description = description;
    found.last_updated_timestamp = this.now();
    return found;
  }

  deleteModelVersion(name: string | undefined, version: string | undefined): void {
    const found = this.getModelVersion(name, version);
    const model = this.getRegisteredModel(found.name);
    model.versions.delete(found.version);
    for (const [alias, target] of model.aliases)
      if (target === found.version) model.aliases.delete(alias);
    model.last_updated_timestamp = this.now();
  }

  setModelVersionTag(
    name: string | undefined,
    version: string | undefined,
    key: string | undefined,
    value: string | undefined,
  ): void {
    validateModelName(name);
    parseVersion(version);
    validateTag(key, value);
    this.getModelVersion(name, version).tags.set(key, value ?? '');
  }

  deleteModelVersionTag(
    name: string | undefined,
    version: string | undefined,
    key: string | undefined,
  ): void {
    validateModelName(name);
    parseVersion(version);
    validateTagKey(key);
    this.getModelVersion(name, version).tags.delete(key);
  }

  // --- aliases -------------------------------------------------------------------------------

  setAlias(name: string | undefined, alias: string | undefined, version: string | undefined): void {
    validateModelName(name);
    validateAliasName(alias);
    if (alias.toLowerCase() === 'latest')
      throw invalidParameter(`'latest' alias name (case insensitive) is reserved.`);
    if (/^[vV]\d+$/.test(alias))
      throw invalidParameter(`Version alias name '${alias}' is reserved.`);
    const target = this.getModelVersion(name, version);
    this.getRegisteredModel(name).aliases.set(alias, target.version);
  }

  deleteAlias(name: string | undefined, alias: string | undefined): void {
    validateModelName(name);
    validateAliasName(alias);
    this.getRegisteredModel(name).aliases.delete(alias);
  }

  /** MLflow resolves `latest` to the newest version; an unset alias is a 400, not a 404. */
  getVersionByAlias(name: string | undefined, alias: string | undefined): ModelVersionRecord {
    const model = this.getRegisteredModel(name);
    if (!alias) throw missingParameter('alias');
    if (alias.toLowerCase() === 'latest') {
      const newest = Math.max(...model.versions.keys());
      const version = model.versions.get(newest);
      if (!version) throw invalidParameter(`Registered model alias ${alias} not found.`);
      return version;
    }
    const target = model.aliases.get(alias);
    const version = target === undefined ? undefined : model.versions.get(target);
    if (!version) throw invalidParameter(`Registered model alias ${alias} not found.`);
    return version;
  }

  aliasesOf(version: ModelVersionRecord): string[] {
    const model = this.models.get(version.name);
    return [...(model?.aliases ?? [])]
      .filter(([, target]) => target === version.version)
      .map(([alias]) => alias)
      .sort();
  }
}

function validateModelName(name: string | undefined): asserts name is string {
  if (name === undefined || !name.trim()) throw missingParameter('name');
  if (name.includes('/') || name.includes(':')) {
    throw invalidParameter(`Invalid model name '${name}'. Names cannot contain '/' or ':'.`);
  }
}

function parseVersion(version: string | undefined): number {
  if (version === undefined || version === '') throw missingParameter('version');
  if (!/^\s*[-+]?\d+\s*$/.test(version))
    throw invalidParameter(`Parameter 'version' must be an integer, got '${version}'.`);
  return Number.parseInt(version, 10);
}

function validateTagKey(key: string | undefined): asserts key is string {
  if (!key) throw missingParameter('key');
  if (!/^[/\w.\- :]*$/.test(key)) {
    throw invalidParameter(
      `Invalid value ${JSON.stringify(key)} for parameter 'key' supplied: Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).`,
    );
  }
  if (key.length > maxTagKeyLength) {
    throw invalidParameter(`'key' exceeds the maximum length of ${maxTagKeyLength} characters`);
  }
}

function validateTag(key: string | undefined, value: string | undefined): asserts key is string {
  validateTagKey(key);
  // A missing value is proto2's default "", which MLflow stores.
  if ((value ?? '').length > maxTagValueLength) {
    throw invalidParameter(`'value' exceeds the maximum length of ${maxTagValueLength} characters`);
  }
}

function validateAliasName(alias: string | undefined): asserts alias is string {
  if (!alias) throw missingParameter('alias');
  if (!/^[\w-]*$/.test(alias)) {
    throw invalidParameter(
      `Invalid alias name: '${alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-).`,
    );
  }
  if (alias.length > maxAliasLength) {
    throw invalidParameter(
      `'Registered model alias name' exceeds the maximum length of ${maxAliasLength} characters`,
    );
  }
}
