import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { parse } from 'yaml';
import { publishRun, DEFAULT_PUBLISH_OPTIONS } from './index.js';
import { OutputWriteError, writeIfChanged } from './files.js';
import { JSON_FEED_VERSION } from './feeds.js';
import { makeArticle } from '../../test/helpers/articles.js';
import type { Candidate, RunResult } from '../model.js';

const article = (id: string, title: string, publisher: string, published: string) =>
  makeArticle({ id, title, text: 'The harbor board voted.', publisher, publisherName: publisher, url: `https://www.${publisher}.example/${id}.html`, published });
const candidate = (articleId: string, storyId: string, rank: number, usage: Candidate['usage']): Candidate => ({
  articleId, storyId, score: 3 - rank, components: [], initialRank: rank, rank, usage,
});

function run(usages: Array<Candidate['usage']>): RunResult {
  const articles = [
    article('a1', 'Ferry fares rise <18%> & more', 'harborgazette', '2026-11-22T10:00:00.000Z'),
    article('a2', 'Ferry board votes “yes”', 'valleyledger', '2026-11-22T11:00:00.000Z'),
    article('b1', 'Library bond qualifies', 'pinecrestherald', '2026-11-22T09:00:00.000Z'),
  ];
  return {
    articles,
    duplicates: [],
    stories: [
      { id: 's-ferry', label: 'Ferry fares rise <18%> & more', articleIds: ['a1', 'a2'], publishers: ['harborgazette', 'valleyledger'] },
      { id: 's-lib', label: 'Library bond qualifies', articleIds: ['b1'], publishers: ['pinecrestherald'] },
    ],
    summaries: articles.map((a) => ({ articleId: a.id, text: `Summary of ${a.title}.`, sentences: [], wordCount: 4, method: 'test' })),
    audits: [],
    candidates: [candidate('a1', 's-ferry', 1, usages[0]!), candidate('a2', 's-ferry', 2, usages[1]!), candidate('b1', 's-lib', 3, usages[2]!)],
    failures: [],
    notices: [],
  };
}

describe('publish outputs', () => {
  it('writes RSS 2.0 and JSON Feed 1.1 of the selected stories only, and both parse back', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsdesk-publish-'));
    await publishRun(run(['selected', 'candidate', 'candidate']), out, '2026-11-22T12:00:00.000Z');

    const rss = await new Parser().parseString(readFileSync(join(out, 'feed.xml'), 'utf8'));
    expect(rss.title).toBe(DEFAULT_PUBLISH_OPTIONS.title);
    expect(rss.link).toBe(DEFAULT_PUBLISH_OPTIONS.siteUrl);
    expect(rss.items).toHaveLength(1);
    expect(rss.items[0]).toMatchObject({ title: 'Ferry fares rise <18%> & more', link: 'https://www.harborgazette.example/a1.html', guid: 'newsdesk:story:s-ferry' });
    expect(new Date(rss.items[0]!.pubDate!).toISOString()).toBe('2026-11-22T11:00:00.000Z');

    const json = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')) as Record<string, unknown> & { items: Array<Record<string, unknown>> };
    expect(json.version).toBe(JSON_FEED_VERSION);
    expect(typeof json.title).toBe('string');
    for (const key of ['home_page_url', 'feed_url']) expect(() => new URL(json[key] as string)).not.toThrow();
    expect(json.items).toHaveLength(1);
    for (const item of json.items) {
      // JSON Feed 1.1: id is a string, and an item has content_html or content_text; dates are RFC 3339.
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text).toBe('string');
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(() => new URL(item.url as string)).not.toThrow();
    }
  });

  it('gives each feed item its lead article’s title, link and digest, and the story’s topics as categories', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsdesk-publish-'));
    const topic = (topics: string[]): Candidate['components'] => [{ name: 'topic', value: 1, weight: 0.5, contribution: 0.5, detail: 'matches', topics }];
    const base = run(['selected', 'selected', 'candidate']);
    // The story's label is a2's headline, but a1 leads it (rank 1): the item is a1's throughout.
    const stories = base.stories.map((s) => (s.id === 's-ferry' ? { ...s, label: 'Ferry board votes “yes”' } : s));
    const articles = base.articles.map((a) => (a.id === 'a2' ? { ...a, publisherName: 'Valley Ledger — News' } : a.id === 'b1' ? { ...a, publisher: 'unknown', publisherName: 'unknown', url: '' } : a));
    const lead = 'The harbor board voted.';
    const summaries = base.summaries.map((m) =>
      m.articleId === 'a1' ? { ...m, text: lead, sentences: [{ text: lead, source: [{ sentence: 0, start: 0, end: lead.length }], edits: [] }] } : m,
    );
    const candidates = [
      { ...base.candidates[0]!, components: topic(['ferries']) },
      { ...base.candidates[1]!, components: topic(['budgets', 'ferries']) },
      { ...base.candidates[2]!, usage: 'selected' as const },
    ];
    await publishRun({ ...base, stories, articles, summaries, candidates }, out, '2026-11-22T12:00:00.000Z');

    const xml = readFileSync(join(out, 'feed.xml'), 'utf8');
    const rss = await new Parser().parseString(xml);
    expect(rss.items.map((i) => [i.title, i.link, i.categories ?? []])).toEqual([
      ['Ferry fares rise <18%> & more', 'https://www.harborgazette.example/a1.html', ['ferries', 'budgets']],
      // A lead with no web address links to its published file on the desk's site.
      ['Library bond qualifies', `${DEFAULT_PUBLISH_OPTIONS.siteUrl}articles/unknown/library-bond-qualifies.md`, []],
    ]);
    expect(rss.items[0]!.contentSnippet).toBe('The harbor board voted. Also reported by Valley Ledger — News.');
    expect(xml).not.toMatch(/<category>[^<]*(Ledger|unknown|harborgazette)/);

    const json = JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')) as { items: Array<Record<string, unknown>> };
    expect(json.items.map((i) => [i.title, i.url, i.tags])).toEqual([
      ['Ferry fares rise <18%> & more', 'https://www.harborgazette.example/a1.html', ['ferries', 'budgets']],
      ['Library bond qualifies', `${DEFAULT_PUBLISH_OPTIONS.siteUrl}articles/unknown/library-bond-qualifies.md`, undefined],
    ]);
  });

  it('writes an empty but valid feed when nothing is selected', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsdesk-publish-'));
    await publishRun(run(['candidate', 'candidate', 'candidate']), out, '2026-11-22T12:00:00.000Z');
    expect((await new Parser().parseString(readFileSync(join(out, 'feed.xml'), 'utf8'))).items).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'feed.json'), 'utf8')).items).toEqual([]);
  });

  it('writes a self-contained HTML briefing, escaped, without rejected articles; articles.jsonl has a line per candidate', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsdesk-publish-'));
    await publishRun(run(['selected', 'rejected', 'candidate']), out, '2026-11-22T12:00:00.000Z');
    const html = readFileSync(join(out, 'briefing.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Ferry fares rise &lt;18%&gt; &amp; more');
    expect(html).not.toContain('Ferry board votes');
    expect(html).not.toMatch(/<(script|link)\b|src="http/);
    expect(html).toContain('@media print');
    const lines = readFileSync(join(out, 'articles.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.id, l.usage, l.rank])).toEqual([['a1', 'selected', 1], ['a2', 'rejected', 2], ['b1', 'candidate', 3]]);
  });

  it('renders the briefing from a user template and reflects usage in the article front matter', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsdesk-publish-'));
    const template = join(out, '..', `custom-${Date.now()}.eta`);
    writeFileSync(template, '<h1><%= it.title %></h1><% for (const s of it.stories) { %><p><%= s.number %> <%= s.label %></p><% } %>');
    const { files } = await publishRun(run(['selected', 'candidate', 'background']), out, '2026-11-22T12:00:00.000Z', { ...DEFAULT_PUBLISH_OPTIONS, title: 'Coast desk', templates: { html: template } });
    expect(readFileSync(join(out, 'briefing.html'), 'utf8')).toBe('<h1>Coast desk</h1><p>1 Ferry fares rise &lt;18%&gt; &amp; more</p><p>2 Library bond qualifies</p>');
    const md = readFileSync(join(out, files.get('b1')!), 'utf8');
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!) as Record<string, unknown>;
    expect(Object.keys(front).slice(0, 5)).toEqual(['url', 'title', 'publisher', 'usage', 'initial_rank']);
    expect(front.usage).toBe('background');
  });

  it('names a user template it cannot read', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newsdesk-publish-'));
    await expect(publishRun(run(['candidate', 'candidate', 'candidate']), out, 'x', { ...DEFAULT_PUBLISH_OPTIONS, templates: { markdown: join(out, 'missing.eta') } })).rejects.toThrow(
      /publish: cannot read template .*missing\.eta \(ENOENT\)/,
    );
  });
});

describe('writeIfChanged', () => {
  it('replaces a file whole through a temp file, leaves no temp behind, and skips unchanged content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-files-'));
    const path = join(dir, 'nested', 'briefing.md');
    expect(writeIfChanged(path, 'one\n')).toBe(true);
    const before = statSync(path);
    expect(writeIfChanged(path, 'one\n')).toBe(false);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(path).ino).toBe(before.ino);
    expect(writeIfChanged(path, 'two\n')).toBe(true);
    // A rename gives the path a new inode: a reader holding the old file never sees a half-written one.
    expect(statSync(path).ino).not.toBe(before.ino);
    expect(readFileSync(path, 'utf8')).toBe('two\n');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['briefing.md']);
  });

  it('names the folder when a file stands where the folder should be', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-files-'));
    writeFileSync(join(dir, 'articles'), 'not a folder');
    let error: unknown;
    try {
      writeIfChanged(join(dir, 'articles', 'ferry-fares.md'), 'Ferry fares rise\n');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as OutputWriteError).path).toBe(join(dir, 'articles'));
    expect((error as Error).message).toMatch(/^publish: cannot write .*\/articles: ENOTDIR: .*articles is a file, not a folder$/);
    expect(readdirSync(dir)).toEqual(['articles']);
  });
});
