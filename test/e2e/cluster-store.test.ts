// End to end: `newsdesk cluster --db` continues stories across invocations (stable ids, window closing),
// and rel=canonical decides the original of two HTML copies. Fixtures: test/fixtures/cluster-store.
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const FIXTURES = join(REPO, 'test/fixtures/cluster-store');
const [DAY1, DAY2, LATER, CANONICAL] = ['day1', 'day2', 'later', 'canonical'].map((d) => join(FIXTURES, d)) as [string, string, string, string];

interface ArticleJson {
  id: string;
  url: string;
  title: string;
  publisher: string;
  published: string | null;
  similarity: number;
  reason: string;
  shared: string[];
}
interface StoryJson {
  id: string;
  label: string;
  first_seen: string | null;
  last_seen: string | null;
  original_reporter: string | null;
  publishers: string[];
  articles: ArticleJson[];
}

function cluster(args: string[], cwd: string): StoryJson[] {
  const result = runCli(['cluster', ...args, '--json'], cwd);
  expect(result.stderr).toMatch(/newsdesk cluster: \d+ articles/);
  expect(result.status).toBe(0);
  return (JSON.parse(result.stdout) as { stories: StoryJson[] }).stories;
}
const storyWith = (stories: StoryJson[], title: RegExp): StoryJson | undefined => stories.find((s) => s.articles.some((a) => title.test(a.title)));
const titles = (story: StoryJson | undefined): string[] => (story?.articles ?? []).map((a) => a.title);

describe('newsdesk cluster with a database', () => {
  it('adds a later invocation\'s articles to the open stories they continue, keeping the story ids', () => {
    const work = tempDir();
    const first = cluster([DAY1, '--db', 'desk.db'], work);
    expect(first).toHaveLength(2);
    const bridge = storyWith(first, /footbridge/i)!;
    const library = storyWith(first, /library/i)!;
    expect(titles(bridge)).toEqual(['Wend footbridge closed after crack found in main girder', "Engineers shut Brackenford's Wend footbridge over cracked girder"]);

    // The second invocation names the database through the config file, as `run` would read it.
    writeFileSync(join(work, 'newsdesk.yaml'), 'db: desk.db\n');
    const second = cluster([DAY2, LATER, '--config', 'newsdesk.yaml'], work);
    const continued = second.find((s) => s.id === bridge.id)!;
    expect(titles(continued)).toEqual([...titles(bridge), 'Wend footbridge to stay shut for six weeks, survey finds']);
    expect(continued).toMatchObject({
      label: bridge.label,
      first_seen: '2026-03-10T09:00:00.000Z',
      last_seen: '2026-03-11T16:00:00.000Z',
      original_reporter: 'brackenfordcourier',
      publishers: ['brackenfordcourier', 'tollmeregazette', 'wendvalleyradio'],
    });
    expect(continued.articles[2]?.reason).toMatch(/^cosine 0\.\d\d to the story; shares .*(footbridge|ellwood)/i);

    // A different event founds a story of its own, with an id no earlier story had.
    const bakery = storyWith(second, /bakery/i)!;
    expect(titles(bakery)).toEqual(['Brackenford bakery wins regional sourdough prize']);
    expect([bridge.id, library.id]).not.toContain(bakery.id);

    // The library story was last fed ten days before its follow-up: closed, so the follow-up starts anew
    // and the old story is neither joined nor listed.
    const later = storyWith(second, /first Sunday opening/)!;
    expect(titles(later)).toEqual(['Brackenford library sets date for first Sunday opening']);
    expect(later.id).not.toBe(library.id);
    expect(second.map((s) => s.id)).not.toContain(library.id);
    expect(second).toHaveLength(3);

    // Clusterings are not ranked runs: the editorial commands still wait for `newsdesk run`, which then
    // continues the same stories.
    const list = runCli(['list', '--db', 'desk.db'], work);
    expect(list.status).toBe(1);
    expect(list.stderr).toMatch(/no run in desk\.db yet/);
    const run = runCli(['run', DAY2, '--db', 'desk.db', '--out', 'out', '--json', '--quiet'], work);
    expect(run.status).toBe(0);
    const stories = (JSON.parse(run.stdout) as { stories: Array<{ id: string; articleIds: string[] }> }).stories;
    expect(stories.find((s) => s.id === bridge.id)?.articleIds).toEqual(continued.articles.map((a) => a.id));
  });

  it('joins the same follow-up when the window is long enough, so the window is what closed the story', () => {
    const work = tempDir();
    writeFileSync(join(work, 'wide.yaml'), 'cluster:\n  windowHours: 400\n');
    const stories = cluster([DAY1, LATER, '--config', 'wide.yaml'], work);
    expect(titles(storyWith(stories, /library/i))).toEqual(['Brackenford library to open on Sundays from April', 'Brackenford library sets date for first Sunday opening']);
    // Without a database nothing is written.
    expect(existsSync(join(work, 'newsdesk.db'))).toBe(false);
  });

  it('prints each story with its label, publishers, first-seen time, original reporter and why each article joined', () => {
    const [story] = cluster([DAY1, DAY2], tempDir());
    expect(Object.keys(story!)).toEqual(['id', 'label', 'first_seen', 'last_seen', 'original_reporter', 'publishers', 'articles']);
    expect(Object.keys(story!.articles[0]!)).toEqual(['id', 'url', 'title', 'publisher', 'published', 'similarity', 'reason', 'shared']);
    expect(story).toMatchObject({
      id: expect.stringMatching(/^s-[0-9a-f]{12}$/),
      label: expect.stringMatching(/footbridge/i),
      first_seen: '2026-03-10T09:00:00.000Z',
      original_reporter: 'brackenfordcourier',
      publishers: ['brackenfordcourier', 'tollmeregazette', 'wendvalleyradio'],
    });
    expect(story!.articles[0]).toMatchObject({
      url: 'https://brackenfordcourier.com/news/2026/03/10/wend-footbridge-closed-after-crack-found',
      publisher: 'brackenfordcourier',
      similarity: 1,
      reason: 'first report: founded the story',
    });
    expect(story!.articles[1]!.shared.length).toBeGreaterThan(0);
  });
});

describe('rel=canonical in dedupe', () => {
  it('groups a partner\'s copy with the page it declares canonical and chooses that page as the original', () => {
    const result = runCli(['dedupe', CANONICAL, '--json'], tempDir());
    expect(result.status).toBe(0);
    const out = JSON.parse(result.stdout) as { articles: number; groups: Array<{ original: { url: string; publisher: string }; duplicates: Array<{ url: string; publisher: string }>; reason: string }> };
    // Two articles: the copy keeps its own address instead of taking the original's (and its id).
    expect(out.articles).toBe(2);
    expect(out.groups).toHaveLength(1);
    const [group] = out.groups;
    expect(group?.original).toMatchObject({ url: 'https://brackenfordcourier.com/news/2026/03/10/wend-footbridge-closed-after-crack-found', publisher: 'brackenfordcourier' });
    expect(group?.duplicates).toEqual([expect.objectContaining({ url: 'https://harrowdalepost.co.uk/partners/brackenford/wend-footbridge-closed', publisher: 'harrowdalepost' })]);
    // The copy was published earlier: only the canonical rule makes the courier the original.
    expect(group?.reason).toMatch(/original is the rel=canonical target of its copies/);
  });
});
