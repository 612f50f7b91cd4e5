// Writes the demo's two drift samples (electron/sim/assets/drift/): every k-th flight of January
// and of June 2001 from vega-datasets' flights-3m.parquet, 3,000 rows each, as CSV.
// Run by hand: node scripts/drift-fixtures/demo-samples.mjs
import { writeFileSync } from 'node:fs';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

const rows = 3000;
const file = await asyncBufferFromFile('node_modules/vega-datasets/data/flights-3m.parquet');
const all = await parquetReadObjects({ file, compressors });
for (const [month, name] of [
  [0, 'flights-2001-01.csv'],
  [5, 'flights-2001-06.csv'],
]) {
  const inMonth = all.filter((r) => r.date.getUTCMonth() === month);
  const step = Math.floor(inMonth.length / rows);
  const lines = ['date,delay,distance,origin,destination'];
  for (let i = 0; i < rows; i++) {
    const r = inMonth[i * step];
    lines.push(
      `${r.date.toISOString().slice(0, 16)},${r.delay},${r.distance},${r.origin},${r.destination}`,
    );
  }
  writeFileSync(`electron/sim/assets/drift/${name}`, lines.join('\n') + '\n');
}
