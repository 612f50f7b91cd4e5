// The scenario clock. Tests hold time still and move it with advance(ms), which runs every task
// that falls due in order (waiting for controllers to settle after each); the demo runs it in
// real time. Everything the simulator stamps (creationTimestamp, events, logs) reads this clock.
export interface ClockTask {
  at: number;
  seq: number;
  run: () => void | Promise<void>;
  cancelled: boolean;
}

export class ScenarioClock {
  private current: number;
  private drift = 0;
  private seq = 0;
  private tasks: ClockTask[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  /** Waits for controllers to finish reacting; set by the simulator. */
  settle: () => Promise<void> = () => Promise.resolve();

  constructor(
    start: Date = new Date(),
    private readonly realtime = false,
  ) {
    this.current = start.getTime();
    if (realtime) this.drift = start.getTime() - Date.now();
  }

  get isRealtime(): boolean {
    return this.realtime;
  }

  nowMs(): number {
    return this.realtime ? Math.max(this.current, Date.now() + this.drift) : this.current;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Runs `run` once the clock reaches now + delayMs; returns a cancel function. */
  schedule(delayMs: number, run: () => void | Promise<void>): () => void {
    return this.at(this.nowMs() + Math.max(0, delayMs), run);
  }

  at(timeMs: number, run: () => void | Promise<void>): () => void {
    const task: ClockTask = { at: timeMs, seq: this.seq++, run, cancelled: false };
    let i = this.tasks.length;
    while (
      i > 0 &&
      (this.tasks[i - 1]!.at > task.at ||
        (this.tasks[i - 1]!.at === task.at && this.tasks[i - 1]!.seq > task.seq))
    )
      i--;
    this.tasks.splice(i, 0, task);
    return () => {
      task.cancelled = true;
    };
  }

  pendingTasks(): number {
    return this.tasks.filter((t) => !t.cancelled).length;
  }

  /** Moves time forward by `ms`, running due tasks in order. */
  advance(ms: number): Promise<void> {
    const next = this.running.then(() => this.runUntil(this.nowMs() + Math.max(0, ms), true));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async runUntil(target: number, moveDrift: boolean): Promise<void> {
    await this.settle();
    for (;;) {
      const task = this.tasks[0];
      if (!task || task.at > target) break;
      this.tasks.shift();
      if (task.cancelled) continue;
      if (task.at > this.current) this.current = task.at;
      try {
        await task.run();
      } catch (error) {
        console.error('[kube-sim] scenario task failed:', error);
      }
      await this.settle();
    }
    if (target > this.current) this.current = target;
    if (this.realtime && moveDrift) this.drift = Math.max(this.drift, this.current - Date.now());
  }

  /** Real-time mode: a ticker runs tasks as they fall due. */
  start(): void {
    if (!this.realtime || this.timer) return;
    this.timer = setInterval(() => {
      this.running = this.running
        .then(() => this.runUntil(Date.now() + this.drift, false))
        .catch(() => undefined);
    }, 200);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const t of this.tasks) t.cancelled = true;
    this.tasks = [];
  }
}
