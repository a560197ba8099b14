// Human dates for the editor: "2 h ago" in the text, the exact ISO time in the tooltip (editor.js adds the
// reader's local time to it). Relative to the server's clock, so a page reads the same for every editor.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Beyond this, a date reads better than a count of days. */
const RELATIVE_DAYS = 14;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "just now", "5 min ago", "2 h ago", "3 days ago", "in 2 h", or "23 Nov 2026"; the input itself when unreadable. */
export function humanTime(iso: string, now: string): string {
  const at = Date.parse(iso);
  const reference = Date.parse(now);
  if (Number.isNaN(at) || Number.isNaN(reference)) return iso;
  const ago = reference - at;
  const span = Math.abs(ago);
  if (span >= RELATIVE_DAYS * DAY) {
    const d = new Date(at);
    return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }
  const amount =
    span < MINUTE ? '' : span < HOUR ? `${Math.floor(span / MINUTE)} min` : span < DAY ? `${Math.floor(span / HOUR)} h` : plural(Math.floor(span / DAY), 'day');
  if (!amount) return 'just now';
  return ago >= 0 ? `${amount} ago` : `in ${amount}`;
}

/** True when both times fall on the same UTC day. */
export function sameDay(a: string, b: string): boolean {
  return a.slice(0, 10) === b.slice(0, 10) && !Number.isNaN(Date.parse(a)) && !Number.isNaN(Date.parse(b));
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
