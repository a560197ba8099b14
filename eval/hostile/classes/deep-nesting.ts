// Inputs nested deeper than any recursive walk survives: 5,000 elements in an RSS description, an Atom
// xhtml content, an item's extension element and an HTML page; 5,000 outlines in an OPML list; 50,000
// arrays in JSON-LD and in a JSON Feed extension. Each must be read (or refused with a reason), never lost
// to "Maximum call stack size exceeded".
import { checkTerminal } from '../check.js';
import { deskRun } from '../desk.js';
import { Crash, defineClass, expectHandled, runCli } from '../harness.js';

const LEVELS = 5_000;
/** A JSON array costs a recursive walk one frame per level, so it takes more of them. */
const JSON_LEVELS = 50_000;
const SENTENCE = 'The breakwater lights were tested on Thursday night.';

const nested = (open: string, close: string, inner: string, levels = LEVELS): string => `${open.repeat(levels)}${inner}${close.repeat(levels)}`;

const rssItem = (slug: string, extra: string, description = SENTENCE): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Breakwater Log</title><link>https://breakwater.example/</link>
<item><title>Lights tested</title><link>https://breakwater.example/${slug}</link><description>${description}</description>${extra}</item></channel></rss>`;

const FEEDS: Record<string, string> = {
  'rss-description.xml': rssItem('description', '', nested('<b>', '</b>', SENTENCE)),
  'rss-extension.xml': rssItem('extension', nested('<ext:deep xmlns:ext="https://breakwater.example/ns">', '</ext:deep>', 'x', 1) + nested('<ext:deep>', '</ext:deep>', 'x')),
  'atom-xhtml.atom': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Breakwater Log</title><id>tag:breakwater.example,2026:log</id><updated>2026-11-24T00:00:00Z</updated>
<entry><title>Lights tested</title><id>tag:breakwater.example,2026:1</id><updated>2026-11-24T00:00:00Z</updated><link href="https://breakwater.example/atom"/>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${nested('<div>', '</div>', SENTENCE)}</div></content></entry></feed>`,
  'jsonfeed-extension.json': `{"version":"https://jsonfeed.org/version/1.1","title":"Breakwater Wire","items":[{"id":"1","url":"https://breakwater.example/json","title":"Lights tested","content_text":"${SENTENCE}","_deep":${nested('[', ']', '1', JSON_LEVELS)}}]}`,
};

const PAGES: Record<string, string> = {
  'deep-divs.html': `<html><head><title>Lights tested</title></head><body>${nested('<div>', '</div>', `<p>${SENTENCE} The divers went down at dawn.</p>`)}</body></html>`,
  'deep-json-ld.html': `<html><head><script type="application/ld+json">${nested('[', ']', '{"@type":"NewsArticle","headline":"Lights tested"}', JSON_LEVELS)}</script></head><body><article><p>${SENTENCE} The harbor master kept the log.</p></article></body></html>`,
};

export const hostileClass = defineClass('deep-nesting', async (cases, scratch) => {
  const feedPaths: string[] = [];
  for (const [name, content] of Object.entries(FEEDS)) {
    const path = scratch.file(`feeds/${name}`, content);
    feedPaths.push(path);
    await cases.try(`parse-feed ${name}`, async () => {
      const result = expectHandled(await runCli(['parse-feed', '--json', path], scratch.dir), [0], 'parse-feed');
      const items = (JSON.parse(result.stdout) as { items: Array<{ content?: string }> }).items;
      if (items.length !== 1 || !items[0]!.content?.includes('breakwater lights')) throw new Crash(`parse-feed lost the item of ${name}`);
      return checkTerminal('parse-feed stderr', result.stderr);
    });
  }
  for (const [name, content] of Object.entries(PAGES)) {
    const path = scratch.file(`pages/${name}`, content);
    await cases.try(`extract ${name}`, async () => {
      const result = expectHandled(await runCli(['extract', '--json', path], scratch.dir), [0], 'extract');
      const page = JSON.parse(result.stdout) as { title: string; text: string };
      if (page.title !== 'Lights tested' || !page.text.includes('breakwater lights')) throw new Crash(`extract lost the title or text of ${name}`);
      return [];
    });
  }
  await cases.try('an OPML list nested 5,000 outlines deep', async () => {
    const path = scratch.file('deep.opml', `<?xml version="1.0"?><opml version="2.0"><body>${nested('<outline text="folder">', '</outline>', '<outline text="f" xmlUrl="feeds/rss-description.xml"/>')}</body></opml>`);
    // Refusing the list with a reason is the contract; crashing is not.
    const result = expectHandled(await runCli(['run', '--out', 'opml-out', '--db', 'opml.db', path], scratch.dir), [1], 'run');
    if (!/OPML could not be parsed/.test(result.stderr)) throw new Crash(`the deep OPML list was not refused with a reason: ${result.stderr.split('\n')[0]}`);
    return checkTerminal('run stderr', result.stderr);
  });
  await cases.try('the whole desk on every deep feed and page', async () =>
    (await deskRun(scratch.folder('desk'), [...feedPaths, scratch.dir + '/pages'], feedPaths.length + Object.keys(PAGES).length)).findings);
});
