import { afterEach, describe, expect, it } from 'vitest';
import { getPath, type KubeObject } from '../api/types';
import { createRuntime, type SimRuntime } from '../runtime';
import { loadScenario } from '../scenario/load-scenario';

let rt: SimRuntime;
afterEach(() => rt?.clock.stop());

const deployment = (image: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'scorer', namespace: 'team' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'scorer' } },
    template: {
      metadata: { labels: { app: 'scorer' } },
      spec: { containers: [{ name: 'server', image }] },
    },
  },
});

async function start(): Promise<void> {
  rt = createRuntime({ podStartMs: 2000 });
  await loadScenario(rt, 'empty');
  rt.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  rt.store.create({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1' },
    status: { allocatable: { cpu: '8' }, addresses: [{ type: 'InternalIP', address: '10.0.0.1' }] },
  });
}

const get = (resource: string, name: string) =>
  rt.store.get(rt.registry.find('apps', resource)!, 'team', name)?.obj;
const replicaSets = () =>
  rt.store.list(rt.registry.find('apps', 'replicasets')!, 'team').map((e) => e.obj);
const revision = (o: KubeObject | undefined) =>
  o?.metadata.annotations?.['deployment.kubernetes.io/revision'];

describe('deployment controller', () => {
  it('creates a ReplicaSet and pods, and converges status once pods are ready', async () => {
    await start();
    rt.store.create(deployment('img:1'));
    await rt.settle();
    const rs = replicaSets();
    expect(rs).toHaveLength(1);
    expect(revision(rs[0])).toBe('1');
    expect(rs[0]!.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'scorer',
      controller: true,
    });
    const pods = rt.store.list(rt.registry.find('', 'pods')!, 'team').map((e) => e.obj);
    expect(pods).toHaveLength(2);
    expect(pods[0]!.metadata.labels?.['pod-template-hash']).toBe(
      rs[0]!.metadata.labels?.['pod-template-hash'],
    );
    expect(getPath(get('deployments', 'scorer'), 'status.availableReplicas')).toBeUndefined();

    await rt.clock.advance(3000);
    const d = get('deployments', 'scorer')!;
    expect(d['status']).toMatchObject({
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    });
    expect(
      (getPath(d, 'status.conditions') as { type: string; reason: string }[]).map(
        (c) => `${c.type}/${c.reason}`,
      ),
    ).toEqual(['Available/MinimumReplicasAvailable', 'Progressing/NewReplicaSetAvailable']);
  });

  it('rolls a template change to a new revision and a rollback revives the old ReplicaSet', async () => {
    await start();
    rt.store.create(deployment('img:1'));
    await rt.clock.advance(3000);
    const v1 = get('deployments', 'scorer')!;
    rt.store.update({
      ...structuredClone(v1),
      spec: {
        ...(v1['spec'] as object),
        template: (deployment('img:2')['spec'] as { template: unknown }).template,
      },
    });
    await rt.settle();
    expect(replicaSets()).toHaveLength(2);
    expect(getPath(get('deployments', 'scorer'), 'status.conditions.1.reason')).toBe(
      'ReplicaSetUpdated',
    );
    await rt.clock.advance(3000);
    const v2 = get('deployments', 'scorer')!;
    expect(revision(v2)).toBe('2');
    expect(getPath(v2, 'status.replicas')).toBe(2);
    const old = replicaSets().find((r) => revision(r) === '1')!;
    expect(getPath(old, 'spec.replicas')).toBe(0);

    // kubectl rollout undo puts the old template back (Go clients add creationTimestamp: null).
    const template = structuredClone(getPath(old, 'spec.template')) as {
      metadata: { labels: Record<string, string>; creationTimestamp?: null };
    };
    delete template.metadata.labels['pod-template-hash'];
    template.metadata.creationTimestamp = null;
    rt.store.update({ ...structuredClone(v2), spec: { ...(v2['spec'] as object), template } });
    await rt.clock.advance(3000);
    const revived = replicaSets().find((r) => r.metadata.name === old.metadata.name)!;
    expect(revision(revived)).toBe('3');
    expect(revived.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(revision(get('deployments', 'scorer'))).toBe('3');
    expect(replicaSets()).toHaveLength(2);
  });

  it('deletes owned ReplicaSets and pods with the deployment', async () => {
    await start();
    rt.store.create(deployment('img:1'));
    await rt.settle();
    rt.store.delete(rt.registry.find('apps', 'deployments')!, 'team', 'scorer');
    await rt.settle();
    expect(replicaSets()).toHaveLength(0);
    expect(rt.store.list(rt.registry.find('', 'pods')!, 'team')).toHaveLength(0);
  });
});
