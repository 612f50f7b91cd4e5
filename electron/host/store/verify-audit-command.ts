// `npm run audit:verify`: checks the audit chain of a data folder and says so in one line, or
// names the first bad row. It opens the database read-only: checking never changes the file.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditChain } from './audit-verify';
import { StoreCorruptError, isCorruption } from './errors';
import { assertNotTooNew, schemaVersion } from './migrations';
import { storeFileName } from './store';

export interface CommandResult {
  /** 0: chain intact; 1: chain broken; 2: could not check (no file, damaged, too new). */
  exitCode: 0 | 1 | 2;
  output: string;
}

export function verifyAuditCommand(dataDir: string): CommandResult {
  const file = join(dataDir, storeFileName);
  if (!existsSync(file)) {
    return {
      exitCode: 2,
      output: `No console database at ${file} (set CONSOLE_DATA_DIR to check another folder).`,
    };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    assertNotTooNew(db, file);
    if (schemaVersion(db) === 0) return { exitCode: 2, output: `${file} has no audit log yet.` };
    const result = verifyAuditChain(db);
    if (result.ok) {
      const rows = result.count === 1 ? '1 entry' : `${result.count} entries`;
      return { exitCode: 0, output: `Audit log OK: ${rows}, hash chain intact (${file}).` };
    }
    return {
      exitCode: 1,
      output:
        `Audit log BROKEN at seq ${result.firstBadSeq}: ${result.problem}.\n` +
        `${result.detail}\n(${file}; rows before seq ${result.firstBadSeq} check out.)`,
    };
  } catch (error) {
    const reported = isCorruption(error)
      ? new StoreCorruptError(file, (error as Error).message, error)
      : error;
    return { exitCode: 2, output: reported instanceof Error ? reported.message : String(reported) };
  } finally {
    db?.close();
  }
}
