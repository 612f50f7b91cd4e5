import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceError } from '../../sources/source-error';
import {
  WatchEngine,
  type ListPage,
  type ResourceApi,
  type WatchChange,
  type WatchState,
} from './watch-engine';

interface Obj {
  metadata: { name: string; resourceVersion?: string };
  v?: number;
}

const obj = (name: string, v = 1): Obj => ({ metadata: { name }, v });

class FakeApi implements ResourceApi<Obj> {
  items: Obj[] = [];
  rv = '10';
  listCalls: { limit: number; continue?: string }[] = [];
  watches: {
    rv: string;
    onEvent: (type: string, obj: unknown) => void;
    onDone: (error?: unknown) => void;
    aborted: boolean;
  }[] = [];
  listError: unknown;

  list(opts: { limit: number; continue?: string }): Promise<ListPage<Obj>> {
    this.listCalls.push(opts);
    if (this.listError) return Promise.reject(this.listError);
    const start = opts.continue ? Number(opts.continue) : 0;
    const items = this.items.slice(start, start + opts.limit);
    const next = start + opts.limit < this.items.length ? String(start + opts.limit) : undefined;
    return Promise.resolve({
      items,
      resourceVersion: this.rv,
      ...(next ? { continue: next } : {}),
    });
  }

  watch(
    rv: string,
    onEvent: (type: string, obj: unknown) => void,
    onDone: (error?: unknown) => void,
  ) {
    const w = { rv, onEvent, onDone, aborted: false };
    this.watches.push(w);
    return Promise.resolve({ abort: () => void (w.aborted = true) });
  }

  get current() {
    return this.watches.at(-1)!;
  }
}

function setup(api: FakeApi, extra: { watchdogMs?: number } = {}) {
  const rows = new Map<string, number>();
  const changes: WatchChange<Obj>[] = [];
  const states: WatchState[] = [];
  const engine = new WatchEngine<Obj, Obj>({
    api,
    resource: 'Argo Workflows',
    normalize: (o) => o,
    key: (o) => o.metadata?.name,
    onChange: (c) => {
      changes.push(c);
      for (const id of c.deletes) rows.delete(id);
      for (const r of c.upserts) rows.set(r.metadata.name, r.v ?? 0);
    },
    onState: (s) => states.push(s),
    pageSize: 2,
    backoff: { baseMs: 100, maxMs: 1_000 },
    random: () => 1,
    watchdogMs: 10_000,
    ...extra,
  });
  return { engine, rows, changes, states };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the watch engine', () => {
  it('pages the list, then watches from its resourceVersion and applies events', async () => {
    const api = new FakeApi();
    api.items = [obj('a'), obj('b'), obj('c')];
    const { engine, rows, states } = setup(api);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.listCalls).toEqual([{ limit: 2 }, { limit: 2, continue: '2' }]);
    expect([...rows.keys()]).toEqual(['a', 'b', 'c']);
    expect(api.current.rv).toBe('10');
    expect(states.at(-1)).toEqual({ state: 'live' });

    api.current.onEvent('MODIFIED', { metadata: { name: 'a', resourceVersion: '11' }, v: 2 });
    api.current.onEvent('ADDED', { metadata: { name: 'd', resourceVersion: '12' } });
    api.current.onEvent('DELETED', { metadata: { name: 'b', resourceVersion: '13' } });
    api.current.onEvent('BOOKMARK', { metadata: { resourceVersion: '20' } });
    expect(rows.get('a')).toBe(2);
    expect([...rows.keys()].sort()).toEqual(['a', 'c', 'd']);

    // The server closes the stream: re-watch from the bookmark's resourceVersion, no relist.
    api.current.onDone(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.current.rv).toBe('20');
    expect(engine.lists).toBe(1);
    engine.stop();
  });

  it('relists on 410 Gone: no duplicate rows, and rows deleted meanwhile go', async () => {
    const api = new FakeApi();
    api.items = [obj('a'), obj('b'), obj('c')];
    const { engine, rows, changes } = setup(api);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    api.items = [obj('a', 5), obj('c'), obj('e')];
    api.rv = '50';
    api.current.onEvent('ERROR', {
      kind: 'Status',
      code: 410,
      reason: 'Expired',
      message: 'too old resource version',
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.lists).toBe(2);
    expect([...rows.keys()].sort()).toEqual(['a', 'c', 'e']);
    expect(rows.get('a')).toBe(5);
    expect(changes.at(-1)?.deletes).toEqual(['b']);
    expect(api.current.rv).toBe('50');
    // A 410 as the watch's HTTP answer relists too.
    api.current.onDone(Object.assign(new Error('Gone'), { statusCode: 410 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(engine.lists).toBe(3);
    expect(engine.size).toBe(3);
    engine.stop();
  });

  it('reconnects a broken stream with exponential backoff, capped', async () => {
    const api = new FakeApi();
    const { engine, states } = setup(api);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = api.watches.length;
      api.current.onDone(new Error('socket hang up'));
      let waited = 0;
      while (api.watches.length === before) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(states.some((s) => s.state === 'down')).toBe(true);
    // The first event after a reconnect resets the backoff and says "live" again.
    api.current.onEvent('ADDED', { metadata: { name: 'x', resourceVersion: '99' } });
    expect(states.at(-1)).toEqual({ state: 'live' });
    engine.stop();
  });

  it('jitters the backoff between half and all of the ceiling', async () => {
    const api = new FakeApi();
    api.listError = new SourceError('unreachable', 'connect ECONNREFUSED');
    const { engine } = setup(api);
    (engine as unknown as { opts: { random: () => number } }).opts.random = () => 0;
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.listCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(49);
    expect(api.listCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.listCalls).toHaveLength(2);
    engine.stop();
  });

  it('re-watches a stream that went silent', async () => {
    const api = new FakeApi();
    const { engine } = setup(api, { watchdogMs: 1_000 });
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    const first = api.current;
    await vi.advanceTimersByTimeAsync(800);
    first.onEvent('BOOKMARK', { metadata: { resourceVersion: '15' } });
    await vi.advanceTimersByTimeAsync(800);
    expect(api.watches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(600);
    expect(first.aborted).toBe(true);
    expect(api.watches).toHaveLength(2);
    expect(api.current.rv).toBe('15');
    expect(engine.lists).toBe(1);
    engine.stop();
  });

  it('reports a resource that is not installed or not permitted, and does not retry it', async () => {
    for (const [status, pattern] of [
      [404, /not installed/],
      [403, /not allowed to list Argo Workflows/],
    ] as const) {
      const api = new FakeApi();
      api.listError = new SourceError(status === 404 ? 'not_found' : 'forbidden', 'nope', {
        status,
      });
      const { engine, states } = setup(api);
      engine.start();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(api.listCalls).toHaveLength(1);
      const last = states.at(-1);
      expect(last?.state).toBe('unavailable');
      expect(last && 'error' in last ? last.error.message : '').toMatch(pattern);
      engine.stop();
    }
  });

  it('stops cleanly: no more lists or watches', async () => {
    const api = new FakeApi();
    const { engine } = setup(api);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    engine.stop();
    expect(api.current.aborted).toBe(true);
    api.current.onDone(new Error('aborted'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.watches).toHaveLength(1);
  });

  it('closes a stream that opened after it was stopped, and leaves no timer behind', async () => {
    const api = new FakeApi();
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const watch = api.watch.bind(api);
    api.watch = async (...args: Parameters<FakeApi['watch']>) => {
      await opened; // the server is slow to answer the watch request
      return watch(...args);
    };
    const { engine } = setup(api);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    engine.stop(); // the host closing while the stream is being opened
    open();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.current.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
  it('starts no watchdog for a stream that broke as it opened, only the retry', async () => {
    const api = new FakeApi();
    const watch = api.watch.bind(api);
    api.watch = (...args: Parameters<FakeApi['watch']>) => {
      const opened = watch(...args);
      args[2](new Error('connection reset')); // broken before the request even resolved
      return opened;
    };
    const { engine, states } = setup(api);
    engine.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toMatchObject({ state: 'down' });
    expect(api.current.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(1); // the backoff's timer, no watchdog beside it
    engine.stop();
  });
});
