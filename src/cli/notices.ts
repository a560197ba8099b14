// A run's notes as a person reads them: many files with the same problem are one line, not one line each.
// Ingest already groups its own (ingest/notices.ts); a queued run gathers notes from one job per input.
import { NO_URL_NOTICE_RE, noUrlGroupNotice } from '../ingest/notices.js';

/** Notes that recur per input, with the one line that stands for all of them. */
const GROUPS: Array<{ pattern: RegExp; line: (paths: string[]) => string }> = [
  {
    pattern: NO_URL_NOTICE_RE,
    line: (paths) => noUrlGroupNotice(paths.length, paths),
  },
];

export function groupNotices(notices: string[]): string[] {
  const out: string[] = [];
  const grouped = GROUPS.map(() => [] as string[]);
  for (const notice of notices) {
    const at = GROUPS.findIndex((g) => g.pattern.test(notice));
    if (at < 0) out.push(notice);
    else grouped[at]!.push(notice.replace(GROUPS[at]!.pattern, '$1'));
  }
  GROUPS.forEach((group, i) => {
    const paths = grouped[i]!;
    if (paths.length === 0) return;
    if (paths.length === 1) {
      out.push(notices.find((n) => group.pattern.test(n))!);
      return;
    }
    out.push(group.line(paths));
  });
  return out;
}
