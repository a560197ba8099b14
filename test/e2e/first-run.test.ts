// A newcomer's first session through the compiled CLI on the bundled demo: what `run` says and where it points,
// feeds that explain their emptiness, `list` as a table, `search` into article bodies, and mistakes that are named.
import { describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';

interface Found {
  id: string;
  story: string | null;
  title: string;
  publisher: string;
  usage: string | null;
  snippet: string;
}

describe('a first run that guides', () => {
  let work: string;
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    work = tempDir('newsdesk-first-');
    run = runCli(['run', '--progress'], work);
  });

  it('groups the demo notes, then names the briefing and the editor in its closing lines', () => {
    expect(run.status, run.stderr).toBe(0);
    const notes = run.stderr.split('\n').filter((l) => l.includes('note:'));
    expect(notes.filter((l) => l.includes('no URL'))).toEqual([expect.stringMatching(/note: 9 article files have no URL; pass --url \(one file\) or list them in a feed \(.+\.txt, .+\.txt, .+\.txt, …\)$/)]);
    const closing = run.stderr.trimEnd().split('\n').slice(-2);
    expect(closing).toEqual([`newsdesk run: read the briefing: ${join('out', 'briefing.md')}`, 'newsdesk run: review, select and reject stories in the editor: newsdesk serve']);
  });

  it('reports every stage to its end, not only its start', () => {
    const lines = run.stderr.split('\n').filter((l) => /^newsdesk run: \w+ \d+\/\d+/.test(l));
    for (const stage of ['ingest', 'dedupe', 'cluster', 'summarize', 'rank', 'store', 'publish']) {
      const ends = lines.filter((l) => l.startsWith(`newsdesk run: ${stage} `)).map((l) => /(\d+)\/(\d+)/.exec(l)!.slice(1));
      expect(ends.length, stage).toBeGreaterThan(0);
      const [done, total] = ends[ends.length - 1]!;
      expect(done, stage).toBe(total);
      expect(Number(total), stage).toBeGreaterThan(0);
    }
  });

  it('ranks stories, not copies: ten stories in the top ten, and the table marks what a cap moved down', () => {
    const list = JSON.parse(runCli(['list', '--json'], work).stdout) as { candidates: Array<{ story: string; score: number }> };
    expect(new Set(list.candidates.slice(0, 10).map((c) => c.story)).size).toBe(10);
    const table = runCli(['rank'], work).stdout.split('\n');
    const eleventh = table.find((l) => /^ *11/.test(l))!;
    expect(eleventh).toMatch(/^ *11↓ /);
    expect(table.find((l) => /^ *10 /.test(l))).not.toContain('↓');
    expect(table).toContain('↓ moved below the top of the list by a diversity cap (one article per story, a few per publisher); rank --explain says which');
  });

  it('publishes feeds that say why they are empty and how to fill them', () => {
    const json = JSON.parse(readFileSync(join(work, 'out/feed.json'), 'utf8')) as { description: string; items: unknown[] };
    expect(json.items).toEqual([]);
    expect(json.description).toMatch(/none yet.*only stories an editor selects.*newsdesk serve.*newsdesk mark STORY-ID selected/);
    expect(readFileSync(join(work, 'out/feed.xml'), 'utf8')).toMatch(/<description>Stories selected by the editor \(none yet\)\. No story is selected yet/);
  });

  it('lists candidates under a header in aligned columns and counts them in words', () => {
    const list = runCli(['list'], work);
    expect(list.status).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id {16}story +usage +score +publisher +title$/);
    const at = (line: string, word: string) => line.indexOf(word);
    const usageColumn = at(lines[0]!, 'usage');
    for (const line of lines.slice(1)) expect(line.slice(usageColumn)).toMatch(/^(candidate|duplicate|selected|background|rejected) /);
    expect(list.stderr).toBe(`newsdesk list: ${lines.length - 1} candidates\n`);
    const id = lines[1]!.split(' ')[0]!;
    expect(runCli(['mark', id, 'rejected'], work).stderr).toMatch(/^newsdesk mark: 1 article marked rejected; re-published \d+ changed files? to /);
    expect(runCli(['list', '--usage', 'rejected'], work).stderr).toBe('newsdesk list: 1 candidate\n');
  });

  it('finds an article by a word that occurs only in its body', () => {
    const list = JSON.parse(runCli(['list', '--json'], work).stdout) as { candidates: Array<{ id: string; title: string }> };
    // "jackknifed" is in the storm article's text, in no title.
    expect(list.candidates.some((c) => /jackknif/i.test(c.title))).toBe(false);
    const search = runCli(['search', 'jackknifed', '--json'], work);
    expect(search.status, search.stderr).toBe(0);
    const { results } = JSON.parse(search.stdout) as { results: Found[] };
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(Object.keys(r)).toEqual(['id', 'story', 'title', 'publisher', 'usage', 'snippet']);
    expect(results[0]!.snippet).toMatch(/jackknifed/);
    expect(results[0]!.usage).not.toBeNull();
    expect(list.candidates.map((c) => c.id)).toContain(results[0]!.id);
    const human = runCli(['search', 'jackknifed'], work);
    expect(human.stdout.split('\n')[0]).toMatch(/^id +usage +publisher +title$/);
    expect(runCli(['search'], work).status).toBe(2);
  });

  it('names mistakes: a missing database is not created, a short id prefix says the minimum, unknown flags quote evenly', () => {
    const missing = runCli(['rank', '--db', 'missing.db'], work);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no database at missing\.db/);
    expect(existsSync(join(work, 'missing.db'))).toBe(false);
    expect(runCli(['search', 'bridge', '--db', 'missing.db'], work).status).toBe(1);
    expect(existsSync(join(work, 'missing.db'))).toBe(false);

    const list = JSON.parse(runCli(['list', '--json'], work).stdout) as { candidates: Array<{ id: string }> };
    const short = runCli(['mark', list.candidates[0]!.id.slice(0, 5), 'selected'], work);
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/id prefix "\w{5}" is too short: give at least 6 characters/);

    const flag = runCli(['rank', '--bogus'], work);
    expect(flag.status).toBe(2);
    const first = flag.stderr.split('\n')[0]!;
    expect(first).toBe('newsdesk rank: unknown option "--bogus" (to pass a value that starts with "-", put it after "--")');
    expect((first.match(/"/g) ?? []).length % 2).toBe(0);
  });
});
