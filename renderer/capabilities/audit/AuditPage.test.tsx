// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../../shared/contract/audit';
import { failWith } from '../../test-support/fake-transport';
import { demoTransport } from '../../test-support/fixtures';
import { renderApp } from '../../test-support/render';
import { emptyForm, filterOf } from './audit-view';

const entry = (seq: number, patch: Partial<AuditEntryView> = {}): AuditEntryView => ({
  seq,
  at: new Date(Date.UTC(2026, 4, 1, 10, seq)).toISOString(),
  actor: 'local:ada',
  action: 'connection.update',
  target: 'mlflow',
  from: { url: 'http://old' },
  to: { url: 'http://new' },
  reason: null,
  result: 'ok',
  correlationId: `c-${seq}`,
  hash: 'a'.repeat(64),
  ...patch,
});

const intent = entry(401, { action: 'model.promote', result: 'intent', correlationId: 'promo-1' });
const outcome = entry(402, {
  action: 'model.promote',
  result: 'failed',
  correlationId: 'promo-1',
  reason: 'registry answered 500',
});
// Newest first: 402, 401, then 400 … 1 over two pages.
const all = [outcome, intent, ...Array.from({ length: 400 }, (_, i) => entry(400 - i))];

function transport() {
  return demoTransport()
    .on('audit.query', ({ filter, before }) => {
      const rows = all.filter(
        (e) =>
          (!filter?.action || e.action === filter.action) &&
          (!filter?.result || e.result === filter.result) &&
          (!before || e.seq < before.seq),
      );
      const page = rows.slice(0, 200);
      const last = page.at(-1);
      return {
        entries: page,
        next: rows.length > 200 && last ? { at: last.at, seq: last.seq } : null,
      };
    })
    .on('audit.correlation', ({ correlationId }) => ({
      entries: all.filter((e) => e.correlationId === correlationId).reverse(),
    }))
    .on('audit.verify', () => ({ ok: true as const, count: 402 }));
}

beforeAll(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
});
afterAll(() => vi.restoreAllMocks());

// Worker start-up and jsdom renders take seconds on a loaded CI machine.
vi.setConfig({ testTimeout: 30_000 });
// Filters settle after a 300 ms debounce, then the host answers: allow for a busy machine.
configure({ asyncUtilTimeout: 5_000 });

describe('the Audit page', () => {
  it('shows entries newest first, the chain check, and an intent with its outcome', async () => {
    renderApp(transport(), '/audit');
    await waitFor(() =>
      expect(screen.getByTestId('audit-result').textContent).toMatch(/Chain verified: 402 entries/),
    );
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows[0]!.textContent).toContain('model.promote');
    expect(screen.getByTestId('audit-count').textContent).toBe('200+ entries, newest first');

    fireEvent.click(rows[0]!);
    const detail = await screen.findByTestId('audit-detail');
    expect(within(detail).getByText('registry answered 500')).toBeTruthy();
    const group = await within(detail).findByTestId('audit-group');
    expect(
      within(group)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('intent'), expect.stringContaining('failed')]);
    expect(rows[1]!.className).toContain('in-group');
  });

  it('asks the host for the filtered rows, and says when none match', async () => {
    const fake = transport();
    renderApp(fake, '/audit');
    await screen.findAllByTestId('audit-row');
    fireEvent.change(screen.getByTestId('audit-filter-result'), { target: { value: 'failed' } });
    await waitFor(() =>
      expect(fake.callsOf('audit.query').at(-1)?.filter).toEqual({ result: 'failed' }),
    );
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    fireEvent.change(screen.getByTestId('audit-filter-action'), { target: { value: 'nothing' } });
    expect((await screen.findByTestId('audit-empty')).textContent).toMatch(/No entry matches/);
  });

  it('shows where a broken chain breaks, and a failed read as a message', async () => {
    renderApp(
      transport()
        .on('audit.verify', () => ({
          ok: false as const,
          firstBadSeq: 17,
          problem: 'edited' as const,
          detail: "row 17's fields do not match its hash",
        }))
        .on('audit.query', () =>
          failWith({ code: 'internal', message: 'The console failed to answer' }),
        ),
      '/audit',
    );
    await waitFor(() =>
      expect(screen.getByTestId('audit-result').textContent).toMatch(
        /Entry #17 was edited: row 17's fields/,
      ),
    );
    expect(await screen.findByText('The console failed to answer')).toBeTruthy();
  });

  it('exports the current filter through the host', async () => {
    const fake = transport();
    const save = vi.fn(() => Promise.resolve({ ok: true, value: { saved: true } }));
    Object.assign(fake, { save });
    renderApp(fake, '/audit');
    await screen.findAllByTestId('audit-row');
    fireEvent.change(screen.getByTestId('audit-filter-result'), { target: { value: 'failed' } });
    await waitFor(() => expect(screen.getAllByTestId('audit-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('audit-export-csv'));
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith('audit.export', {
        filter: { result: 'failed' },
        format: 'csv',
      }),
    );
  });
});

describe('the filter form', () => {
  it('leaves out empty fields and counts the window back from now', () => {
    expect(filterOf(emptyForm)).toEqual({});
    const now = new Date('2026-05-02T12:34:56Z');
    expect(filterOf({ ...emptyForm, actor: ' ada ', windowHours: 24, text: 'x' }, now)).toEqual({
      actor: 'ada',
      text: 'x',
      since: '2026-05-01T12:34:00.000Z',
    });
  });
});
