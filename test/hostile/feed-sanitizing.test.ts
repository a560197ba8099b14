// Issue 20, item 9. Feed sanitizing: a dangerous element (script, iframe, object, embed, applet, a
// refreshing meta) inside otherwise plain text, escaped or in CDATA, in a feed or entry title, a
// description, content:encoded or a full item, must not come out of parse-feed --json as plain text.
// Fixtures: test/fixtures/hostile/sanitizing.{xml,atom,json}. Entities: internal ones are expanded
// within caps (entities.xml), external ones and anything over a cap are refused.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, checkHtml } from '../../eval/hostile/check.js';
import { parseFeedDocument } from '../../src/ingest/feed.js';
import { MAX_ENTITY_DECLARATIONS, MAX_ENTITY_DEPTH, MAX_ENTITY_VALUE_CHARS, MAX_EXPANDED_CHARS } from '../../src/ingest/doctype.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const fixture = (name: string): string => join(REPO, 'test/fixtures/hostile', name);
const ELEMENTS = ['script', 'iframe', 'object', 'embed', 'applet', 'meta'];

interface ParsedFeed {
  title: string;
  items: Array<{ title: string; summary: string | null; content: string | null }>;
}

describe('dangerous markup inside plain text in feed fields', () => {
  it.each(['sanitizing.xml', 'sanitizing.atom', 'sanitizing.json'])('%s: nothing executable in any field, titles plain text, the words kept', (name) => {
    const result = runCli(['parse-feed', '--json', fixture(name)], tempDir());
    expect(result.status).toBe(0);
    const feed = JSON.parse(result.stdout) as ParsedFeed;
    expect(feed.title).toMatch(/^Tern Island (Gazette|Log|Wire)$/);
    expect(feed.items.length).toBeGreaterThanOrEqual(ELEMENTS.length);
    for (const item of feed.items) {
      expect(item.title).not.toMatch(/[<>]/);
      for (const value of [item.summary, item.content]) {
        if (value === null) continue;
        expect(checkHtml(item.title, value)).toEqual([]);
        expect(value).not.toMatch(new RegExp(`<\\/?(${ELEMENTS.join('|')})\\b`, 'i'));
        expect(value).toMatch(/^safe\s*description$/);
      }
    }
    // Every element appears in the fixture's titles, so each was tried.
    for (const element of ELEMENTS) expect(feed.items.some((i) => i.title.includes(element))).toBe(true);
  });

  it('a whole run on them publishes nothing executable', () => {
    const cwd = tempDir();
    const run = runCli(['run', '--out', 'out', '--db', 'desk.db', fixture('sanitizing.xml'), fixture('sanitizing.atom'), fixture('sanitizing.json')], cwd);
    expect(run.stderr).not.toMatch(/Maximum call stack|TypeError/);
    const listed = JSON.parse(runCli(['list', '--json', '--db', 'desk.db'], cwd).stdout) as { candidates: Array<{ id: string }> };
    expect(listed.candidates.length).toBeGreaterThan(0);
    runCli(['mark', ...listed.candidates.map((c) => c.id), 'selected', '--db', 'desk.db', '--out', 'out'], cwd);
    expect(checkFolder(join(cwd, 'out'))).toEqual([]);
  });
});

describe('markup detection on hostile text', () => {
  it('reads a description of 400,000 unterminated tags in one pass, and finds a handler after a quoted "<"', async () => {
    const flood = '<p '.repeat(400_000);
    const feed = await parseFeedDocument(`<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title><item><guid>1</guid><title>Tide</title><description>${flood.replace(/</g, '&lt;')}</description></item>
<item><guid>2</guid><title>Quoted</title><description>safe&lt;x title="&lt;" onmouseover=alert(1)&gt;gull&lt;/x&gt; description</description></item></channel></rss>`, 'rss');
    expect(feed.items[0]!.content).toBe(flood.trim());
    expect(feed.items[1]!.content).toBe('safegull description');
  });
});

describe('entity declarations in a DOCTYPE', () => {
  const feedWith = (subset: string, body: string): string =>
    `<?xml version="1.0"?><!DOCTYPE rss [${subset}]><rss version="2.0"><channel><title>Tern Island Log</title><item><guid>1</guid><title>${body}</title><description>The tide came in.</description></item></channel></rss>`;

  it('expands harmless internal entities, nested ones too, and leaves CDATA as written', async () => {
    const result = runCli(['parse-feed', '--json', fixture('entities.xml')], tempDir());
    expect(result.status).toBe(0);
    const feed = JSON.parse(result.stdout) as ParsedFeed;
    expect(feed.title).toBe('Tern Island Gazette');
    expect(feed.items[0]!.title).toBe('Tern Island ferry gets a new engine');
    expect(feed.items[0]!.content).toContain('The Tern Island ferry returned to service');
    expect(feed.items[0]!.content).toContain('&amp;island; prices');
  });

  it.each([
    ['an external entity (SYSTEM)', '<!ENTITY secret SYSTEM "file:///etc/hostname">', '&secret;', /external entity/],
    ['an external entity (PUBLIC)', '<!ENTITY secret PUBLIC "-//Tern//Secret//EN" "http://127.0.0.1/secret">', '&secret;', /external entity/],
    ['a parameter entity', '<!ENTITY % part "x">', 'Tide', /parameter entity/],
    ['too many declarations', Array.from({ length: MAX_ENTITY_DECLARATIONS + 1 }, (_, i) => `<!ENTITY e${i} "x">`).join(''), '&e1;', /more than 64/],
    ['too long a value', `<!ENTITY big "${'x'.repeat(MAX_ENTITY_VALUE_CHARS + 1)}">`, '&big;', /more than 2048/],
    ['references nested too deep', Array.from({ length: MAX_ENTITY_DEPTH + 2 }, (_, i) => `<!ENTITY l${i} "${i === 0 ? 'lol' : `&l${i - 1};`}">`).join(''), `&l${MAX_ENTITY_DEPTH + 1};`, /more than 3 levels deep/],
    ['billion laughs', `<!ENTITY a "lollollollol">${Array.from({ length: 8 }, (_, i) => `<!ENTITY ${'bcdefghi'[i]} "${`&${'abcdefgh'[i]};`.repeat(10)}">`).join('')}`, '&i;', /refused$/],
    ['quadratic blowup', `<!ENTITY q "${'x'.repeat(MAX_ENTITY_VALUE_CHARS)}">`, '&q;'.repeat(Math.ceil(MAX_EXPANDED_CHARS / MAX_ENTITY_VALUE_CHARS) + 1), /quadratic blowup/],
  ])('refuses %s, saying which cap', async (_name, subset, body, reason) => {
    await expect(parseFeedDocument(feedWith(subset, body), 'rss')).rejects.toThrow(reason);
  });

  it('accepts what stays within every cap', async () => {
    const subset = Array.from({ length: MAX_ENTITY_DECLARATIONS }, (_, i) => `<!ENTITY e${i} "${i === 0 ? 'tern' : `&e${Math.max(0, i - 1) % MAX_ENTITY_DEPTH};`}">`).join('');
    const feed = await parseFeedDocument(feedWith(subset, 'Gull &e3; watch'), 'rss');
    expect(feed.items[0]!.title).toBe('Gull tern watch');
  });
});
