import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostContext } from '../../host-context';
import { silentLogger } from '../../log/logger';
import { openStore, type Store } from '../../store';
import { temporaryDataDirs } from '../../store/test-support';
import { PipelineWatches, type WatchedResource } from './pipeline-watches';
import { oneClusterWorkspace } from './test-support';

const dirs = temporaryDataDirs();
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  dirs.cleanup();
});

const kubeconfig = { contexts: () => [{ name: 'east', current: true }], client: () => ({}) };

/**
 * A workspace with one cluster whose client loads when the test says: each call to `kube()`
 * waits for its own `loaded()`, as a first import of client-node makes every caller wait.
 */
function setUp() {
  const store = openStore({ dataDir: dirs.make() });
  stores.push(store);
  const waiting: (() => void)[] = [];
  const source = {
    kube: () => new Promise((resolve) => waiting.push(() => resolve(kubeconfig))),
  };
  const workspace = oneClusterWorkspace(() => source);
  const ctx = {
    store,
    workspace: () => workspace,
    events: { emit: () => undefined },
    log: silentLogger(),
  } as unknown as HostContext;
  // The cluster is down: a watch that started would retry its list for ever.
  const list = vi.fn(() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6443')));
  const resources = (): WatchedResource[] => [
    { name: 'Workflows', kind: 'Workflow', api: { list, watch: vi.fn() } },
  ];
  const watches = new PipelineWatches(ctx, { resources, settleMs: 20 });
  /** Until someone waits for the client. */
  const asked = async () => {
    while (!waiting.length) await new Promise((r) => setTimeout(r, 1));
  };
  const loaded = async () => {
    await asked();
    waiting.shift()!();
  };
  return { watches, list, asked, loaded };
}

describe('pipeline watches stopped while a cluster client loads', () => {
  it('start nothing when stopped before the contexts were known', async () => {
    const { watches, list, loaded } = setUp();
    const live = watches.live();
    watches.stop(); // the host closing while client-node loads
    await loaded();
    await expect(live).resolves.toEqual({ runs: [], clusters: [] });
    await new Promise((r) => setTimeout(r, 30));
    expect(list).not.toHaveBeenCalled();
  });

  it('start nothing when stopped while the cluster was being started', async () => {
    const { watches, list, asked, loaded } = setUp();
    const live = watches.live();
    await loaded(); // the contexts
    await asked(); // the cluster's client is loading
    watches.stop();
    await loaded(); // the cluster's client
    await live;
    await new Promise((r) => setTimeout(r, 30));
    expect(list).not.toHaveBeenCalled();
  });

  it('watch as usual when nothing stopped them', async () => {
    const { watches, list, loaded } = setUp();
    const live = watches.live();
    await loaded();
    await loaded();
    const answer = await live;
    expect(list).toHaveBeenCalled();
    expect(answer.clusters).toEqual([
      expect.objectContaining({ connection: 'prod', context: 'east', state: 'down' }),
    ]);
    watches.stop();
  });
});
