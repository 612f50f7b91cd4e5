// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startPage } from '../App';
import { createBridge } from '../bridge';
import { demoTransport } from '../test-support/fixtures';
import { createQueryClient } from './query-client';

describe('reads started at launch', () => {
  test("a page's snapshot read and the shell's reads start before React renders", () => {
    const fake = demoTransport();
    startPage('/pipelines', createQueryClient({ retry: false }), createBridge(fake));
    expect(fake.calls.map((c) => c.name)).toEqual(
      expect.arrayContaining(['workspace.get', 'connections.list', 'settings.get']),
    );
    // Only the snapshot: the live read follows once the page has it.
    expect(fake.callsOf('pipelines.runs')).toEqual([{ from: 'cache' }]);
  });

  test("the Overview's headlines follow the connections list", async () => {
    const fake = demoTransport();
    startPage('/nowhere', createQueryClient({ retry: false }), createBridge(fake));
    expect(fake.callsOf('brief.get')).toEqual([{ from: 'cache' }]);
    await vi.waitFor(() =>
      expect(fake.callsOf('sources.headline')).toContainEqual({ id: 'registry', from: 'cache' }),
    );
  });
});
