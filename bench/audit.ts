// The audit log at 1,000,000 rows: a filtered page (what the Audit page asks for, 200 rows newest
// first) p95 over a mix of filters, and a full verify of the chain. The log is written straight
// into a store file with the console's own hashing (audit-seed.ts), then read through AuditLog.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditQuery } from '../electron/host/store/audit-log';
import { openStore } from '../electron/host/store/store';
import { seedAuditLog } from './audit-seed';
import { percentile, type BenchRow } from './stats';

const rounds = 20;

export async function benchAudit(rows = 1_000_000): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'console-bench-audit-'));
  try {
    openStore({ dataDir: dir }).close();
    const seedStart = performance.now();
    const seeded = seedAuditLog(join(dir, 'console.db'), rows);
    const seedMs = performance.now() - seedStart;
    const store = openStore({ dataDir: dir });
    const lastMs = Date.parse(seeded.last);
    const ago = (days: number) => new Date(lastMs - days * 86_400_000).toISOString();
    // What a person filters by on the Audit page; each asks for one 200-row page.
    const filters: Record<string, AuditQuery> = {
      'no filter': {},
      action: { action: 'model.rollback' },
      who: { actor: 'user7@example.com' },
      target: { target: 'models/model-77@champion' },
      result: { result: 'failed' },
      'action + result': { action: 'model.promote', result: 'failed' },
      'last 24 h': { since: ago(1) },
      'a week, 1 year ago': { since: ago(372), until: ago(365) },
      'action in that week': { action: 'model.promote', since: ago(372), until: ago(365) },
      'search, last 7 days': { text: 'model-12', since: ago(7) },
    };
    const times: number[] = [];
    const byFilter = new Map<string, number[]>();
    for (let round = 0; round < rounds; round++) {
      for (const [name, filter] of Object.entries(filters)) {
        const started = performance.now();
        store.audit.list({ ...filter, limit: 200 });
        const ms = performance.now() - started;
        times.push(ms);
        byFilter.set(name, [...(byFilter.get(name) ?? []), ms]);
      }
    }
    const [slowest, slowestTimes] = [...byFilter].sort(
      (a, b) => percentile(b[1], 95) - percentile(a[1], 95),
    )[0]!;
    // The worst cases, reported apart: a search of the whole log, and two filters that never meet.
    const scan = (filter: AuditQuery) => {
      const started = performance.now();
      store.audit.list({ ...filter, limit: 200 });
      return performance.now() - started;
    };
    const searchAll = Math.max(scan({ text: 'OPS-4242' }), scan({ text: 'OPS-4243' }));
    const disjoint = Math.max(scan({ actor: 'user3@example.com', action: 'model.approve' }));
    const verifyStart = performance.now();
    const verdict = store.audit.verify();
    const verifyMs = performance.now() - verifyStart;
    store.close();
    const p95 = percentile(times, 95);
    const million = `${(rows / 1e6).toLocaleString()}M rows`;
    return [
      {
        name: `audit: filtered page of 200, p95 (${million})`,
        value: p95,
        unit: 'ms',
        target: '< 20 ms',
        met: p95 < 20,
        note: `${Object.keys(filters).length} filters x ${rounds}; median ${percentile(times, 50).toFixed(1)} ms; slowest: ${slowest} (p95 ${percentile(slowestTimes, 95).toFixed(1)} ms)`,
      },
      {
        name: `audit: search of the whole log, no window (${million})`,
        value: searchAll,
        unit: 'ms',
        note: 'a full scan; the time window bounds it',
      },
      {
        name: `audit: two filters no row matches (${million})`,
        value: disjoint,
        unit: 'ms',
        note: 'walks one filter index to the end',
      },
      {
        name: `audit: full verify (${million})`,
        value: verifyMs,
        unit: 'ms',
        note: verdict.ok ? `chain intact, ${verdict.count} rows` : `BROKEN: ${verdict.detail}`,
      },
      { name: `audit: writing the ${million} log (setup)`, value: seedMs, unit: 'ms' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
