// Characters XML 1.0 forbids, in titles and text: C0 controls (written raw or as character references
// into RSS, and as \u escapes into JSON Feed, the only way to carry a lone surrogate), U+FFFE and U+FFFF. feed.xml and the
// OPML export must stay well-formed, whatever a headline holds.
import { checkXml } from '../check.js';
import { deskRun } from '../desk.js';
import { defineClass, expectHandled, runCli } from '../harness.js';

/** Written raw into the feed, or as a character reference (a raw NUL makes the file binary, refused as such). */
const CHARACTERS: Record<string, string> = {
  '&#0;': '&#0;', '&#1;': '&#1;', '&#xFFFE;': '&#xFFFE;', 'U+0001': '\u0001', 'U+0008': '\u0008', 'U+000B': '\u000B', 'U+000C': '\u000C',
  'U+001B': '\u001B', 'U+001F': '\u001F', 'U+FFFE': '\uFFFE', 'U+FFFF': '\uFFFF',
};
/** Only JSON can carry these through a UTF-8 file. */
const SURROGATES: Record<string, string> = { 'lone U+D800': '\\ud800', 'lone U+DC00': '\\udc00' };

const body = (n: string): string => `The Eelgrass council met on Tuesday about ${n}. Members approved the budget for the harbor lights. The vote was six to one.`;

export const hostileClass = defineClass('control-chars', async (cases, scratch) => {
  for (const [name, c] of Object.entries(CHARACTERS)) {
    const slug = name.replace(/\W+/g, '') || 'ref';
    const path = scratch.file(`${slug}.xml`, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Eelgrass ${c}Courier</title><link>https://eelgrass.example/</link>
<item><title>Council ${c}approves${c} lights</title><link>https://eelgrass.example/${slug}</link><description>${body(`code ${c}point ${slug}`)}</description></item></channel></rss>`);
    await cases.try(`${name} in RSS: the desk`, async () => (await deskRun(scratch.folder(`desk-${slug}`), [path], 1)).findings);
    await cases.try(`${name} in RSS: sources export --opml`, async () => {
      const result = expectHandled(await runCli(['sources', 'export', '--opml', '--title', `List ${c.startsWith('&') ? '\u0002' : c}`, path], scratch.dir), [0], 'sources export');
      return checkXml(`export of ${name}`, result.stdout);
    });
  }
  for (const [name, escape] of Object.entries(SURROGATES)) {
    const slug = name.replace(/\W+/g, '');
    const path = scratch.file(`${slug}.json`, `{"version":"https://jsonfeed.org/version/1.1","title":"Eelgrass ${escape}Wire","items":[{"id":"1","url":"https://eelgrass.example/${slug}","title":"Harbor ${escape}lights","content_text":"${body(`pairs ${escape} ${slug}`)}"}]}`);
    await cases.try(`${name} in JSON Feed: the desk`, async () => (await deskRun(scratch.folder(`desk-${slug}`), [path], 1)).findings);
    await cases.try(`${name} in JSON Feed: sources export --opml`, async () => {
      const result = expectHandled(await runCli(['sources', 'export', '--opml', path], scratch.dir), [0], 'sources export');
      return checkXml(`export of ${name}`, result.stdout);
    });
  }
});
