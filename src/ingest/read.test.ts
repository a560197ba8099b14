import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSources } from './read.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));
const fixture = (path: string): string => join(FIXTURES, path);

const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-read-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function canMakeFifo(): boolean {
  try {
    execFileSync('mkfifo', [join(scratch, 'probe.fifo')]);
    return true;
  } catch {
    return false;
  }
}

describe('readSources on a folder', () => {
  it('walks it recursively in sorted order, skipping dotfiles, node_modules, Markdown and non-feed JSON', async () => {
    const corpus = join(scratch, 'corpus');
    cpSync(fixture('corpus'), corpus, { recursive: true });
    // Created here, not in the fixtures: version control ignores node_modules folders.
    mkdirSync(join(corpus, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(corpus, 'node_modules', 'pkg', 'index.txt'), 'Dependency Headline\n\nNot news.\n');
    writeFileSync(join(corpus, 'a-first.txt'), 'First Headline\n\nFirst body.\n');

    const { documents, failures, notices } = await readSources([corpus]);
    expect(documents.map((d) => [d.path.slice(corpus.length + 1), d.kind])).toEqual([
      ['a-first.txt', 'text'],
      ['notes-01.txt', 'text'],
      ['sub/wire.json', 'jsonfeed'],
    ]);
    expect(failures).toEqual([]);
    expect(notices).toEqual([]);
  });

  it('reads each file once, however it is named', async () => {
    const path = fixture('text/orphan.txt');
    const { documents } = await readSources([path, fixture('text'), `${fixture('text')}/../text/orphan.txt`]);
    expect(documents.filter((d) => d.path === path)).toHaveLength(1);
    expect(documents).toHaveLength(5);
  });
});

describe('readSources on OPML', () => {
  it('expands relative feed paths, reports remote and missing feeds, and reads a repeated feed once', async () => {
    const { documents, failures, notices } = await readSources([fixture('subscriptions.opml')]);
    expect(documents.map((d) => [d.path, d.kind])).toEqual([
      [fixture('feeds/northwind.xml'), 'rss'],
      [fixture('feeds/lakeside.atom'), 'atom'],
    ]);
    expect(failures).toEqual([{ path: fixture('feeds/missing.xml'), reason: 'no such file or directory (listed in subscriptions.opml)', refused: true }]);
    expect(notices).toEqual([
      `${fixture('subscriptions.opml')}: https://wire.example.org/feed.xml: fetching remote feeds is not supported yet; save the feed and pass the file`,
    ]);
  });

  it('reports OPML that is not well-formed or lists no feeds', async () => {
    const broken = join(scratch, 'broken.opml');
    writeFileSync(broken, '<opml version="2.0"><body><outline text="A" xmlUrl="a.xml"></body></opml>');
    const empty = join(scratch, 'empty.opml');
    writeFileSync(empty, '<opml version="2.0"><head/><body></body></opml>');
    const { failures } = await readSources([broken, empty]);
    expect(failures[0]?.reason).toMatch(/^OPML is not well-formed XML \(.+\); fix or re-export it$/);
    expect(failures[1]).toEqual({ path: empty, reason: 'OPML lists no feeds (no outline has an xmlUrl); nothing to read' });
  });
});

describe('readSources failures: one per bad input, never thrown', () => {
  it('reports a missing path', async () => {
    const missing = join(scratch, 'no-such-story.txt');
    expect((await readSources([missing])).failures).toEqual([{ path: missing, reason: 'no such file or directory', refused: true }]);
  });

  it('reports an empty and a whitespace-only file', async () => {
    const empty = join(scratch, 'notes.txt');
    writeFileSync(empty, '');
    const blank = join(scratch, 'blank.txt');
    writeFileSync(blank, ' \n\t\n');
    const { documents, failures } = await readSources([empty, blank]);
    expect(documents).toEqual([]);
    expect(failures.map((f) => f.reason)).toEqual(['file is empty; nothing to read', 'file is empty; nothing to read']);
  });

  it('reports a binary file', async () => {
    const binary = join(scratch, 'photo.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
    expect((await readSources([binary])).failures).toEqual([{ path: binary, reason: 'binary file; pass text, HTML or feed files' }]);
  });

  it('reports a broken symbolic link as unreadable (also when running as root)', async () => {
    const link = join(scratch, 'dangling.txt');
    symlinkSync(join(scratch, 'deleted-target.txt'), link);
    expect((await readSources([link])).failures).toEqual([{ path: link, reason: 'broken symbolic link: its target does not exist', refused: true }]);
  });

  it.skipIf(!canMakeFifo())('reports a named pipe without blocking on it', async () => {
    const fifo = join(scratch, 'wire.fifo');
    execFileSync('mkfifo', [fifo]);
    expect((await readSources([fifo])).failures).toEqual([
      { path: fifo, reason: 'is a named pipe (FIFO), not a file; pass a file or a folder', refused: true },
    ]);
  });

  it('reports JSON that is not a JSON Feed when named explicitly', async () => {
    const labels = fixture('corpus/labels.json');
    expect((await readSources([labels])).failures).toEqual([
      { path: labels, reason: 'JSON file is not a JSON Feed (no jsonfeed.org "version"); nothing to read' },
    ]);
  });

  it('keeps reading after a failure', async () => {
    const { documents, failures } = await readSources([join(scratch, 'gone.txt'), fixture('text/orphan.txt')]);
    expect(failures).toHaveLength(1);
    expect(documents.map((d) => d.path)).toEqual([fixture('text/orphan.txt')]);
  });
});

describe('readSources --url', () => {
  it('applies to exactly one file', async () => {
    const { documents, notices } = await readSources([fixture('text/orphan.txt')], { url: 'https://harborgazette.org/seals' });
    expect(documents[0]?.url).toBe('https://harborgazette.org/seals');
    expect(notices).toEqual([]);
  });

  it('is ignored with a notice for several files or a folder', async () => {
    const url = 'https://harborgazette.org/seals';
    for (const paths of [[fixture('text/orphan.txt'), fixture('text/ferry-footer.txt')], [fixture('text')]]) {
      const { documents, notices } = await readSources(paths, { url });
      expect(documents.every((d) => d.url === undefined)).toBe(true);
      expect(notices).toEqual([`--url ${url} ignored: it applies only when exactly one file is given`]);
    }
  });
});
