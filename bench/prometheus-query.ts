// A query's round trip through the host to a real Prometheus (Debian's, loaded with the GPU
// trace): the renderer's call over loopback HTTP → validation → monitoring.range → Grafana's step
// → Prometheus' query_range → validation back. Reports the p50.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch } from 'undici';
import { createHost } from '../electron/host/index';
import { silentLogger } from '../electron/host/log/logger';
import { startHttpTransport } from '../electron/host/transport/http';
import { startPrometheus } from '../test/services/prometheus';
import { percentile, type BenchRow } from './stats';

export async function benchPrometheusQuery(calls = 200): Promise<BenchRow[]> {
  const prom = await startPrometheus({ gpuTrace: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'console-bench-prom-'));
  const log = silentLogger();
  const host = await createHost({
    dataDir,
    mode: 'browser',
    version: 'bench',
    log,
    env: { CONSOLE_PROMETHEUS_URL: prom.url },
    workspaceId: 'local',
    demo: { connections: async () => [], stop: async () => undefined },
    probeIntervalMs: 0,
  });
  const http = await startHttpTransport({ dispatcher: host.dispatcher, events: host.events, log });
  const agent = new Agent({ keepAliveTimeout: 10_000 });
  const end = prom.traceWindow?.end.getTime() ?? Date.now();
  const body = JSON.stringify({
    signal: 'gpu.utilisation',
    from: end - 3_600_000,
    to: end,
    widthPx: 1200,
  });
  const call = async () => {
    const res = await fetch(`${http.url}/api/call/monitoring.range`, {
      method: 'POST',
      dispatcher: agent,
      headers: { authorization: `Bearer ${http.token}`, 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as { ok: boolean; error?: { message: string } };
    if (!answer.ok) throw new Error(`monitoring.range failed: ${answer.error?.message ?? ''}`);
  };
  try {
    for (let i = 0; i < 20; i++) await call();
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t = performance.now();
      await call();
      times.push(performance.now() - t);
    }
    return [
      {
        name: 'Prometheus range query through the host (1 h of one GPU at 1200 px), p50',
        value: percentile(times, 50),
        unit: 'ms',
        note: `p95 ${percentile(times, 95).toFixed(1)} ms over ${calls} calls`,
      },
    ];
  } finally {
    await agent.close();
    await http.close();
    await host.close();
    await prom.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
