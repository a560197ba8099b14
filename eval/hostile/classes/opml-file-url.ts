// A local OPML list that names files it has no business reading: a secret feed and a secret text file
// outside the list's folder, named by file: URL (three spellings), absolute path, "../" path and a link
// inside the folder that points out. The secrets carry a marker; it must appear in no output.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../check.js';
import { deskRun } from '../desk.js';
import { defineClass, expectHandled, runCli } from '../harness.js';
import { readOutputs } from '../outputs.js';

const MARKER = 'PRIVATE-LEDGER-7F3A';

const SECRET_FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>${MARKER} ledger</title><link>https://private.example/</link>
<item><title>${MARKER} salaries</title><link>https://private.example/1</link><description>The ${MARKER} figures were never meant to be read. They stay on this machine.</description></item></channel></rss>`;
const SECRET_TEXT = `${MARKER} account list\n\nroot account ${MARKER} and its password hint live here. Nobody should publish this line.\n`;
const ALLOWED_FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Skerry Wire</title><link>https://skerry.example/</link>
<item><title>Ferry moves to winter hours</title><link>https://skerry.example/winter</link><description>The Skerry ferry moves to winter hours on Monday. The last crossing leaves at six. Tickets bought for later sailings will be refunded.</description></item></channel></rss>`;

const list = (xmlUrl: string): string =>
  `<?xml version="1.0"?><opml version="2.0"><head><title>Skerry list</title></head><body><outline text="Skerry Wire" xmlUrl="feeds/skerry.xml"/><outline text="Entry" xmlUrl="${xmlUrl}"/></body></opml>`;

const leaks = (label: string, text: string): Finding[] => (text.includes(MARKER) ? [{ file: label, rule: 'a file outside the OPML folder was read', excerpt: MARKER }] : []);

export const hostileClass = defineClass('opml-file-url', async (cases, scratch) => {
  const secretFeed = scratch.file('private/ledger.xml', SECRET_FEED);
  const secretText = scratch.file('private/accounts.txt', SECRET_TEXT);
  const entries: Record<string, string> = {
    'file: URL to a feed': pathToFileURL(secretFeed).href,
    'file: URL to a text file': pathToFileURL(secretText).href,
    'file://localhost/ URL': `file://localhost${secretFeed}`,
    'upper-case FILE: URL': pathToFileURL(secretFeed).href.replace('file:', 'FILE:'),
    'absolute path': secretFeed,
    '"../" path': '../private/ledger.xml',
    'link inside the folder pointing out': 'feeds/inside.xml',
  };
  for (const [label, xmlUrl] of Object.entries(entries)) {
    const slug = label.replace(/\W+/g, '-');
    const folder = scratch.folder(`lists-${slug}`);
    scratch.file(`lists-${slug}/feeds/skerry.xml`, ALLOWED_FEED);
    if (label.startsWith('link')) symlinkSync(secretFeed, join(folder, 'feeds/inside.xml'));
    const opml = scratch.file(`lists-${slug}/list.opml`, list(xmlUrl));
    await cases.try(label, async () => {
      const desk = await deskRun(scratch.folder(`desk-${slug}`), [opml], 1);
      const outputs = readOutputs(join(scratch.dir, `desk-${slug}`, 'out'));
      return [...desk.findings, ...leaks('published files', outputs), ...leaks('run output', desk.run.stdout + desk.run.stderr)];
    });
  }
  await cases.try('sources export and parse-feed of a list naming a file: URL', async () => {
    const opml = scratch.file('lists-export/list.opml', list(pathToFileURL(secretFeed).href));
    scratch.file('lists-export/feeds/skerry.xml', ALLOWED_FEED);
    const exported = expectHandled(await runCli(['sources', 'export', '--opml', join(scratch.dir, 'lists-export')], scratch.dir), [0, 1], 'sources export');
    return leaks('sources export', exported.stdout + exported.stderr);
  });
});
