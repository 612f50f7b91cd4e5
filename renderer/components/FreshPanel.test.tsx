// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fresh } from '../data/fresh';
import { FreshPanel } from './FreshPanel';

afterEach(cleanup);

function Draft({ value }: { value: string }) {
  const [draft, setDraft] = useState('');
  return (
    <label>
      {value}
      <input aria-label="draft" value={draft} onChange={(e) => setDraft(e.target.value)} />
    </label>
  );
}

const asOf = '2026-11-26T08:30:00Z';
const cause = { code: 'unavailable' as const, message: 'the cluster did not answer' };

describe('FreshPanel', () => {
  it('keeps what the user typed when the snapshot gives way to the live answer, and when it fails', () => {
    const panel = (view: Fresh<string>) => (
      <FreshPanel fresh={{ view, retry: () => undefined }}>
        {(value) => <Draft value={value} />}
      </FreshPanel>
    );
    const { rerender } = render(panel({ state: 'cached', value: 'cached runs', asOf }));
    expect(screen.getByTestId('stale-stamp').textContent).toContain('refreshing');
    fireEvent.change(screen.getByLabelText('draft'), { target: { value: 'only failed' } });

    rerender(panel({ state: 'live', value: 'live runs', asOf, refreshing: false }));
    expect(screen.queryByTestId('stale-stamp')).toBeNull();
    expect(screen.getByText('live runs')).toBeTruthy();
    expect((screen.getByLabelText('draft') as HTMLInputElement).value).toBe('only failed');

    rerender(panel({ state: 'stale', value: 'live runs', asOf, cause, retrying: false }));
    expect(screen.getByTestId('stale-stamp').textContent).toContain('the cluster did not answer');
    expect((screen.getByLabelText('draft') as HTMLInputElement).value).toBe('only failed');
  });
});
