// Reads the firing alerts in the background so a critical one is notified even when the Alerts
// page is closed. Quiet on failure: the page and the source status already report outages.
import { backgroundStartDelayMs } from '../../background-start';
import type { HostContext } from '../../host-context';
import type { CriticalAlertNotifier } from './critical-notifier';
import type { SilencePermissions } from './permissions';
import { alertmanagersOf } from './alertmanagers';
import { readAlerts } from './reads';

export class AlertWatch {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly ctx: HostContext,
    private readonly permissions: SilencePermissions,
    private readonly notifier: CriticalAlertNotifier,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
    setTimeout(() => void this.check(), backgroundStartDelayMs).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One read of every Alertmanager; answers once it is done (tests call it directly). */
  async check(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      if (alertmanagersOf(this.ctx).length === 0) return;
      await readAlerts(this.ctx, this.permissions, 'live', (alerts) =>
        this.notifier.observe(alerts),
      );
    } catch (error) {
      this.ctx.log.debug({ err: error }, 'background alert check failed');
    } finally {
      this.running = false;
    }
  }
}
