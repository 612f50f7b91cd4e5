// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActionTarget } from '../../../../shared/contract/pipeline-actions';
import { FakeTransport, failWith } from '../../../test-support/fake-transport';
import { renderWith } from '../../../test-support/render';
import { PipelineActions } from './PipelineActions';

const target: ActionTarget = {
  connection: 'demo-cluster',
  context: 'prod',
  namespace: 'fraud',
  kind: 'Workflow',
  name: 'train-oom',
};

function transport() {
  return new FakeTransport().on('pipelines.actions', () => ({
    actions: [
      { action: 'retry', allowed: true },
      {
        action: 'resubmit',
        allowed: false,
        reason: 'you lack create on workflows.argoproj.io in fraud',
      },
    ],
  }));
}

describe('pipeline actions', () => {
  it('disables what the user may not do, with the reason on screen', async () => {
    renderWith(transport(), <PipelineActions target={target} label="This run" />);
    const resubmit = await screen.findByTestId('action-resubmit');
    expect((resubmit as HTMLButtonElement).disabled).toBe(true);
    expect(resubmit.getAttribute('title')).toMatch(/you lack create on workflows/);
    expect(screen.getByTestId('action-reasons').textContent).toContain(
      'Resubmit: you lack create on workflows.argoproj.io in fraud',
    );
    expect((screen.getByTestId('action-retry') as HTMLButtonElement).disabled).toBe(false);
  });

  it('confirms, then acts once per confirmation with one idempotency key, and audits a reason', async () => {
    let attempts = 0;
    const fake = transport().on('pipelines.act', () => {
      attempts++;
      if (attempts === 1) failWith({ code: 'unreachable', message: 'connect ETIMEDOUT' });
      return { result: 'done', message: 'train-oom is running again' };
    });
    renderWith(fake, <PipelineActions target={target} label="This run" />);
    fireEvent.click(await screen.findByTestId('action-retry'));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toMatch(/failed steps of workflow train-oom/);
    expect(fake.callsOf('pipelines.act')).toHaveLength(0);
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'fixed the OOM' } });
    fireEvent.click(within(dialog).getByTestId('confirm'));
    // The failure shows in the dialog; confirming again retries with the same key.
    expect((await within(dialog).findByTestId('action-error')).textContent).toMatch(/ETIMEDOUT/);
    fireEvent.click(within(dialog).getByTestId('confirm'));
    await waitFor(() => expect(screen.queryByTestId('confirm-dialog')).toBeNull());
    const sent = fake.callsOf('pipelines.act');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ target, action: 'retry', reason: 'fixed the OOM' });
    expect(sent[1]?.idempotencyKey).toBe(sent[0]?.idempotencyKey);
    expect(await screen.findByText('train-oom is running again')).toBeTruthy();
  });

  it('says why the check failed instead of showing nothing', async () => {
    const fake = new FakeTransport().on('pipelines.actions', () =>
      failWith({ code: 'forbidden', message: 'selfsubjectaccessreviews is forbidden' }),
    );
    renderWith(fake, <PipelineActions target={target} label="This run" />);
    expect(await screen.findByText(/selfsubjectaccessreviews is forbidden/)).toBeTruthy();
  });
});
