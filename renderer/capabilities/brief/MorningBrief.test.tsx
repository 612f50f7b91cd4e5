// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Brief } from '../../../shared/contract/brief';
import type { Schedule } from '../../../shared/contract/schedules';
import type { ServingService } from '../../../shared/contract/serving';
import { failWith } from '../../test-support/fake-transport';
import { demoTransport } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render';

const now = new Date().toISOString();
const brief: Brief = {
  generatedAt: now,
  sections: [
    {
      id: 'failed-runs',
      title: 'Failed runs (last 24 h)',
      state: 'attention',
      items: [
        {
          id: 'run:old',
          title: 'fraud-train-1 failed at train',
          detail: 'Ran out of memory',
          severity: 'critical',
          where: 'prod / fraud',
          link: '/pipelines?run=old',
        },
        {
          id: 'run:new',
          title: 'churn-scoring-2 failed',
          severity: 'critical',
          link: '/pipelines?run=new',
        },
      ],
    },
    {
      id: 'services-not-ready',
      title: 'Services not ready',
      state: 'unavailable',
      items: [],
      note: 'cluster prod could not be read',
    },
  ],
};

function transport() {
  return demoTransport()
    .on('brief.get', ({ from }) =>
      from === 'cache'
        ? { value: null, freshness: null }
        : { value: brief, freshness: { asOf: now, stale: false } },
    )
    .on('brief.lastVisit', () => ({
      lastVisit: { at: '2026-03-01T08:00:00.000Z', itemIds: ['run:old'] },
    }))
    .on('brief.visited', () => ({ at: now }));
}

describe('the morning brief on the Overview', () => {
  it('lists sections, marks what is new since the last visit, links items, records the visit', async () => {
    const fake = transport();
    const { location } = renderApp(fake, '/overview');
    const panel = await screen.findByTestId('morning-brief');
    expect(await within(panel).findByText('fraud-train-1 failed at train')).toBeTruthy();
    expect(within(panel).getByTestId('brief-headline').textContent).toBe('2 things need a look');
    expect(within(panel).getByTestId('brief-since').textContent).toMatch(/1 new/);
    const items = within(panel).getAllByTestId('brief-item');
    expect(items.map((i) => i.className.includes('is-new'))).toEqual([false, true]);
    expect(within(panel).getByText(/Could not be read: cluster prod/)).toBeTruthy();
    await waitFor(() =>
      expect(fake.callsOf('brief.visited')).toEqual([{ itemIds: ['run:old', 'run:new'] }]),
    );
    fireEvent.click(within(panel).getByText('churn-scoring-2 failed'));
    expect(location.current).toBe('/pipelines');
    // Back on the Overview, the brief paints again (from the query cache) without a fault.
    fireEvent.click(screen.getByTestId('nav-overview'));
    const again = await screen.findByTestId('morning-brief');
    expect(await within(again).findByText('fraud-train-1 failed at train')).toBeTruthy();
  }, 20_000);

  it('copies the brief as Markdown, or shows it to copy by hand without a clipboard', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp(transport(), '/overview');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Copy as Markdown' }, { timeout: 10_000 }),
    );
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(writeText.mock.calls[0]![0]).toMatch(/### Failed runs \(last 24 h\) \(2\)/);
    expect(writeText.mock.calls[0]![0]).toMatch(/\*\*NEW\*\* churn-scoring-2 failed/);

    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    const box = (await screen.findByLabelText(
      'The brief as Markdown',
      {},
      { timeout: 10_000 },
    )) as HTMLTextAreaElement;
    expect(box.value).toMatch(/## Morning brief/);
  }, 20_000);

  it('says why when the brief cannot be read at all', async () => {
    renderApp(
      transport().on('brief.get', ({ from }) =>
        from === 'cache'
          ? { value: null, freshness: null }
          : failWith({ code: 'unreachable', message: 'connect ECONNREFUSED 10.0.0.1:443' }),
      ),
      '/overview',
    );
    const panel = await screen.findByTestId('morning-brief');
    expect(await within(panel).findByText(/ECONNREFUSED/, {}, { timeout: 10_000 })).toBeTruthy();
  }, 20_000);
});

const schedule = (name: string, patch: Partial<Schedule> = {}): Schedule => ({
  id: `k/prod/CronWorkflow/fraud/${name}`,
  connection: 'k',
  context: 'prod',
  namespace: 'fraud',
  name,
  kind: 'CronWorkflow',
  schedules: ['0 2 * * *'],
  suspended: false,
  ...patch,
});

describe('the Schedules and Serving pages', () => {
  it('shows missed schedules and stale models, and selects the linked one', async () => {
    const fake = transport().on('schedules.list', ({ from }) =>
      from === 'cache'
        ? { value: null, freshness: null }
        : {
            value: {
              schedules: [
                schedule('nightly-train', {
                  model: 'fraud',
                  missed: {
                    kind: 'not-started',
                    dueAt: now,
                    summary: 'The run due 02:00 did not start',
                  },
                }),
                schedule('compaction', {
                  kind: 'CronJob',
                  suspended: true,
                  timeZone: 'Europe/Berlin',
                }),
              ],
              staleModels: [],
              clusters: [
                { connection: 'k', context: 'prod', state: 'live' as const, problems: [] },
              ],
            },
            freshness: { asOf: now, stale: false },
          },
    );
    renderApp(
      fake,
      `/schedules?schedule=${encodeURIComponent('k/prod/CronWorkflow/fraud/nightly-train')}`,
    );
    const rows = await screen.findAllByTestId('schedule-row');
    expect(rows).toHaveLength(2);
    expect(screen.getByTestId('schedules-count').textContent).toMatch(/1 missed/);
    const selected = rows.find((r) => r.getAttribute('aria-selected') === 'true')!;
    expect(within(selected).getByText('Missed')).toBeTruthy();
    expect(within(rows[1]!).getByText('Suspended')).toBeTruthy();
    expect(within(rows[1]!).getByText('Europe/Berlin')).toBeTruthy();
  }, 20_000);

  it('shows why a service is not ready and the traffic split', async () => {
    const service: ServingService = {
      id: 'k/prod/InferenceService/search/ranking',
      connection: 'k',
      context: 'prod',
      namespace: 'search',
      name: 'ranking',
      kind: 'InferenceService',
      health: 'not-ready',
      reason: 'RevisionFailed',
      message: 'size mismatch for encoder.embed.weight',
      conditions: [{ type: 'Ready', status: 'False', reason: 'RevisionFailed' }],
      replicas: { desired: 2, ready: 1 },
      restarts: 3,
      revision: 'ranking-predictor-00003',
      traffic: [
        { revision: 'ranking-predictor-00003', percent: 10, tag: 'latest', latest: true },
        { revision: 'ranking-predictor-00002', percent: 90, tag: 'prev', latest: false },
      ],
    };
    const fake = transport().on('serving.services', ({ from }) =>
      from === 'cache'
        ? { value: null, freshness: null }
        : {
            value: { services: [service], clusters: [] },
            freshness: { asOf: now, stale: false },
          },
    );
    renderApp(fake, `/serving?service=${encodeURIComponent(service.id)}`);
    const row = await screen.findByTestId('service-row');
    expect(within(row).getByText('Not ready: RevisionFailed')).toBeTruthy();
    expect(within(row).getByText(/size mismatch/)).toBeTruthy();
    expect(within(row).getByText(/90% prev .* 10% latest/)).toBeTruthy();
    expect(within(row).getByLabelText('Conditions')).toBeTruthy();
  }, 20_000);
});
