// The registry reads behind the Models pages, over one MLflow source. Each returns what one
// contract call answers; the handlers add the snapshot cache around them.
import type {
  ModelSummary,
  SourceRun,
  VersionComparison,
  VersionPage,
  VersionSummary,
} from '../../../../shared/contract/models';
import type { Metric, MlflowSource, ModelVersion } from '../../sources/mlflow';
import { SourceError } from '../../sources/source-error';
import { compareRuns } from './compare';
import {
  byVersionDesc,
  nameFilter,
  toModelSummary,
  toSourceRun,
  toVersionSummary,
} from './registry-mapping';

export async function listModels(
  mlflow: MlflowSource,
  opts: { search: string; pageSize: number; pageToken?: string | undefined },
): Promise<{ models: ModelSummary[]; nextPageToken?: string }> {
  const filter = nameFilter(opts.search);
  const page = await mlflow.searchRegisteredModels({
    ...(filter ? { filter } : {}),
    maxResults: opts.pageSize,
    orderBy: ['name ASC'],
    ...(opts.pageToken ? { pageToken: opts.pageToken } : {}),
  });
  return {
    models: page.items.map((m) => toModelSummary(m)),
    ...(page.nextPageToken ? { nextPageToken: page.nextPageToken } : {}),
  };
}

const quoted = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export async function allVersions(mlflow: MlflowSource, name: string): Promise<ModelVersion[]> {
  const versions: ModelVersion[] = [];
  let pageToken: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await mlflow.searchModelVersions({
      filter: `name = ${quoted(name)}`,
      maxResults: 1000,
      ...(pageToken ? { pageToken } : {}),
    });
    versions.push(...page.items);
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  return versions.sort(byVersionDesc);
}

export async function getModel(
  mlflow: MlflowSource,
  name: string,
): Promise<{ model: ModelSummary; versions: VersionSummary[] }> {
  const model = await mlflow.getRegisteredModel(name);
  const versions = await allVersions(mlflow, name);
  return {
    model: toModelSummary(model, versions),
    versions: versions.map((v) => toVersionSummary(v, model.aliases)),
  };
}

/** A run with every metric's curve. */
export async function loadSourceRun(mlflow: MlflowSource, runId: string): Promise<SourceRun> {
  const run = await mlflow.getRun(runId);
  const histories = new Map<string, Metric[]>(
    await Promise.all(
      run.data.metrics.map(
        async (m) => [m.key, await mlflow.getMetricHistory(runId, m.key)] as const,
      ),
    ),
  );
  return toSourceRun(run, histories);
}

export async function getVersionPage(
  mlflow: MlflowSource,
  name: string,
  version: string,
): Promise<VersionPage> {
  const found = await mlflow.getModelVersion(name, version);
  const summary = toVersionSummary(
    found,
    found.aliases.map((alias) => ({ alias, version: found.version })),
  );
  const page: VersionPage = { model: name, version: summary };
  if (!found.run_id) return page;
  try {
    return { ...page, run: await loadSourceRun(mlflow, found.run_id) };
  } catch (error) {
    // The version stands on its own; a deleted or unreadable run is said, not fatal.
    if (!(error instanceof SourceError)) throw error;
    return { ...page, runError: error.toContract() };
  }
}

export async function compareWithAlias(
  mlflow: MlflowSource,
  name: string,
  version: string,
  alias: string,
): Promise<VersionComparison> {
  const [candidate, baseline] = await Promise.all([
    mlflow.getModelVersion(name, version),
    mlflow.findModelVersionByAlias(name, alias),
  ]);
  const [candidateRun, baselineRun] = await Promise.all([
    candidate.run_id ? loadSourceRun(mlflow, candidate.run_id) : undefined,
    baseline?.run_id ? loadSourceRun(mlflow, baseline.run_id) : undefined,
  ]);
  return {
    model: name,
    candidate: candidate.version,
    baseline: baseline ? { alias, version: baseline.version } : null,
    ...compareRuns(candidateRun, baseline ? baselineRun : undefined),
  };
}
