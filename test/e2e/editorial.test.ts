// End to end: the editor's workflow on the demo corpus through the compiled CLI: list, mark by story
// and by article, the audit trail, persistence across re-runs, explanations and the published outputs.
import { describe, expect, it, beforeAll } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Parser from 'rss-parser';
import { parse } from 'yaml';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

interface Listed {
  id: string;
  story: string;
  title: string;
  publisher: string;
  url: string;
  usage: string;
  initial_rank: number;
  score: number;
}

const DB = ['--db', 'newsdesk.db'];
const OUT = ['--out', 'out'];

function list(work: string, ...args: string[]): Listed[] {
  const result = runCli(['list', '--json', ...DB, ...args], work);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { candidates: Listed[] }).candidates;
}

function usageInFile(work: string, id: string): unknown {
  const line = readFileSync(join(work, 'out/articles.jsonl'), 'utf8').split('\n').find((l) => l.includes(`"id":"${id}"`))!;
  const file = (JSON.parse(line) as { file: string }).file;
  const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(work, 'out', file), 'utf8'))![1]!) as Record<string, unknown>;
  expect(Object.keys(front).slice(0, 5)).toEqual(['url', 'title', 'publisher', 'usage', 'initial_rank']);
  return front.usage;
}

describe('the editorial workflow', () => {
  let work: string;
  let before: Listed[];

  beforeAll(() => {
    work = tempDir('newsdesk-editorial-');
    expect(runCli(['run', '--quiet', ...OUT, ...DB], work).status).toBe(0);
    before = list(work);
  });

  it('lists every candidate of the latest run with the keys mark needs', () => {
    expect(before.length).toBeGreaterThan(10);
    for (const c of before) expect(Object.keys(c)).toEqual(['id', 'story', 'title', 'publisher', 'url', 'usage', 'initial_rank', 'score']);
    expect(new Set(before.map((c) => c.usage))).toEqual(new Set(['candidate', 'duplicate']));
  });

  it('marks a whole story by its id, records the note, and re-publishes files, briefing and feeds', async () => {
    const story = before[0]!.story;
    const members = before.filter((c) => c.story === story && c.usage !== 'duplicate');
    const result = runCli(['mark', story, 'selected', '--note', 'lead for the morning', ...DB, ...OUT], work);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`${members.length} articles? marked selected`));
    expect(list(work, '--usage', 'selected').map((c) => c.id).sort()).toEqual(members.map((c) => c.id).sort());
    for (const m of members) expect(usageInFile(work, m.id)).toBe('selected');

    const db = new Database(join(work, 'newsdesk.db'), { readonly: true });
    const events = db.prepare('SELECT article_id, usage, previous, note, at FROM usage_events').all() as Array<Record<string, string>>;
    db.close();
    expect(events).toHaveLength(members.length);
    for (const e of events) expect(e).toMatchObject({ usage: 'selected', previous: 'candidate', note: 'lead for the morning' });
    expect(Date.parse(events[0]!.at!)).not.toBeNaN();

    const feed = await new Parser().parseString(readFileSync(join(work, 'out/feed.xml'), 'utf8'));
    expect(feed.items.map((i) => i.guid)).toEqual([`newsdesk:story:${story}`]);
    expect((JSON.parse(readFileSync(join(work, 'out/feed.json'), 'utf8')) as { items: unknown[] }).items).toHaveLength(1);
    expect(readFileSync(join(work, 'out/briefing.html'), 'utf8')).toContain('class="selected"');
  });

  it('moves one article between usages, and keeps the decisions through a re-run', () => {
    const target = before.find((c) => c.usage === 'candidate' && c.story !== before[0]!.story)!;
    expect(runCli(['mark', target.id, 'rejected', ...DB, ...OUT], work).status).toBe(0);
    expect(runCli(['mark', target.id, 'background', ...DB, ...OUT], work).status).toBe(0);
    expect(usageInFile(work, target.id)).toBe('background');

    const rerun = runCli(['run', '--quiet', ...OUT, ...DB], work);
    expect(rerun.status, rerun.stderr).toBe(0);
    const after = list(work);
    expect(after.find((c) => c.id === target.id)!.usage).toBe('background');
    expect(after.filter((c) => c.usage === 'selected')).toHaveLength(list(work, '--usage', 'selected').length);
    expect(list(work, '--usage', 'selected').length).toBeGreaterThan(0);
    expect(usageInFile(work, target.id)).toBe('background');
    // Initial ranks are fixed the first time: a re-run does not renumber them.
    expect(Object.fromEntries(after.map((c) => [c.id, c.initial_rank]))).toEqual(Object.fromEntries(before.map((c) => [c.id, c.initial_rank])));
  });

  it('refuses unknown ids and bad usage values with exit 2 and a line that names them', () => {
    const unknown = runCli(['mark', 'no-such-id', 'selected', ...DB, ...OUT], work);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown article or story id "no-such-id"/);
    const bad = runCli(['mark', before[0]!.id, 'published', ...DB, ...OUT], work);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/"published" is not a usage value; use one of candidate, selected, background, rejected/);
    expect(runCli(['mark', before[0]!.id, 'duplicate', ...DB, ...OUT], work).status).toBe(2);
    expect(runCli(['list', '--usage', 'maybe', ...DB], work).status).toBe(2);
    expect(runCli(['list', '--since', 'yesterday', ...DB], work).status).toBe(2);
  });

  it('filters by age with --since', () => {
    // Ages count from the wall clock, so only bounds that hold on any date are asserted.
    expect(list(work, '--since', '100000w')).toHaveLength(before.length);
    expect(list(work, '--since', '1m').length).toBeLessThanOrEqual(before.length);
  });

  it('explains the ranking: every component, contributions summing to the score', () => {
    const text = runCli(['rank', '--explain', ...DB], work);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^#1 {2}score \d+\.\d{4}/);
    for (const name of ['corroboration', 'recency', 'source', 'topic', 'novelty', 'prominence']) expect(text.stdout).toContain(`    ${name}`);
    const json = JSON.parse(runCli(['rank', '--json', ...DB], work).stdout) as { candidates: Array<{ rank: number; score: number; components: Array<{ contribution: number }> }> };
    expect(json.candidates.map((c) => c.rank)).toEqual(json.candidates.map((_, i) => i + 1));
    for (const c of json.candidates) expect(c.components.reduce((n, p) => n + p.contribution, 0)).toBeCloseTo(c.score, 9);
    const run = runCli(['run', '--explain', '--quiet', ...OUT, ...DB], work);
    expect(run.stdout).toMatch(/^#1 {2}score/);
  });

  it('ranks the stored run again with a changed config, shows old and new ranks, and saves nothing', () => {
    type Reranked = { candidates: Array<{ id: string; rank: number; stored_rank: number; components: Array<{ name: string; weight: number }> }> };
    const rerank = (...args: string[]): Reranked => {
      const result = runCli(['rank', '--rerank', '--json', ...DB, ...args], work);
      expect(result.status, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as Reranked;
    };
    // With the config unchanged, ranking again reproduces the stored ranking exactly.
    const same = rerank();
    expect(same.candidates.map((c) => c.rank)).toEqual(same.candidates.map((c) => c.stored_rank));

    writeFileSync(join(work, 'recency-only.yaml'), 'weights:\n  corroboration: 0\n  recency: 1\n  source: 0\n  topic: 0\n  novelty: 0\n  prominence: 0\n');
    const stored = list(work).map((c) => c.id);
    const changed = rerank('--config', 'recency-only.yaml');
    expect(changed.candidates[0]!.components.find((p) => p.name === 'recency')!.weight).toBe(1);
    expect(changed.candidates.some((c) => c.rank !== c.stored_rank)).toBe(true);
    const text = runCli(['rank', '--rerank', '--config', 'recency-only.yaml', ...DB], work);
    expect(text.stderr).toMatch(/ranked again with the current config; nothing saved/);
    expect(text.stdout).toMatch(/moved \(new ← stored\):\n {2}#\d+ ← #\d+ {2}\S/);
    // Nothing was saved: the stored ranking is as it was.
    expect(list(work).map((c) => c.id)).toEqual(stored);
  });
});

describe('novelty across runs', () => {
  it('compares a new day with what earlier runs showed, and ranks an identical re-run the same', () => {
    const work = tempDir('newsdesk-novelty-');
    const demo = join(REPO, 'examples/demo');
    expect(runCli(['run', join(demo, 'feeds'), '--quiet', ...OUT, ...DB], work).status).toBe(0);
    expect(runCli(['run', demo, '--quiet', ...OUT, ...DB], work).status).toBe(0);
    const explain = (): Array<{ story: string; score: number; components: Array<{ name: string; value: number; detail: string }> }> =>
      (JSON.parse(runCli(['rank', '--json', ...DB], work).stdout) as { candidates: [] }).candidates;
    const second = explain();
    const novelty = second.map((c) => c.components.find((p) => p.name === 'novelty')!);
    expect(novelty.some((n) => /^story grew from \d+ to \d+ articles/.test(n.detail) && n.value > 0 && n.value < 1)).toBe(true);
    expect(novelty.some((n) => n.detail === 'story not shown by an earlier run' && n.value === 1)).toBe(true);

    expect(runCli(['run', demo, '--quiet', ...OUT, ...DB], work).status).toBe(0);
    expect(explain()).toEqual(second);
  });
});

describe('a run rebuilt after a mark', () => {
  it("keeps the run's failures and notices in run.json", () => {
    const work = tempDir('newsdesk-rebuilt-');
    const input = join(work, 'in');
    mkdirSync(input);
    copyFileSync(join(REPO, 'test/fixtures/one-article/pool.txt'), join(input, 'pool.txt'));
    writeFileSync(join(input, 'scan.dat'), Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]));
    writeFileSync(join(input, 'empty.txt'), '');
    const first = runCli(['run', '--quiet', ...OUT, ...DB, input], work);
    expect(first.status).toBe(1);
    const runJson = (): { counts: { failures: number }; failures: Array<{ path: string; reason: string }>; notices: string[] } =>
      JSON.parse(readFileSync(join(work, 'out/run.json'), 'utf8'));
    const reported = runJson();
    expect(reported.failures.map((f) => f.path.split('/').pop()).sort()).toEqual(['empty.txt', 'scan.dat']);
    expect(reported.notices.some((n) => n.includes('pool.txt'))).toBe(true);

    const [article] = list(work);
    expect(runCli(['mark', article!.id, 'selected', ...DB, ...OUT], work).status).toBe(0);
    const rebuilt = runJson();
    expect(rebuilt.failures).toEqual(reported.failures);
    expect(rebuilt.notices).toEqual(reported.notices);
    expect(rebuilt.counts.failures).toBe(2);
  });
});
