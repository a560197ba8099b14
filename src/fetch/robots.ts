// robots.txt for article pages (feeds are published to be fetched; pages are crawled). One fetch per
// origin per run, through the same client and its guards; with a fetcher that shares politeness with the
// desk's other processes, one fetch per origin per ROBOTS_TTL_MS for all of them. Parsing by robots-parser
// (RFC 9309, wildcards).
import robotsParserModule from 'robots-parser';
import type { RobotsRules } from '../model.js';
import type { Fetcher } from './client.js';
import { FetchError } from './errors.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// The package's typings declare an ambient module that NodeNext does not see as callable; it is a CommonJS function.
const robotsParser = robotsParserModule as unknown as (url: string, robotstxt: string) => Robot;

/** robots.txt is small; anything past this is not a robots file worth reading. */
const ROBOTS_MAX_BYTES = 512 * 1024;
/** Shared rules are fetched again after an hour: sites change them rarely, and a day is what RFC 9309 allows. */
export const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** An unreachable robots.txt is asked for again sooner: "allow nothing" should not outlast a short outage. */
export const ROBOTS_UNREACHABLE_TTL_MS = 5 * 60 * 1000;

/** The product token robots.txt groups name: the User-Agent's first word without its version. */
export function productToken(userAgent: string): string {
  return (userAgent.split(/[\s/]/)[0] ?? userAgent).toLowerCase();
}

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<Robot | 'disallow-all' | undefined>>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly userAgent: string,
  ) {}

  private async load(origin: string): Promise<Robot | 'disallow-all' | undefined> {
    const robotsUrl = `${origin}/robots.txt`;
    const shared = this.fetcher.politeness;
    let rules = await shared?.robotsRules(origin);
    if (!rules) {
      let fromServer = true;
      rules = await this.fetcher.fetch(robotsUrl, { accept: 'text/plain' }).then(
        (document): RobotsRules => ({ kind: 'rules', body: document.body.subarray(0, ROBOTS_MAX_BYTES).toString('utf8') }),
        (error: unknown): RobotsRules => {
          // RFC 9309 §2.3.1: "unavailable" (4xx) allows everything; "unreachable" (5xx, network) allows nothing for now.
          if (error instanceof FetchError && error.kind === 'http' && error.status !== undefined && error.status < 500) return { kind: 'allow-all' };
          // Refused here (a private address, a host holding us off) says nothing about the site to other fetchers.
          fromServer = error instanceof FetchError && ['http', 'network', 'timeout'].includes(error.kind);
          return { kind: 'disallow-all' };
        },
      );
      if (fromServer) await shared?.saveRobotsRules(origin, rules, rules.kind === 'disallow-all' ? ROBOTS_UNREACHABLE_TTL_MS : ROBOTS_TTL_MS);
    }
    if (rules.kind === 'rules') return robotsParser(robotsUrl, rules.body);
    return rules.kind === 'allow-all' ? undefined : 'disallow-all';
  }

  /** True when robots.txt lets this client fetch the URL. */
  async allows(url: string): Promise<boolean> {
    const origin = new URL(url).origin;
    let robot = this.byOrigin.get(origin);
    if (!robot) {
      robot = this.load(origin);
      this.byOrigin.set(origin, robot);
      // The store failed to answer (a restart): asked again next time, not remembered as the origin's rules.
      robot.catch(() => this.byOrigin.delete(origin));
    }
    const rules = await robot;
    if (rules === undefined) return true;
    if (rules === 'disallow-all') return false;
    return rules.isAllowed(url, productToken(this.userAgent)) ?? true;
  }
}
