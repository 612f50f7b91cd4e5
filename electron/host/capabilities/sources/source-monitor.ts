// Probes each source of the open workspace in the background and tells the renderer when one
// comes or goes, so the Overview's status dots are live without the screen polling.
import type { SourceStatus } from '../../../../shared/contract/connections';
import { backgroundStartDelayMs } from '../../background-start';
import type { HostContext } from '../../host-context';

export class SourceMonitor {
  private first: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly last = new Map<string, SourceStatus>();

  constructor(
    private readonly ctx: HostContext,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.stop();
    this.first = setTimeout(() => void this.sweep(), backgroundStartDelayMs);
    this.first.unref();
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.last.clear();
  }

  current(): SourceStatus[] {
    return [...this.last.values()];
  }

  private async sweep(): Promise<void> {
    if (this.running) return; // a slow source must not pile up probes
    this.running = true;
    try {
      const workspace = this.ctx.workspace();
      await Promise.all(
        workspace.definition.connections.map(async ({ connection }) => {
          const status = await this.probe(connection.id);
          if (this.ctx.workspace() !== workspace) return; // switched meanwhile
          this.last.set(connection.id, status);
          this.ctx.events.emit('sources.status', status);
        }),
      );
    } finally {
      this.running = false;
    }
  }

  private async probe(id: string): Promise<SourceStatus> {
    const checkedAt = new Date().toISOString();
    try {
      const results = await this.ctx.workspace().source(id).test('selected');
      const ok = results.filter((r) => r.result.status === 'ok');
      const state =
        results.length === 0
          ? 'unknown'
          : ok.length === results.length
            ? 'ok'
            : ok.length > 0
              ? 'degraded'
              : 'down';
      const worst = results.find((r) => r.result.status !== 'ok');
      const latencies = ok.map((r) => r.result.latencyMs);
      return {
        id,
        state,
        ...(worst ? { message: `${worst.target}: ${worst.result.message}` } : {}),
        ...(latencies.length ? { latencyMs: Math.max(...latencies) } : {}),
        checkedAt,
      };
    } catch (error) {
      this.ctx.log.warn({ source: id, err: error }, 'source probe failed');
      return { id, state: 'down', message: (error as Error).message, checkedAt };
    }
  }
}
