// audit.verify without blocking the host: the chain is checked in a worker thread (a million rows
// take seconds), and callers asking while a check runs share its answer.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../../app-root';
import type { AuditVerification } from '../../store/audit-verify';
import type { VerifyWorkerInput } from './verify-worker';

function workerEntry(): string {
  return fileURLToPath(import.meta.url).includes('dist-electron')
    ? join(appRoot(), 'dist-electron', 'audit-verify-worker.mjs')
    : join(appRoot(), 'electron', 'host', 'capabilities', 'audit', 'verify-worker-from-source.mjs');
}

const running = new Map<string, Promise<AuditVerification>>();

export function verifyOffThread(file: string): Promise<AuditVerification> {
  const current = running.get(file);
  if (current) return current;
  const check = new Promise<AuditVerification>((resolve, reject) => {
    const input: VerifyWorkerInput = { file };
    const worker = new Worker(workerEntry(), { workerData: input });
    worker.once('message', (verdict: AuditVerification) => resolve(verdict));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the audit check stopped (exit ${code}) before it answered`)),
    );
  }).finally(() => running.delete(file));
  running.set(file, check);
  return check;
}
