// Runs all day: `newsdesk serve` starts a run every `schedule.every`, through the same RunTracker as the
// editor's button, so a scheduled run and a clicked one never overlap. A tick that finds a run under way
// lets it be; the next tick comes a full interval after this one.
import type { RunTracker } from './runs.js';

export interface ScheduleState {
  everyMs: number;
  /** When the next scheduled run starts (UTC ISO). */
  next: string;
}

/** Starts and cancels the timer; tests pass one they can fire themselves. */
export interface Timer {
  set(callback: () => void, ms: number): () => void;
}

const REAL_TIMER: Timer = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending tick must not keep a stopping server's process alive.
    handle.unref();
    return () => clearTimeout(handle);
  },
};

export class Schedule {
  private nextAt: number;
  private cancel: () => void = () => {};

  constructor(
    private readonly runs: Pick<RunTracker, 'start' | 'current'>,
    private readonly everyMs: number,
    private readonly now: () => number = Date.now,
    private readonly timer: Timer = REAL_TIMER,
  ) {
    this.nextAt = this.now() + everyMs;
  }

  start(): void {
    this.cancel = this.timer.set(() => this.tick(), Math.max(0, this.nextAt - this.now()));
  }

  stop(): void {
    this.cancel();
  }

  state(): ScheduleState {
    return { everyMs: this.everyMs, next: new Date(this.nextAt).toISOString() };
  }

  private tick(): void {
    if (this.runs.current().status !== 'running') this.runs.start();
    this.nextAt += this.everyMs;
    // After a long sleep (a laptop lid), the next tick is one interval from now, not a burst of missed ones.
    if (this.nextAt <= this.now()) this.nextAt = this.now() + this.everyMs;
    this.start();
  }
}
