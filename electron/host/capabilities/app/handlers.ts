import type { UiSettings } from '../../../../shared/contract/app';
import type { Handlers } from '../../transport/dispatcher';
import type { HostContext } from '../../host-context';

const uiKey = 'ui';
const defaults: UiSettings = { theme: 'system' };

export function appHandlers(
  ctx: HostContext,
): Pick<Handlers, 'app.info' | 'settings.get' | 'settings.update'> {
  const read = (): UiSettings => ({
    ...defaults,
    ...(ctx.store.settings.get<Partial<UiSettings>>(uiKey) ?? {}),
  });
  return {
    'app.info': () => ({
      ...ctx.info,
      secretStorage: ctx.vault.describe().kind,
    }),
    'settings.get': () => read(),
    'settings.update': (patch) => {
      const next = { ...read(), ...patch };
      ctx.store.settings.set(uiKey, next);
      return next;
    },
  };
}
