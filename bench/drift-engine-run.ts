// One drift comparison in a process of its own, for bench/drift.ts: flights-3m.parquet, one month
// against another, five columns read (the date as the window's column). Prints its time, the
// CPU time it used (steadier than the time on a shared machine), its peak resident memory and the
// scores as one JSON line.
import { join } from 'node:path';
import { comparisonRequest } from '../shared/contract/drift';
import { compareDatasets } from '../electron/host/capabilities/drift/runner/compare-datasets';

const [referenceMonth, currentMonth] = process.argv.slice(2).map(Number) as [number, number];
const path = join(process.cwd(), 'node_modules/vega-datasets/data/flights-3m.parquet');
const month = (m: number) => ({
  path,
  window: {
    column: 'date',
    from: `2001-${String(m).padStart(2, '0')}-01`,
    to: m === 12 ? '2002-01-01' : `2001-${String(m + 1).padStart(2, '0')}-01`,
  },
});
const started = performance.now();
const cpuStarted = process.cpuUsage();
// Reading ends when the first column test starts: the rest is the statistics alone.
let testsStarted = 0;
const report = await compareDatasets(
  comparisonRequest.parse({ reference: month(referenceMonth), current: month(currentMonth) }),
  {
    digests: { reference: '', current: '' },
    onProgress: (step) => {
      if (!testsStarted && step.startsWith('Testing')) testsStarted = performance.now();
    },
  },
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const testSeconds = (performance.now() - testsStarted) / 1000;
console.log(
  JSON.stringify({
    seconds,
    readSeconds: seconds - testSeconds,
    testSeconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    share: report.dataset.share,
    scores: Object.fromEntries(report.columns.map((c) => [c.column, c.score])),
  }),
);
