// Parquet, read with hyparquet (pure JS) one row group at a time and only the requested columns,
// so a large file never sits in memory whole; row groups whose statistics put them outside the
// time window are not read at all, and columns are decoded straight into typed arrays. Pages are
// decompressed by parquet-codecs.ts (flights-3m.parquet is ZSTD).

import {
  type ColumnMetaData,
  type Compressors,
  type FileMetaData,
  parquetMetadataAsync,
  type SchemaTree,
} from 'hyparquet';
import { getSchemaPath } from 'hyparquet/src/schema.js';
import { columnTarget, decodeColumnChunk } from './parquet-column-chunk';
import { DatasetFault, type DatasetRole, fileLabel } from './dataset-fault';
import { type FileSlices, fileSlices } from './file-slices';
import { parquetCodecs } from './parquet-codecs';
import { timeRange, whollyInside, whollyOutside, windowedGroup } from './parquet-window';
import { windowRowsOfChunk } from './parquet-window-chunk';
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
    void parquetCodecs(); // loads the zstd decoder while the metadata is read
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
    tallied: ReadonlySet<string> = new Set(),
  ): AsyncIterable<TableBatch> {
    const codecs = parquetCodecs();
    const { metadata } = await this.open();
    const times = new Set(await this.timeColumns());
    const compressors = await codecs;
    const file = await fileSlices(this.path);
    try {
      const read = { file, metadata, times, compressors, tallied };
      yield* this.rowGroups(read, columns, onProgress, window);
    } finally {
      await file.close();
    }
  }

  private async *rowGroups(
    { file, metadata, times, compressors, tallied }: GroupReading,
    columns: readonly string[],
    onProgress?: (fraction: number) => void,
    window?: WindowHint,
  ): AsyncIterable<TableBatch> {
    const total = Number(metadata.num_rows);
    const paths = new Map(columns.map((c) => [c, getSchemaPath(metadata.schema, [c])]));
    let groupStart = 0;
    for (const group of metadata.row_groups) {
      const rows = Number(group.num_rows);
      const range = window && timeRange(group, window.column);
      const outside = window && range && whollyOutside(range, window);
      const inside = window && range && whollyInside(range, window);
      const reads = new Map<string, Promise<ChunkBytes>>();
      const chunk = (name: string) => {
        let read = reads.get(name);
        if (!read) reads.set(name, (read = chunkBytes(file, group, name, paths.get(name)!)));
        return read;
      };
      // Every chunk needed starts being read now, so the file is read (on another thread) while
      // the first ones are decoded; a read that fails is reported when its column is decoded.
      for (const name of outside ? [] : columns) {
        if (!inside || name !== window.column || window.keepColumn) chunk(name).catch(() => 0);
      }
      // `everyRowKept`: the batch is not cut row by row, so a tallied column may be counted.
      const decode = async (
        name: string,
        span?: { from: number; to: number },
        everyRowKept = false,
      ) => {
        const { meta, bytes, path } = await chunk(name);
        const target = columnTarget(path, times.has(name));
        const tally = everyRowKept && tallied.has(name);
        return decodeColumnChunk(bytes, meta, path, target, rows, compressors, span, tally);
      };
      const windowRows = async (name: string, hint: WindowHint) => {
        const { meta, bytes, path } = await chunk(name);
        return windowRowsOfChunk(bytes, meta, path, rows, compressors, hint);
      };
      try {
        if (outside && range) {
          // The row group's statistics put every row outside the window: not read at all.
          yield { firstRow: groupStart, rows, values: new Map(), pruned: range };
        } else if (inside && window) {
          // Every row inside: the window column is read only when wanted as data.
          const values = new Map<string, BatchColumn>();
          for (const name of columns) {
            if (name !== window.column || window.keepColumn) {
              values.set(name, await decode(name, undefined, true));
            }
          }
          yield { firstRow: groupStart, rows, values, inWindow: range };
        } else {
          const read = { decode, windowRows };
          yield* windowedGroup(groupStart, rows, columns, read, window, range);
        }
      } catch (error) {
        throw new DatasetFault(
          `${fileLabel(this.role, this.path)}, rows ${groupStart + 1}–${groupStart + rows}: ` +
            `the Parquet data cannot be decoded (${(error as Error).message}); the file may be truncated.`,
        );
      }
      groupStart += rows;
      onProgress?.(total ? groupStart / total : 1);
    }
  }
}

interface GroupReading {
  file: FileSlices;
  metadata: FileMetaData;
  times: ReadonlySet<string>;
  compressors: Compressors;
  tallied: ReadonlySet<string>;
}

interface ChunkBytes {
  meta: ColumnMetaData;
  bytes: ArrayBuffer;
  path: SchemaTree[];
}

/** The bytes of a row group's column chunk, read in one piece. */
async function chunkBytes(
  file: FileSlices,
  group: FileMetaData['row_groups'][number],
  name: string,
  path: SchemaTree[],
): Promise<ChunkBytes> {
  const meta = group.columns.find((c) => c.meta_data?.path_in_schema.join('.') === name)?.meta_data;
  if (!meta) throw new Error(`no data for column "${name}"`);
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const bytes = await file.slice(start, start + Number(meta.total_compressed_size));
  return { meta, bytes, path };
}
