// The slice of Prometheus' HTTP API (web/api/v1) the simulator answers, with Prometheus' own
// envelope, status codes and messages: query, query_range, series, labels, label values,
// buildinfo, targets, and /-/ready. Anything else is a 404, as on a real server.
import type { ScrapeTarget } from './fleet';
import { parseDurationParam, parseTimeParam } from './promql/duration';
import { PromqlError } from './promql/errors';
import { evaluateInstant, evaluateRange } from './promql/evaluate';
import { formatTime, formatValue } from './promql/format';
import { parsePromql, type VectorSelector } from './promql/parser';
import {
  compareLabels,
  labelsKey,
  type Labels,
  type Series,
  type SeriesStore,
} from './promql/store';

export interface PrometheusApiContext {
  store: SeriesStore;
  targets: ScrapeTarget[];
  now: () => number;
}

export interface ApiAnswer {
  status: number;
  contentType: string;
  body: string;
}

export const simulatedPrometheusVersion = '2.42.0-sim';

const errorStatus = { bad_data: 400, execution: 422 } as const;

export function answerPrometheus(
  path: string,
  params: URLSearchParams,
  ctx: PrometheusApiContext,
): ApiAnswer {
  try {
    const data = route(path, params, ctx);
    if (data === undefined)
      return {
        status: 404,
        contentType: 'text/plain; charset=utf-8',
        body: '404 page not found\n',
      };
    if (typeof data === 'string')
      return { status: 200, contentType: 'text/plain; charset=utf-8', body: data };
    return json(200, {
      status: 'success',
      data: data.data,
      ...(data.warnings.length ? { warnings: data.warnings } : {}),
    });
  } catch (error) {
    if (!(error instanceof PromqlError)) throw error;
    return json(errorStatus[error.type], {
      status: 'error',
      errorType: error.type,
      error: error.message,
    });
  }
}

/** Label sets with their names in order, as Prometheus writes them. */
function sorted(labels: Labels): Labels {
  return Object.fromEntries(
    Object.keys(labels)
      .sort()
      .map((k) => [k, labels[k] as string]),
  );
}

function json(status: number, body: unknown): ApiAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}

type Routed = string | { data: unknown; warnings: string[] } | undefined;

function route(path: string, params: URLSearchParams, ctx: PrometheusApiContext): Routed {
  if (path === '/-/ready') return 'Prometheus Server is Ready.\n';
  if (path === '/-/healthy') return 'Prometheus Server is Healthy.\n';
  if (path === '/api/v1/query') return ok(instantQuery(params, ctx));
  if (path === '/api/v1/query_range') return ok(rangeQuery(params, ctx));
  if (path === '/api/v1/series') return series(params, ctx);
  if (path === '/api/v1/labels') return ok(labelNames(params, ctx));
  const values = /^\/api\/v1\/label\/([^/]+)\/values$/.exec(path);
  if (values?.[1]) return ok(labelValues(decodeURIComponent(values[1]), params, ctx));
  if (path === '/api/v1/status/buildinfo') return ok(buildInfo());
  if (path === '/api/v1/targets') return ok(targets(params, ctx));
  return undefined;
}

function ok(data: unknown): { data: unknown; warnings: string[] } {
  return { data, warnings: [] };
}

function parseQuery(params: URLSearchParams) {
  try {
    return parsePromql(params.get('query') ?? '');
  } catch (error) {
    if (error instanceof PromqlError)
      throw new PromqlError(error.type, `invalid parameter "query": ${error.message}`);
    throw error;
  }
}

function instantQuery(params: URLSearchParams, ctx: PrometheusApiContext): unknown {
  const time = params.get('time');
  const ts = time ? parseTimeParam(time, 'time') : ctx.now();
  const expr = parseQuery(params);
  const value = evaluateInstant(expr, ts, { store: ctx.store });
  const t = formatTime(ts);
  switch (value.type) {
    case 'scalar':
      return { resultType: 'scalar', result: [t, formatValue(value.v)] };
    case 'string':
      return { resultType: 'string', result: [t, value.s] };
    case 'vector':
      return {
        resultType: 'vector',
        result: value.samples.map((s) => ({
          metric: sorted(s.metric),
          value: [t, formatValue(s.v)],
        })),
      };
    case 'matrix':
      return {
        resultType: 'matrix',
        result: value.series.map((s) => ({
          metric: sorted(s.metric),
          values: s.points.map((p) => [formatTime(p.t), formatValue(p.v)]),
        })),
      };
  }
}

function rangeQuery(params: URLSearchParams, ctx: PrometheusApiContext): unknown {
  const start = parseTimeParam(params.get('start') ?? '', 'start');
  const end = parseTimeParam(params.get('end') ?? '', 'end');
  if (end < start)
    throw new PromqlError(
      'bad_data',
      'invalid parameter "end": end timestamp must not be before start time',
    );
  const step = parseDurationParam(params.get('step') ?? '', 'step');
  if (step <= 0) {
    throw new PromqlError(
      'bad_data',
      'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  }
  // Prometheus divides the durations as integers (nanoseconds); milliseconds give the same answer.
  if (Math.floor((end - start) / step) > 11000) {
    throw new PromqlError(
      'bad_data',
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  }
  const expr = parseQuery(params);
  const series = evaluateRange(expr, start, end, step, { store: ctx.store });
  return {
    resultType: 'matrix',
    result: series.map((s) => ({
      metric: sorted(s.metric),
      values: s.points.map((p) => [formatTime(p.t), formatValue(p.v)]),
    })),
  };
}

/** The window for metadata calls: all time unless start/end say otherwise. */
function window(params: URLSearchParams): [number, number] {
  const start = params.get('start');
  const end = params.get('end');
  return [
    start ? parseTimeParam(start, 'start') : -8.64e15,
    end ? parseTimeParam(end, 'end') : 8.64e15,
  ];
}

function selectorsOf(params: URLSearchParams): VectorSelector[] {
  return params.getAll('match[]').map((text) => {
    let expr;
    try {
      expr = parsePromql(text);
    } catch (error) {
      if (error instanceof PromqlError)
        throw new PromqlError('bad_data', `invalid parameter "match[]": ${error.message}`);
      throw error;
    }
    if (expr.kind !== 'vector')
      throw new PromqlError(
        'bad_data',
        `invalid parameter "match[]": ${text} is not a vector selector`,
      );
    return expr;
  });
}

/** Series with at least one sample in the window, matching any of the match[] selectors (all when none). */
function seriesInWindow(params: URLSearchParams, ctx: PrometheusApiContext): Series[] {
  const [start, end] = window(params);
  const selectors = selectorsOf(params);
  const candidates =
    selectors.length === 0
      ? ctx.store.all()
      : unionOf(selectors.map((s) => ctx.store.select(s.matchers)));
  return candidates.filter((s) => s.latest(start, end) !== undefined);
}

function unionOf(lists: Series[][]): Series[] {
  const seen = new Map<string, Series>();
  for (const list of lists) for (const s of list) seen.set(labelsKey(s.labels), s);
  return [...seen.values()];
}

function limited<T>(items: T[], params: URLSearchParams): { data: T[]; warnings: string[] } {
  const limit = Number(params.get('limit') ?? '0');
  if (limit > 0 && items.length > limit)
    return { data: items.slice(0, limit), warnings: ['results truncated due to limit'] };
  return { data: items, warnings: [] };
}

function series(params: URLSearchParams, ctx: PrometheusApiContext): Routed {
  if (params.getAll('match[]').length === 0)
    throw new PromqlError('bad_data', 'no match[] parameter provided');
  const found: Labels[] = seriesInWindow(params, ctx).map((s) => s.labels);
  return limited(found.sort(compareLabels).map(sorted), params);
}

function labelNames(params: URLSearchParams, ctx: PrometheusApiContext): string[] {
  const names = new Set<string>();
  for (const s of seriesInWindow(params, ctx))
    for (const [k, v] of Object.entries(s.labels)) if (v !== '') names.add(k);
  return [...names].sort();
}

function labelValues(name: string, params: URLSearchParams, ctx: PrometheusApiContext): string[] {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name))
    throw new PromqlError('bad_data', `invalid label name: "${name}"`);
  const values = new Set<string>();
  for (const s of seriesInWindow(params, ctx)) {
    const value = s.labels[name];
    if (value) values.add(value);
  }
  return [...values].sort();
}

function buildInfo(): unknown {
  return {
    version: simulatedPrometheusVersion,
    revision: 'metrics-replay-simulator',
    branch: 'sim',
    buildUser: 'mlops-console',
    buildDate: '20260101-00:00:00',
    goVersion: 'none',
  };
}

function targets(params: URLSearchParams, ctx: PrometheusApiContext): unknown {
  const state = params.get('state') ?? 'any';
  const now = ctx.now();
  const active = ctx.targets.map((target) => {
    const sinceOrigin = now - target.originMs;
    const lastScrape =
      now - (((sinceOrigin % target.intervalMs) + target.intervalMs) % target.intervalMs);
    const interval = `${target.intervalMs / 1000}s`;
    return {
      discoveredLabels: {
        __address__: target.instance,
        __metrics_path__: '/metrics',
        __scheme__: 'http',
        __scrape_interval__: interval,
        __scrape_timeout__: '10s',
        job: target.job,
      },
      labels: { instance: target.instance, job: target.job },
      scrapePool: target.job,
      scrapeUrl: `http://${target.instance}/metrics`,
      globalUrl: `http://${target.instance}/metrics`,
      lastError: '',
      lastScrape: new Date(lastScrape).toISOString(),
      lastScrapeDuration: 0.012,
      health: 'up',
      scrapeInterval: interval,
      scrapeTimeout: '10s',
    };
  });
  return {
    activeTargets: state === 'dropped' ? [] : active,
    droppedTargets: [],
  };
}
