// `npm run bench`: the speed targets, measured. Prints a table and writes bench/results/<time>.json.
// The startup benchmark runs the built bundles: `npm run build` first (the script does it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchAudit } from './audit';
import { benchCallRoundTrip } from './call-roundtrip';
import { benchDrift } from './drift';
import { benchGpuChart } from './gpu-chart';
import { benchKubeList } from './kube-list';
import { benchPipelines } from './pipelines';
import { benchPrometheusQuery } from './prometheus-query';
import { benchRegistry } from './registry';
import { printTable, type BenchRow } from './stats';
import { benchStartup } from './startup';

// `npm run bench -- pipelines audit` runs only the benchmarks whose names contain those words.
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, bench] of [
  ['startup', () => benchStartup()],
  ['call round trip', () => benchCallRoundTrip()],
  ['kube list', () => benchKubeList()],
  ['pipelines', () => benchPipelines()],
  ['registry', () => benchRegistry()],
  ['audit', () => benchAudit()],
  ['drift', () => benchDrift()],
  ['gpu chart', () => benchGpuChart()],
  ['prometheus query', () => benchPrometheusQuery()],
] as const) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await bench()));
}

printTable(rows);
const dir = join('bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      memoryBytes: totalmem(),
      rows,
    },
    null,
    2,
  ),
);
console.log(`\nwritten to ${file}`);
