// End to end on the demo corpus: with desk topics configured and every story selected, each feed item's
// categories are the topics its story's articles match (never a publisher, a feed's title or "unknown"),
// and its title, link and digest are one article's: the story's lead.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { runCli, tempDir } from '../helpers/cli.js';

const TOPICS = ['hospital merger', 'water rates', 'teachers strike', 'crane', 'comet', 'ferry timetable'];

/**
 * What each story is expected to carry, read off the demo texts by hand: the story of the article at this
 * URL (a path fragment) → its categories. The merger story's syndicated report says the crane collapse's
 * injured were treated at the hospital; fewer of its articles say it than say "hospital merger".
 */
const EXPECTED: Record<string, string[]> = {
  'pinecrest-regional-hospital-to-merge-with-st-brenna': ['hospital merger', 'crane'],
  'port-halley-council-approves-water-rate-increase': ['water rates'],
  'port-halley-crane-collapse-ageing-equipment': ['crane'],
  'tentative-agreement-ends-ashford-falls-teachers-strike': ['teachers strike'],
  'retired-teacher-helps-discover-new-comet': ['comet'],
  'storm-leaves-41000-without-power': [],
};

interface Line {
  id: string;
  story: string;
  rank: number;
  usage: string;
  url: string;
  title: string;
  publisher: string;
  publisher_name: string;
}

describe('feed items on the demo corpus', () => {
  let work: string;
  let lines: Line[];

  beforeAll(() => {
    work = tempDir('newsdesk-feed-categories-');
    const topics = Object.fromEntries(TOPICS.map((t) => [t, 1]));
    writeFileSync(join(work, 'desk.json'), JSON.stringify({ ranking: { topics } }));
    const args = ['--db', 'newsdesk.db', '--out', 'out', '--config', 'desk.json'];
    expect(runCli(['run', '--quiet', ...args], work).status).toBe(0);
    const listed = JSON.parse(runCli(['list', '--json', '--db', 'newsdesk.db'], work).stdout) as { candidates: Line[] };
    const stories = [...new Set(listed.candidates.map((c) => c.story))];
    const marked = runCli(['mark', ...stories, 'selected', ...args], work);
    expect(marked.status, marked.stderr).toBe(0);
    lines = readFileSync(join(work, 'out/articles.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Line);
  });

  const storyOf = (fragment: string): string => lines.find((l) => l.url.includes(fragment))!.story;

  it('RSS categories are the story’s topics, most matched first, and never a publisher or "unknown"', async () => {
    const rss = await new Parser().parseString(readFileSync(join(work, 'out/feed.xml'), 'utf8'));
    expect(rss.items.length).toBe(new Set(lines.map((l) => l.story)).size);
    const byStory = new Map(rss.items.map((i) => [i.guid!.replace('newsdesk:story:', ''), i.categories ?? []]));
    for (const [fragment, categories] of Object.entries(EXPECTED)) expect(byStory.get(storyOf(fragment)), fragment).toEqual(categories);
    const names = new Set(lines.flatMap((l) => [l.publisher, l.publisher_name]));
    expect(names).toContain('Harbor Gazette');
    expect(names).not.toContain('Harbor Gazette — News');
    for (const categories of byStory.values()) for (const c of categories) {
      expect(TOPICS).toContain(c);
      expect(names.has(c)).toBe(false);
    }
  });

  it('JSON Feed tags are the same topics, and absent where the story matches none', () => {
    const raw = readFileSync(join(work, 'out/feed.xml'), 'utf8');
    const channel = new XMLParser({ isArray: (name) => name === 'item' || name === 'category' }).parse(raw).rss.channel as { item: Array<{ guid: string; category?: string[] }> };
    const json = JSON.parse(readFileSync(join(work, 'out/feed.json'), 'utf8')) as { items: Array<{ id: string; tags?: string[] }> };
    expect(json.items.map((i) => [i.id, i.tags ?? []])).toEqual(channel.item.map((i) => [i.guid, i.category ?? []]));
    expect(json.items.find((i) => i.id === `newsdesk:story:${storyOf('storm-leaves-41000-without-power')}`)).not.toHaveProperty('tags');
  });

  it('gives every item the title and link of one article, its story’s lead', async () => {
    const rss = await new Parser().parseString(readFileSync(join(work, 'out/feed.xml'), 'utf8'));
    for (const item of rss.items) {
      const story = item.guid!.replace('newsdesk:story:', '');
      const lead = lines.filter((l) => l.story === story && l.usage !== 'duplicate').sort((a, b) => a.rank - b.rank)[0]!;
      expect(item.title).toBe(lead.title);
      if (lead.url) expect(item.link).toBe(lead.url);
      else expect(item.link).toMatch(/^http:\/\/localhost\/articles\/unknown\/.+\.md$/);
    }
  });
});
