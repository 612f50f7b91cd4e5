// Running a named signal against Prometheus. A failure names the signal and its query (an
// override with bad PromQL gets Prometheus' 422 "parse error…" next to the signal's name), and
// answers come back as plain {labels, value} / {labels, points} in epoch ms.
import type { PrometheusSource } from '../../sources/prometheus';
import { sampleValue } from '../../sources/prometheus';
import { SourceError } from '../../sources/source-error';
import { fitRange } from '../../sources/prometheus/step';
import { signalCatalogue, signalQuery, type SignalName } from './signals';

export interface Reading {
  labels: Record<string, string>;
  value: number;
}

export interface RangeSeries {
  labels: Record<string, string>;
  /** [epoch ms, value or null for NaN/±Inf] */
  points: [number, number | null][];
}

export interface SignalReader {
  client: PrometheusSource;
  overrides: Record<string, string>;
  vars?: Record<string, string>;
}

/** Rewraps a failure so the message says which signal and which query failed. */
export function signalFailure(name: SignalName, query: string, error: unknown): Error {
  const overridden = '(overridden in the workspace file)';
  if (error instanceof SourceError) {
    const label = signalCatalogue[name].label;
    return new SourceError(
      error.code,
      `Signal "${name}" (${label}) failed: ${error.message}. Query: ${query}${
        error.code === 'bad_request' ? ` — check overrides.signals["${name}"] ${overridden}` : ''
      }`,
      {
        ...(error.source ? { source: error.source } : {}),
        ...(error.status ? { status: error.status } : {}),
        cause: error,
      },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

export async function readInstant(
  reader: SignalReader,
  name: SignalName,
  at?: number,
): Promise<{ readings: Reading[]; warnings: string[]; query: string }> {
  const query = signalQuery(name, reader.overrides, reader.vars);
  try {
    const answer = await reader.client.query(query, at === undefined ? {} : { time: at / 1000 });
    const readings: Reading[] = [];
    const data = answer.data;
    if (data.resultType === 'vector') {
      for (const s of data.result) {
        if ('value' in s) readings.push({ labels: s.metric, value: sampleValue(s.value[1]) });
      }
    } else if (data.resultType === 'scalar') {
      readings.push({ labels: {}, value: sampleValue(data.result[1]) });
    }
    return { readings, warnings: answer.warnings.map((w) => `${name}: ${w}`), query };
  } catch (error) {
    throw signalFailure(name, query, error);
  }
}

export async function readRange(
  reader: SignalReader,
  name: SignalName,
  window: { from: number; to: number; widthPx: number; minIntervalMs?: number },
): Promise<{ series: RangeSeries[]; stepMs: number; warnings: string[]; query: string }> {
  const query = signalQuery(name, reader.overrides, reader.vars);
  const fitted = fitRange({
    from: window.from,
    to: window.to,
    maxDataPoints: window.widthPx,
    ...(window.minIntervalMs ? { minIntervalMs: window.minIntervalMs } : {}),
  });
  try {
    const answer = await reader.client.queryRange(query, {
      start: fitted.start / 1000,
      end: fitted.end / 1000,
      step: fitted.stepMs / 1000,
    });
    const series = answer.data.result.map((s) => ({
      labels: s.metric,
      points: s.values.map(([t, v]): [number, number | null] => {
        const n = sampleValue(v);
        return [Math.round(t * 1000), Number.isFinite(n) ? n : null];
      }),
    }));
    return {
      series,
      stepMs: fitted.stepMs,
      warnings: answer.warnings.map((w) => `${name}: ${w}`),
      query,
    };
  } catch (error) {
    throw signalFailure(name, query, error);
  }
}

/** A Prometheus duration for a number of ms (whole seconds; Prometheus takes "90s"). */
export function promDuration(ms: number): string {
  return `${Math.max(1, Math.round(ms / 1000))}s`;
}
