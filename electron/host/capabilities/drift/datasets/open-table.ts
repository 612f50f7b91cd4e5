// Opens a dataset file for the drift engine: resolves file:// URIs, checks it exists, is a file
// and is under the size limit, and picks the reader by extension. Every refusal names the file.

import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CsvTable } from './csv-reader';
import { DatasetFault, type DatasetRole, fileLabel, formatBytes } from './dataset-fault';
import { ParquetTable } from './parquet-reader';
import type { TableSource } from './table-source';

/**
 * Files above this are refused before a byte is parsed: the compared columns are held in memory
 * (about 8 bytes a numerical value), so a bigger file should be sampled or windowed first.
 */
export const DEFAULT_MAX_DATASET_BYTES = 2 * 1024 ** 3;

export function resolveDatasetPath(path: string): string {
  const trimmed = path.trim();
  if (!trimmed.startsWith('file:')) return trimmed;
  try {
    return fileURLToPath(trimmed);
  } catch {
    throw new DatasetFault(`"${trimmed}" is not a valid file:// URI`);
  }
}

export async function openTable(
  path: string,
  role: DatasetRole,
  maxBytes = DEFAULT_MAX_DATASET_BYTES,
): Promise<TableSource> {
  const resolved = resolveDatasetPath(path);
  const label = fileLabel(role, resolved);
  const format = formatOf(resolved);
  if (!format) {
    throw new DatasetFault(`${label} is neither CSV nor Parquet: expected a .csv or .parquet file`);
  }
  const info = await stat(resolved).catch((error: NodeJS.ErrnoException) => {
    throw new DatasetFault(
      error.code === 'ENOENT'
        ? `${label} does not exist on this machine: ${resolved}`
        : `${label} cannot be read: ${error.message}`,
    );
  });
  if (!info.isFile()) throw new DatasetFault(`${label} is not a file: ${resolved}`);
  if (info.size === 0) throw new DatasetFault(`${label} is empty (0 bytes)`);
  if (info.size > maxBytes) {
    throw new DatasetFault(
      `${label} is ${formatBytes(info.size)}, over the drift engine's limit of ` +
        `${formatBytes(maxBytes)}: compare a sample or a time window exported to a smaller file.`,
    );
  }
  return format === 'csv'
    ? new CsvTable(resolved, info.size, role)
    : new ParquetTable(resolved, info.size, role);
}

function formatOf(path: string): 'csv' | 'parquet' | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return ext === '.csv' ? 'csv' : undefined;
  if (ext === '.parquet' || ext === '.pq') return 'parquet';
  return undefined;
}
