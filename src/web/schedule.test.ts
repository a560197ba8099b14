import { describe, expect, it } from 'vitest';
import { Schedule, type Timer } from './schedule.js';
import type { RunState } from './runs.js';

/** A timer the test fires by hand, and a clock it moves. */
function manual() {
  let pending: { callback: () => void; at: number } | undefined;
  let clock = Date.parse('2026-12-06T08:00:00.000Z');
  const timer: Timer = {
    set(callback, ms) {
      pending = { callback, at: clock + ms };
      return () => (pending = undefined);
    },
  };
  return {
    timer,
    now: () => clock,
    pendingAt: () => (pending ? new Date(pending.at).toISOString() : undefined),
    fire(at: string) {
      clock = Date.parse(at);
      const due = pending!;
      pending = undefined;
      due.callback();
    },
  };
}

function tracker(status: RunState['status'] = 'idle') {
  const state = { status, starts: 0 };
  return {
    state,
    runs: {
      current: (): RunState => ({ status: state.status, stages: [] }),
      start: (): RunState => {
        state.starts += 1;
        state.status = 'running';
        return { status: 'running', stages: [] };
      },
    },
  };
}

describe('Schedule', () => {
  it('starts a run every interval and says when the next one is', () => {
    const clock = manual();
    const { runs, state } = tracker();
    const schedule = new Schedule(runs, 15 * 60_000, clock.now, clock.timer);
    schedule.start();
    expect(schedule.state()).toEqual({ everyMs: 900_000, next: '2026-12-06T08:15:00.000Z' });
    expect(clock.pendingAt()).toBe('2026-12-06T08:15:00.000Z');
    clock.fire('2026-12-06T08:15:00.000Z');
    expect(state.starts).toBe(1);
    expect(schedule.state().next).toBe('2026-12-06T08:30:00.000Z');
    state.status = 'finished';
    clock.fire('2026-12-06T08:30:00.000Z');
    expect(state.starts).toBe(2);
  });

  it('lets a run under way be, and after a long pause does not burst', () => {
    const clock = manual();
    const { runs, state } = tracker('running');
    const schedule = new Schedule(runs, 60 * 60_000, clock.now, clock.timer);
    schedule.start();
    clock.fire('2026-12-06T09:00:00.000Z');
    expect(state.starts).toBe(0);
    state.status = 'finished';
    // The machine slept through three ticks: one run now, the next an interval later.
    clock.fire('2026-12-06T12:30:00.000Z');
    expect(state.starts).toBe(1);
    expect(schedule.state().next).toBe('2026-12-06T13:30:00.000Z');
    schedule.stop();
    expect(clock.pendingAt()).toBeUndefined();
  });
});
