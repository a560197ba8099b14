// Issue 20, item 2: only http(s) URLs leave the desk. Item links that say javascript:, data:, file: or
// vbscript: are dropped at ingest (test/fixtures/hostile/links.xml), and every writer checks again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder } from '../../eval/hostile/check.js';
import { publishRun } from '../../src/publish/index.js';
import type { Candidate, RunResult } from '../../src/model.js';
import { makeArticle } from '../helpers/articles.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const FIXTURE = join(REPO, 'test/fixtures/hostile/links.xml');
const HOSTILE_SCHEMES = /javascript:|data:|file:|vbscript:/i;

describe('item links that are not http(s)', () => {
  it('are dropped at ingest with a note, and no output of the run or the editor-facing list names them', () => {
    const cwd = tempDir();
    const run = runCli(['run', '--out', 'out', '--db', 'desk.db', FIXTURE], cwd);
    expect(run.status).toBe(0);
    for (const scheme of ['javascript:', 'data:', 'file:', 'vbscript:']) {
      expect(run.stderr).toContain(`link with a ${scheme} URL dropped; only http(s) links are kept`);
    }
    const listed = JSON.parse(runCli(['list', '--json', '--db', 'desk.db'], cwd).stdout) as { candidates: Array<{ id: string; url: string }> };
    expect(listed.candidates).toHaveLength(5);
    expect(listed.candidates.filter((c) => c.url === '')).toHaveLength(4);
    // Selected stories go into feed.xml and feed.json: select them all so that every writer runs.
    expect(runCli(['mark', ...listed.candidates.map((c) => c.id), 'selected', '--db', 'desk.db', '--out', 'out'], cwd).status).toBe(0);
    const out = join(cwd, 'out');
    expect(checkFolder(out)).toEqual([]);
    for (const file of ['briefing.html', 'briefing.md', 'feed.xml', 'feed.json', 'articles.jsonl']) {
      expect(readFileSync(join(out, file), 'utf8')).not.toMatch(HOSTILE_SCHEMES);
    }
    expect(readFileSync(join(out, 'briefing.html'), 'utf8')).toContain('href="https://www.saltmarshbulletin.example/2026/11/23/bus-shelter.html"');
  });

  it('are left out of parse-feed --json and the OPML export, with a warning for each', () => {
    const cwd = tempDir();
    const parsed = runCli(['parse-feed', '--json', FIXTURE], cwd);
    expect(parsed.status).toBe(0);
    const feed = JSON.parse(parsed.stdout) as { items: Array<{ link: string }>; warnings: string[] };
    expect(feed.items.map((i) => i.link)).toEqual(['', '', '', '', 'https://www.saltmarshbulletin.example/2026/11/23/bus-shelter.html']);
    expect(feed.warnings).toHaveLength(4);
    const hostileSite = join(cwd, 'site.xml');
    writeFileSync(hostileSite, readFileSync(FIXTURE, 'utf8').replace('<link>https://www.saltmarshbulletin.example/</link>', '<link>javascript:alert(1)</link>'));
    const exported = runCli(['sources', 'export', '--opml', hostileSite], cwd);
    expect(exported.stdout).toContain('text="Saltmarsh Bulletin"');
    // A local feed is exported by its file: URL on purpose; the hostile site link is left out.
    expect(exported.stdout).not.toMatch(/javascript:|htmlUrl=/);
  });

  it('are not published even when one reaches the writers (defence in depth)', async () => {
    const urls = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/hostname', 'vbscript:msgbox(1)'];
    const articles = urls.map((url, i) => makeArticle({ id: `h${i}`, title: `Harbor notice ${i}`, text: 'The harbor office opened.', url }));
    const candidate = (articleId: string, rank: number): Candidate => ({ articleId, storyId: `s-${articleId}`, score: 1, components: [], initialRank: rank, rank, usage: 'selected' });
    const result: RunResult = {
      articles,
      duplicates: [],
      stories: articles.map((a) => ({ id: `s-${a.id}`, label: a.title, articleIds: [a.id], publishers: [a.publisher] })),
      summaries: articles.map((a) => ({ articleId: a.id, text: 'The harbor office opened.', sentences: [], wordCount: 4, method: 'test' })),
      audits: [],
      candidates: articles.map((a, i) => candidate(a.id, i + 1)),
      failures: [],
      notices: [],
    };
    const out = tempDir();
    await publishRun(result, out, '2026-11-23T12:00:00.000Z');
    expect(checkFolder(out)).toEqual([]);
    for (const file of ['briefing.html', 'briefing.md', 'feed.xml', 'feed.json', 'articles.jsonl']) {
      expect(readFileSync(join(out, file), 'utf8')).not.toMatch(HOSTILE_SCHEMES);
    }
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { candidates: Array<{ url: string }> };
    expect(run.candidates.map((c) => c.url)).toEqual(['', '', '', '']);
  });
});
