// CSV, streamed through csv-parse: the file is read in chunks and handed on in batches of rows,
// never held whole. Parser errors become messages naming the line and what was expected.

import { createReadStream } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import { csvCell } from './csv-cells';
import { DatasetFault, type DatasetRole, fileLabel } from './dataset-fault';
import type { Cell, TableBatch, TableSource, WindowHint } from './table-source';

const batchRows = 16_384;

export class CsvTable implements TableSource {
  readonly format = 'csv' as const;
  private header: Promise<string[]> | undefined;

  constructor(
    readonly path: string,
    readonly bytes: number,
    private readonly role: DatasetRole,
  ) {}

  private parser(toLine?: number): { parser: Parser; bytesRead: () => number; close: () => void } {
    const stream = createReadStream(this.path, { highWaterMark: 1 << 20 });
    // The header is read with to_line 1, so a bad line further down cannot fail that read.
    const parser = parse({
      bom: true,
      skip_empty_lines: true,
      ...(toLine ? { to_line: toLine } : {}),
    });
    stream.on('error', (error) => parser.destroy(error));
    stream.pipe(parser);
    return { parser, bytesRead: () => stream.bytesRead, close: () => stream.destroy() };
  }

  columnNames(): Promise<string[]> {
    this.header ??= (async () => {
      const { parser, close } = this.parser(1);
      try {
        for await (const record of parser) return (record as string[]).map((c) => c.trim());
      } catch (error) {
        throw this.fault(error);
      } finally {
        close();
      }
      throw new DatasetFault(`${fileLabel(this.role, this.path)} is empty: expected a header row`);
    })();
    return this.header;
  }

  timeColumns(): Promise<string[]> {
    return Promise.resolve([]);
  }

  async *batches(
    columns: readonly string[],
    onProgress?: (fraction: number) => void,
    // A CSV has no statistics to skip rows by: the window is applied row by row by the caller.
    _window?: WindowHint,
  ): AsyncIterable<TableBatch> {
    const names = await this.columnNames();
    const indexes = columns.map((c) => names.indexOf(c));
    const { parser, bytesRead, close } = this.parser();
    let header = true;
    let rows = 0; // data rows read so far
    let firstRow = 0;
    let cells = columns.map(() => [] as Cell[]);
    const batch = (): TableBatch => ({
      firstRow,
      rows: rows - firstRow,
      values: new Map(columns.map((c, i) => [c, cells[i]!])),
    });
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        if (header) {
          header = false;
          continue;
        }
        for (let c = 0; c < indexes.length; c++) cells[c]!.push(csvCell(record[indexes[c]!]!));
        if (++rows - firstRow === batchRows) {
          yield batch();
          onProgress?.(Math.min(1, bytesRead() / Math.max(1, this.bytes)));
          firstRow = rows;
          cells = columns.map(() => [] as Cell[]);
        }
      }
    } catch (error) {
      throw this.fault(error, names.length);
    } finally {
      close();
    }
    if (rows > firstRow) yield batch();
    onProgress?.(1);
  }

  private fault(error: unknown, headerFields?: number): Error {
    if (error instanceof DatasetFault) return error;
    const e = error as Error & { code?: string; lines?: number; record?: string[] };
    const where = `${fileLabel(this.role, this.path)}, line ${e.lines ?? '?'}`;
    switch (e.code) {
      case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
        return new DatasetFault(
          `${where}: found ${e.record?.length ?? 'a different number of'} fields where the header has ` +
            `${headerFields ?? 'another number of'}; the file may be truncated or a field holds an unquoted delimiter.`,
        );
      case 'CSV_QUOTE_NOT_CLOSED':
        return new DatasetFault(
          `${where}: a quoted field is never closed; the file may be truncated.`,
        );
      case 'ENOENT':
      case 'EACCES':
      case 'EISDIR':
        return new DatasetFault(`${fileLabel(this.role, this.path)} cannot be read: ${e.message}`);
      default:
        if (e.code?.startsWith('CSV_')) return new DatasetFault(`${where}: ${e.message}`);
        return e;
    }
  }
}
