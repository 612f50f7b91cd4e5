// Controllers react to store changes asynchronously, like real ones: work is queued by key
// (deduplicated) and drained on the next turn of the event loop, so a write never re-enters the
// store's change notification. settle() resolves once nothing is left to do.
export class WorkQueue {
  private readonly pending = new Map<string, () => void>();
  private scheduled = false;
  private waiters: (() => void)[] = [];

  add(key: string, work: () => void): void {
    this.pending.set(key, work);
    this.kick();
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    let budget = 10_000;
    while (this.pending.size > 0 && budget-- > 0) {
      const [key, work] = this.pending.entries().next().value as [string, () => void];
      this.pending.delete(key);
      try {
        work();
      } catch (error) {
        console.error(`[kube-sim] controller work ${key} failed:`, error);
      }
    }
    if (this.pending.size > 0) {
      this.kick();
      return;
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  settle(): Promise<void> {
    if (this.pending.size === 0 && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
