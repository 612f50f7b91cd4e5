// The recorded GPU trace (one NVIDIA H200, 196 s of a training workload going through phases):
// samples from its OpenMetrics file, phase names from its CSV. See shared/fixtures/gpu/README.md.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simAssetsDir } from '../assets-dir';
import type { Labels, Sample } from './promql/store';

export interface TraceSeries {
  /** Includes `__name__`. */
  labels: Labels;
  /** Oldest first, Unix milliseconds as recorded. */
  samples: Sample[];
}

export interface TracePhase {
  name: string;
  /** First and last sample of the phase, Unix milliseconds as recorded. */
  startMs: number;
  endMs: number;
}

export interface GpuTrace {
  series: TraceSeries[];
  phases: TracePhase[];
  startMs: number;
  endMs: number;
  /** The recording's sampling interval (one second). */
  intervalMs: number;
}

/**
 * The recording: $CONSOLE_FIXTURES_DIR, else the copy the simulators ship
 * (electron/sim/assets/gpu, checked against the shared fixture by a test).
 */
export function gpuFixturesDir(): string {
  return process.env.CONSOLE_FIXTURES_DIR ?? path.join(simAssetsDir(), 'gpu');
}

export function readGpuTrace(dir = gpuFixturesDir()): GpuTrace {
  const omFile = path.join(dir, 'gpu-trace.om');
  const csvFile = path.join(dir, 'gpu-trace.csv');
  for (const file of [omFile, csvFile]) {
    if (!existsSync(file)) {
      throw new Error(
        `The GPU trace fixture ${file} is missing: set CONSOLE_FIXTURES_DIR to the folder holding gpu-trace.om and gpu-trace.csv`,
      );
    }
  }
  const series = parseOpenMetrics(readFileSync(omFile, 'utf8'));
  const phases = parsePhases(readFileSync(csvFile, 'utf8'));
  const times = series.flatMap((s) => s.samples.map((x) => x.t));
  if (times.length === 0) throw new Error(`${omFile} holds no samples`);
  const startMs = Math.min(...times);
  const endMs = Math.max(...times);
  const perSeries = series[0]?.samples.length ?? 1;
  return {
    series,
    phases,
    startMs,
    endMs,
    intervalMs: Math.round((endMs - startMs) / Math.max(1, perSeries - 1) / 100) * 100,
  };
}

/** An OpenMetrics timestamp in milliseconds, truncated as Prometheus' parser does (int64(ts*1000)). */
export function openMetricsMillis(seconds: string): number {
  return Math.trunc(Number(seconds) * 1000);
}

/** Reads `name{label="value",...} value timestamp` lines; comments and # EOF are skipped. */
export function parseOpenMetrics(text: string): TraceSeries[] {
  const byKey = new Map<string, TraceSeries>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parsed = parseSampleLine(line);
    if (!parsed)
      throw new Error(
        `gpu-trace.om line ${index + 1} is not a sample with a timestamp: ${line.slice(0, 80)}`,
      );
    const key = JSON.stringify(Object.entries(parsed.labels).sort());
    let series = byKey.get(key);
    if (!series) byKey.set(key, (series = { labels: parsed.labels, samples: [] }));
    series.samples.push(parsed.sample);
  }
  for (const series of byKey.values()) series.samples.sort((a, b) => a.t - b.t);
  return [...byKey.values()];
}

function parseSampleLine(line: string): { labels: Labels; sample: Sample } | undefined {
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line)?.[0];
  if (!name) return undefined;
  const labels: Labels = { __name__: name };
  let i = name.length;
  if (line[i] === '{') {
    i++;
    while (line[i] !== '}') {
      const label = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(line.slice(i));
      if (!label?.[1]) return undefined;
      i += label[0].length;
      let value = '';
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\') {
          const next = line[i + 1];
          value += next === 'n' ? '\n' : (next ?? '');
          i += 2;
        } else value += line[i++];
      }
      labels[label[1]] = value;
      i++;
      if (line[i] === ',') i++;
      if (i >= line.length) return undefined;
    }
    i++;
  }
  const [value, timestamp] = line.slice(i).trim().split(/\s+/);
  if (value === undefined || timestamp === undefined) return undefined;
  return { labels, sample: { t: openMetricsMillis(timestamp), v: parseSampleValue(value) } };
}

function parseSampleValue(text: string): number {
  if (text === '+Inf' || text === 'Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  return Number(text);
}

/** Phases from the CSV's `ts` and `phase` columns, in recording order. */
function parsePhases(csv: string): TracePhase[] {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = (header ?? '').split(',');
  const tsAt = columns.indexOf('ts');
  const phaseAt = columns.indexOf('phase');
  const phases: TracePhase[] = [];
  for (const row of rows) {
    const cells = row.split(',');
    const t = openMetricsMillis(cells[tsAt] ?? '');
    const name = cells[phaseAt] ?? '';
    const current = phases.at(-1);
    if (current?.name === name) current.endMs = t;
    else phases.push({ name, startMs: t, endMs: t });
  }
  return phases;
}
