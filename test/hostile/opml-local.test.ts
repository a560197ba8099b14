// Issue 20, item 4: a local OPML list may name http(s) feeds and files in its own folder or below, never
// a file: URL or a path outside its folder (test/fixtures/hostile/opml/list.opml names /etc/passwd three
// ways and a sibling fixture). A link inside the folder that points out of it is refused too.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../src/ingest/read.js';
import { checkFolder } from '../../eval/hostile/check.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const LIST = join(REPO, 'test/fixtures/hostile/opml/list.opml');
const OUTSIDE = "outside the OPML list's folder, so not read; move the feed next to the list (listed in list.opml)";

describe('a local OPML list naming files outside its folder', () => {
  it('reads only the feed inside its folder and says why each other entry was refused', async () => {
    const read = await readSources([LIST]);
    expect(read.documents.map((d) => d.path)).toEqual([join(REPO, 'test/fixtures/hostile/opml/feeds/tern-wire.xml')]);
    expect(read.failures).toEqual([
      { path: 'file:///etc/passwd', reason: 'file: URLs in an OPML list are not read; name the feed by a path relative to the list (listed in list.opml)' },
      { path: '/etc/hostname', reason: OUTSIDE },
      { path: '/etc/passwd', reason: OUTSIDE },
      { path: join(REPO, 'test/fixtures/hostile/links.xml'), reason: OUTSIDE },
    ]);
  });

  it('run publishes no line of /etc/passwd', () => {
    const cwd = tempDir();
    const run = runCli(['run', '--out', 'out', '--db', 'desk.db', LIST], cwd);
    expect(run.status).toBe(1);
    const out = join(cwd, 'out');
    expect(checkFolder(out)).toEqual([]);
    const published = ['briefing.md', 'articles.jsonl', 'run.json'].map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
    expect(published).toContain('Harbor cafe reopens for winter');
    expect(published).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  it('refuses a link inside the folder that points outside it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'list'));
    writeFileSync(join(dir, 'secret.xml'), readFileSync(join(REPO, 'test/fixtures/hostile/opml/feeds/tern-wire.xml')));
    symlinkSync(join(dir, 'secret.xml'), join(dir, 'list', 'inside.xml'));
    writeFileSync(join(dir, 'list', 'list.opml'), '<?xml version="1.0"?><opml version="2.0"><body><outline text="Inside" xmlUrl="inside.xml"/></body></opml>');
    const read = await readSources([join(dir, 'list', 'list.opml')]);
    expect(read.documents).toEqual([]);
    expect(read.failures).toEqual([{ path: join(dir, 'list', 'inside.xml'), reason: OUTSIDE }]);
  });
});
