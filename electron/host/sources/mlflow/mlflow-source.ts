// The console's MLflow client: the registry (models, versions, aliases, tags) and the tracking
// data beside a version (runs, metric curves, dataset inputs). Plain REST over HttpClient; every
// reply is validated with the tolerant schemas in wire-schemas.ts, every failure is an MlflowError.
import type * as z from 'zod';
import { describeIssues } from '../../../../shared/contract/core';
import type { HttpClient, HttpRequest } from '../http-client';
import { SourceError } from '../source-error';
import { MlflowError, isUnsetAlias, toMlflowError } from './mlflow-errors';
import {
  downloadUriReply,
  emptyReply,
  getExperimentReply,
  getRegisteredModelReply,
  getRunReply,
  metricHistoryReply,
  modelVersionReply,
  searchModelVersionsReply,
  searchRegisteredModelsReply,
  searchRunsReply,
  type Experiment,
  type Metric,
  type ModelVersion,
  type RegisteredModel,
  type Run,
} from './wire-schemas';

export interface SearchOptions {
  /** MLflow's filter syntax, e.g. `name LIKE '%fraud%'`, `tags.team = 'risk'`, `run_id = '…'`. */
  filter?: string;
  maxResults?: number;
  /** e.g. `name ASC`, `last_updated_timestamp DESC`, `metrics.auc DESC`. */
  orderBy?: string[];
  pageToken?: string;
}

export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  nextPageToken?: string;
}

const api = 'api/2.0/mlflow/';
/** MLflow's ceiling for registered-model search pages. */
const maxRegisteredModelsPage = 1000;

export class MlflowSource {
  constructor(private readonly http: HttpClient) {}

  /** The connection id, as errors carry it. */
  get id(): string {
    return this.http.source;
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** The server's MLflow release, e.g. "3.17.2" (needs credentials on a basic-auth server). */
  async version(): Promise<string> {
    const text = (await this.send({ path: 'version', accept: 'text/plain' })).text.trim();
    if (!/^\d+\.\d+(\.\d+)?\S*$/.test(text)) {
      throw new SourceError(
        'bad_response',
        `${this.id} answered /version with "${text.slice(0, 80)}", which is not an MLflow release`,
        {
          source: this.id,
        },
      );
    }
    return text;
  }

  /** True when /health answers OK; MLflow serves it without credentials. */
  async health(): Promise<boolean> {
    return (await this.send({ path: 'health', accept: 'text/plain' })).text.trim() === 'OK';
  }

  // --- registered models ------------------------------------------------------------------------

  async searchRegisteredModels(opts: SearchOptions = {}): Promise<Page<RegisteredModel>> {
    const reply = await this.call(searchRegisteredModelsReply, {
      path: 'registered-models/search',
      query: searchQuery(opts),
    });
    return page(reply.registered_models, reply.next_page_token);
  }

  /** How many registered models match, paging through search (the Overview's headline). */
  async countRegisteredModels(filter?: string): Promise<number> {
    let count = 0;
    let pageToken: string | undefined;
    for (let pages = 0; pages < 10_000; pages++) {
      const result = await this.searchRegisteredModels({
        ...(filter ? { filter } : {}),
        maxResults: maxRegisteredModelsPage,
        ...(pageToken ? { pageToken } : {}),
      });
      count += result.items.length;
      pageToken = result.nextPageToken;
      if (!pageToken) return count;
    }
    throw new SourceError(
      'bad_response',
      `${this.id} kept returning page tokens past 10,000 pages`,
      { source: this.id },
    );
  }

  async getRegisteredModel(name: string): Promise<RegisteredModel> {
    return (
      await this.call(getRegisteredModelReply, { path: 'registered-models/get', query: { name } })
    ).registered_model;
  }

  async setRegisteredModelTag(name: string, key: string, value: string): Promise<void> {
    await this.call(emptyReply, {
      method: 'POST',
      path: 'registered-models/set-tag',
      json: { name, key, value },
    });
  }

  async deleteRegisteredModelTag(name: string, key: string): Promise<void> {
    await this.call(emptyReply, {
      method: 'DELETE',
      path: 'registered-models/delete-tag',
      json: { name, key },
    });
  }

  // --- model versions ---------------------------------------------------------------------------

  /** Versions matching a filter. MLflow leaves `aliases` out of search results: use getModelVersion. */
  async searchModelVersions(opts: SearchOptions = {}): Promise<Page<ModelVersion>> {
    const reply = await this.call(searchModelVersionsReply, {
      path: 'model-versions/search',
      query: searchQuery(opts),
    });
    return page(reply.model_versions, reply.next_page_token);
  }

  async getModelVersion(name: string, version: string): Promise<ModelVersion> {
    return (
      await this.call(modelVersionReply, { path: 'model-versions/get', query: { name, version } })
    ).model_version;
  }

  /** Release notes live in the description, the only mutable field of a version. */
  async updateModelVersionDescription(
    name: string,
    version: string,
    description: string,
  ): Promise<ModelVersion> {
    return (
      await this.call(modelVersionReply, {
        method: 'PATCH',
        path: 'model-versions/update',
        json: { name, version, description },
      })
    ).model_version;
  }

  async setModelVersionTag(
    name: string,
    version: string,
    key: string,
    value: string,
  ): Promise<void> {
    await this.call(emptyReply, {
      method: 'POST',
      path: 'model-versions/set-tag',
      json: { name, version, key, value },
    });
  }

  async deleteModelVersionTag(name: string, version: string, key: string): Promise<void> {
    await this.call(emptyReply, {
      method: 'DELETE',
      path: 'model-versions/delete-tag',
      json: { name, version, key },
    });
  }

  async getModelVersionDownloadUri(name: string, version: string): Promise<string> {
    return (
      await this.call(downloadUriReply, {
        path: 'model-versions/get-download-uri',
        query: { name, version },
      })
    ).artifact_uri;
  }

  // --- aliases ----------------------------------------------------------------------------------

  /**
   * The version an alias points at. An unset alias throws `not_found` (MLflow itself answers
   * 400 INVALID_PARAMETER_VALUE for it; older servers 404).
   */
  async getModelVersionByAlias(name: string, alias: string): Promise<ModelVersion> {
    try {
      return (
        await this.call(modelVersionReply, {
          path: 'registered-models/alias',
          query: { name, alias },
        })
      ).model_version;
    } catch (error) {
      if (!isUnsetAlias(error)) throw error;
      throw new MlflowError('not_found', `${name}@${alias} is not set on ${this.id}`, {
        source: this.id,
        ...(error.status === undefined ? {} : { status: error.status }),
        mlflowCode: error.mlflowCode,
        cause: error,
      });
    }
  }

  /** Like getModelVersionByAlias, but an unset alias is `undefined` (a missing model still throws). */
  async findModelVersionByAlias(name: string, alias: string): Promise<ModelVersion | undefined> {
    try {
      return await this.getModelVersionByAlias(name, alias);
    } catch (error) {
      if (error instanceof MlflowError && isUnsetAlias(error.cause)) return undefined;
      throw error;
    }
  }

  /** Points the alias at the version, silently replacing the old target: read it first if it matters. */
  async setAlias(name: string, alias: string, version: string): Promise<void> {
    await this.call(emptyReply, {
      method: 'POST',
      path: 'registered-models/alias',
      json: { name, alias, version },
    });
  }

  async deleteAlias(name: string, alias: string): Promise<void> {
    await this.call(emptyReply, {
      method: 'DELETE',
      path: 'registered-models/alias',
      json: { name, alias },
    });
  }

  // --- runs and experiments ---------------------------------------------------------------------

  async getRun(runId: string): Promise<Run> {
    return (await this.call(getRunReply, { path: 'runs/get', query: { run_id: runId } })).run;
  }

  /** Every point of one metric's curve, following page tokens. */
  async getMetricHistory(
    runId: string,
    metricKey: string,
    opts: { pageSize?: number } = {},
  ): Promise<Metric[]> {
    const points: Metric[] = [];
    let pageToken: string | undefined;
    for (let pages = 0; pages < 10_000; pages++) {
      const reply = await this.call(metricHistoryReply, {
        path: 'metrics/get-history',
        query: {
          run_id: runId,
          metric_key: metricKey,
          max_results: opts.pageSize,
          page_token: pageToken,
        },
      });
      points.push(...reply.metrics);
      pageToken = reply.next_page_token;
      if (!pageToken) return points;
    }
    throw new SourceError(
      'bad_response',
      `${this.id} kept returning page tokens for ${metricKey}`,
      { source: this.id },
    );
  }

  async searchRuns(opts: SearchOptions & { experimentIds: string[] }): Promise<Page<Run>> {
    const reply = await this.call(searchRunsReply, {
      method: 'POST',
      path: 'runs/search',
      json: {
        experiment_ids: opts.experimentIds,
        ...(opts.filter ? { filter: opts.filter } : {}),
        ...(opts.maxResults ? { max_results: opts.maxResults } : {}),
        ...(opts.orderBy?.length ? { order_by: opts.orderBy } : {}),
        ...(opts.pageToken ? { page_token: opts.pageToken } : {}),
      },
    });
    return page(reply.runs, reply.next_page_token);
  }

  async getExperiment(experimentId: string): Promise<Experiment> {
    return (
      await this.call(getExperimentReply, {
        path: 'experiments/get',
        query: { experiment_id: experimentId },
      })
    ).experiment;
  }

  // --- plumbing ---------------------------------------------------------------------------------

  /** One MLflow REST call (`route` under /api/2.0/mlflow/), its reply checked against `schema`. */
  async call<S extends z.ZodType>(
    schema: S,
    req: Omit<HttpRequest, 'path'> & { path: string },
  ): Promise<z.output<S>> {
    const res = await this.send({ ...req, path: `${api}${req.path}` });
    let body: unknown = {};
    if (res.text.trim()) {
      try {
        body = JSON.parse(res.text);
      } catch {
        throw new SourceError(
          'bad_response',
          `${this.id} answered ${req.path} with ${res.contentType || 'no content type'} instead of JSON`,
          {
            source: this.id,
            status: res.status,
          },
        );
      }
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issues = describeIssues(parsed.error)
        .slice(0, 3)
        .map((i) => `${i.path}: ${i.message}`)
        .join('; ');
      throw new SourceError(
        'bad_response',
        `${this.id} answered ${req.path} with an unexpected shape (${issues})`,
        {
          source: this.id,
          status: res.status,
        },
      );
    }
    return parsed.data;
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async send(req: HttpRequest) {
    try {
      return await this.http.request(req);
    } catch (error) {
      throw toMlflowError(error);
    }
  }
}

function searchQuery(opts: SearchOptions): HttpRequest['query'] {
  return {
    filter: opts.filter || undefined,
    max_results: opts.maxResults,
    order_by: opts.orderBy?.length ? opts.orderBy : undefined,
    page_token: opts.pageToken || undefined,
  };
}

function page<T>(items: T[], nextPageToken: string | undefined): Page<T> {
  return nextPageToken ? { items, nextPageToken } : { items };
}
