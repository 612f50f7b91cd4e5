import { describe, expect, it } from 'vitest';
import { ResourceRegistry } from '../api/registry';
import { KubeError } from '../api/status';
import type { KubeObject } from '../api/types';
import { parseLabelSelector } from '../selectors/label-selector';
import { listPage } from './list';
import { ObjectStore, type ChangeEvent } from './object-store';
import { WatchHub } from './watch-hub';

function setup(): { store: ObjectStore; hub: WatchHub; events: ChangeEvent[] } {
  const store = new ObjectStore(new ResourceRegistry(), () => new Date('2026-01-01T00:00:00Z'));
  const hub = new WatchHub(store, { historyLimit: 100, bookmarkIntervalMs: 60_000 });
  const events: ChangeEvent[] = [];
  store.subscribe((e) => events.push(e));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } });
  return { store, hub, events };
}

const deployment = (name: string, replicas = 1): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'ns', labels: { app: name } },
  spec: { replicas, template: {} },
});

describe('object store resourceVersion semantics', () => {
  it('uses one global, increasing resourceVersion across all types', () => {
    const { store } = setup();
    const a = store.create(deployment('a'));
    const ns2 = store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const b = store.create(deployment('b'));
    expect([a.rv, ns2.rv, b.rv]).toEqual([2, 3, 4]);
    expect(a.obj.metadata.resourceVersion).toBe('2');
    expect(store.resourceVersion).toBe(4);
    expect(a.obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.obj.metadata.generation).toBe(1);
  });

  it('treats a resourceVersion in an update as a precondition (409 Conflict)', () => {
    const { store } = setup();
    const a = store.create(deployment('a'));
    const first = store.update({ ...structuredClone(a.obj), spec: { replicas: 2, template: {} } });
    expect(first.rv).toBeGreaterThan(a.rv);
    expect(first.obj.metadata.generation).toBe(2);
    try {
      store.update({ ...structuredClone(a.obj), spec: { replicas: 3, template: {} } });
      throw new Error('expected a conflict');
    } catch (e) {
      expect(e).toBeInstanceOf(KubeError);
      expect((e as KubeError).toStatus()).toMatchObject({
        kind: 'Status',
        status: 'Failure',
        reason: 'Conflict',
        code: 409,
        details: { name: 'a', group: 'apps', kind: 'deployments' },
      });
    }
  });

  it('keeps the resourceVersion on a no-op update and emits nothing', () => {
    const { store, events } = setup();
    const a = store.create(deployment('a'));
    const count = events.length;
    const same = store.update(structuredClone(a.obj));
    expect(same.rv).toBe(a.rv);
    expect(events.length).toBe(count);
  });

  it('leaves status alone on main-resource writes and spec alone on status writes', () => {
    const { store } = setup();
    const a = store.create({ ...deployment('a'), status: { replicas: 1 } });
    const main = store.update(
      { ...structuredClone(a.obj), spec: { replicas: 5, template: {} }, status: { replicas: 99 } },
      { subresource: 'main' },
    );
    expect(main.obj['status']).toEqual({ replicas: 1 });
    const status = store.update(
      { ...structuredClone(main.obj), spec: { replicas: 0 }, status: { replicas: 5 } },
      { subresource: 'status' },
    );
    expect(status.obj['spec']).toEqual({ replicas: 5, template: {} });
    expect(status.obj['status']).toEqual({ replicas: 5 });
    expect(status.obj.metadata.generation).toBe(main.obj.metadata.generation);
  });

  it('answers AlreadyExists, NotFound and Invalid with Status errors', () => {
    const { store } = setup();
    store.create(deployment('a'));
    expect(() => store.create(deployment('a'))).toThrow('deployments.apps "a" already exists');
    expect(() => store.mustGet(store.registry.find('apps', 'deployments')!, 'ns', 'zzz')).toThrow(
      'deployments.apps "zzz" not found',
    );
    expect(() => store.create({ ...deployment('Bad_Name') })).toThrow(/Invalid value/);
    expect(() =>
      store.create({ ...deployment('x'), metadata: { name: 'x', namespace: 'missing' } }),
    ).toThrow('namespaces "missing" not found');
    const generated = store.create({
      ...deployment(''),
      metadata: { name: '', generateName: 'run-', namespace: 'ns' },
    });
    expect(generated.name).toMatch(/^run-[a-z0-9]{5}$/);
  });

  it('stamps DELETED events with a new resourceVersion and honours finalizers', () => {
    const { store, events } = setup();
    const type = store.registry.find('apps', 'deployments')!;
    const a = store.create(deployment('a'));
    const gone = store.delete(type, 'ns', 'a');
    expect(gone.rv).toBeGreaterThan(a.rv);
    expect(events[events.length - 1]?.type).toBe('DELETED');
    const f = store.create({
      ...deployment('f'),
      metadata: { name: 'f', namespace: 'ns', finalizers: ['x'] },
    });
    const marked = store.delete(type, 'ns', 'f');
    expect(marked.obj.metadata.deletionTimestamp).toBeDefined();
    expect(store.get(type, 'ns', 'f')).toBeDefined();
    store.update({
      ...structuredClone(marked.obj),
      metadata: {
        ...structuredClone(marked.obj.metadata),
        finalizers: [],
        resourceVersion: undefined,
      },
    });
    expect(store.get(type, 'ns', 'f')).toBeUndefined();
    void f;
  });
});

describe('lists and continue tokens', () => {
  it('pages in key order with continue tokens and remainingItemCount, and expires them on compaction', () => {
    const { store, hub } = setup();
    const type = store.registry.find('apps', 'deployments')!;
    for (const n of ['e', 'c', 'a', 'd', 'b']) store.create(deployment(n));
    const policy = () => ({ compactedRv: hub.compactedRv, now: 0, ttlMs: 1000 });
    const p1 = listPage(store, type, { labels: [], fields: [], limit: 2 }, policy());
    expect(p1.items.map((e) => e.name)).toEqual(['a', 'b']);
    expect(p1.remainingItemCount).toBe(3);
    const p2 = listPage(
      store,
      type,
      { labels: [], fields: [], limit: 2, continueToken: p1.continueToken! },
      policy(),
    );
    expect(p2.items.map((e) => e.name)).toEqual(['c', 'd']);
    expect(p2.resourceVersion).toBe(p1.resourceVersion);
    const p3 = listPage(
      store,
      type,
      { labels: [], fields: [], limit: 2, continueToken: p2.continueToken! },
      policy(),
    );
    expect(p3.items.map((e) => e.name)).toEqual(['e']);
    expect(p3.continueToken).toBeUndefined();
    const filtered = listPage(
      store,
      type,
      { labels: parseLabelSelector('app in (b,d)'), fields: [], limit: 1 },
      policy(),
    );
    expect(filtered.items.map((e) => e.name)).toEqual(['b']);
    expect(filtered.remainingItemCount).toBeUndefined();

    hub.compact();
    try {
      listPage(
        store,
        type,
        { labels: [], fields: [], limit: 2, continueToken: p1.continueToken! },
        policy(),
      );
      throw new Error('expected 410');
    } catch (e) {
      expect((e as KubeError).toStatus()).toMatchObject({ reason: 'Expired', code: 410 });
      expect((e as KubeError).toStatus().metadata.continue).toBeTruthy();
    }
    expect(() =>
      listPage(store, type, { labels: [], fields: [], continueToken: 'garbage' }, policy()),
    ).toThrow(/continue key is not valid/);
    const old = listPage(
      store,
      type,
      { labels: [], fields: [], limit: 1 },
      { compactedRv: 0, now: 100, ttlMs: 1000 },
    );
    expect(() =>
      listPage(
        store,
        type,
        { labels: [], fields: [], continueToken: old.continueToken! },
        { compactedRv: 0, now: 5000, ttlMs: 1000 },
      ),
    ).toThrow(/too old/);
  });
});

describe('watch history', () => {
  const sink = () => {
    const lines: { type: string; object: KubeObject & { code?: number; reason?: string } }[] = [];
    return {
      lines,
      sink: { write: (l: string) => lines.push(JSON.parse(l)), end: () => undefined },
    };
  };
  const request = (
    store: ObjectStore,
    rv: string | undefined,
    extra: Partial<Parameters<WatchHub['watch']>[0]> = {},
  ) => ({
    type: store.registry.find('apps', 'deployments')!,
    namespace: 'ns',
    labels: [],
    fields: [],
    ...(rv !== undefined ? { resourceVersion: rv } : {}),
    allowBookmarks: false,
    render: (e: { json: string }) => e.json,
    ...extra,
  });

  it('starts with synthetic ADDED events when no resourceVersion is given', () => {
    const { store, hub } = setup();
    store.create(deployment('a'));
    store.create(deployment('b'));
    const { lines, sink: s } = sink();
    const w = hub.watch(request(store, '0'), s);
    expect(lines.map((l) => [l.type, l.object.metadata.name])).toEqual([
      ['ADDED', 'a'],
      ['ADDED', 'b'],
    ]);
    w.close();
  });

  it('replays events after a resourceVersion, then streams live ones, with selector transitions', () => {
    const { store, hub } = setup();
    const a = store.create(deployment('a'));
    store.create(deployment('b'));
    const { lines, sink: s } = sink();
    const w = hub.watch(
      request(store, String(a.rv), { labels: parseLabelSelector('app in (b,c)') }),
      s,
    );
    expect(lines.map((l) => `${l.type}:${l.object.metadata.name}`)).toEqual(['ADDED:b']);
    const b = store.get(store.registry.find('apps', 'deployments')!, 'ns', 'b')!;
    const relabeled = store.update({
      ...structuredClone(b.obj),
      metadata: { ...structuredClone(b.obj.metadata), labels: { app: 'other' } },
    });
    expect(lines[lines.length - 1]).toMatchObject({
      type: 'DELETED',
      object: { metadata: { name: 'b', resourceVersion: String(relabeled.rv) } },
    });
    store.create(deployment('c'));
    expect(lines[lines.length - 1]?.type).toBe('ADDED');
    w.close();
  });

  it('sends an ERROR event with a 410 Expired Status for a compacted resourceVersion', () => {
    const { store, hub } = setup();
    const a = store.create(deployment('a'));
    store.create(deployment('b'));
    hub.compact();
    const { lines, sink: s } = sink();
    const w = hub.watch(request(store, String(a.rv)), s);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      type: 'ERROR',
      object: { kind: 'Status', reason: 'Expired', code: 410 },
    });
    expect(w.isClosed).toBe(true);
    const fresh = hub.watch(request(store, String(store.resourceVersion)), sink().sink);
    expect(fresh.isClosed).toBe(false);
    fresh.close();
  });

  it('drops the oldest history beyond its limit', () => {
    const { store, hub } = setup();
    const first = store.create(deployment('first'));
    for (let i = 0; i < 200; i++) store.create(deployment(`d${i}`));
    const { lines, sink: s } = sink();
    hub.watch(request(store, String(first.rv)), s).close();
    expect(lines[0]?.type).toBe('ERROR');
  });
});
