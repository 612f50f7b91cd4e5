// The drift engine against Evidently: flights-3m.parquet (vega-datasets), January 2001 against
// June 2001, five columns, each side in a process of its own so peak memory is its own.
// - engine: file to report (reading both months, Wasserstein and Jensen-Shannon, histograms);
// - Evidently: DataDriftPreset in the Python venv .venv-drift (made on demand from
//   scripts/drift-fixtures/requirements.txt), reading the file with pandas and running the report.
// Target: at least 20x faster than Evidently end to end, with the same numbers (to 1e-9).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchRow } from './stats';

const run = promisify(execFile);
const months = ['1', '6'];
const parquet = join(process.cwd(), 'node_modules/vega-datasets/data/flights-3m.parquet');
const venv = join(process.cwd(), '.venv-drift');
const python = join(venv, 'bin', 'python');

interface Measured {
  peakRssBytes: number;
  share: number;
  scores: Record<string, number>;
}

type EngineMeasured = Measured & {
  seconds: number;
  readSeconds: number;
  testSeconds: number;
  cpuSeconds: number;
};

async function engine(): Promise<EngineMeasured> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'bench/drift-engine-run.ts', ...months],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as EngineMeasured;
}

/** Makes .venv-drift with Evidently's pinned versions; undefined when ready, else why not. */
async function ensureVenv(): Promise<string | undefined> {
  if (existsSync(python)) return undefined;
  try {
    process.stderr.write(
      '  creating .venv-drift (Evidently, pandas, scipy, pyarrow: a few minutes)…\n',
    );
    await run('python3', ['-m', 'venv', venv]);
    await run(
      join(venv, 'bin', 'pip'),
      ['install', '--quiet', '-r', 'scripts/drift-fixtures/requirements.txt'],
      {
        maxBuffer: 16 << 20,
      },
    );
    return undefined;
  } catch (error) {
    return `could not make .venv-drift: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`;
  }
}

async function evidently(): Promise<
  (Measured & { readSeconds: number; reportSeconds: number }) | string
> {
  const problem = await ensureVenv();
  if (problem) return problem;
  try {
    const { stdout } = await run(
      python,
      ['scripts/drift-fixtures/evidently_bench.py', parquet, ...months],
      {
        maxBuffer: 1 << 20,
      },
    );
    return JSON.parse(stdout.trim().split('\n').pop()!) as Measured & {
      readSeconds: number;
      reportSeconds: number;
    };
  } catch (error) {
    return `Evidently did not run: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`;
  }
}

/** The engine's median run of three (each in a fresh process: a cold start, as in the app). */
async function engineMedian(): Promise<EngineMeasured> {
  const runs: EngineMeasured[] = [];
  for (let i = 0; i < 3; i++) runs.push(await engine());
  runs.sort((a, b) => a.seconds - b.seconds);
  return { ...runs[1]!, peakRssBytes: Math.max(...runs.map((r) => r.peakRssBytes)) };
}

export async function benchDrift(): Promise<BenchRow[]> {
  const ours = await engineMedian();
  const rows: BenchRow[] = [
    {
      name: 'drift engine: flights Jan vs Jun 2001, 5 columns',
      value: ours.seconds * 1000,
      unit: 'ms',
      note:
        `median of 3; read ${ours.readSeconds.toFixed(3)} s + tests ${ours.testSeconds.toFixed(3)} s; ` +
        `CPU ${ours.cpuSeconds.toFixed(2)} s`,
    },
    {
      name: 'drift engine: peak memory',
      value: ours.peakRssBytes / 2 ** 20,
      unit: 'MiB',
      note: 'whole process, largest of the 3',
    },
  ];
  const theirs = await evidently();
  if (typeof theirs === 'string') {
    process.stderr.write(`  ${theirs}\n`);
    rows.push({
      name: "Evidently's DataDriftPreset",
      value: Number.NaN,
      unit: '',
      note: theirs.slice(0, 120),
    });
    return rows;
  }
  const total = theirs.readSeconds + theirs.reportSeconds;
  const worst = Math.max(
    ...Object.entries(theirs.scores).map(([c, s]) => Math.abs((ours.scores[c] ?? Number.NaN) - s)),
  );
  const speedup = total / ours.seconds;
  // The statistics alone: our tests on columns in memory vs Evidently's report.run on DataFrames.
  const computeSpeedup = theirs.reportSeconds / ours.testSeconds;
  rows.push(
    {
      name: "Evidently's DataDriftPreset, same data",
      value: total * 1000,
      unit: 'ms',
      note: `pandas read ${theirs.readSeconds.toFixed(1)} s + report ${theirs.reportSeconds.toFixed(1)} s`,
    },
    { name: 'Evidently: peak memory', value: theirs.peakRssBytes / 2 ** 20, unit: 'MiB' },
    {
      name: 'drift engine speed-up over Evidently, file to report',
      value: speedup,
      unit: 'x',
      target: '≥ 20x',
      met: speedup >= 20,
    },
    {
      name: 'drift engine speed-up, statistics alone',
      value: computeSpeedup,
      unit: 'x',
      target: '≥ 20x',
      met: computeSpeedup >= 20,
      note: 'our tests vs report.run',
    },
    {
      name: 'drift engine vs Evidently: largest score difference',
      value: worst,
      unit: '',
      target: '≤ 1e-9',
      met: worst <= 1e-9 && ours.share === theirs.share,
      note: `share ${ours.share} vs ${theirs.share}`,
    },
  );
  return rows;
}
