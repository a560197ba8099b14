// Entity declarations in a feed's DOCTYPE. Harmless internal entities (one, nested, in an attribute, as
// many as the cap allows) must be expanded and the feed read; external entities (a file and a loopback
// URL holding a marker), parameter entities, recursion, billion laughs and quadratic blowup must be
// refused with a reason, quickly, and never expanded into any output.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { Finding } from '../check.js';
import { MAX_ENTITY_DECLARATIONS, MAX_ENTITY_VALUE_CHARS, MAX_EXPANDED_CHARS } from '../../../src/ingest/doctype.js';
import { deskRun } from '../desk.js';
import { Crash, defineClass, expectHandled, runCli } from '../harness.js';

const MARKER = 'HARBOR-VAULT-91C2';

const feed = (subset: string, title: string, extra = ''): string =>
  `<?xml version="1.0"?><!DOCTYPE rss [${subset}]><rss version="2.0"><channel><title>Limpet Bay Post</title><link>https://limpetbay.example/</link>
<item><title>${title}</title><link>https://limpetbay.example/${encodeURIComponent(title).slice(0, 40)}</link>${extra}<description>The Limpet Bay harbor reopened on Monday. Boats returned before noon.</description></item></channel></rss>`;

const laughs = `<!ENTITY l0 "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}`;

export const hostileClass = defineClass('entities', async (cases, scratch) => {
  const secret = scratch.file('vault/secret.txt', `${MARKER} vault code\n`);
  const server = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end(`${MARKER} from the network`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const remote = `http://127.0.0.1:${(server.address() as AddressInfo).port}/secret`;
  let fetched = 0;
  server.on('request', () => fetched++);

  const harmless: Record<string, [string, string, string, string]> = {
    'one internal entity': ['<!ENTITY bay "Limpet Bay">', '&bay; harbor reopens', '', 'Limpet Bay harbor reopens'],
    'nested entities': ['<!ENTITY bay "Limpet Bay"><!ENTITY town "&bay; town"><!ENTITY hall "&town; hall">', '&hall; votes', '', 'Limpet Bay town hall votes'],
    'an entity in an attribute': ['<!ENTITY host "limpetbay.example">', 'Attribute news', '<guid isPermaLink="false">https://&host;/guid</guid>', 'Attribute news'],
    'as many entities as allowed': [Array.from({ length: MAX_ENTITY_DECLARATIONS }, (_, i) => `<!ENTITY e${i} "word${i}">`).join(''), 'Count &e63; news', '', 'Count word63 news'],
  };
  for (const [label, [subset, title, extra, expected]] of Object.entries(harmless)) {
    await cases.try(label, async () => {
      const path = scratch.file(`harmless/${label.replace(/\W+/g, '-')}.xml`, feed(subset, title, extra));
      const result = expectHandled(await runCli(['parse-feed', '--json', path], scratch.dir), [0], 'parse-feed');
      const got = (JSON.parse(result.stdout) as { items: Array<{ title: string }> }).items[0]?.title;
      if (got !== expected) throw new Crash(`a harmless feed was not read as written: got ${JSON.stringify(got)}`);
      return [];
    });
  }

  const attacks: Record<string, string> = {
    'external entity (file)': feed(`<!ENTITY x SYSTEM "${pathToFileURL(secret).href}">`, '&x;'),
    'external entity (loopback URL)': feed(`<!ENTITY x SYSTEM "${remote}">`, '&x;'),
    'external entity (PUBLIC)': feed(`<!ENTITY x PUBLIC "-//Limpet//Vault//EN" "${remote}">`, '&x;'),
    'external parameter entity': feed(`<!ENTITY % dtd SYSTEM "${remote}"> %dtd;`, 'Harbor news'),
    'recursive entities': feed('<!ENTITY a "&b;"><!ENTITY b "&a;">', '&a;'),
    'billion laughs': feed(laughs, '&l9;'),
    'quadratic blowup': feed(`<!ENTITY q "${'x'.repeat(MAX_ENTITY_VALUE_CHARS)}">`, '&q;'.repeat(Math.ceil(MAX_EXPANDED_CHARS / MAX_ENTITY_VALUE_CHARS) + 1)),
    'too many declarations': feed(Array.from({ length: MAX_ENTITY_DECLARATIONS + 1 }, (_, i) => `<!ENTITY e${i} "x">`).join(''), '&e0;'),
  };
  const attackFiles: string[] = [];
  try {
    for (const [label, content] of Object.entries(attacks)) {
      const path = scratch.file(`attacks/${label.replace(/\W+/g, '-')}.xml`, content);
      attackFiles.push(path);
      await cases.try(label, async (): Promise<Finding[]> => {
        const result = expectHandled(await runCli(['parse-feed', '--json', path], scratch.dir), [1], 'parse-feed');
        if (!/DOCTYPE .*refused/.test(result.stderr)) throw new Crash(`refused without saying why: ${result.stderr.split('\n')[0]}`);
        return result.stdout.includes(MARKER) || result.stderr.includes(MARKER) ? [{ file: 'parse-feed', rule: 'external entity content printed', excerpt: MARKER }] : [];
      });
    }
    await cases.try('the whole desk on every attack and a harmless feed', async () => {
      const desk = await deskRun(scratch.folder('desk'), [...attackFiles, scratch.dir + '/harmless'], Object.keys(harmless).length);
      const leaked = desk.run.stdout.includes(MARKER) || desk.run.stderr.includes(MARKER) || fetched > 0;
      return [...desk.findings, ...(leaked ? [{ file: 'run', rule: 'external entity read or fetched', excerpt: MARKER }] : [])];
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
