// How long a fetched feed may be left alone before it is fetched again: what the server says (Cache-Control
// max-age, else Expires) or the feed itself (RSS <ttl>, Syndication module's updatePeriod/updateFrequency),
// whichever is longer, never more than a day. Honouring it is the polite thing for a desk that runs all day.

/** A feed that asks to be left alone longer is still read at least daily. */
export const MAX_FRESH_MS = 24 * 60 * 60 * 1000;
/** The part of a body searched for <ttl> and sy:update*: they sit in the channel header, before the items. */
const HEAD_BYTES = 16 * 1024;

const PERIOD_MS: Record<string, number> = { hourly: 3_600_000, daily: 86_400_000, weekly: 604_800_000, monthly: 2_592_000_000, yearly: 31_536_000_000 };

interface Headers {
  get(name: string): string | null;
}

/** Milliseconds the response may be reused; 0 when neither the headers nor the feed say. */
export function freshForMs(headers: Headers, body: Uint8Array): number {
  return Math.min(MAX_FRESH_MS, Math.max(fromHeaders(headers), fromFeed(body)));
}

function fromHeaders(headers: Headers): number {
  const cacheControl = headers.get('cache-control')?.toLowerCase() ?? '';
  if (/\b(no-store|no-cache)\b/.test(cacheControl)) return 0;
  const maxAge = /\bmax-age\s*=\s*"?(\d+)/.exec(cacheControl);
  if (maxAge) return Number(maxAge[1]) * 1000;
  const expires = Date.parse(headers.get('expires') ?? '');
  const date = Date.parse(headers.get('date') ?? '');
  if (Number.isNaN(expires)) return 0;
  return Math.max(0, expires - (Number.isNaN(date) ? Date.now() : date));
}

function fromFeed(body: Uint8Array): number {
  // Latin-1 keeps byte offsets and never fails; the tags looked for are ASCII in every encoding we read.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, HEAD_BYTES)).toString('latin1');
  const ttl = /<ttl>\s*(\d+)\s*<\/ttl>/i.exec(head);
  const ttlMs = ttl ? Number(ttl[1]) * 60_000 : 0;
  const period = /<sy:updatePeriod>\s*(\w+)\s*</i.exec(head)?.[1]?.toLowerCase();
  const frequency = Number(/<sy:updateFrequency>\s*(\d+)\s*</i.exec(head)?.[1] ?? 1);
  const periodMs = period && PERIOD_MS[period] && frequency > 0 ? PERIOD_MS[period]! / frequency : 0;
  return Math.max(ttlMs, periodMs);
}
