// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import type { Envelope } from '../../../../shared/contract';
import { FakeTransport } from '../../../test-support/fake-transport';
import { renderWith } from '../../../test-support/render';
import { DriftReportTab } from './DriftReportTab';

/** The desktop app's transport: calls from fixtures, and a file dialog answering `answer`. */
class DesktopTransport extends FakeTransport {
  readonly picks: string[] = [];
  constructor(private readonly answer: Envelope<unknown>) {
    super();
  }
  async pickFile(name: string): Promise<Envelope<unknown>> {
    this.picks.push(name);
    return this.answer;
  }
}

function withFixtures<T extends FakeTransport>(t: T): T {
  return t
    .on('drift.suggestions', () => ({ datasets: [] }))
    .on('drift.inspect', () => ({
      format: 'parquet',
      bytes: 10,
      columns: [{ name: 'delay', kind: 'numerical' }],
    }));
}

const pathField = () => screen.getByTestId<HTMLInputElement>('drift-reference-path');

describe('Browse… for a dataset', () => {
  test('is not offered in browser mode, where the path is typed', async () => {
    renderWith(withFixtures(new FakeTransport()), <DriftReportTab />, '/drift');
    expect(await screen.findByTestId('drift-reference-path')).toBeTruthy();
    expect(screen.queryByTestId('drift-reference-browse')).toBeNull();
    expect(screen.queryByTestId('drift-current-browse')).toBeNull();
  });

  test('fills the path with the file picked in the native dialog', async () => {
    const t = withFixtures(
      new DesktopTransport({ ok: true, value: { picked: true, path: '/data/jan.parquet' } }),
    );
    renderWith(t, <DriftReportTab />, '/drift');
    fireEvent.click(await screen.findByTestId('drift-reference-browse'));
    await waitFor(() => expect(pathField().value).toBe('/data/jan.parquet'));
    expect(t.picks).toEqual(['drift.dataset']);
    // The picked file is inspected like a typed one.
    await waitFor(() =>
      expect(t.callsOf('drift.inspect')).toContainEqual({ path: '/data/jan.parquet' }),
    );
    expect(screen.getByTestId<HTMLInputElement>('drift-current-path').value).toBe('');
  });

  test('leaves the typed path as it was when the dialog is cancelled', async () => {
    const t = withFixtures(new DesktopTransport({ ok: true, value: { picked: false } }));
    renderWith(t, <DriftReportTab />, '/drift');
    fireEvent.change(await screen.findByTestId('drift-reference-path'), {
      target: { value: '/typed/ref.csv' },
    });
    fireEvent.click(screen.getByTestId('drift-reference-browse'));
    await waitFor(() => expect(t.picks).toHaveLength(1));
    await waitFor(() =>
      expect(screen.getByTestId<HTMLButtonElement>('drift-reference-browse').disabled).toBe(false),
    );
    expect(pathField().value).toBe('/typed/ref.csv');
    expect(screen.queryByTestId('drift-reference-browse-error')).toBeNull();
  });

  test('says so when the dialog fails, and keeps the path', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const t = withFixtures(
      new DesktopTransport({
        ok: false,
        error: { code: 'internal', message: 'The file dialog failed: no display' },
      }),
    );
    renderWith(t, <DriftReportTab />, '/drift');
    fireEvent.click(await screen.findByTestId('drift-reference-browse'));
    expect((await screen.findByTestId('drift-reference-browse-error')).textContent).toContain(
      'no display',
    );
    expect(pathField().value).toBe('');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});
