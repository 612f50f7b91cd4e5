// The Alerts capability's calls, and the background watch that notifies critical alerts.
import type { HostContext } from '../../host-context';
import type { Handlers } from '../../transport/dispatcher';
import { AlertWatch } from './alert-watch';
import { CriticalAlertNotifier } from './critical-notifier';
import { SilencePermissions } from './permissions';
import { readAlerts, readSilences } from './reads';
import { createSilence, expireSilence } from './silence-changes';

type AlertsCalls =
  'alerts.list' | 'alerts.silences' | 'alerts.createSilence' | 'alerts.expireSilence';

export interface AlertsCapability {
  handlers: Pick<Handlers, AlertsCalls>;
  watch: AlertWatch;
}

export function alertsCapability(ctx: HostContext, watchIntervalMs: number): AlertsCapability {
  const permissions = new SilencePermissions();
  const notifier = new CriticalAlertNotifier(ctx.store, (alerts) =>
    ctx.events.emit('alerts.criticalFiring', { alerts }),
  );
  const observe = (alerts: Parameters<CriticalAlertNotifier['observe']>[0]) =>
    void notifier.observe(alerts);
  return {
    watch: new AlertWatch(ctx, permissions, notifier, watchIntervalMs),
    handlers: {
      'alerts.list': ({ from }) => readAlerts(ctx, permissions, from, observe),
      'alerts.silences': ({ from }) => readSilences(ctx, permissions, from),
      'alerts.createSilence': (input) => createSilence(ctx, permissions, input),
      'alerts.expireSilence': (input) => expireSilence(ctx, permissions, input),
    },
  };
}
