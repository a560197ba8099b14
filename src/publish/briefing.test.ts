import { describe, expect, it } from 'vitest';
import type { Candidate, RunResult } from '../model.js';
import { DEFAULT_DIGEST_WORDS, summarizeArticle } from '../summarize/index.js';
import { wordCount } from '../text/words.js';
import { makeArticle } from '../../test/helpers/articles.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { briefingHtml, briefingHtmlChunks, briefingMarkdown, briefingMarkdownChunks, tidyChunks } from './briefing.js';
import { HTML_TEMPLATE, MARKDOWN_TEMPLATE } from './templates.js';
import { briefingOfRun } from './view.js';

// Fictional articles written for this test: two reports of one vote, and an unrelated story.
const lead = makeArticle({
  id: 'a',
  title: 'Ferry board picks an electric boat',
  url: 'https://gazette.example/ferry',
  text: [
    'PORT HALLEY — The Port Halley ferry board voted 4-1 on Tuesday to buy an electric ferry for the island route, at a cost of $18.5 million.',
    'The new boat will carry 150 passengers and 30 cars and is expected to enter service in the spring of 2028.',
    'Board chair Ines Okafor said the electric ferry would cut fuel costs by about $600,000 a year.',
  ].join('\n\n'),
});
const second = makeArticle({
  id: 'b',
  title: 'Electric ferry approved for island route',
  publisherName: 'Island Ledger',
  text: [
    'PORT HALLEY — An $18.5 million electric ferry will serve the island route after the Port Halley ferry board approved the purchase 4-1 on Tuesday.',
    'Island residents have complained for years about breakdowns of the 40-year-old diesel ferry, which missed 61 sailings last winter.',
  ].join('\n\n'),
});
const other = makeArticle({
  id: 'c',
  title: 'Library extends hours',
  text: 'The Calder Bay library will open until 9 p.m. on weekdays starting in January, the library board said on Monday.',
});

function candidate(articleId: string, storyId: string, rank: number): Candidate {
  return { articleId, storyId, score: 1, components: [], initialRank: rank, rank, usage: 'candidate' };
}

describe('briefingMarkdown', () => {
  const result: RunResult = {
    articles: [lead, second, other],
    duplicates: [],
    stories: [
      { id: 's1', label: 'Ferry board picks an electric boat', articleIds: ['a', 'b'], publishers: ['gazette', 'ledger'] },
      { id: 's2', label: 'Library extends hours', articleIds: ['c'], publishers: ['harborgazette'] },
    ],
    summaries: [lead, second, other].map((a) => summarizeArticle(a)),
    audits: [],
    candidates: [candidate('a', 's1', 1), candidate('b', 's1', 2), candidate('c', 's2', 3)],
    failures: [],
    notices: [],
  };
  const files = new Map([['a', 'articles/a.md'], ['b', 'articles/b.md'], ['c', 'articles/c.md']]);
  const markdown = briefingMarkdown(briefingOfRun(result, files, 'Test briefing', '2026-11-23T08:00:00.000Z'));

  it('digests a story of several articles: the lead article’s opening sentences, then who else reported it', () => {
    const section = markdown.split('## 2.')[0]!;
    const paragraph = section.split('\n').find((line) => line.startsWith('PORT HALLEY — The Port Halley ferry board voted 4-1'))!;
    expect(paragraph).toMatch(/enter service in the spring of 2028\. .*Also reported by Island Ledger\.$/);
    expect(wordCount(paragraph)).toBeLessThanOrEqual(DEFAULT_DIGEST_WORDS);
    // Only the lead's sentences, so no citation marker points at a list the reader may not see.
    expect(paragraph).not.toMatch(/\[\d+\]/);
    expect(paragraph).not.toContain('missed 61 sailings');
    expect(section).toMatch(/\n1\. \[Ferry board picks an electric boat\]\(https:\/\/gazette\.example\/ferry\)/);
    expect(section).toMatch(/\n2\. Electric ferry approved for island route \(Island Ledger, rank 2\)/);
  });

  it('keeps a one-article story as its article summary, within the digest length, with a bullet link', () => {
    const section = markdown.split('## 2.')[1]!;
    expect(section).toContain(result.summaries[2]!.text);
    expect(section).not.toContain('Also reported by');
    expect(section).toMatch(/\n- Library extends hours/);
  });

  it('writes the same briefings a story at a time as whole, and a user template whole', () => {
    const view = briefingOfRun(result, files, 'Test briefing', '2026-11-23T08:00:00.000Z');
    const md = [...briefingMarkdownChunks(view)];
    const html = [...briefingHtmlChunks(view)];
    // Head, each story, foot; the Markdown's last piece is its closing newline.
    expect([md.length, html.length]).toEqual([4, 4]);
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-template-'));
    try {
      // The whole bundled templates, as users are given them, rendered whole as a user's template is.
      const [wholeMd, wholeHtml] = [join(folder, 'bundled.md.eta'), join(folder, 'bundled.html.eta')];
      writeFileSync(wholeMd, MARKDOWN_TEMPLATE);
      writeFileSync(wholeHtml, HTML_TEMPLATE);
      expect([md.join(''), html.join('')]).toEqual([briefingMarkdown(view, wholeMd), briefingHtml(view, wholeHtml)]);
      expect(markdown).toBe(md.join(''));
      const template = join(folder, 'own.md.eta');
      writeFileSync(template, '# Mine\n\n\n<% for (const s of it.stories) { %>- <%= s.label %>\n<% } %>');
      expect([...briefingMarkdownChunks(view, template)].join('')).toBe('# Mine\n\n- Ferry board picks an electric boat\n- Library extends hours\n');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps a digest within publish.digestWords, dropping whole sentences rather than cutting one', () => {
    const short = briefingMarkdown(briefingOfRun(result, files, 'Test briefing', '2026-11-23T08:00:00.000Z', 40));
    const paragraph = short.split('## 2.')[0]!.split('\n').find((line) => line.startsWith('PORT HALLEY'))!;
    expect(paragraph).toBe(`${lead.text.split('\n\n')[0]} Also reported by Island Ledger.`);
    expect(wordCount(paragraph)).toBeLessThanOrEqual(40);
  });
});

describe('tidyChunks', () => {
  const tidy = (text: string): string => [...tidyChunks([text])].join('');
  // The plain way to say it, three copies of the text: what the pieces must equal.
  const plain = (text: string): string => `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;

  it('collapses blank-line runs, trims, and ends with one newline, as the plain way does', () => {
    const cases = [
      '',
      '\n\n  \n',
      '# Briefing',
      '# Briefing\n',
      '\n\n\n# Briefing\n\n\n\n## One\n\ntext\n\n\n',
      '  # Briefing\n \n\n\n## One\n \n',
      '# Briefing\r\n\r\n\r\nend  ',
      '# Briefing\n\n\n\n',
      '\t# Briefing\u00a0\n',
    ];
    for (const text of cases) expect(JSON.stringify(tidy(text))).toBe(JSON.stringify(plain(text)));
    // In pieces, cut anywhere (two and three pieces): the same text.
    for (const text of cases) {
      for (let i = 0; i <= text.length; i++) {
        for (let j = i; j <= text.length; j++) {
          expect(JSON.stringify([...tidyChunks([text.slice(0, i), text.slice(i, j), text.slice(j)])].join(''))).toBe(JSON.stringify(plain(text)));
        }
      }
    }
    expect(tidy('\n\n\n# Briefing\n\n\n\n## One\n\ntext\n\n\n')).toBe('# Briefing\n\n## One\n\ntext\n');
  });
});
