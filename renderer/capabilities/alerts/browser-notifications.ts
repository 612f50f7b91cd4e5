// Notifications in browser mode (the desktop app's main process shows its own): the user turns
// them on from the Alerts page, which asks the browser's permission from that click.
import type { CriticalAlertNotice } from '../../../shared/contract/alerts';

const key = 'mlops-console.alerts.browserNotifications';

export function browserNotificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window && !window.mlopsConsole;
}

export function browserNotificationsOn(): boolean {
  return (
    browserNotificationsSupported() &&
    localStorage.getItem(key) === 'on' &&
    Notification.permission === 'granted'
  );
}

/** Call from a click: browsers only ask for permission from a user gesture. */
export async function turnBrowserNotifications(on: boolean): Promise<NotificationPermission> {
  if (!on) {
    localStorage.setItem(key, 'off');
    return Notification.permission;
  }
  const permission =
    Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  localStorage.setItem(key, permission === 'granted' ? 'on' : 'off');
  return permission;
}

export function showBrowserNotifications(alerts: CriticalAlertNotice[]): void {
  if (!browserNotificationsOn()) return;
  for (const alert of alerts.slice(0, 5)) {
    // The tag is the fingerprint: a second tab or a replay replaces rather than repeats.
    new Notification(`Critical: ${alert.alertname}`, {
      body: alert.summary || `${alert.severity} alert from ${alert.connection}`,
      tag: alert.fingerprint,
    });
  }
  if (alerts.length > 5) {
    new Notification(`${alerts.length - 5} more critical alerts`, { tag: 'more-critical' });
  }
}
