// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { CallError } from '../bridge';
import { ErrorMessage } from './ErrorMessage';
import { PageErrorBoundary } from './PageErrorBoundary';

afterEach(cleanup);

function Broken(): never {
  throw new Error('cannot read properties of undefined (reading "contexts")');
}

test('a render bug shows a message and Reload, not a white page', () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <PageErrorBoundary page="Overview">
      <Broken />
    </PageErrorBoundary>,
  );
  expect(screen.getByTestId('page-error').textContent).toContain('The Overview page hit a bug');
  expect(screen.getByText(/reading "contexts"/)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  vi.restoreAllMocks();
});

test('a call error reads as a title per code over the message', () => {
  render(
    <ErrorMessage
      error={
        new CallError({
          code: 'tls',
          message: 'self-signed certificate in chain',
          source: 'registry',
        })
      }
    />,
  );
  expect(screen.getByText('TLS error')).toBeTruthy();
  expect(screen.getByText('self-signed certificate in chain')).toBeTruthy();
  expect(screen.getByText('Source: registry')).toBeTruthy();
});
