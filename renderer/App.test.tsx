// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { demoTransport } from './test-support/fixtures';
import { renderApp } from './test-support/render';

describe('pages', () => {
  test('a page whose chunk is loaded renders in the first pass, never behind its fallback', () => {
    // render.tsx loaded every chunk. Had the page suspended, its fallback would show now, and
    // React would hold the page back until 300 ms after that fallback appeared.
    renderApp(demoTransport(), '/pipelines');
    expect(screen.queryByText(/Loading Pipelines/)).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeTruthy();
  });
});
