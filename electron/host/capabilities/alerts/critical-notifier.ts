// Desktop notifications for critical alerts, once per alert. The fingerprints already told are
// kept in the settings store, so neither a refresh nor a restart repeats a notification; an
// alert that resolves and fires again later (after the memory of it lapsed) is told again.
import type { CriticalAlertNotice, FiringAlert } from '../../../../shared/contract/alerts';
import type { Store } from '../../store';
import { isCritical } from './grouping';

export const notifiedKey = 'alerts.notifiedFingerprints';
/** How long a fingerprint is remembered after it was last seen firing. */
const forgetAfterMs = 7 * 24 * 3600_000;

type Notified = Record<string, string>;

export class CriticalAlertNotifier {
  constructor(
    private readonly store: Store,
    private readonly emit: (alerts: CriticalAlertNotice[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Takes every alert seen firing in one full read; notifies the critical ones, not silenced or
   * inhibited, never told before. Answers what it notified.
   */
  observe(alerts: FiringAlert[]): CriticalAlertNotice[] {
    const now = this.now();
    const notified = { ...(this.store.settings.get<Notified>(notifiedKey) ?? {}) };
    const fresh: CriticalAlertNotice[] = [];
    for (const alert of alerts) {
      if (!isCritical(alert) || alert.state !== 'active') continue;
      if (notified[alert.fingerprint] === undefined) {
        fresh.push({
          connection: alert.connection,
          fingerprint: alert.fingerprint,
          alertname: alert.labels.alertname ?? '(no alertname)',
          severity: alert.labels.severity ?? 'critical',
          summary: alert.annotations.summary ?? alert.annotations.description ?? '',
          startsAt: alert.startsAt,
        });
      }
      // Seen again: keep remembering it while it fires (silenced or not).
    }
    const seenNow = new Set(alerts.map((a) => a.fingerprint));
    for (const alert of fresh) notified[alert.fingerprint] = new Date(now).toISOString();
    for (const fp of seenNow)
      if (notified[fp] !== undefined) notified[fp] = new Date(now).toISOString();
    for (const [fp, at] of Object.entries(notified)) {
      if (now - Date.parse(at) > forgetAfterMs) delete notified[fp];
    }
    this.store.settings.set(notifiedKey, notified);
    if (fresh.length > 0) this.emit(fresh);
    return fresh;
  }
}
