// The ranked list as a plain-text table for the terminal.
import type { RankedArticles } from '../model.js';
import type { RunResult } from '../model.js';

/** Marks a rank an editor pinned; explained under the table. */
const PIN_MARK = '*';

/** Marks a candidate a diversity cap moved below the top N: why its score is higher than those above it. */
const CAP_MARK = '↓';

/** Marks a candidate a mute rule moved below every article not muted, and one a boost rule lifted. */
const MUTE_MARK = '⊘';
const BOOST_MARK = '+';

/** Width used when stdout is not a terminal (a pipe or a file). */
const DEFAULT_WIDTH = 120;

export function candidateTable(result: RankedArticles, columns = DEFAULT_WIDTH): string {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const rows = result.candidates.map((c) => {
    const a = articles.get(c.articleId)!;
    const boosted = c.components.some((p) => p.name === 'boost' && p.contribution > 0);
    const marks = `${c.pinned !== undefined ? PIN_MARK : ''}${c.capped ? CAP_MARK : ''}${c.muted ? MUTE_MARK : ''}${boosted ? BOOST_MARK : ''}`;
    return [`${c.rank}${marks}`, c.score.toFixed(2), c.usage, a.publisher, a.title];
  });
  const header = ['rank', 'score', 'usage', 'publisher', 'title'];
  const widths = header.map((h, i) => rows.reduce((widest, r) => Math.max(widest, r[i]!.length), h.length));
  const fixed = widths.slice(0, 4).reduce((n, w) => n + w + 2, 0);
  widths[4] = Math.max(20, Math.min(widths[4]!, columns - fixed));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const width = widths[i]!;
        const fitted = cell.length > width ? `${cell.slice(0, width - 1)}…` : cell;
        return i < 2 ? fitted.padStart(width) : fitted.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const pinned = result.candidates.some((c) => c.pinned !== undefined) ? `${PIN_MARK} pinned by an editor\n` : '';
  const capped = result.candidates.some((c) => c.capped)
    ? `${CAP_MARK} moved below the top of the list by a diversity cap (one article per story, a few per publisher); rank --explain says which\n`
    : '';
  const muted = result.candidates.some((c) => c.muted) ? `${MUTE_MARK} muted by a rule: ranked after every article not muted (newsdesk rules)\n` : '';
  const boosted = rows.some((r) => r[0]!.endsWith(BOOST_MARK)) ? `${BOOST_MARK} boosted by a rule (newsdesk rules)\n` : '';
  return `${[line(header), ...rows.map(line)].join('\n')}\n${pinned}${capped}${muted}${boosted}`;
}

/**
 * Rows under a header, columns aligned; the last column is cut to fit `columns` (with an ellipsis).
 * `right` lists the columns aligned right (numbers).
 */
export function textTable(header: string[], rows: string[][], columns = DEFAULT_WIDTH, right: number[] = []): string {
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fixed = widths.slice(0, last).reduce((n, w) => n + w + 2, 0);
  widths[last] = Math.max(20, Math.min(widths[last]!, columns - fixed));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const width = widths[i]!;
        const fitted = cell.length > width ? `${cell.slice(0, width - 1)}…` : cell;
        return right.includes(i) ? fitted.padStart(width) : fitted.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
