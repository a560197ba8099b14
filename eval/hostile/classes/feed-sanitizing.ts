// A dangerous element inside otherwise plain text, in every field a feed has: RSS channel and item
// titles, descriptions, content:encoded and full items; Atom titles, summaries and content of each type;
// JSON Feed titles, summaries, content_text and content_html. Written escaped, in CDATA and (for JSON)
// raw, with the element's usual obfuscations. parse-feed --json must give nothing executable in any
// field and plain titles; the desk must publish nothing executable either.
import { checkHtml, type Finding } from '../check.js';
import { deskRun } from '../desk.js';
import { defineClass, expectHandled, runCli } from '../harness.js';

const PAYLOADS: Record<string, string> = {
  script: "<script>alert('gull')</script>",
  'script, mixed case': '<ScRiPt src="https://evil.example/x.js"></sCrIpT>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  object: '<object data="https://evil.example/x.swf"></object>',
  embed: '<embed src="https://evil.example/x.swf">',
  applet: '<applet code="Evil.class"></applet>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  'svg onload': '<svg onload="alert(1)"></svg>',
  'unknown tag with a handler': '<x-gull onmouseover="alert(1)">gull</x-gull>',
  'img onerror': '<img src="x" onerror="alert(1)">',
};

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (s: string): string => `<![CDATA[${s}]]>`;
type Form = (s: string) => string;
const FORMS: Record<string, Form> = { escaped: escapeXml, CDATA: cdata };

const rss = (p: string, form: Form, slug: string): string => `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${form(`Gull Rock ${p}News`)}</title><link>https://gullrock.example/</link>
<item><title>${form(`safe${p} title`)}</title><link>https://gullrock.example/${slug}/1</link><description>${form(`safe${p} description`)}</description><content:encoded>${form(`safe${p} description`)}</content:encoded></item>
<item><title>${form(`safe${p} full`)}</title><link>https://gullrock.example/${slug}/2</link><fullitem>${form(`safe${p} description`)}</fullitem></item>
</channel></rss>`;

const atom = (p: string, form: Form, slug: string): string => `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">${form(`Gull Rock ${p}Log`)}</title><id>tag:gullrock.example,2026:${slug}</id><updated>2026-11-24T00:00:00Z</updated>
<entry><title type="text">${form(`safe${p} title`)}</title><id>tag:gullrock.example,2026:${slug}:1</id><updated>2026-11-24T00:00:00Z</updated><link href="https://gullrock.example/${slug}/a1"/>
<summary type="text">${form(`safe${p} description`)}</summary><content type="text">${form(`safe${p} description`)}</content></entry>
<entry><title type="html">${form(`safe${p} title`)}</title><id>tag:gullrock.example,2026:${slug}:2</id><updated>2026-11-24T00:00:00Z</updated><link href="https://gullrock.example/${slug}/a2"/>
<summary type="html">${form(`safe${p} description`)}</summary><content type="html">${form(`safe${p} description`)}</content></entry>
</feed>`;

const json = (p: string, slug: string): string => JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: `Gull Rock ${p}Wire`,
  items: [
    { id: `${slug}-1`, url: `https://gullrock.example/${slug}/j1`, title: `safe${p} title`, summary: `safe${p} description`, content_text: `safe${p} description` },
    { id: `${slug}-2`, url: `https://gullrock.example/${slug}/j2`, title: `safe${p} html`, content_html: `safe${p} description` },
  ],
});

interface Parsed {
  title: string;
  items: Array<{ title: string; summary: string | null; content: string | null }>;
}

function inspect(label: string, feed: Parsed): Finding[] {
  const found: Finding[] = [];
  for (const title of [feed.title, ...feed.items.map((i) => i.title)]) {
    if (/[<>]/.test(title)) found.push({ file: label, rule: 'markup left in a title', excerpt: JSON.stringify(title) });
  }
  for (const item of feed.items) {
    for (const value of [item.summary, item.content]) if (value) for (const entry of checkHtml(`${label}: ${item.title}`, value)) found.push(entry);
  }
  return found;
}

export const hostileClass = defineClass('feed-sanitizing', async (cases, scratch) => {
  const files: string[] = [];
  for (const [name, payload] of Object.entries(PAYLOADS)) {
    const slug = name.replace(/\W+/g, '-');
    const documents: Array<[string, string]> = [];
    for (const [formName, form] of Object.entries(FORMS)) {
      documents.push([`RSS, ${formName}`, scratch.file(`${slug}/${formName}.rss.xml`, rss(payload, form, `${slug}-${formName}`))]);
      documents.push([`Atom, ${formName}`, scratch.file(`${slug}/${formName}.atom`, atom(payload, form, `${slug}-${formName}`))]);
    }
    documents.push(['JSON Feed', scratch.file(`${slug}/feed.json`, json(payload, slug))]);
    for (const [label, path] of documents) {
      files.push(path);
      await cases.try(`${name} in ${label}`, async () => {
        const result = expectHandled(await runCli(['parse-feed', '--json', path], scratch.dir), [0], 'parse-feed');
        return inspect(`${name} in ${label}`, JSON.parse(result.stdout) as Parsed);
      });
    }
  }
  // Markup detection must be linear: a regular expression retrying from every "<" took minutes on this.
  await cases.try('a description of 400,000 unterminated tags, then a handler after a quoted "<"', async () => {
    const flood = escapeXml('<p '.repeat(400_000));
    const hidden = escapeXml('safe<x title="<" onmouseover="alert(1)">gull</x> description');
    const path = scratch.file('flood.xml', `<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title><item><guid>1</guid><title>Flood</title><description>${flood}</description></item><item><guid>2</guid><title>Hidden</title><description>${hidden}</description></item></channel></rss>`);
    const result = expectHandled(await runCli(['parse-feed', '--json', path], scratch.dir), [0], 'parse-feed');
    return inspect('flood', JSON.parse(result.stdout) as Parsed);
  });
  await cases.try('the whole desk on every generated feed', async () => (await deskRun(scratch.folder('desk'), files, 1)).findings);
});
