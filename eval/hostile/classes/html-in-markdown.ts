// Markup from sources on its way into Markdown and HTML outputs: in a plain-text article's headline and
// text, in a page's JSON-LD headline ("</script><script>…"), byline and body, and Markdown link syntax
// pointing at javascript:. Nothing of it may be live in briefing.md, an article file or briefing.html.
import { deskRun } from '../desk.js';
import { defineClass } from '../harness.js';

const PAYLOADS: Record<string, string> = {
  script: "<script>alert('tide')</script>",
  'img onerror': '<img src=x onerror=alert(1)>',
  'iframe javascript:': '<iframe src="javascript:alert(1)"></iframe>',
  'svg onload': '<svg/onload=alert(1)>',
  'a href javascript:': '<a href="javascript:alert(1)">click</a>',
  'Markdown link to javascript:': '[click here](javascript:alert(1))',
  'Markdown image to data:': '![x](data:text/html;base64,PHNjcmlwdD4=)',
  'Markdown autolink': '<javascript:alert(1)>',
  'HTML comment': '<!-- <script>alert(1)</script> -->',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
};

const sentences = (payload: string, n: number): string =>
  `The Tidewater market opened ${n} new stalls on Saturday. A sign at the gate read ${payload} in chalk. Traders said the crowd was the largest this year. The market will stay open until dusk through December.`;

const jsonString = (s: string): string => JSON.stringify(s).slice(1, -1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e');

export const hostileClass = defineClass('html-in-markdown', async (cases, scratch) => {
  let n = 0;
  for (const [label, payload] of Object.entries(PAYLOADS)) {
    n++;
    const slug = label.replace(/\W+/g, '-');
    const text = scratch.file(`${slug}/article.txt`, `Market ${payload} stalls open ${n}\n\n${sentences(payload, n)}\n`);
    const page = scratch.file(`${slug}/page.html`, `<!doctype html><html><head><title>Tidewater page ${n}</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Stalls open ${n} ${jsonString(`</script>${payload}<script>alert(1)</script>`)}","author":{"@type":"Person","name":"Ola ${jsonString(payload)} Brek"},"url":"https://tidewater.example/${slug}"}</script></head>
<body><article><p>${sentences(payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), n + 100)}</p><p>Stall holders paid ${n} pounds for a pitch. ${payload}</p></article></body></html>`);
    await cases.try(label, async () => (await deskRun(scratch.folder(`${slug}-desk`), [text, page], 2)).findings);
  }
});
