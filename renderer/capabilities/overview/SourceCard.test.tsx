// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import { formatClock } from '../../components/time';
import { deferred, failWith, FakeTransport } from '../../test-support/fake-transport';
import {
  demoTransport,
  kubeHeadline,
  mlflowHeadline,
  mlflowView,
} from '../../test-support/fixtures';
import { renderApp, renderWith } from '../../test-support/render';
import { SourceCard } from './SourceCard';

type HeadlineAnswer = CallOutput<'sources.headline'>;
const asOf = '2025-01-01T09:12:00.000Z';
const cachedAnswer: HeadlineAnswer = {
  value: { ...mlflowHeadline, registeredModels: 5 },
  freshness: { asOf, stale: true },
};
const liveAnswer: HeadlineAnswer = {
  value: { ...mlflowHeadline, registeredModels: 7 },
  freshness: { asOf: new Date().toISOString(), stale: false },
};
const figure = () => screen.getByTestId('figure-models');

function transportWith(
  live: () => HeadlineAnswer | Promise<HeadlineAnswer>,
  cache: HeadlineAnswer,
) {
  return new FakeTransport().on('sources.headline', ({ from }) =>
    from === 'cache' ? cache : live(),
  );
}

describe('the stale/live panel', () => {
  test('shows skeletons, then the cached figures stamped "refreshing", then live', async () => {
    const live = deferred<HeadlineAnswer>();
    renderWith(
      transportWith(() => live.promise, cachedAnswer),
      <SourceCard view={mlflowView} />,
    );

    expect(screen.getByRole('status', { name: 'Loading' })).toBeTruthy();
    const stamp = await screen.findByTestId('stale-stamp');
    expect(stamp.textContent).toBe(`as of ${formatClock(asOf)}, refreshing…`);
    expect(figure().textContent).toContain('5');

    await act(async () => live.resolve(liveAnswer));
    await waitFor(() => expect(figure().textContent).toContain('7'));
    expect(screen.queryByTestId('stale-stamp')).toBeNull();
    expect(screen.getByTestId('source-status-registry').dataset.state).toBe('ok');
  });

  test('a live failure keeps the cached figures, stamped with the cause, and Retry asks again', async () => {
    let fail = true;
    const transport = transportWith(
      () =>
        fail
          ? failWith({
              code: 'unreachable',
              message: 'connect ECONNREFUSED 127.0.0.1:5000',
              source: 'registry',
            })
          : liveAnswer,
      cachedAnswer,
    );
    renderWith(transport, <SourceCard view={mlflowView} />);

    await waitFor(() =>
      expect(screen.getByTestId('stale-stamp').textContent).toContain(
        `as of ${formatClock(asOf)} — connect ECONNREFUSED 127.0.0.1:5000`,
      ),
    );
    expect(figure().textContent).toContain('5');
    expect(screen.getByTestId('source-status-registry').dataset.state).toBe('down');

    fail = false;
    fireEvent.click(screen.getByTestId('retry'));
    await waitFor(() => expect(figure().textContent).toContain('7'));
    expect(screen.queryByTestId('stale-stamp')).toBeNull();
    expect(transport.callsOf('sources.headline').filter((i) => i.from === 'live')).toHaveLength(2);
  });

  test('no cache and a failure shows the error with its cause, and Retry', async () => {
    renderWith(
      transportWith(
        () => failWith({ code: 'unauthorized', message: 'the token was refused', status: 401 }),
        { value: null, freshness: null },
      ),
      <SourceCard view={mlflowView} />,
    );
    const card = screen.getByTestId('source-card-registry');
    await waitFor(() => expect(within(card).getByText('Unauthorized (HTTP 401)')).toBeTruthy());
    expect(within(card).getByText('the token was refused')).toBeTruthy();
    expect(within(card).getByTestId('retry')).toBeTruthy();
    expect(within(card).queryByTestId('stale-stamp')).toBeNull();
  });

  test("the host's own fallback to its snapshot is stamped with the cause", async () => {
    renderWith(
      transportWith(
        () => ({
          ...cachedAnswer,
          freshness: {
            asOf,
            stale: true,
            cause: { code: 'timeout', message: 'no answer within 10 s' },
          },
        }),
        { value: null, freshness: null },
      ),
      <SourceCard view={mlflowView} />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('stale-stamp').textContent).toContain('— no answer within 10 s'),
    );
  });
});

describe('the Overview', () => {
  test('one card per connection, totals above, and status dots that follow sources.status events', async () => {
    const transport = demoTransport();
    renderApp(transport);

    await screen.findByTestId('source-card-sim-cluster');
    for (const id of ['registry', 'metrics', 'alerts'])
      expect(screen.getByTestId(`source-card-${id}`)).toBeTruthy();

    await waitFor(() => expect(screen.getByTestId('headline-total-nodes').dataset.value).toBe('6'));
    expect(screen.getByTestId('headline-total-contexts').dataset.value).toBe('2');
    expect(screen.getByTestId('headline-total-namespaces').dataset.value).toBe('12');
    expect(screen.getByTestId('headline-total-gpus').textContent).toContain('8 / 10');
    expect(screen.getByTestId('headline-total-models').dataset.value).toBe('7');
    expect(screen.getByTestId('headline-total-targets').textContent).toContain('41 / 43');

    const card = screen.getByTestId('source-card-sim-cluster');
    expect(within(card).getByText('not permitted')).toBeTruthy();
    expect(within(card).getByTestId('context-row-sim-east')).toBeTruthy();
    expect(within(card).queryByTestId('context-row-sim-lab')).toBeNull();

    await waitFor(() =>
      expect(screen.getByTestId('source-status-metrics').dataset.state).toBe('ok'),
    );
    act(() =>
      transport.emit('sources.status', {
        id: 'metrics',
        state: 'down',
        message: 'connection refused',
        checkedAt: new Date().toISOString(),
      }),
    );
    // react-query notifies observers on its own tick.
    await waitFor(() =>
      expect(screen.getByTestId('source-status-metrics').dataset.state).toBe('down'),
    );
  });

  test('a context error shows on its row and makes the cluster degraded', async () => {
    const transport = demoTransport().on('sources.headline', ({ from }) => ({
      value: {
        ...kubeHeadline,
        contexts:
          kubeHeadline.kind === 'kubernetes'
            ? [
                kubeHeadline.contexts[0]!,
                {
                  context: 'sim-west',
                  server: 'https://x',
                  selected: true,
                  error: { code: 'forbidden', message: 'nodes is forbidden', status: 403 },
                },
              ]
            : [],
      },
      freshness: { asOf, stale: from === 'cache' },
    }));
    renderWith(
      transport,
      <SourceCard
        view={{
          connection: { id: 'sim-cluster', name: 'Sim', kind: 'kubernetes' },
          origin: 'demo',
          editable: false,
          secrets: [],
        }}
      />,
    );
    const row = await screen.findByTestId('context-row-sim-west');
    await waitFor(() => expect(within(row).getByText('Forbidden (HTTP 403)')).toBeTruthy());
    expect(screen.getByTestId('source-status-sim-cluster').dataset.state).toBe('degraded');
  });
});
