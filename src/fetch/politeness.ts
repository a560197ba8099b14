// Politeness: at most `perHost` requests in flight per host, `hostDelayMs` between the starts of two
// requests to one host, and at most `concurrency` in flight overall. Written by hand because the
// rules cross (a slot needs both a global and a per-host permit, and a host's delay must not block
// other hosts); a generic promise pool does only the global half.

export interface PolitenessLimits {
  concurrency: number;
  perHost: number;
  hostDelayMs: number;
}

interface Waiting {
  host: string;
  start: () => void;
}

interface HostState {
  active: number;
  lastStart: number;
}

export class HostQueue {
  private readonly waiting: Waiting[] = [];
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly limits: PolitenessLimits) {}

  /** Runs `task` when the global and per-host limits allow it. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        host,
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

  private pump(): void {
    const now = Date.now();
    let nextReady = Infinity;
    for (let i = 0; i < this.waiting.length && this.active < this.limits.concurrency; ) {
      const entry = this.waiting[i]!;
      const state = this.hosts.get(entry.host) ?? { active: 0, lastStart: -Infinity };
      const readyAt = state.lastStart + this.limits.hostDelayMs;
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
    // Only a host's delay can unblock work without a task finishing; wake up for it.
    if (nextReady !== Infinity && this.timer === undefined && this.active < this.limits.concurrency) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, Math.max(0, nextReady - now));
    }
  }
}
