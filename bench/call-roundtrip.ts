// A contract call's round trip over the loopback HTTP transport: validation in, handler (a
// SQLite read), validation out, JSON both ways, on a kept-alive connection like the browser's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { createHost } from '../electron/host/index';
import { silentLogger } from '../electron/host/log/logger';
import { startHttpTransport } from '../electron/host/transport/http';
import { percentile, type BenchRow } from './stats';

export async function benchCallRoundTrip(calls = 3000): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-rt-'));
  const log = silentLogger();
  const noDemo = { connections: async () => [], stop: async () => undefined };
  const host = await createHost({
    dataDir,
    mode: 'browser',
    version: 'bench',
    log,
    demo: noDemo,
    probeIntervalMs: 0,
  });
  const http = await startHttpTransport({ dispatcher: host.dispatcher, events: host.events, log });
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const call = async () => {
    const res = await fetch(`${http.url}/api/call/settings.get`, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${http.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await res.json()) as { ok: boolean };
    if (!body.ok) throw new Error('call failed');
  };
  try {
    for (let i = 0; i < 300; i++) await call(); // warm-up: JIT, connection
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      await call();
      times.push(performance.now() - t);
    }
    const p50 = percentile(times, 50);
    return [
      {
        name: 'contract call round trip over HTTP, p50',
        value: p50,
        unit: 'ms',
        target: '< 2 ms',
        met: p50 < 2,
        note: `${calls} sequential calls`,
      },
      { name: 'contract call round trip over HTTP, p95', value: percentile(times, 95), unit: 'ms' },
    ];
  } finally {
    await agent.close();
    await http.close();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
