// List then watch one resource of one cluster, and keep a keyed set of its objects current:
// - the list is paged (limit/continue) and its resourceVersion starts the watch, with bookmarks;
// - 410 Gone (in the stream or as the answer) relists, and the relist replaces the set, so no
//   row is duplicated and rows deleted meanwhile go;
// - a broken stream or failed list reconnects with jittered exponential backoff;
// - a watchdog re-watches a stream that has said nothing (not even a bookmark) for too long;
// - a resource that is not installed (404) or not permitted (403) is reported and left alone.
// Objects are normalized on arrival, so only the small normalized form is kept.
import { SourceError } from '../../sources/source-error';

export interface ListPage<O> {
  items: O[];
  resourceVersion: string;
  continue?: string;
}

export interface WatchHandle {
  abort(): void;
}

export interface ResourceApi<O> {
  list(opts: { limit: number; continue?: string }): Promise<ListPage<O>>;
  watch(
    resourceVersion: string,
    onEvent: (type: string, obj: unknown) => void,
    onDone: (error?: unknown) => void,
  ): Promise<WatchHandle>;
}

export interface WatchChange<R> {
  upserts: R[];
  deletes: string[];
}

export type WatchState =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'down'; error: SourceError }
  /** Not installed or not permitted: reported, not retried. */
  | { state: 'unavailable'; error: SourceError };

export interface WatchEngineOptions<O, R> {
  api: ResourceApi<O>;
  /** What the resource is called in messages ("Argo Workflows"). */
  resource: string;
  normalize: (obj: O) => R | undefined;
  key: (obj: O) => string | undefined;
  onChange: (change: WatchChange<R>) => void;
  onState: (state: WatchState) => void;
  pageSize?: number;
  backoff?: { baseMs: number; maxMs: number };
  watchdogMs?: number;
  random?: () => number;
  /** Turns any failure into a SourceError (client-node's errors, network errors). */
  toError?: (error: unknown) => SourceError;
}

export class WatchEngine<O, R> {
  private readonly keys = new Set<string>();
  private resourceVersion = '';
  private stopped = false;
  private attempt = 0;
  private handle: WatchHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private lastHeard = 0;
  private generation = 0;
  /** How many full lists ran (the first, then one per 410 or lost stream). */
  lists = 0;

  constructor(private readonly opts: WatchEngineOptions<O, R>) {}

  start(): void {
    this.opts.onState({ state: 'connecting' });
    void this.relist();
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.timer);
    clearInterval(this.watchdog);
    this.handle?.abort();
    this.handle = undefined;
  }

  get size(): number {
    return this.keys.size;
  }

  private async relist(): Promise<void> {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.handle?.abort();
    this.handle = undefined;
    try {
      const seen = new Map<string, R>();
      let page: ListPage<O> | undefined;
      let token: string | undefined;
      do {
        page = await this.opts.api.list({
          limit: this.opts.pageSize ?? 500,
          ...(token ? { continue: token } : {}),
        });
        if (generation !== this.generation) return;
        for (const obj of page.items) {
          const key = this.opts.key(obj);
          const run = key ? this.opts.normalize(obj) : undefined;
          if (key && run !== undefined) seen.set(key, run);
        }
        token = page.continue || undefined;
      } while (token);
      this.lists++;
      const deletes = [...this.keys].filter((k) => !seen.has(k));
      this.keys.clear();
      for (const k of seen.keys()) this.keys.add(k);
      this.resourceVersion = page.resourceVersion;
      this.attempt = 0;
      this.opts.onChange({ upserts: [...seen.values()], deletes });
      this.opts.onState({ state: 'live' });
      await this.watch(generation);
    } catch (error) {
      if (generation !== this.generation) return;
      const failure = this.toError(error);
      if (failure.status === 404 || failure.status === 403) {
        this.opts.onState({ state: 'unavailable', error: this.explain(failure) });
        return;
      }
      // A continue token that expired mid-list is a 410 too: start the list over.
      this.opts.onState({ state: 'down', error: failure });
      this.retry(() => this.relist());
    }
  }

  private async watch(generation: number): Promise<void> {
    if (this.stopped || generation !== this.generation) return;
    this.lastHeard = Date.now();
    let ended = false;
    const end = (error?: unknown) => {
      // client-node calls done(null) when the server closes the stream.
      if (ended || generation !== this.generation) return;
      ended = true;
      clearInterval(this.watchdog);
      this.handle = undefined;
      if (error != null && isGone(error)) {
        void this.relist();
        return;
      }
      if (error != null) {
        this.opts.onState({ state: 'down', error: this.toError(error) });
        this.retry(() => this.watch(++this.generation));
        return;
      }
      // The server closed the stream (its timeout): carry on from where it was.
      void this.watch(++this.generation);
    };
    let handle: WatchHandle;
    try {
      handle = await this.opts.api.watch(
        this.resourceVersion,
        (type, obj) => {
          if (ended || generation !== this.generation) return;
          this.lastHeard = Date.now();
          if (this.attempt > 0) {
            this.attempt = 0;
            this.opts.onState({ state: 'live' });
          }
          this.onEvent(type, obj, end);
        },
        end,
      );
    } catch (error) {
      end(error ?? new Error('the watch could not start'));
      return;
    }
    if (ended || this.stopped || generation !== this.generation) {
      // The stream ended as it opened (`end` has carried on), or this engine was stopped or moved
      // on meanwhile: close it, keep it out of `this.handle` (a newer stream's place), and start
      // no watchdog, whose interval would keep a closing host's process alive.
      ended = true;
      handle.abort();
      return;
    }
    this.handle = handle;
    const watchdogMs = this.opts.watchdogMs ?? 180_000;
    clearInterval(this.watchdog);
    this.watchdog = setInterval(
      () => {
        if (Date.now() - this.lastHeard < watchdogMs || ended) return;
        // Silent for too long (a stalled API server or a half-open connection): watch again.
        ended = true;
        clearInterval(this.watchdog);
        this.handle?.abort();
        this.handle = undefined;
        void this.watch(++this.generation);
      },
      Math.max(250, Math.floor(watchdogMs / 4)),
    );
  }

  private onEvent(type: string, obj: unknown, end: (error?: unknown) => void): void {
    const meta = (obj as { metadata?: { resourceVersion?: string } } | null)?.metadata;
    if (type === 'ERROR') {
      end(isGone(obj) ? obj : new SourceError('upstream', statusMessage(obj)));
      return;
    }
    if (meta?.resourceVersion) this.resourceVersion = meta.resourceVersion;
    if (type === 'BOOKMARK') return;
    const key = this.opts.key(obj as O);
    if (!key) return;
    if (type === 'DELETED') {
      if (this.keys.delete(key)) this.opts.onChange({ upserts: [], deletes: [key] });
      return;
    }
    if (type === 'ADDED' || type === 'MODIFIED') {
      const run = this.opts.normalize(obj as O);
      if (run === undefined) return;
      this.keys.add(key);
      this.opts.onChange({ upserts: [run], deletes: [] });
    }
  }

  private retry(next: () => Promise<void>): void {
    if (this.stopped) return;
    const { baseMs, maxMs } = this.opts.backoff ?? { baseMs: 500, maxMs: 30_000 };
    const ceiling = Math.min(maxMs, baseMs * 2 ** this.attempt);
    const delay = Math.round(ceiling * (0.5 + (this.opts.random ?? Math.random)() * 0.5));
    this.attempt++;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void next(), delay);
  }

  private toError(error: unknown): SourceError {
    if (error instanceof SourceError) return error;
    if (this.opts.toError) return this.opts.toError(error);
    return new SourceError('unreachable', (error as Error)?.message ?? String(error));
  }

  private explain(error: SourceError): SourceError {
    const message =
      error.status === 404
        ? `${this.opts.resource} is not installed on this cluster (its API answered 404)`
        : `not allowed to list ${this.opts.resource}: ${error.message}`;
    return new SourceError(error.code, message, {
      ...(error.source ? { source: error.source } : {}),
      ...(error.status ? { status: error.status } : {}),
    });
  }
}

/** 410 Gone: as a Status in the stream, a thrown error with a status code, or a SourceError. */
export function isGone(error: unknown): boolean {
  if (error instanceof SourceError) return error.status === 410;
  const e = error as { code?: unknown; statusCode?: unknown; status?: unknown } | null;
  return e?.code === 410 || e?.statusCode === 410 || e?.status === 410;
}

function statusMessage(obj: unknown): string {
  const m = (obj as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : 'the watch stream sent an error';
}
