// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { ApprovalState, GateReport } from '../../../../shared/contract/approvals';
import { failWith, FakeTransport } from '../../../test-support/fake-transport';
import { renderWith } from '../../../test-support/render';
import { GateChecklist, GatesPanel } from '../gates';
import { ApprovalsPanel } from './ApprovalsPanel';

const asOf = '2026-01-01T09:00:00.000Z';
const live = <T,>(value: T) => ({ value, freshness: { asOf, stale: false } });
const target = { registryId: 'registry', name: 'fraud-detector', version: '4' };

const pending: ApprovalState = {
  model: 'fraud-detector',
  version: '4',
  status: 'pending',
  required: 1,
  twoPersonRule: true,
  approvals: 0,
  request: { id: 'r1', by: 'priya', at: '2026-01-01T08:00:00Z', reason: 'beats champion' },
  votes: [],
  registrant: 'argo-workflows',
  identity: { user: 'dana', from: 'the MLflow login of "Registry"' },
  can: {
    request: { allowed: false, reason: 'Already requested by priya.' },
    approve: { allowed: true },
    reject: { allowed: true },
  },
};

const report: GateReport = {
  model: 'fraud-detector',
  version: '4',
  evaluatedAt: '2026-01-01T09:00:00.000Z',
  champion: { alias: 'champion', version: '3' },
  policy: { approvals: 'default', gates: 'fraud-detector' },
  gates: [
    {
      name: 'AUC holds',
      kind: 'metric',
      status: 'passed',
      actual: 0.946,
      threshold: 0.936,
      explanation: 'ok',
    },
    {
      name: 'No drift alarm firing',
      kind: 'noDriftAlarm',
      status: 'not_evaluated',
      explanation: 'Not evaluated: no alert source',
    },
    {
      name: '1 approval',
      kind: 'approvals',
      status: 'failed',
      actual: 0,
      threshold: 1,
      explanation: '0 of 1',
    },
  ],
  passed: false,
  blocking: ['No drift alarm firing', '1 approval'],
};

describe('the Approvals panel', () => {
  test('shows who asked, who the user acts as, and approves with a mandatory reason', async () => {
    let state = pending;
    const t = new FakeTransport()
      .on('approvals.get', ({ from }) =>
        from === 'cache' ? { value: null, freshness: null } : live(state),
      )
      .on('approvals.gates', () => live(report))
      .on('approvals.decide', ({ reason }) => {
        state = {
          ...pending,
          status: 'approved',
          approvals: 1,
          votes: [
            { by: 'dana', decision: 'approved', at: '2026-01-01T09:05:00Z', reason, current: true },
          ],
          can: {
            ...pending.can,
            approve: { allowed: false, reason: 'You already approved this version.' },
          },
        };
        return state;
      });
    renderWith(t, <ApprovalsPanel {...target} />, '/models');

    const panel = await screen.findByTestId('approvals-panel');
    expect(within(panel).getByTestId('approval-status').textContent).toBe('pending');
    expect(within(panel).getByTestId('approval-request').textContent).toContain('priya');
    expect(within(panel).getByTestId('approval-identity').textContent).toBe(
      'You act as dana, from the MLflow login of "Registry".',
    );
    const request = within(panel).getByRole('button', { name: 'Request approval' });
    expect((request as HTMLButtonElement).disabled).toBe(true);
    expect(within(panel).getByText('Already requested by priya.')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByTestId('confirm-dialog');
    fireEvent.click(within(dialog).getByTestId('confirm'));
    expect(await within(dialog).findByText(/reason of at least 3 characters/)).toBeTruthy();
    expect(t.callsOf('approvals.decide')).toHaveLength(0);

    fireEvent.change(within(dialog).getByTestId('approval-reason'), {
      target: { value: 'gates reviewed' },
    });
    fireEvent.click(within(dialog).getByTestId('confirm'));
    await waitFor(() => expect(screen.getByTestId('approval-status').textContent).toBe('approved'));
    expect(t.callsOf('approvals.decide')[0]).toMatchObject({
      id: 'registry',
      name: 'fraud-detector',
      version: '4',
      decision: 'approve',
      reason: 'gates reviewed',
    });
    expect(screen.getByTestId('approval-votes').textContent).toContain('dana');
  });

  test('disables approve with the two-person rule and shows a refused write in the dialog', async () => {
    const t = new FakeTransport()
      .on('approvals.get', () =>
        live({
          ...pending,
          can: {
            ...pending.can,
            approve: {
              allowed: false,
              reason: 'Two-person rule: dana requested this approval and cannot decide it.',
            },
          },
        }),
      )
      .on('approvals.decide', () =>
        failWith({
          code: 'forbidden',
          message: 'Permission denied',
          source: 'registry',
          status: 403,
        }),
      );
    renderWith(t, <ApprovalsPanel {...target} />, '/models');
    const panel = await screen.findByTestId('approvals-panel');
    expect(
      (within(panel).getByRole('button', { name: 'Approve' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    expect(within(panel).getByText(/Two-person rule: dana requested/)).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByTestId('confirm-dialog');
    fireEvent.change(within(dialog).getByTestId('approval-reason'), { target: { value: 'no' } });
    fireEvent.change(within(dialog).getByTestId('approval-reason'), {
      target: { value: 'drift unresolved' },
    });
    fireEvent.click(within(dialog).getByTestId('confirm'));
    expect(await within(dialog).findByText('Permission denied')).toBeTruthy();
  });

  test('says why when the registry cannot be read', async () => {
    const t = new FakeTransport().on('approvals.get', () =>
      failWith({
        code: 'unreachable',
        message: 'connect ECONNREFUSED 127.0.0.1:5000',
        source: 'registry',
      }),
    );
    renderWith(t, <ApprovalsPanel {...target} />, '/models');
    expect(await screen.findByText(/ECONNREFUSED/)).toBeTruthy();
  });
});

describe('the Gates checklist', () => {
  test('lists each gate with its figure, threshold and verdict', async () => {
    const t = new FakeTransport().on('approvals.gates', () => live(report));
    renderWith(t, <GatesPanel {...target} />, '/models');
    const rows = await screen.findAllByTestId('gate-row');
    expect(rows.map((r) => r.getAttribute('data-gate-status'))).toEqual([
      'passed',
      'not_evaluated',
      'failed',
    ]);
    expect(rows[0]?.textContent).toContain('0.946');
    expect(rows[0]?.textContent).toContain('0.936');
    expect(screen.getByTestId('gates-summary').textContent).toContain('Blocked by 2');
  });

  test('says so when no gate applies', () => {
    renderWith(
      new FakeTransport(),
      <GateChecklist report={{ ...report, gates: [], passed: true, blocking: [] }} />,
      '/models',
    );
    expect(screen.getByTestId('gate-checklist').textContent).toContain('No gates apply');
  });
});
