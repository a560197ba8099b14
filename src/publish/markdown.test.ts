import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleMarkdown } from './markdown.js';
import { slugify } from './slug.js';
import { makeArticle } from '../../test/helpers/articles.js';
import type { Candidate, Summary } from '../model.js';

const candidate: Candidate = { articleId: 'a1', storyId: 's-1', score: 1, components: [], initialRank: 3, rank: 3, usage: 'candidate' };
const summary: Summary = { articleId: 'a1', text: 'The board voted on Tuesday.', sentences: [], wordCount: 5, method: 'test' };

function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(match).not.toBeNull();
  return parse(match![1]!) as Record<string, unknown>;
}

describe('articleMarkdown', () => {
  it('writes the five seed keys first and in order, then the summary section', () => {
    const article = makeArticle({ id: 'a1', title: 'Ferry vote', text: 'x', url: 'https://www.harborgazette.com/2026/11/22/ferry.html', published: '2026-11-22T10:00:00.000Z' });
    const md = articleMarkdown({ article, candidate, summary });
    expect(md.split('\n').slice(0, 6)).toEqual([
      '---',
      'url: https://www.harborgazette.com/2026/11/22/ferry.html',
      'title: Ferry vote',
      'publisher: harborgazette',
      'usage: candidate',
      'initial_rank: 3',
    ]);
    expect(md).toMatch(/\n---\n## Article summary\nThe board voted on Tuesday\.\n$/);
    expect(Object.keys(frontMatter(md)).slice(0, 5)).toEqual(['url', 'title', 'publisher', 'usage', 'initial_rank']);
  });

  it('points at the provenance sidecar with an optional key after the seed keys', () => {
    const article = makeArticle({ id: 'a1', title: 'Ferry vote', text: 'x' });
    const plain = frontMatter(articleMarkdown({ article, candidate, summary }));
    expect(plain).not.toHaveProperty('summary_provenance');
    const md = articleMarkdown({ article, candidate, summary, provenance: 'ferry-vote.provenance.json' });
    const front = frontMatter(md);
    expect(Object.keys(front).slice(0, 5)).toEqual(['url', 'title', 'publisher', 'usage', 'initial_rank']);
    expect(front.summary_provenance).toBe('ferry-vote.provenance.json');
    expect(md).toMatch(/\n---\n## Article summary\nThe board voted on Tuesday\.\n$/);
  });

  it.each([
    'Mayor: “We will not back down”',
    'Why the #1 port lost its crown',
    '- a title that starts with a dash',
    "It's 'quoted' and \"double\" quoted",
    'Überraschung in São Tomé: 東京 & more',
    'yes',
    '123',
  ])('keeps the title %j intact as valid YAML', (title) => {
    const article = makeArticle({ id: 'a1', title, text: 'x' });
    expect(frontMatter(articleMarkdown({ article, candidate, summary })).title).toBe(title);
  });
});

describe('slugify', () => {
  it('makes ASCII file names from any headline', () => {
    expect(slugify('U.S. and Mexico Vow to Fight Crime While Respecting Sovereignty')).toBe('u-s-and-mexico-vow-to-fight-crime-while-respecting-sovereignty');
    expect(slugify('São Tomé’s “big” day!')).toBe('sao-tomes-big-day');
    expect(slugify('???')).toBe('untitled');
  });
});

describe('articleMarkdown optional keys', () => {
  it('adds sources and summary provenance after the seed keys', () => {
    const article = makeArticle({ id: 'a1', title: 'Ferry vote', text: 'x', url: 'https://www.harborgazette.com/a1.html' });
    const withProvenance: Summary = {
      ...summary,
      sentences: [
        { text: 'The board voted.', source: [{ sentence: 2, start: 0, end: 16 }], edits: [] },
        { text: 'It was close.', source: [{ sentence: 4, start: 30, end: 40 }, { sentence: 5, start: 41, end: 50 }], edits: [] },
      ],
    };
    const md = articleMarkdown({
      article,
      candidate: { ...candidate, usage: 'selected' },
      summary: withProvenance,
      sources: ['https://www.valleyledger.com/b2.html'],
      provenance: 'ferry-vote.provenance.json',
    });
    const front = frontMatter(md);
    expect(Object.keys(front)).toEqual(['url', 'title', 'publisher', 'usage', 'initial_rank', 'id', 'story', 'sources', 'summary_provenance']);
    expect(front).toMatchObject({ usage: 'selected', sources: ['https://www.valleyledger.com/b2.html'], summary_provenance: 'ferry-vote.provenance.json' });
  });
});
