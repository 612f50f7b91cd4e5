// Parquet, read with hyparquet (pure JS) one row group at a time and only the requested columns,
// so a large file never sits in memory whole; row groups whose statistics put them outside the
// time window are not read at all, and columns are decoded straight into typed arrays. Pages are
// decompressed by parquet-codecs.ts (flights-3m.parquet is ZSTD).

import { type Compressors, type FileMetaData, parquetMetadataAsync } from 'hyparquet';
import { getSchemaPath } from 'hyparquet/src/schema.js';
import { columnTarget, decodeColumnChunk } from './parquet-column-chunk';
import { DatasetFault, type DatasetRole, fileLabel } from './dataset-fault';
import { type FileSlices, fileSlices } from './file-slices';
import { parquetCodecs } from './parquet-codecs';
import type { BatchColumn, TableBatch, TableSource, WindowHint } from './table-source';

export class ParquetTable implements TableSource {
  readonly format = 'parquet' as const;
  private opened: Promise<{ metadata: FileMetaData }> | undefined;

  constructor(
    readonly path: string,
    readonly bytes: number,
    private readonly role: DatasetRole,
  ) {}

  private open() {
    void parquetCodecs(); // compiles the WebAssembly zstd decoder while the metadata is read
    this.opened ??= (async () => {
      const file = await fileSlices(this.path).catch((error: Error) => {
        throw new DatasetFault(
          `${fileLabel(this.role, this.path)} cannot be read: ${error.message}`,
        );
      });
      try {
        return { metadata: await parquetMetadataAsync(file) };
      } catch (error) {
        throw new DatasetFault(
          `${fileLabel(this.role, this.path)} is not a complete Parquet file ` +
            `(${(error as Error).message}); it may be truncated or not Parquet at all.`,
        );
      } finally {
        await file.close();
      }
    })();
    return this.opened;
  }

  async columnNames(): Promise<string[]> {
    const { metadata } = await this.open();
    // Top-level columns: the schema's first element is the root, its children follow.
    return metadata.schema
      .slice(1)
      .filter((s) => !s.num_children)
      .map((s) => s.name);
  }

  async timeColumns(): Promise<string[]> {
    const { metadata } = await this.open();
    return metadata.schema
      .filter(
        (s) =>
          s.logical_type?.type === 'TIMESTAMP' ||
          s.logical_type?.type === 'DATE' ||
          s.converted_type === 'TIMESTAMP_MILLIS' ||
          s.converted_type === 'TIMESTAMP_MICROS' ||
          s.converted_type === 'DATE',
      )
      .map((s) => s.name);
  }

  /** Column kinds from the schema alone (no data read): numbers, text/booleans, times. */
  async schemaKinds(): Promise<Map<string, 'numerical' | 'categorical' | 'time'>> {
    const { metadata } = await this.open();
    const times = new Set(await this.timeColumns());
    const kinds = new Map<string, 'numerical' | 'categorical' | 'time'>();
    for (const s of metadata.schema.slice(1)) {
      if (s.num_children) continue;
      const numeric = ['INT32', 'INT64', 'FLOAT', 'DOUBLE'].includes(String(s.type));
      const text = s.logical_type?.type === 'STRING' || s.converted_type === 'UTF8';
      kinds.set(
        s.name,
        times.has(s.name) ? 'time' : numeric && !text ? 'numerical' : 'categorical',
      );
    }
    return kinds;
  }

  async *batches(
    columns: readonly string[],
    onProgress?: (fraction: number) => void,
    window?: WindowHint,
  ): AsyncIterable<TableBatch> {
    const codecs = parquetCodecs();
    const { metadata } = await this.open();
    const times = new Set(await this.timeColumns());
    const compressors = await codecs;
    const file = await fileSlices(this.path);
    try {
      yield* this.rowGroups(file, metadata, columns, times, compressors, onProgress, window);
    } finally {
      await file.close();
    }
  }

  private async *rowGroups(
    file: FileSlices,
    metadata: FileMetaData,
    columns: readonly string[],
    times: ReadonlySet<string>,
    compressors: Compressors,
    onProgress?: (fraction: number) => void,
    window?: WindowHint,
  ): AsyncIterable<TableBatch> {
    const total = Number(metadata.num_rows);
    const paths = new Map(columns.map((c) => [c, getSchemaPath(metadata.schema, [c])]));
    let groupStart = 0;
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      const range = window && timeRange(group, window.column);
      if (
        range &&
        ((window.to !== undefined && range.first >= window.to) ||
          (window.from !== undefined && range.last < window.from))
      ) {
        // The row group's min/max statistics put every row outside the window: not read at all.
        yield { firstRow: groupStart, rows, values: new Map(), pruned: range };
        groupStart += rows;
        onProgress?.(total ? groupStart / total : 1);
        continue;
      }
      const values = new Map<string, BatchColumn>();
      try {
        for (const name of columns) {
          const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === name);
          const meta = chunk?.meta_data;
          if (!meta) throw new Error(`no data for column "${name}"`);
          const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
          const bytes = await file.slice(start, start + Number(meta.total_compressed_size));
          const path = paths.get(name)!;
          const target = columnTarget(path, times.has(name));
          values.set(name, decodeColumnChunk(bytes, meta, path, target, rows, compressors));
        }
      } catch (error) {
        throw new DatasetFault(
          `${fileLabel(this.role, this.path)}, rows ${groupStart + 1}–${groupStart + rows}: ` +
            `the Parquet data cannot be decoded (${(error as Error).message}); the file may be truncated.`,
        );
      }
      yield { firstRow: groupStart, rows, values };
      groupStart += rows;
      onProgress?.(total ? groupStart / total : 1);
    }
  }
}

/** A row group's min and max of a time column, from its statistics, when written. */
function timeRange(group: FileMetaData['row_groups'][number], column: string) {
  const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === column);
  const stats = chunk?.meta_data?.statistics;
  const min = stats?.min_value ?? stats?.min;
  const max = stats?.max_value ?? stats?.max;
  if (!(min instanceof Date) || !(max instanceof Date)) return undefined;
  return { first: min.getTime(), last: max.getTime() };
}
