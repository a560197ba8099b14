import { describe, expect, it } from 'vitest';
import type { BoardEntry } from './views.js';
import { buildBoard, parseSince } from './review.js';

const NOW = '2026-11-23T12:00:00.000Z';

function entry(
  articleId: string,
  times: { published?: string; firstSeen?: string },
  title = 'Quarry Road Repaved',
  summary = 'Crews repaved the road in three nights.',
): BoardEntry {
  return {
    articleId,
    title,
    url: `https://example.test/${articleId}`,
    publisher: 'fennick-gazette',
    publisherName: 'Fennick Gazette',
    ...times,
    storyId: `story-${articleId}`,
    storyLabel: title,
    rank: Number(articleId.replace(/\D/g, '')),
    initialRank: 1,
    score: 1,
    usage: 'candidate',
    summary,
    flagged: 0,
    audited: 1,
  };
}

const shown = (entries: BoardEntry[], since: string) =>
  buildBoard(entries, { since }, undefined, NOW).stories.flatMap((s) => s.articles.map((a) => a.articleId));

describe('board since filter', () => {
  it('reads windows in hours, days and weeks and refuses anything else', () => {
    expect(parseSince('24h')).toBe(24 * 3_600_000);
    expect(parseSince(' 7D ')).toBe(7 * 86_400_000);
    expect(parseSince('1w')).toBe(7 * 86_400_000);
    for (const bad of ['0h', '24', 'h', '3 months', '-1d', '1.5d', 'yesterday']) expect(parseSince(bad), bad).toBeUndefined();
  });

  it('goes by the published time when there is one, else by when a run first saw the article', () => {
    const entries = [
      // Published two days ago, first seen an hour ago: old news found late.
      entry('a1', { published: '2026-11-21T12:00:00Z', firstSeen: '2026-11-23T11:00:00.000Z' }),
      // Published this morning, first seen last week (a page updated in place).
      entry('a2', { published: '2026-11-23T08:00:00Z', firstSeen: '2026-11-16T09:00:00.000Z' }),
      // No date: first seen three hours ago.
      entry('a3', { firstSeen: '2026-11-23T09:00:00.000Z' }),
      // An unreadable date counts as none.
      entry('a4', { published: 'last Tuesday', firstSeen: '2026-11-10T09:00:00.000Z' }),
    ];
    expect(shown(entries, '6h')).toEqual(['a2', 'a3']);
    expect(shown(entries, '2h')).toEqual([]);
    expect(shown(entries, '3d')).toEqual(['a1', 'a2', 'a3']);
    expect(shown(entries, '2w')).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('matches topic words in the title or the summary, by stem', () => {
    const entries = [entry('a1', {}, 'Quarry Road Repaved'), entry('a2', {}, 'Ferry Timetable Changes', 'Crews will sail a late crossing two nights a week.')];
    const topic = (t: string) => buildBoard(entries, { topic: t }, undefined, NOW).stories.flatMap((s) => s.articles.map((a) => a.articleId));
    expect(topic('roads')).toEqual(['a1']);
    expect(topic('night crews')).toEqual(['a1', 'a2']);
    expect(topic('ferry night')).toEqual(['a2']);
    expect(topic('ferry quarry')).toEqual([]);
  });
});
