// Evaluates a parsed query against a series store with Prometheus 2.42's semantics: a 5-minute
// lookback for instant selectors, closed [t - range, t] windows for range selectors, the same
// extrapolation in rate/increase, the same incremental mean in avg and avg_over_time, and the
// same errors (duplicate label sets, many-to-many matches) where Prometheus raises them.
import { aggregate } from './aggregate';
import { binary } from './binary';
import { PromqlError } from './errors';
import { rangeFunction } from './over-time';
import type { Expr, VectorSelector } from './parser';
import { histogramQuantile } from './quantile';
import { compareLabels, labelsKey, type SeriesStore } from './store';
import {
  dropName,
  unique,
  vectorOf,
  type MatrixSeries,
  type Value,
  type VectorSample,
} from './values';

export type { MatrixSeries, Value, VectorSample } from './values';

export interface EvalOptions {
  store: SeriesStore;
  /** How far back an instant selector looks for a sample; Prometheus' default is 5 minutes. */
  lookbackMs?: number;
}

const defaultLookbackMs = 5 * 60_000;

/** Evaluates at one instant (an instant query). */
export function evaluateInstant(expr: Expr, ts: number, opts: EvalOptions): Value {
  const value = evaluate(expr, ts, opts);
  if (value.type === 'vector') value.samples.sort((a, b) => compareLabels(a.metric, b.metric));
  if (value.type === 'matrix') value.series.sort((a, b) => compareLabels(a.metric, b.metric));
  return value;
}

/** Evaluates at start, start + step, ... <= end (a range query); series without points are left out. */
export function evaluateRange(
  expr: Expr,
  startMs: number,
  endMs: number,
  stepMs: number,
  opts: EvalOptions,
): MatrixSeries[] {
  const series = new Map<string, MatrixSeries>();
  // Every step selects the same series: look them up once.
  const selected = new Map<string, ReturnType<SeriesStore['select']>>();
  const store: SeriesStore = {
    all: () => opts.store.all(),
    select: (matchers) => {
      const key = JSON.stringify(matchers);
      let found = selected.get(key);
      if (!found) selected.set(key, (found = opts.store.select(matchers)));
      return found;
    },
  };
  const stepOpts = { ...opts, store };
  for (let ts = startMs; ts <= endMs; ts += stepMs) {
    const value = evaluate(expr, ts, stepOpts);
    if (value.type === 'string' || value.type === 'matrix') {
      const name = value.type === 'string' ? 'string' : 'range vector';
      throw new PromqlError(
        'bad_data',
        `invalid expression type "${name}" for range query, must be Scalar or instant Vector`,
      );
    }
    const samples = value.type === 'scalar' ? [{ metric: {}, v: value.v }] : value.samples;
    for (const sample of samples) {
      const key = labelsKey(sample.metric);
      let entry = series.get(key);
      if (!entry) series.set(key, (entry = { metric: sample.metric, points: [] }));
      entry.points.push({ t: ts, v: sample.v });
    }
  }
  return [...series.values()].sort((a, b) => compareLabels(a.metric, b.metric));
}

function evaluate(expr: Expr, ts: number, opts: EvalOptions): Value {
  switch (expr.kind) {
    case 'number':
      return { type: 'scalar', v: expr.value };
    case 'string':
      return { type: 'string', s: expr.value };
    case 'vector':
      return { type: 'vector', samples: selectInstant(expr, ts, opts) };
    case 'matrix':
      return { type: 'matrix', series: selectRange(expr.selector, ts - expr.rangeMs, ts, opts) };
    case 'call': {
      const windows = selectRange(expr.arg.selector, ts - expr.arg.rangeMs, ts, opts);
      const samples: VectorSample[] = [];
      for (const window of windows) {
        const v = rangeFunction(
          expr.func,
          window.points,
          ts - expr.arg.rangeMs,
          ts,
          expr.arg.rangeMs,
        );
        if (v !== undefined) samples.push({ metric: dropName(window.metric), v });
      }
      return { type: 'vector', samples: unique(samples) };
    }
    case 'histogramQuantile': {
      const q = evaluate(expr.quantile, ts, opts);
      if (q.type !== 'scalar') throw new PromqlError('execution', 'expected a scalar quantile');
      return {
        type: 'vector',
        samples: histogramQuantile(q.v, vectorOf(evaluate(expr.expr, ts, opts))),
      };
    }
    case 'aggregate':
      return {
        type: 'vector',
        samples: aggregate(
          expr.op,
          expr.without,
          expr.labels,
          vectorOf(evaluate(expr.expr, ts, opts)),
        ),
      };
    case 'unary': {
      const inner = evaluate(expr.expr, ts, opts);
      if (inner.type === 'scalar') return { type: 'scalar', v: -inner.v };
      return {
        type: 'vector',
        samples: unique(vectorOf(inner).map((s) => ({ metric: dropName(s.metric), v: -s.v }))),
      };
    }
    case 'binary':
      return binary(expr, evaluate(expr.lhs, ts, opts), evaluate(expr.rhs, ts, opts));
  }
}

function selectInstant(selector: VectorSelector, ts: number, opts: EvalOptions): VectorSample[] {
  const lookback = opts.lookbackMs ?? defaultLookbackMs;
  const out: VectorSample[] = [];
  for (const series of opts.store.select(selector.matchers)) {
    const sample = series.latest(ts - lookback, ts);
    if (sample) out.push({ metric: series.labels, v: sample.v });
  }
  return out;
}

function selectRange(
  selector: VectorSelector,
  minMs: number,
  maxMs: number,
  opts: EvalOptions,
): MatrixSeries[] {
  const out: MatrixSeries[] = [];
  for (const series of opts.store.select(selector.matchers)) {
    const points = series.samples(minMs, maxMs);
    if (points.length > 0) out.push({ metric: series.labels, points });
  }
  return out;
}
