// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { startPage } from '../App';
import { withEarlyCalls } from '../transport/early-calls';
import { launchPath, launchReads, namesPage, sentInput } from './launch-reads';
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

  test('the calls sent before the bundle ran are the ones the page then asks for', async () => {
    for (const hash of [
      '#/pipelines',
      '#/overview',
      '',
      '#/schedules?x=1',
      '#/serving',
      '#/alerts',
    ]) {
      const fake = demoTransport();
      const transport = withEarlyCalls(fake);
      const path = launchPath(hash);
      transport.sendEarly(launchReads(path).map((r) => ({ name: r.name, input: sentInput(r) })));
      const sent = fake.calls.length;
      await startPage(path, createQueryClient({ retry: false }), createBridge(transport));
      // Every read startPage made was answered by an early call, except the Overview's
      // headlines, which wait for the connections list.
      expect(fake.calls.filter((c) => c.name !== 'sources.headline')).toHaveLength(sent);
    }
  });

  test('startPage settles once the page chunk is in, so the page renders with the shell', async () => {
    const fake = demoTransport();
    await expect(
      startPage('/pipelines', createQueryClient({ retry: false }), createBridge(fake)),
    ).resolves.toBeUndefined();
  });

  test('an address names a page, or none (then the Overview opens)', () => {
    for (const none of ['', '#', '#/', '#/?tab=1', '#?x'])
      expect(namesPage(none), none).toBe(false);
    for (const page of ['#/overview', '#/settings', '#/pipelines?run=a', '#/models/x']) {
      expect(namesPage(page), page).toBe(true);
    }
    expect(launchPath('')).toBe('/overview');
    expect(launchPath('#/')).toBe('/overview'); // so launch.ts sends the Overview's reads too
    expect(launchPath('#/pipelines?run=a')).toBe('/pipelines');
  });
});
