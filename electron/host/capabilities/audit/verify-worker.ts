// Verifies the audit chain in a worker thread: on a long log it takes seconds of hashing, and the
// host's thread must keep answering calls meanwhile. A read-only connection of its own.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { verifyAuditChain } from '../../store/audit-verify';

export interface VerifyWorkerInput {
  file: string;
}

const { file } = workerData as VerifyWorkerInput;
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  parentPort?.postMessage(verifyAuditChain(db));
} finally {
  db.close();
}
