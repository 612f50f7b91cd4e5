// A Prometheus HTTP API client (also fine for Thanos, Mimir and the metrics simulator): instant
// and range queries, series and label metadata, build info and scrape targets. Answers are
// checked against the API's shapes; errors carry Prometheus' own message.
import type * as z from 'zod';
import { describeIssues } from '../../../../shared/contract/core';
import type { ErrorBodyReader, HttpRequest } from '../http-client';
import { SourceError } from '../source-error';
import type { MetricsEndpoint } from './endpoint';
import {
  buildInfo,
  envelope,
  queryData,
  rangeQueryData,
  seriesData,
  stringList,
  targetsData,
  type BuildInfo,
  type QueryData,
  type RangeQueryData,
  type TargetsData,
} from './schemas';

/** A time as Prometheus takes it: a Date, Unix seconds, or an RFC 3339 string. */
export type PromTime = Date | number | string;

export interface Answer<T> {
  data: T;
  /** Partial-result notes, e.g. "results truncated due to limit". */
  warnings: string[];
  infos: string[];
}

export interface QueryOptions {
  time?: PromTime;
  /** Evaluation timeout as a Prometheus duration, e.g. "30s". */
  timeout?: string;
  /** Maximum number of series (Prometheus 2.53+; ignored by older servers). */
  limit?: number;
}

export interface RangeQueryOptions {
  start: PromTime;
  end: PromTime;
  /** Seconds, or a Prometheus duration such as "1m". */
  step: number | string;
  timeout?: string;
  limit?: number;
}

export interface MetadataOptions {
  match?: string[];
  start?: PromTime;
  end?: PromTime;
  limit?: number;
}

/** Queries whose form-encoded parameters are longer than this go by POST, away from URL limits. */
const longQueryChars = 2000;

/** Prometheus' error envelope {status:'error', errorType, error}; proxies' JSON {message}. */
export const readPrometheusError: ErrorBodyReader = (_status, text) => {
  try {
    const body = JSON.parse(text) as { error?: unknown; errorType?: unknown; message?: unknown };
    if (typeof body.error === 'string') {
      const errorType = typeof body.errorType === 'string' ? body.errorType : undefined;
      return {
        detail: body.error,
        ...(errorType ? { vendorCode: errorType } : {}),
        // A query timeout is answered 503: a slow query, not an outage.
        ...(errorType === 'timeout' ? { code: 'timeout' as const } : {}),
      };
    }
    if (typeof body.message === 'string') return body.message;
  } catch {
    // Not JSON: the HTTP client summarises the body (an HTML page becomes its title).
  }
  return undefined;
};

export function formatTime(time: PromTime): string {
  if (time instanceof Date) return String(time.getTime() / 1000);
  return String(time);
}

export class PrometheusClient {
  constructor(private readonly endpoint: MetricsEndpoint) {}

  get id(): string {
    return this.endpoint.id;
  }

  query(expr: string, opts: QueryOptions = {}): Promise<Answer<QueryData>> {
    return this.evaluate('api/v1/query', 'query', queryData, {
      query: expr,
      ...(opts.time !== undefined ? { time: formatTime(opts.time) } : {}),
      ...(opts.timeout ? { timeout: opts.timeout } : {}),
      ...(opts.limit ? { limit: String(opts.limit) } : {}),
    });
  }

  queryRange(expr: string, opts: RangeQueryOptions): Promise<Answer<RangeQueryData>> {
    return this.evaluate('api/v1/query_range', 'query_range', rangeQueryData, {
      query: expr,
      start: formatTime(opts.start),
      end: formatTime(opts.end),
      step: String(opts.step),
      ...(opts.timeout ? { timeout: opts.timeout } : {}),
      ...(opts.limit ? { limit: String(opts.limit) } : {}),
    });
  }

  series(
    match: string[],
    opts: Omit<MetadataOptions, 'match'> = {},
  ): Promise<Answer<Record<string, string>[]>> {
    return this.call(
      { path: 'api/v1/series', query: metadataQuery({ ...opts, match }) },
      'series',
      seriesData,
    );
  }

  labels(opts: MetadataOptions = {}): Promise<Answer<string[]>> {
    return this.call({ path: 'api/v1/labels', query: metadataQuery(opts) }, 'labels', stringList);
  }

  labelValues(label: string, opts: MetadataOptions = {}): Promise<Answer<string[]>> {
    const path = `api/v1/label/${encodeURIComponent(label)}/values`;
    return this.call({ path, query: metadataQuery(opts) }, 'label values', stringList);
  }

  async buildInfo(): Promise<BuildInfo> {
    return (await this.call({ path: 'api/v1/status/buildinfo' }, 'build info', buildInfo)).data;
  }

  async close(): Promise<void> {
    await this.endpoint.close();
  }

  async targets(state: 'active' | 'dropped' | 'any' = 'active'): Promise<TargetsData> {
    return (await this.call({ path: 'api/v1/targets', query: { state } }, 'targets', targetsData))
      .data;
  }

  private evaluate<S extends z.ZodType>(
    path: string,
    what: string,
    schema: S,
    params: Record<string, string>,
  ): Promise<Answer<z.infer<S>>> {
    const long = new URLSearchParams(params).toString().length > longQueryChars;
    return this.call(
      long ? { method: 'POST', path, form: params } : { path, query: params },
      what,
      schema,
    );
  }

  private async call<S extends z.ZodType>(
    req: HttpRequest,
    what: string,
    schema: S,
  ): Promise<Answer<z.infer<S>>> {
    const body: unknown = (await this.endpoint.json(req)).body;
    const outer = envelope.safeParse(body);
    if (!outer.success) throw this.badShape(what, outer.error);
    if (outer.data.status === 'error') {
      throw new SourceError(
        'upstream',
        `${this.id} answered ${what} with an error: ${outer.data.error ?? outer.data.errorType ?? 'unknown'}`,
        {
          source: this.id,
        },
      );
    }
    const data = schema.safeParse(outer.data.data);
    if (!data.success) throw this.badShape(what, data.error);
    return { data: data.data, warnings: outer.data.warnings ?? [], infos: outer.data.infos ?? [] };
  }

  private badShape(what: string, error: z.ZodError): SourceError {
    const issues = describeIssues(error)
      .slice(0, 3)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ');
    return new SourceError(
      'bad_response',
      `${this.id} answered ${what} in a shape that is not Prometheus' (${issues})`,
      { source: this.id },
    );
  }
}

function metadataQuery(opts: MetadataOptions): HttpRequest['query'] {
  return {
    ...(opts.match?.length ? { 'match[]': opts.match } : {}),
    ...(opts.start !== undefined ? { start: formatTime(opts.start) } : {}),
    ...(opts.end !== undefined ? { end: formatTime(opts.end) } : {}),
    ...(opts.limit ? { limit: opts.limit } : {}),
  };
}
