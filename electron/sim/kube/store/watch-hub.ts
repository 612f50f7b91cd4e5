// Watches over the store, with a bounded event history per resource like the API server's watch
// cache: a watch from resourceVersion N replays what happened after N; N older than the history
// gets an ERROR event carrying a 410 Expired Status; no N (or "0") starts with synthetic ADDED
// events for the current state. Selectors are applied per event, turning an object that starts or
// stops matching into ADDED / DELETED the way the cacher does.
import { apiVersionOf, resourceKey, type ResourceType } from '../api/resource-type';
import { errors } from '../api/status';
import { clone } from '../api/types';
import { matchesFields, type FieldSelector } from '../selectors/field-selector';
import { matchesLabels, type LabelSelector } from '../selectors/label-selector';
import { Entry, type ChangeEvent, type ChangeType, type ObjectStore } from './object-store';

export interface WatchSink {
  write(line: string): void;
  end(): void;
}

export interface WatchRequest {
  type: ResourceType;
  namespace?: string;
  labels: LabelSelector;
  fields: FieldSelector;
  resourceVersion?: string;
  allowBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
  /** Renders an object for the stream (plain JSON, or a Table row for kubectl get -w). */
  render: (entry: Entry) => string;
}

interface HistoryEvent {
  type: ChangeType;
  rv: number;
  entry: Entry;
  previous?: Entry;
}

interface History {
  events: HistoryEvent[];
  /** Every event with rv > oldestRv is retained. */
  oldestRv: number;
}

export interface WatchHubOptions {
  historyLimit?: number;
  bookmarkIntervalMs?: number;
}

export class Watcher {
  private closed = false;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    readonly request: WatchRequest,
    private readonly sink: WatchSink,
    private readonly onClose: (w: Watcher) => void,
  ) {}

  matches(entry: Entry): boolean {
    const { namespace, labels, fields } = this.request;
    if (namespace && entry.namespace !== namespace) return false;
    if (labels.length && !matchesLabels(labels, entry.obj.metadata.labels)) return false;
    return !fields.length || matchesFields(fields, entry.obj);
  }

  send(type: string, objectJson: string): void {
    if (this.closed) return;
    this.sink.write(`{"type":"${type}","object":${objectJson}}\n`);
  }

  deliver(event: HistoryEvent): void {
    const now = this.matches(event.entry);
    if (event.type === 'ADDED') {
      if (now) this.send('ADDED', this.request.render(event.entry));
      return;
    }
    if (event.type === 'DELETED') {
      if (now) this.send('DELETED', this.request.render(event.entry));
      return;
    }
    const before = event.previous ? this.matches(event.previous) : false;
    if (now && before) this.send('MODIFIED', this.request.render(event.entry));
    else if (now) this.send('ADDED', this.request.render(event.entry));
    else if (before && event.previous) {
      // The cacher reports the last matching state, stamped with the new resourceVersion.
      const gone = clone(event.previous.obj);
      gone.metadata.resourceVersion = String(event.rv);
      this.send('DELETED', this.request.render(new Entry(gone, event.rv, event.previous.type)));
    }
  }

  bookmark(rv: number, initialEventsEnd = false): void {
    const { type } = this.request;
    const metadata: Record<string, unknown> = {
      resourceVersion: String(rv),
      creationTimestamp: null,
    };
    if (initialEventsEnd) metadata['annotations'] = { 'k8s.io/initial-events-end': 'true' };
    this.send(
      'BOOKMARK',
      JSON.stringify({ kind: type.kind, apiVersion: apiVersionOf(type), metadata }),
    );
  }

  addTimer(timer: NodeJS.Timeout): void {
    this.timers.push(timer);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.onClose(this);
    this.sink.end();
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

export class WatchHub {
  private readonly histories = new Map<string, History>();
  private readonly watchers = new Map<string, Set<Watcher>>();
  private readonly historyLimit: number;
  readonly bookmarkIntervalMs: number;
  /** Lists and continue tokens issued before this resourceVersion can no longer be resumed. */
  compactedRv = 0;

  constructor(
    private readonly store: ObjectStore,
    options: WatchHubOptions = {},
  ) {
    this.historyLimit = options.historyLimit ?? 5000;
    this.bookmarkIntervalMs = options.bookmarkIntervalMs ?? 1000;
    store.subscribe((event) => this.onChange(event));
  }

  private history(type: ResourceType): History {
    const key = resourceKey(type);
    let history = this.histories.get(key);
    if (!history) this.histories.set(key, (history = { events: [], oldestRv: this.compactedRv }));
    return history;
  }

  private onChange(event: ChangeEvent): void {
    const type = event.entry.type;
    const history = this.history(type);
    const item: HistoryEvent = { type: event.type, rv: event.rv, entry: event.entry };
    if (event.previous) item.previous = event.previous;
    history.events.push(item);
    if (history.events.length > this.historyLimit * 1.25) {
      const dropped = history.events.splice(0, history.events.length - this.historyLimit);
      history.oldestRv = dropped[dropped.length - 1]?.rv ?? history.oldestRv;
    }
    for (const watcher of this.watchers.get(resourceKey(type)) ?? []) watcher.deliver(item);
  }

  /** Forgets all event history: older watches get 410, older continue tokens expire. */
  compact(): void {
    this.compactedRv = this.store.bumpResourceVersion();
    for (const history of this.histories.values()) {
      history.events = [];
      history.oldestRv = this.compactedRv;
    }
  }

  watch(request: WatchRequest, sink: WatchSink): Watcher {
    const key = resourceKey(request.type);
    const watcher = new Watcher(request, sink, (w) => this.watchers.get(key)?.delete(w));
    const rvText = request.resourceVersion ?? '';
    const currentRv = this.store.resourceVersion;

    if (rvText === '' || rvText === '0') {
      for (const entry of this.store.list(request.type, request.namespace)) {
        if (watcher.matches(entry)) watcher.send('ADDED', request.render(entry));
      }
      if (request.allowBookmarks && request.sendInitialEvents) watcher.bookmark(currentRv, true);
    } else {
      const from = Number(rvText);
      if (!Number.isInteger(from) || from < 0) {
        watcher.send(
          'ERROR',
          JSON.stringify(errors.badRequest(`invalid resource version: ${rvText}`).toStatus()),
        );
        watcher.close();
        return watcher;
      }
      const history = this.history(request.type);
      if (from < history.oldestRv) {
        const status = errors
          .expired(`too old resource version: ${from} (${history.oldestRv + 1})`)
          .toStatus();
        watcher.send('ERROR', JSON.stringify(status));
        watcher.close();
        return watcher;
      }
      for (const event of history.events) if (event.rv > from) watcher.deliver(event);
    }

    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    set.add(watcher);

    if (request.allowBookmarks) {
      const tick = (): void => watcher.bookmark(this.store.resourceVersion);
      watcher.addTimer(setInterval(tick, this.bookmarkIntervalMs).unref());
    }
    const timeout =
      request.timeoutSeconds && request.timeoutSeconds > 0 ? request.timeoutSeconds : 1800;
    watcher.addTimer(setTimeout(() => watcher.close(), timeout * 1000).unref());
    return watcher;
  }

  /** Ends every open watch (server shutdown). */
  closeAll(): void {
    for (const set of this.watchers.values()) for (const w of [...set]) w.close();
  }

  watcherCount(): number {
    let n = 0;
    for (const set of this.watchers.values()) n += set.size;
    return n;
  }
}
