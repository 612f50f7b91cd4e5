// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { deferred } from '../test-support/fake-transport';
import { demoTransport } from '../test-support/fixtures';
import { renderApp } from '../test-support/render';
import { resolveTheme } from './theme';

const theme = () => document.documentElement.dataset.theme;

function stubSystemDark(dark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    matches: dark,
    addEventListener: (_: string, cb: () => void) => listeners.add(cb),
    removeEventListener: (_: string, cb: () => void) => listeners.delete(cb),
  };
  vi.stubGlobal('matchMedia', () => media);
  return {
    set(next: boolean) {
      media.matches = next;
      listeners.forEach((cb) => cb());
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('themes', () => {
  test('resolveTheme', () => {
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('system', true)).toBe('dark');
  });

  test('the saved preference is applied, and the Appearance select changes it', async () => {
    stubSystemDark(false);
    const fake = demoTransport({ settings: { theme: 'dark' } });
    renderApp(fake, '/settings');
    await waitFor(() => expect(theme()).toBe('dark'));

    const select = (await screen.findByTestId('theme-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('dark'));
    fireEvent.change(select, { target: { value: 'light' } });
    await waitFor(() => expect(theme()).toBe('light'));
    await waitFor(() => expect(fake.callsOf('settings.update')).toEqual([{ theme: 'light' }]));
    expect(window.localStorage.getItem('mlops-console.theme')).toBe('light');
  });

  test('"system" follows prefers-color-scheme, live', async () => {
    const system = stubSystemDark(true);
    renderApp(demoTransport({ settings: { theme: 'system' } }));
    await waitFor(() => expect(theme()).toBe('dark'));
    system.set(false);
    expect(theme()).toBe('light');
  });

  test('a refused update rolls the theme back', async () => {
    stubSystemDark(false);
    const answer = deferred<never>();
    const fake = demoTransport({ settings: { theme: 'light' } }).on(
      'settings.update',
      () => answer.promise,
    );
    renderApp(fake, '/settings');
    const select = (await screen.findByTestId('theme-select')) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('light'));
    fireEvent.change(select, { target: { value: 'dark' } });
    await waitFor(() => expect(theme()).toBe('dark'));
    answer.reject(new Error('disk full'));
    await waitFor(() => expect(theme()).toBe('light'));
    expect(select.value).toBe('light');
  });
});
