// "Notify me of new critical alerts" in browser mode: the click asks the browser's permission.
// The desktop app notifies from its main process and needs no switch here.
import { useState } from 'react';
import {
  browserNotificationsOn,
  browserNotificationsSupported,
  turnBrowserNotifications,
} from './browser-notifications';

export function NotificationToggle() {
  const [on, setOn] = useState(browserNotificationsOn);
  const [note, setNote] = useState<string | undefined>();
  if (!browserNotificationsSupported()) {
    return typeof window !== 'undefined' && window.mlopsConsole ? (
      <p className="muted small">Desktop notifications for new critical alerts are on.</p>
    ) : null;
  }
  return (
    <label className="check-row notification-toggle">
      <input
        type="checkbox"
        data-testid="browser-notifications"
        checked={on}
        onChange={(e) => {
          const wanted = e.target.checked;
          void turnBrowserNotifications(wanted).then((permission) => {
            setOn(wanted && permission === 'granted');
            setNote(
              wanted && permission !== 'granted'
                ? 'The browser refused notifications: allow them in its site settings.'
                : undefined,
            );
          });
        }}
      />
      <span className="check-row-text">
        Notify me of new critical alerts
        {note && <span className="small tone-text-warn"> — {note}</span>}
      </span>
    </label>
  );
}
