// Container logs, kept per pod/container with timestamps so tailLines, sinceSeconds, timestamps,
// previous (the last terminated instance) and follow behave like the kubelet's.
export interface LogLine {
  ts: number;
  text: string;
}

interface ContainerLog {
  current: LogLine[];
  previous?: LogLine[];
}

export type LogFollower = (line: LogLine) => void;

function key(namespace: string, pod: string, container: string): string {
  return `${namespace}/${pod}/${container}`;
}

export class PodLogs {
  private readonly logs = new Map<string, ContainerLog>();
  private readonly followers = new Map<string, Set<LogFollower>>();
  private readonly ended = new Map<string, Set<() => void>>();

  /** Appends lines (a string with newlines, or explicit timestamped lines). */
  append(
    namespace: string,
    pod: string,
    container: string,
    lines: string | LogLine[],
    ts = Date.now(),
  ): void {
    const k = key(namespace, pod, container);
    const log = this.logs.get(k) ?? { current: [] };
    this.logs.set(k, log);
    const items =
      typeof lines === 'string' ? splitLines(lines).map((text) => ({ ts, text })) : lines;
    for (const line of items) {
      log.current.push(line);
      for (const f of this.followers.get(k) ?? []) f(line);
    }
  }

  /** A container restarted: its log becomes the "previous" log and a new one begins. */
  restart(namespace: string, pod: string, container: string): void {
    const log = this.logs.get(key(namespace, pod, container));
    if (!log) return;
    log.previous = log.current;
    log.current = [];
  }

  has(namespace: string, pod: string, container: string, previous = false): boolean {
    const log = this.logs.get(key(namespace, pod, container));
    return previous ? log?.previous !== undefined : log !== undefined;
  }

  read(namespace: string, pod: string, container: string, previous = false): LogLine[] {
    const log = this.logs.get(key(namespace, pod, container));
    return (previous ? log?.previous : log?.current) ?? [];
  }

  follow(
    namespace: string,
    pod: string,
    container: string,
    follower: LogFollower,
    onEnd: () => void,
  ): () => void {
    const k = key(namespace, pod, container);
    let set = this.followers.get(k);
    if (!set) this.followers.set(k, (set = new Set()));
    set.add(follower);
    let ends = this.ended.get(k);
    if (!ends) this.ended.set(k, (ends = new Set()));
    ends.add(onEnd);
    return () => {
      set.delete(follower);
      ends.delete(onEnd);
    };
  }

  /** The container stopped: followers get end-of-stream. */
  endStreams(namespace: string, pod: string, container?: string): void {
    for (const [k, ends] of this.ended) {
      const prefix = `${namespace}/${pod}/`;
      if (!k.startsWith(prefix) || (container && k !== key(namespace, pod, container))) continue;
      for (const end of [...ends]) end();
      ends.clear();
      this.followers.get(k)?.clear();
    }
  }

  deletePod(namespace: string, pod: string): void {
    this.endStreams(namespace, pod);
    const prefix = `${namespace}/${pod}/`;
    for (const k of [...this.logs.keys()]) if (k.startsWith(prefix)) this.logs.delete(k);
  }
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
