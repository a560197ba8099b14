import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { makeArticle } from '../../test/helpers/articles.js';
import type { ArticleReview } from './views.js';
import { buildArticleView, buildBoard, foldCopies, type Board } from './review.js';
import { humanTime } from './when.js';
import { articlePage, boardPage, runSummary } from './pages.js';
import type { RunState } from './runs.js';

const text = 'The Tarn Valley mill will close in May. About ninety people work there.\n\nThe owner blamed rising power costs.';

function review(): ArticleReview {
  return {
    article: makeArticle({ id: 'mill1', title: 'Tarn Valley Mill to Close', text, url: 'javascript:alert(1)' }),
    summary: {
      articleId: 'mill1',
      text: 'The Tarn Valley mill will close in May. The owner blamed rising power costs.',
      sentences: [
        { text: 'The Tarn Valley mill will close in May.', source: [{ sentence: 0, start: 0, end: 39 }], edits: [] },
        { text: 'The owner blamed rising power costs.', source: [{ sentence: 2, start: 73, end: 109 }], edits: [] },
      ],
      wordCount: 14,
      method: 'extractive',
    },
    audit: {
      articleId: 'mill1',
      sentences: [
        { text: 'The Tarn Valley mill will close in May.', verdict: 'supported', score: 1, evidence: [], findings: [] },
        { text: 'About ninety people work there.', verdict: 'unsupported', score: 0, evidence: [], findings: [{ kind: 'provenance', detail: 'text differs from the source span it cites' }] },
        { text: 'The owner blamed rising power costs.', verdict: 'misattributed', score: 0.4, evidence: [], findings: [{ kind: 'speaker', detail: 'the source names the union, not the owner' }] },
      ],
    },
    candidate: { articleId: 'mill1', storyId: 's-1', score: 1, components: [], initialRank: 2, rank: 1, usage: 'selected' },
    storyLabel: 'Mill closure',
    changes: [{ articleId: 'mill1', usage: 'selected', previous: 'candidate', note: 'lead', at: '2026-11-23T09:00:00.000Z' }],
    rankChanges: [
      { articleId: 'mill1', runId: 3, rank: 1, previous: 2, at: '2026-11-23T08:30:00.000Z' },
      { articleId: 'mill1', runId: 3, previous: 1, at: '2026-11-23T09:30:00.000Z' },
    ],
    file: { path: 'articles/harborgazette/tarn-valley-mill-to-close.md', markdown: '---\nurl: https://www.harborgazette.example/mill\ntitle: Tarn Valley Mill to Close\n---\n' },
  };
}

describe('article view', () => {
  it('wraps source sentences with ids, links summary sentences to them and shows audit findings inline', async () => {
    const { document } = parseHTML(String(await articlePage(buildArticleView(review()), 'csrf-value', '2026-11-23T10:00:00.000Z')));
    expect([...document.querySelectorAll('.source .src')].map((s) => s.id)).toEqual(['src-0', 'src-1', 'src-2']);
    expect(document.querySelectorAll('.source p')).toHaveLength(2);
    // The sentences the summary draws on are marked in the page itself, not only on hover.
    expect([...document.querySelectorAll('.source .src.used')].map((s) => s.id)).toEqual(['src-0', 'src-2']);
    expect(document.querySelector('.changes time')?.getAttribute('title')).toBe('2026-11-23T08:30:00.000Z');
    const [first, second] = [...document.querySelectorAll('.sum')];
    expect(first?.getAttribute('data-sources')).toBe('src-0');
    expect(second?.getAttribute('data-sources')).toBe('src-2');
    expect(second?.classList.contains('sum-flagged')).toBe(true);
    expect(document.querySelector('.summary-col .verdict')?.textContent).toBe('misattributed');
    expect(document.querySelector('.summary-col .finding')?.textContent).toBe('speaker: the source names the union, not the owner');
    expect(document.querySelector('.dropped li')?.textContent).toContain('About ninety people work there.');
    expect(document.querySelector('.dropped .finding')?.textContent).toBe('provenance: text differs from the source span it cites');
    // A javascript: URL never becomes a link.
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
    expect(document.querySelector('input[name="csrf"]')?.getAttribute('value')).toBe('csrf-value');
    // The Markdown shown is the published file, offered under its own name.
    expect(document.querySelector('pre.markdown')?.textContent).toBe('---\nurl: https://www.harborgazette.example/mill\ntitle: Tarn Valley Mill to Close\n---\n');
    expect(document.querySelector('a[download]')?.getAttribute('download')).toBe('tarn-valley-mill-to-close.md');
    expect(document.body.innerHTML).not.toContain('javascript:');
    // The audit trail holds pins and unpins beside usage changes, oldest first.
    expect([...document.querySelectorAll('.changes li')].map((li) => li.textContent)).toEqual([
      '1 h ago: pinned at #1 (was #2) in run 3',
      '1 h ago: candidate → selected (lead)',
      '30 min ago: unpinned (was #1) in run 3',
    ]);
  });
});

describe('board', () => {
  const entry = (articleId: string, storyId: string, rank: number, publisher: string, usage: 'candidate' | 'selected' = 'candidate') => ({
    articleId, storyId, rank, publisher, usage, title: articleId, url: '', publisherName: publisher, storyLabel: storyId,
    initialRank: rank, score: 1, summary: '', flagged: 0, audited: 1,
  });
  const entries = [entry('a', 's1', 1, 'ledger'), entry('b', 's2', 2, 'courier', 'selected'), entry('c', 's1', 3, 'courier')];

  it('groups entries into stories in rank order and filters by usage and publisher', () => {
    const all = buildBoard(entries, {});
    expect(all.stories.map((s) => [s.id, s.rank, s.publishers, s.articles.map((a) => a.articleId)])).toEqual([
      ['s1', 1, ['ledger', 'courier'], ['a', 'c']],
      ['s2', 2, ['courier'], ['b']],
    ]);
    expect(all.publishers).toEqual(['courier', 'ledger']);
    expect(buildBoard(entries, { publisher: 'courier' }).stories.map((s) => [s.id, s.rank])).toEqual([['s2', 2], ['s1', 3]]);
    expect(buildBoard(entries, { usage: 'selected' }).stories.flatMap((s) => s.articles.map((a) => a.articleId))).toEqual(['b']);
  });
});

describe('compact board', () => {
  const at = (articleId: string, storyId: string, rank: number, publisher: string, extra: Record<string, unknown> = {}) => ({
    articleId, storyId, rank, publisher, usage: 'candidate' as const, title: `Title ${articleId}`, url: `https://news.example/${articleId}`, publisherName: publisher,
    storyLabel: storyId, initialRank: rank, score: 1, summary: `Summary ${articleId}`, flagged: 0, audited: 1, published: '2026-11-23T07:00:00.000Z', ...extra,
  });
  const entries = [at('a', 's1', 1, 'ledger'), at('c', 's1', 2, 'wire', { duplicateOf: 'a', usage: 'duplicate' }), at('d', 's1', 3, 'courier'), at('b', 's2', 4, 'courier')];

  it('shows one line per story, folds copies under their original and keeps the rest for when the story is expanded', async () => {
    const board = buildBoard(entries, {}, { id: 2, startedAt: '2026-11-23T08:00:00.000Z' }, '2026-11-23T09:00:00.000Z');
    expect(foldCopies(board.stories[0]!).map((f) => [f.entry.articleId, f.copies.map((c) => c.articleId)])).toEqual([['a', ['c']], ['d', []]]);
    const { document } = parseHTML(String(await boardPage(board, {}, 'csrf-value')));
    const rows = [...document.querySelectorAll('.story-row')];
    expect(rows.map((r) => [r.getAttribute('data-id'), r.querySelector('.rank')?.textContent, r.querySelector('.expand')?.textContent])).toEqual([
      ['a', '#1', '+2'],
      ['b', '#4', 'more'],
    ]);
    expect(rows[0]!.getAttribute('data-url')).toBe('https://news.example/a');
    expect([...document.querySelectorAll('.story-more')].every((m) => m.hasAttribute('hidden'))).toBe(true);
    expect([...document.querySelectorAll('#more-s1 > .copies .copy')].map((c) => c.getAttribute('data-id'))).toEqual(['c']);
    expect(document.querySelector('#more-s1 .story-actions')?.getAttribute('action')).toBe('/stories/s1/usage');
    expect(document.querySelector('h1')?.textContent).toBe("Today's stories");
    const time = document.querySelector('#board-run time');
    expect([time?.textContent, time?.getAttribute('title'), time?.getAttribute('datetime')]).toEqual(['1 h ago', '2026-11-23T08:00:00.000Z', '2026-11-23T08:00:00.000Z']);
    const full = parseHTML(String(await boardPage(board, {}, 'csrf-value', undefined, undefined, undefined, 'full'))).document;
    expect([...full.querySelectorAll('.story-more')].some((m) => m.hasAttribute('hidden'))).toBe(false);
  });

  it('says "Today\'s stories" only when the news is from today, and how old it is otherwise', async () => {
    const old = buildBoard(entries, {}, { id: 2, startedAt: '2026-12-06T08:00:00.000Z' }, '2026-12-06T09:00:00.000Z');
    const { document } = parseHTML(String(await boardPage(old, {}, 'csrf-value')));
    expect(document.querySelector('h1')?.textContent).toBe('Stories');
    expect(document.querySelector('#news-age')?.textContent).toBe('News up to 13 days ago');
  });

  it('reads dates as people say them', () => {
    const now = '2026-11-23T12:00:00.000Z';
    expect(humanTime('2026-11-23T11:59:30.000Z', now)).toBe('just now');
    expect(humanTime('2026-11-23T11:15:00.000Z', now)).toBe('45 min ago');
    expect(humanTime('2026-11-23T10:00:00.000Z', now)).toBe('2 h ago');
    expect(humanTime('2026-11-22T12:00:00.000Z', now)).toBe('1 day ago');
    expect(humanTime('2026-11-20T12:00:00.000Z', now)).toBe('3 days ago');
    expect(humanTime('2026-11-23T14:00:00.000Z', now)).toBe('in 2 h');
    expect(humanTime('2026-10-01T12:00:00.000Z', now)).toBe('1 Oct 2026');
    expect(humanTime('someday', now)).toBe('someday');
  });
});

describe('run panel', () => {
  const emptyBoard: Board = { stories: [], publishers: [] };
  const panel = async (run: RunState) => parseHTML(String(await boardPage(emptyBoard, {}, 'csrf-value', run))).document;

  it('offers cancelling only while a run is under way and not already cancelling', async () => {
    const idle = await panel({ status: 'idle', stages: [] });
    expect(idle.querySelector('#cancel-button')?.hasAttribute('hidden')).toBe(true);
    const running = await panel({ status: 'running', stages: ['ingest', 'dedupe'], progress: { stage: 'dedupe', done: 0, total: 40 } });
    expect(running.querySelector('#cancel-button')?.hasAttribute('hidden')).toBe(false);
    expect(running.querySelector('#cancel-button')?.getAttribute('formaction')).toBe('/runs/cancel');
    const cancelling = await panel({ status: 'running', cancelling: true, stages: ['ingest'], progress: { stage: 'ingest', done: 1, total: 1 } });
    expect(cancelling.querySelector('#cancel-button')?.hasAttribute('hidden')).toBe(true);
    expect(cancelling.querySelector('#run-status')?.textContent).toBe('Run in progress: ingest 1/1 (cancelling)');
    expect(runSummary({ status: 'cancelled', stages: ['ingest'], error: 'the run was cancelled before dedupe; nothing from it was stored' })).toBe(
      'Run cancelled: the run was cancelled before dedupe; nothing from it was stored',
    );
  });
});
