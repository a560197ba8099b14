// When to try again: Retry-After from the server, but never sooner than our own backoff; otherwise
// exponential backoff with jitter, so a few hundred feeds failing at once do not come back in lockstep.

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';
/** The date forms HTTP allows (RFC 9110 §5.6.7); `suffix` makes Date.parse read asctime as GMT. */
const HTTP_DATES: ReadonlyArray<{ form: RegExp; suffix: string }> = [
  { form: new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT$`), suffix: '' }, // IMF-fixdate
  { form: new RegExp(`^${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT$`), suffix: '' }, // RFC 850
  { form: new RegExp(`^${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4}$`), suffix: ' GMT' }, // asctime
];

/**
 * `Retry-After: 120` or an HTTP date → milliseconds from now; undefined when absent or not one of the
 * forms HTTP defines. Anything else (`-5`, `1.5`, `soon`, a bare year) is unreadable, not "now":
 * Date.parse would read "-5" as a date in 2001 and so ask for an immediate retry.
 */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = HTTP_DATES.find(({ form }) => form.test(value));
  if (!date) return undefined;
  const at = Date.parse(value + date.suffix);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** "Equal jitter": half the exponential delay fixed, half random; never zero, never in lockstep. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
