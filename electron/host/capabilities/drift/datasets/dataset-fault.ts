// A problem with the data itself (not with the console): a missing file or column, a truncated
// file, mixed types, an empty window. The message says which file, column and row, and what was
// expected, because the user has to go and fix the data; the handlers answer it as bad_request.

export class DatasetFault extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetFault';
  }
}

export type DatasetRole = 'reference' | 'current';

/** "the current file (june.csv)" */
export function fileLabel(role: DatasetRole, path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return `the ${role} file (${name})`;
}

/** Human size: 2.1 GB, 830 MB, 12 KB. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
