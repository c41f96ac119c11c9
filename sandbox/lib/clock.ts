/**
 * A virtual clock and a scheduler built on it. Every sandbox timestamp and every delayed
 * transition goes through these two, so tests can fast-forward time (`advance`) instead of
 * sleeping, and `close()` can cancel everything still in flight.
 */
const MAX_TIMER_MS = 2_147_000_000;

export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  shift(ms: number): void {
    this.offsetMs += ms;
  }

  resetOffset(): void {
    this.offsetMs = 0;
  }
}

interface Task {
  due: number;
  run: () => void;
  timer?: NodeJS.Timeout;
}

export type TaskHandle = object;

export class Scheduler {
  private readonly tasks = new Set<Task>();

  constructor(private readonly clock: Clock) {}

  /** Runs `run` once `ms` of sandbox time have passed. */
  after(ms: number, run: () => void): TaskHandle {
    return this.at(this.clock.now() + Math.max(0, ms), run);
  }

  at(due: number, run: () => void): TaskHandle {
    const task: Task = { due, run };
    this.tasks.add(task);
    this.arm(task);
    return task;
  }

  cancel(handle: TaskHandle | undefined): void {
    if (!handle) return;
    const task = handle as Task;
    clearTimeout(task.timer);
    this.tasks.delete(task);
  }

  /** Moves the clock forward and runs, in due order, everything that became due. */
  advance(ms: number): void {
    this.clock.shift(ms);
    this.runDue();
    for (const task of this.tasks) this.arm(task);
  }

  /** Stretches (factor > 1) or shrinks every pending delay, e.g. when the time scale changes. */
  rescale(factor: number): void {
    const now = this.clock.now();
    for (const task of this.tasks) {
      task.due = now + Math.max(0, task.due - now) * factor;
      this.arm(task);
    }
    this.runDue();
  }

  clear(): void {
    for (const task of this.tasks) clearTimeout(task.timer);
    this.tasks.clear();
  }

  get pending(): number {
    return this.tasks.size;
  }

  private arm(task: Task): void {
    clearTimeout(task.timer);
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, task.due - this.clock.now()));
    task.timer = setTimeout(() => {
      if (!this.tasks.has(task)) return;
      if (this.clock.now() >= task.due) this.fire(task);
      else this.arm(task);
    }, delay);
    task.timer.unref();
  }

  private runDue(): void {
    // A task may schedule another that is already due; loop until nothing is due.
    for (;;) {
      const now = this.clock.now();
      const due = [...this.tasks].filter((t) => t.due <= now).sort((a, b) => a.due - b.due);
      if (due.length === 0) return;
      for (const task of due) this.fire(task);
    }
  }

  private fire(task: Task): void {
    if (!this.tasks.delete(task)) return;
    clearTimeout(task.timer);
    try {
      task.run();
    } catch (error) {
      console.error('[sandbox] scheduled task failed', error);
    }
  }
}

/** RFC 3339 UTC without milliseconds, as the docs' examples are written. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
