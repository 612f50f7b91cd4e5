import { describe, expect, it, vi } from 'vitest';
import type { HostContext } from '../../host-context';
import type { OpenWorkspace } from '../../workspace/open-workspace';
import { ServingWatch } from './serving-watch';

/** A cluster that is down, whose client loads when the test says. */
function cluster() {
  const down = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6443'));
  const clients = {
    customObjects: { listClusterCustomObject: vi.fn(down) },
    apps: { listDeploymentForAllNamespaces: vi.fn(down) },
  };
  let load!: () => void;
  const source = {
    kube: () => new Promise((resolve) => (load = () => resolve({ client: () => clients }))),
  };
  const workspace = { id: 'ws', source: () => source } as unknown as OpenWorkspace;
  const lists = () =>
    clients.customObjects.listClusterCustomObject.mock.calls.length +
    clients.apps.listDeploymentForAllNamespaces.mock.calls.length;
  return { workspace, load: () => load(), lists };
}

describe('the serving watch', () => {
  it('starts no watch when stopped while the cluster client loads', async () => {
    const { workspace, load, lists } = cluster();
    const watch = new ServingWatch({ events: { emit: () => undefined } } as unknown as HostContext);
    const ensured = watch.ensure(workspace, [{ connection: 'prod', context: 'east' }]);
    watch.stop(); // the host closing
    load();
    await ensured;
    await new Promise((r) => setTimeout(r, 20));
    expect(lists()).toBe(0);
  });

  it('watches once the client is there, if nothing stopped it', async () => {
    const { workspace, load, lists } = cluster();
    const watch = new ServingWatch({ events: { emit: () => undefined } } as unknown as HostContext);
    const ensured = watch.ensure(workspace, [{ connection: 'prod', context: 'east' }]);
    load();
    await ensured;
    await new Promise((r) => setTimeout(r, 20));
    expect(lists()).toBe(2);
    watch.stop();
  });
});
