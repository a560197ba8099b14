// Politeness shared by every process of a PostgreSQL desk (see migration 7): host slots taken by one function
// under the host's row lock, holds from Retry-After, and robots.txt rules, all on the server's clock.
import { randomUUID } from 'node:crypto';
import { FULL_HOST_POLL_MS, type HostLimits, type SlotAnswer } from '../../fetch/shared-politeness.js';
import type { RobotsRules } from '../../model.js';
import type { Queryable } from './connection.js';

export async function tryHostSlot(db: Queryable, host: string, limits: HostLimits, leaseMs: number): Promise<SlotAnswer> {
  const slot = randomUUID();
  const { rows } = await db.query<{ wait: number | null }>('SELECT fetch_host_take($1, $2, $3, $4, $5) AS wait', [host, limits.perHost, limits.hostDelayMs, leaseMs, slot]);
  const wait = rows[0]?.wait;
  if (wait === 0) return { slot };
  return { waitMs: wait === null || wait === undefined ? FULL_HOST_POLL_MS : Math.ceil(wait) };
}

export async function releaseHostSlot(db: Queryable, slot: string): Promise<void> {
  await db.query('DELETE FROM fetch_host_slots WHERE id = $1', [slot]);
}

export async function holdHost(db: Queryable, host: string, forMs: number): Promise<void> {
  await db.query(
    `INSERT INTO fetch_hosts (host, held_until) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond')
      ON CONFLICT (host) DO UPDATE SET held_until = greatest(fetch_hosts.held_until, excluded.held_until)`,
    [host, forMs],
  );
}

export async function robotsRules(db: Queryable, origin: string): Promise<RobotsRules | undefined> {
  const { rows } = await db.query<{ rules: RobotsRules }>('SELECT rules FROM robots_rules WHERE origin = $1 AND fresh_until > clock_timestamp()', [origin]);
  return rows[0]?.rules;
}

export async function saveRobotsRules(db: Queryable, origin: string, rules: RobotsRules, forMs: number): Promise<void> {
  await db.query(
    `INSERT INTO robots_rules (origin, rules, fresh_until) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
      ON CONFLICT (origin) DO UPDATE SET rules = excluded.rules, fresh_until = excluded.fresh_until`,
    [origin, JSON.stringify(rules), forMs],
  );
}
