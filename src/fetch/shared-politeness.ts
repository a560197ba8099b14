// Politeness that holds for every process sharing a desk: per-host slots (at most `perHost` taken at once),
// the delay between two starts on a host, a host's Retry-After and its robots.txt, kept where every fetcher
// of the desk sees them. The store keeps them (PostgreSQL for a fleet of workers; in the process for SQLite,
// memoryPoliteness below); the fetcher asks before every attempt (client.ts). Times are durations from now,
// so that machines whose clocks differ still agree: PostgreSQL counts them on its own clock.
import type { RobotsRules } from '../model.js';
import { heldOff } from './politeness.js';
import { sleep } from './retry.js';

export interface HostLimits {
  perHost: number;
  hostDelayMs: number;
}

/** A slot on a host, or how long to wait before asking again. */
export type SlotAnswer = { slot: string } | { waitMs: number };

export interface PolitenessStore {
  /**
   * Takes a slot on `host` when fewer than `perHost` are taken, `hostDelayMs` have passed since the last
   * one was taken, and no hold is on; else says how long to wait. A slot lapses after `leaseMs` unless
   * released first, so a process that dies does not keep it.
   */
  tryHostSlot(host: string, limits: HostLimits, leaseMs: number): Promise<SlotAnswer>;
  releaseHostSlot(slot: string): Promise<void>;
  /** No slot on `host` is given for `forMs` from now (the server's Retry-After); a longer hold stays. */
  holdHost(host: string, forMs: number): Promise<void>;
  /** What a fetcher of the desk read in the origin's robots.txt, while it is fresh. */
  robotsRules(origin: string): Promise<RobotsRules | undefined>;
  saveRobotsRules(origin: string, rules: RobotsRules, forMs: number): Promise<void>;
}

/** A full host is asked again this often: slots are released as requests end, which nobody announces. */
export const FULL_HOST_POLL_MS = 100;

export interface HostSlot {
  release(): Promise<void>;
}

/**
 * Waits for a slot on `host`. A wait longer than `maxWaitMs` (a long Retry-After) is not waited out: the
 * request fails at once and says when the host may be asked again.
 */
export async function takeHostSlot(store: PolitenessStore, host: string, limits: HostLimits, leaseMs: number, maxWaitMs: number): Promise<HostSlot> {
  for (;;) {
    const answer = await store.tryHostSlot(host, limits, leaseMs);
    if ('slot' in answer) {
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await store.releaseHostSlot(answer.slot);
        },
      };
    }
    if (answer.waitMs > maxWaitMs) throw heldOff(host, answer.waitMs);
    await sleep(answer.waitMs);
  }
}

interface HostEntry {
  /** Slot id → epoch ms at which it lapses. */
  slots: Map<string, number>;
  nextStart: number;
  heldUntil: number;
}

/** The politeness of a SQLite desk: kept in this process, for the fetchers it runs. */
export function memoryPoliteness(now: () => number = Date.now): PolitenessStore {
  const hosts = new Map<string, HostEntry>();
  const robots = new Map<string, { rules: RobotsRules; until: number }>();
  const owners = new Map<string, string>();
  let made = 0;
  const entry = (host: string): HostEntry => {
    let found = hosts.get(host);
    if (!found) hosts.set(host, (found = { slots: new Map(), nextStart: -Infinity, heldUntil: -Infinity }));
    return found;
  };
  return {
    async tryHostSlot(host, limits, leaseMs) {
      const at = now();
      const state = entry(host);
      for (const [slot, lapses] of state.slots) if (lapses <= at) state.slots.delete(slot);
      if (state.slots.size >= limits.perHost) return { waitMs: FULL_HOST_POLL_MS };
      const readyAt = Math.max(state.nextStart, state.heldUntil);
      if (readyAt > at) return { waitMs: readyAt - at };
      const slot = `slot-${++made}`;
      state.slots.set(slot, at + leaseMs);
      owners.set(slot, host);
      state.nextStart = at + limits.hostDelayMs;
      return { slot };
    },
    async releaseHostSlot(slot) {
      const host = owners.get(slot);
      owners.delete(slot);
      if (host) hosts.get(host)?.slots.delete(slot);
    },
    async holdHost(host, forMs) {
      const state = entry(host);
      state.heldUntil = Math.max(state.heldUntil, now() + forMs);
    },
    async robotsRules(origin) {
      const kept = robots.get(origin);
      return kept && kept.until > now() ? kept.rules : undefined;
    },
    async saveRobotsRules(origin, rules, forMs) {
      robots.set(origin, { rules, until: now() + forMs });
    },
  };
}
