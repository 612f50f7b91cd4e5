// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { AlertBoard, FiringAlert, SilenceView } from '../../../shared/contract/alerts';
import { failWith, FakeTransport } from '../../test-support/fake-transport';
import { renderWith } from '../../test-support/render';
import { AlertsPage } from './AlertsPage';
import { matchersFromAlert, silenceCovers } from './alerts-view';

const asOf = '2026-01-01T09:00:00.000Z';
const live = <T,>(value: T) => ({ value, freshness: { asOf, stale: false } });
const source = {
  id: 'am',
  name: 'Alertmanager',
  identity: 'alice',
  silencing: { allowed: true },
};
const xid: FiringAlert = {
  connection: 'am',
  fingerprint: 'f1',
  labels: {
    alertname: 'GPUXidError',
    severity: 'critical',
    Hostname: 'gpu-node-2',
    pod: 'train-7',
  },
  annotations: {
    summary: 'XID 48 on GPU 3',
    description: 'Drain the node',
    runbook_url: 'https://docs.nvidia.com/deploy/xid-errors/',
  },
  startsAt: asOf,
  state: 'active',
  silencedBy: [],
  inhibitedBy: [],
};
const board = (alert: FiringAlert, allowed = true): AlertBoard => ({
  groups: [
    {
      key: 'k',
      alertname: 'GPUXidError',
      severity: 'critical',
      cluster: 'Alertmanager',
      alerts: [alert],
    },
  ],
  sources: [
    allowed
      ? source
      : {
          ...source,
          silencing: { allowed: false, reason: 'Alertmanager refused a silence (403)' },
        },
  ],
});
const silence: SilenceView = {
  connection: 'am',
  id: 's1',
  state: 'active',
  matchers: [{ name: 'alertname', value: 'GPUXidError', isRegex: false, isEqual: true }],
  startsAt: asOf,
  endsAt: '2026-01-01T11:00:00.000Z',
  createdBy: 'alice',
  comment: 'drained',
};

function transport(alert = xid, allowed = true) {
  return new FakeTransport()
    .on('alerts.list', ({ from }) =>
      from === 'cache' ? { value: null, freshness: null } : live(board(alert, allowed)),
    )
    .on('alerts.silences', ({ from }) =>
      from === 'cache'
        ? { value: null, freshness: null }
        : live({ silences: [silence], sources: [source] }),
    );
}

// Rendering a page with its dialogs is slow on a loaded CI machine.
describe('the Alerts page', { timeout: 30_000 }, () => {
  test('shows grouped alerts with severity, annotations and runbook; silences one with a comment', async () => {
    const t = transport().on('alerts.createSilence', () => ({
      connection: 'am',
      silenceId: 's2',
      endsAt: '2026-01-01T11:00:00.000Z',
    }));
    renderWith(t, <AlertsPage />, '/alerts');
    const group = await screen.findByTestId('alert-group');
    expect(within(group).getByTestId('severity-badge').textContent).toBe('critical');
    expect(within(group).getByText('XID 48 on GPU 3')).toBeTruthy();
    expect(within(group).getByRole('link', { name: 'Runbook' }).getAttribute('href')).toContain(
      'nvidia',
    );

    fireEvent.click(within(group).getByTestId('silence-button'));
    const dialog = await screen.findByTestId('silence-dialog');
    expect(within(dialog).getByTestId('silence-summary').textContent).toContain('created by alice');
    fireEvent.click(within(dialog).getByTestId('silence-confirm'));
    expect(await within(dialog).findByText(/Say why/)).toBeTruthy();
    expect(t.callsOf('alerts.createSilence')).toHaveLength(0);

    fireEvent.change(within(dialog).getByTestId('silence-comment'), {
      target: { value: 'drained' },
    });
    fireEvent.click(within(dialog).getByTestId('silence-confirm'));
    await waitFor(() => expect(t.callsOf('alerts.createSilence')).toHaveLength(1));
    expect(t.callsOf('alerts.createSilence')[0]).toEqual({
      connection: 'am',
      durationMinutes: 120,
      comment: 'drained',
      matchers: [
        { name: 'alertname', value: 'GPUXidError', isRegex: false, isEqual: true },
        { name: 'Hostname', value: 'gpu-node-2', isRegex: false, isEqual: true },
        { name: 'severity', value: 'critical', isRegex: false, isEqual: true },
      ],
    });
    await waitFor(() => expect(screen.queryByTestId('silence-dialog')).toBeNull());
  });

  test('lists silences and expires one after confirming', async () => {
    const t = transport().on('alerts.expireSilence', () => ({
      connection: 'am',
      silenceId: 's1',
      wasExpired: false,
    }));
    renderWith(t, <AlertsPage />, '/alerts');
    const row = await screen.findByTestId('silence-row');
    expect(row.textContent).toContain('alertname="GPUXidError"');
    fireEvent.click(within(row).getByTestId('expire-button'));
    fireEvent.click(await screen.findByTestId('confirm'));
    await waitFor(() =>
      expect(t.callsOf('alerts.expireSilence')).toEqual([{ connection: 'am', silenceId: 's1' }]),
    );
  });

  test('disables Silence with the reason when the Alertmanager refused this login', async () => {
    renderWith(transport(xid, false), <AlertsPage />, '/alerts');
    const button = await screen.findByTestId('silence-button');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.getAttribute('title')).toContain('403');
  });

  test('marks a silenced alert, and says so when no Alertmanager is configured', async () => {
    renderWith(
      transport({ ...xid, state: 'suppressed', silencedBy: ['s1'] }),
      <AlertsPage />,
      '/alerts',
    );
    expect((await screen.findByTestId('silenced-badge')).textContent).toBe('silenced');

    const none = new FakeTransport()
      .on('alerts.list', () =>
        failWith({ code: 'unavailable', message: 'This workspace has no Alertmanager connection' }),
      )
      .on('alerts.silences', () => ({ value: null, freshness: null }));
    renderWith(none, <AlertsPage />, '/alerts');
    expect(await screen.findByText('No Alertmanager in this workspace')).toBeTruthy();
  });

  test('prefills matchers without volatile labels, and matches like Alertmanager', () => {
    const chosen = matchersFromAlert(xid)
      .filter((c) => c.chosen)
      .map((c) => c.matcher.name);
    expect(chosen).toEqual(['alertname', 'Hostname', 'severity']);
    expect(
      silenceCovers(
        [{ name: 'severity', value: 'crit.*', isRegex: true, isEqual: true }],
        xid.labels,
      ),
    ).toBe(true);
    expect(
      silenceCovers(
        [{ name: 'pod', value: 'train-7', isRegex: false, isEqual: false }],
        xid.labels,
      ),
    ).toBe(false);
  });
});
