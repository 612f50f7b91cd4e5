// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { demoTransport, localWorkspace, workspaceState } from '../test-support/fixtures';
import { renderApp } from '../test-support/render';
import { pages } from './pages';

describe('the shell', () => {
  test('the navigation lists only the pages that exist', async () => {
    renderApp(demoTransport());
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.dataset.testid)).toEqual(pages.map((p) => p.testId));
    expect(links.map((l) => l.textContent)).toEqual(pages.map((p) => `${p.label}g ${p.goKey}`));
    expect(links.map((l) => l.dataset.testid)).toEqual(
      expect.arrayContaining(['nav-overview', 'nav-models', 'nav-settings']),
    );
    await screen.findByTestId('source-card-registry');
  });

  test('arrow keys move within the navigation', () => {
    renderApp(demoTransport());
    const overview = screen.getByTestId('nav-overview');
    overview.focus();
    for (const page of [...pages.slice(1), pages[0]!]) {
      fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
      expect(document.activeElement).toBe(screen.getByTestId(page.testId));
    }
    expect(document.activeElement).toBe(overview);
  });

  test('the demo workspace shows its banner, and Leave demo opens the local workspace', async () => {
    const fake = demoTransport();
    const { location } = renderApp(fake, '/settings');
    const banner = await screen.findByTestId('demo-banner');
    expect(banner.textContent).toContain(
      'Demo workspace — a simulated cluster, model registry and metrics',
    );

    fireEvent.click(screen.getByTestId('leave-demo'));
    await waitFor(() => expect(fake.callsOf('workspace.switch')).toEqual([{ id: 'local' }]));
    await waitFor(() => expect(screen.queryByTestId('demo-banner')).toBeNull());
    expect(location.current).toBe('/overview');
    expect(screen.getByTestId('workspace-switcher').textContent).toContain('My environment');
  });

  test('the workspace switcher shows kinds and load errors, and switches', async () => {
    const fake = demoTransport();
    renderApp(fake);
    await waitFor(() =>
      expect(screen.getByTestId('workspace-switcher').textContent).toContain('Demo workspace'),
    );
    fireEvent.click(screen.getByTestId('workspace-switcher'));
    const broken = screen.getByTestId('workspace-option-file-abc');
    expect(broken.textContent).toContain('connections[1].url: Invalid URL (line 7)');
    expect(broken.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(broken);
    expect(fake.callsOf('workspace.switch')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('workspace-option-local'));
    await waitFor(() => expect(fake.callsOf('workspace.switch')).toEqual([{ id: 'local' }]));
  });

  test('workspace.changed resets the cache and goes to the Overview', async () => {
    const fake = demoTransport();
    const { location } = renderApp(fake, '/settings');
    await screen.findByTestId('demo-banner');
    const listsBefore = fake.callsOf('connections.list').length;

    act(() => fake.emit('workspace.changed', workspaceState(localWorkspace)));
    await waitFor(() => expect(location.current).toBe('/overview'));
    await waitFor(() => expect(screen.queryByTestId('demo-banner')).toBeNull());
    await waitFor(() =>
      expect(fake.callsOf('connections.list').length).toBeGreaterThan(listsBefore),
    );
  });

  test('the kube context switcher selects contexts', async () => {
    const fake = demoTransport().on('kubernetes.selectContexts', ({ contexts }) => ({
      selected: contexts,
    }));
    renderApp(fake);
    await waitFor(() =>
      expect(screen.getByTestId('context-switcher').textContent).toContain('sim-east +1'),
    );
    fireEvent.click(screen.getByTestId('context-switcher'));
    fireEvent.click(screen.getByTestId('context-option-sim-lab'));
    await waitFor(() =>
      expect(fake.callsOf('kubernetes.selectContexts')).toEqual([
        { id: 'sim-cluster', contexts: ['sim-east', 'sim-west', 'sim-lab'] },
      ]),
    );
  });

  test('a reconnecting event stream shows a banner; host log lines become toasts', async () => {
    const fake = demoTransport();
    renderApp(fake);
    act(() => fake.setStreamState('reconnecting'));
    expect(screen.getByTestId('stream-banner')).toBeTruthy();
    act(() => fake.setStreamState('open'));
    expect(screen.queryByTestId('stream-banner')).toBeNull();

    act(() =>
      fake.emit('app.log', {
        level: 'warn',
        message: 'kubeconfig has an expired token',
        source: 'sim-cluster',
        at: new Date().toISOString(),
      }),
    );
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Warning from sim-cluster');
    expect(toast.textContent).toContain('kubeconfig has an expired token');
  });

  test('shortcuts: g s, g o, ? opens the list and Escape closes it', async () => {
    const { location } = renderApp(demoTransport());
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 's' });
    await waitFor(() => expect(location.current).toBe('/settings'));
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 'o' });
    await waitFor(() => expect(location.current).toBe('/overview'));

    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = screen.getByTestId('shortcuts-dialog');
    expect(dialog.textContent).toContain('Go to Settings');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('shortcuts-dialog')).toBeNull();
  });

  test('typing in a field does not trigger shortcuts', async () => {
    const { location } = renderApp(demoTransport(), '/settings');
    const input = await screen.findByTestId('workspace-file-path');
    fireEvent.keyDown(input, { key: 'g' });
    fireEvent.keyDown(input, { key: 'o' });
    expect(location.current).toBe('/settings');
  });

  test('a skip link moves focus to the page', () => {
    renderApp(demoTransport());
    fireEvent.click(screen.getByText('Skip to content'));
    expect(document.activeElement?.id).toBe('main-content');
  });
});
