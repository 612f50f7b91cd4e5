// The two ways a store file can be unusable. Both leave the file exactly as it was: a newer
// console's data or a damaged file is the user's to keep, back up or repair, never ours to reset.

export class StoreTooNewError extends Error {
  readonly file: string;
  readonly fileVersion: number;
  readonly knownVersion: number;

  constructor(file: string, fileVersion: number, knownVersion: number) {
    super(
      `${file} has schema version ${fileVersion}, but this console knows versions up to ${knownVersion}. ` +
        'It was written by a newer console: use a newer console to open it. The file was not changed.',
    );
    this.name = 'StoreTooNewError';
    this.file = file;
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

export class StoreCorruptError extends Error {
  readonly file: string;

  constructor(file: string, detail: string, cause?: unknown) {
    super(
      `${file} is damaged or is not a console database (${detail}). It was left untouched: ` +
        'move it aside (or restore a backup) and start the console again to create a fresh one.',
      cause === undefined ? undefined : { cause },
    );
    this.name = 'StoreCorruptError';
    this.file = file;
  }
}

/** SQLite's codes for a file that is not a database or whose pages do not add up. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
  );
}
