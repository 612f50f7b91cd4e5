// What the comparison form shows of a file before it runs: its format, size and columns with
// their kinds (Parquet from its schema; CSV from its first batch, the full read checks the rest).
import type { CallOutput } from '../../../../../shared/contract';
import { ColumnStore } from './column-store';
import { openTable } from './open-table';
import { ParquetTable } from './parquet-reader';

export async function inspectDataset(path: string): Promise<CallOutput<'drift.inspect'>> {
  const table = await openTable(path, 'current');
  if (table instanceof ParquetTable) {
    const kinds = await table.schemaKinds();
    return {
      format: table.format,
      bytes: table.bytes,
      columns: [...kinds].map(([name, kind]) => ({ name, kind })),
    };
  }
  const names = await table.columnNames();
  const times = new Set(await table.timeColumns());
  const store = new ColumnStore({
    role: 'current',
    path: table.path,
    columns: names,
    categorical: new Set(),
    timeColumns: times,
  });
  // CSV has no schema: the first batch is enough to tell numbers from text; the full read checks the rest.
  for await (const batch of table.batches(names)) {
    store.add(batch);
    break;
  }
  return {
    format: table.format,
    bytes: table.bytes,
    columns: names.map((name) => {
      const column = store.columns.get(name)!;
      return { name, kind: column.kind === 'empty' ? ('numerical' as const) : column.kind };
    }),
  };
}
