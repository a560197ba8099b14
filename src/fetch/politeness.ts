// Politeness in this process: at most `perHost` requests in flight per host, `hostDelayMs` between the starts
// of two requests to one host, none before a host's Retry-After has passed, and at most `concurrency` in
// flight overall. Written by hand because the rules cross (a slot needs both a global and a per-host permit,
// and a host's delay must not block other hosts); a generic promise pool does only the global half. What
// holds across processes sharing a desk is in shared-politeness.ts.
import { FetchError } from './errors.js';

export interface PolitenessLimits {
  concurrency: number;
  perHost: number;
  hostDelayMs: number;
  /** A host that asked to be left alone for longer than this is not waited for: its requests fail at once. */
  maxRetryAfterMs: number;
}

interface Waiting {
  host: string;
  start: () => void;
  refuse: (error: FetchError) => void;
}

interface HostState {
  active: number;
  lastStart: number;
  /** Epoch ms before which no request starts (the host's Retry-After). */
  heldUntil: number;
}

/** The error for a request to a host that asked to be left alone for longer than we wait. */
export function heldOff(host: string, waitMs: number): FetchError {
  return new FetchError('backed-off', `${host} asked to be left alone for ${Math.ceil(waitMs / 1000)} s more (Retry-After); try again after that`);
}

export class HostQueue {
  private readonly waiting: Waiting[] = [];
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;

  constructor(private readonly limits: PolitenessLimits) {}

  /** Runs `task` when the global and per-host limits allow it. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        host,
        refuse: reject,
        start: () => {
          task()
            .then(resolve, reject)
            .finally(() => {
              this.active--;
              const state = this.hosts.get(host);
              if (state) state.active--;
              this.pump();
            });
        },
      });
      this.pump();
    });
  }

  /** No request to `host` starts before `untilMs` (epoch ms): the server's Retry-After. */
  holdOff(host: string, untilMs: number): void {
    const state = this.hosts.get(host) ?? { active: 0, lastStart: -Infinity, heldUntil: -Infinity };
    state.heldUntil = Math.max(state.heldUntil, untilMs);
    this.hosts.set(host, state);
    this.pump();
  }

  private pump(): void {
    const now = Date.now();
    let nextReady = Infinity;
    for (let i = 0; i < this.waiting.length && this.active < this.limits.concurrency; ) {
      const entry = this.waiting[i]!;
      const state = this.hosts.get(entry.host) ?? { active: 0, lastStart: -Infinity, heldUntil: -Infinity };
      if (state.heldUntil - now > this.limits.maxRetryAfterMs) {
        this.waiting.splice(i, 1);
        entry.refuse(heldOff(entry.host, state.heldUntil - now));
        continue;
      }
      const readyAt = Math.max(state.lastStart + this.limits.hostDelayMs, state.heldUntil);
      if (state.active < this.limits.perHost && readyAt <= now) {
        this.waiting.splice(i, 1);
        state.active++;
        state.lastStart = now;
        this.hosts.set(entry.host, state);
        this.active++;
        entry.start();
        continue;
      }
      if (state.active < this.limits.perHost) nextReady = Math.min(nextReady, readyAt);
      i++;
    }
    // Only a host's delay or hold can unblock work without a task finishing; wake up for the first of them
    // (a long hold on one host must not keep another host waiting past its short delay).
    if (nextReady !== Infinity && nextReady < this.timerDue && this.active < this.limits.concurrency) {
      clearTimeout(this.timer);
      this.timerDue = nextReady;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.timerDue = Infinity;
        this.pump();
      }, Math.max(0, nextReady - now));
    }
  }
}
