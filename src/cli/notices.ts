// A run's notes as a person reads them: many files with the same problem are one line, not one line each.
import { plural } from '../web/when.js';

/** Notes that recur per input, with the one line that stands for all of them. */
const GROUPS: Array<{ pattern: RegExp; line: (count: number) => string }> = [
  {
    pattern: /^(.*): no URL known for "(.*)"; pass --url when ingesting a single file$/,
    line: (n) => `${plural(n, 'plain-text file')} ${n === 1 ? 'has' : 'have'} no URL; pass --url (one file) or list them in a feed`,
  },
];

/** Most example files named under a grouped note. */
const EXAMPLES = 3;

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
    const names = paths.slice(0, EXAMPLES).map((p) => p.slice(p.lastIndexOf('/') + 1));
    out.push(`${group.line(paths.length)} (${names.join(', ')}${paths.length > EXAMPLES ? ', …' : ''})`);
  });
  return out;
}
