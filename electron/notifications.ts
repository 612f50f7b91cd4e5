// Desktop notifications for newly firing critical alerts. The host decides what is new (and
// remembers it across restarts); this only shows what it is told, and focuses the window on a
// click.
import { Notification, type BrowserWindow } from 'electron';
import type { EventPayload } from '../shared/contract';
import type { EventHub } from './host/transport/event-hub';

export function showCriticalAlerts(events: EventHub, window: BrowserWindow): () => void {
  return events.subscribe((topic, payload) => {
    if (topic !== 'alerts.criticalFiring' || !Notification.isSupported()) return;
    const { alerts } = payload as EventPayload<'alerts.criticalFiring'>;
    for (const alert of alerts.slice(0, 5)) {
      const note = new Notification({
        title: `Critical: ${alert.alertname}`,
        body: alert.summary || `${alert.severity} alert from ${alert.connection}`,
      });
      note.on('click', () => {
        if (window.isDestroyed()) return;
        if (window.isMinimized()) window.restore();
        window.focus();
      });
      note.show();
    }
    if (alerts.length > 5) {
      new Notification({ title: `${alerts.length - 5} more critical alerts` }).show();
    }
  });
}
