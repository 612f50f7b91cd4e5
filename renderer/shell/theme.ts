// Light and dark themes. The preference lives in the host's settings (system / light / dark);
// "system" follows prefers-color-scheme live. A copy of the last preference in localStorage
// lets main.tsx paint the right theme before the host has answered (no white flash at night).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UiSettings } from '../../shared/contract/app';
import type { CallError } from '../bridge';
import { useBridge } from '../data/bridge-context';
import { callKey, useCall } from '../data/queries';

export type ThemePreference = UiSettings['theme'];
export type ResolvedTheme = 'light' | 'dark';

const darkQuery = '(prefers-color-scheme: dark)';
const hintKey = 'mlops-console.theme';

export function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(darkQuery).matches;
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): ResolvedTheme {
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

export function applyTheme(theme: ResolvedTheme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
}

export function readThemeHint(): ThemePreference | undefined {
  try {
    const value = window.localStorage.getItem(hintKey);
    return value === 'light' || value === 'dark' || value === 'system' ? value : undefined;
  } catch {
    return undefined;
  }
}

function rememberThemeHint(preference: ThemePreference): void {
  try {
    window.localStorage.setItem(hintKey, preference);
  } catch {
    // Storage can be unavailable (private mode); the hint only saves a flash.
  }
}

/** The theme to paint before the settings have loaded. */
export function initialTheme(): ResolvedTheme {
  return resolveTheme(readThemeHint() ?? 'system', systemPrefersDark());
}

const settingsKey = callKey('settings.get', {});

/** Keeps <html data-theme> in line with the setting and, for "system", with the OS. */
export function useThemeController(): void {
  const settings = useCall('settings.get', {});
  const saved = settings.data?.theme;
  const preference = saved ?? readThemeHint() ?? 'system';

  useEffect(() => {
    if (saved) rememberThemeHint(saved);
  }, [saved]);

  useEffect(() => {
    const apply = () => applyTheme(resolveTheme(preference, systemPrefersDark()));
    apply();
    if (preference !== 'system' || typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(darkQuery);
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [preference]);
}

/** The preference and a setter that applies at once and rolls back if the host refuses. */
export function useThemePreference() {
  const bridge = useBridge();
  const client = useQueryClient();
  const settings = useCall('settings.get', {});
  const update = useMutation<UiSettings, CallError, ThemePreference, { previous?: UiSettings }>({
    mutationFn: (theme) => bridge.call('settings.update', { theme }),
    onMutate: (theme) => {
      const previous = client.getQueryData<UiSettings>(settingsKey);
      if (previous) client.setQueryData<UiSettings>(settingsKey, { ...previous, theme });
      return { previous };
    },
    onError: (_error, _theme, context) => {
      if (context?.previous) client.setQueryData(settingsKey, context.previous);
    },
    onSuccess: (value) => client.setQueryData(settingsKey, value),
  });
  return {
    preference: settings.data?.theme,
    loadError: settings.error,
    setPreference: (theme: ThemePreference) => update.mutate(theme),
    pending: update.isPending,
    updateError: update.error,
  };
}
