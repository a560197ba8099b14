// Item links that are not http(s), in the spellings browsers still accept: upper case, leading space, a
// tab inside the scheme, an entity-encoded letter; data:, file: and vbscript:. In RSS, Atom and JSON
// Feed, as a page's canonical and og:url, and as --url. None may be published as a link or a url field.
import { checkTerminal } from '../check.js';
import { deskRun } from '../desk.js';
import { Crash, defineClass, expectHandled, runCli } from '../harness.js';

/** Written into XML as is (so `&#106;` is an entity the parser decodes). */
const LINKS = [
  'javascript:alert(document.cookie)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/hostname',
  'vbscript:msgbox(1)',
];

const text = (i: number): string =>
  `The Sandbar ferry crossed ${i + 2} times on Friday. Crews painted the landing stage in the morning. Passengers waited under the new shelter.`;

const decoded = (link: string): string => link.replace('&#106;', 'j');

function rss(): string {
  const items = LINKS.map((link, i) => `<item><title>Crossing ${i}</title><link>${link}</link><guid isPermaLink="false">sb-${i}</guid><description>${text(i)}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Sandbar Log</title><link>https://sandbar.example/</link>${items.join('')}</channel></rss>`;
}

function atom(): string {
  const entries = LINKS.map((link, i) => `<entry><title>Landing ${i}</title><id>tag:sandbar.example,2026:${i}</id><updated>2026-11-24T00:00:00Z</updated><link rel="alternate" href="${link}"/><content type="text">${text(i + 10)}</content></entry>`);
  return `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sandbar Atom</title><id>tag:sandbar.example,2026:atom</id><updated>2026-11-24T00:00:00Z</updated>${entries.join('')}</feed>`;
}

function jsonFeed(): string {
  const items = LINKS.map((link, i) => ({ id: `j${i}`, url: decoded(link), external_url: decoded(link), title: `Shelter ${i}`, content_text: text(i + 20) }));
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Sandbar Wire', home_page_url: 'javascript:alert(1)', items });
}

const page = (link: string, i: number): string => `<!doctype html><html><head><title>Pier notice ${i}</title>
<link rel="canonical" href="${link}"><meta property="og:url" content="${link}">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier notice ${i}","url":"${decoded(link).replace(/\t/g, '\\t')}"}</script></head>
<body><article><p>${text(i + 30)}</p><p>The pier will reopen on Monday after repairs.</p></article></body></html>`;

export const hostileClass = defineClass('non-http-links', async (cases, scratch) => {
  const sources: Array<[string, string, number]> = [
    ['RSS item links', scratch.file('rss.xml', rss()), LINKS.length],
    ['Atom entry links', scratch.file('atom.atom', atom()), LINKS.length],
    ['JSON Feed item urls', scratch.file('feed.json', jsonFeed()), LINKS.length],
  ];
  for (const [label, path, count] of sources) {
    await cases.try(label, async () => (await deskRun(scratch.folder(label.replace(/\W+/g, '-')), [path], count)).findings);
  }
  await cases.try('page canonical, og:url and JSON-LD url', async () => {
    const folder = scratch.folder('pages');
    LINKS.forEach((link, i) => scratch.file(`pages/notice-${i}.html`, page(link, i)));
    return (await deskRun(scratch.folder('pages-desk'), [folder], LINKS.length)).findings;
  });
  // --url is the user's own flag: a scheme that is not http(s) is refused as bad usage (exit 2), with a reason.
  for (const link of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/hostname']) {
    const scheme = link.split(':')[0]!;
    await cases.try(`--url ${scheme}:`, async () => {
      const article = scratch.file(`url-${scheme}.txt`, `Sandbar tide tables printed\n\n${text(40)}\n`);
      for (const command of [['run', '--out', `out-${scheme}`, '--db', `${scheme}.db`], ['extract'], ['summarize']]) {
        const result = expectHandled(await runCli([...command, '--url', link, article], scratch.dir), [0, 2], command[0]!);
        if (result.status === 2 && !/not an http\(s\) URL/.test(result.stderr)) throw new Crash(`${command[0]} refused --url without saying why`);
        if (result.status === 0 && result.stdout.includes(`${scheme}:`)) return [{ file: `${command[0]} stdout`, rule: 'non-http(s) --url printed', excerpt: link }];
        const printed = [...checkTerminal(`${command[0]} stdout`, result.stdout), ...checkTerminal(`${command[0]} stderr`, result.stderr)];
        if (printed.length > 0) return printed;
      }
      return [];
    });
  }
});
