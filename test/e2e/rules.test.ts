// End to end: mute and boost rules and saved searches through the compiled CLI on the demo corpus. A rule
// change ranks the latest run again and re-publishes it at once; `rank --explain` says which rule did what;
// a later run ranks with the rules; removing a rule gives the ranking back; the config's rules work alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';

const DESK = ['--db', 'newsdesk.db', '--out', 'out'];

interface Ranked {
  id: string;
  rank: number;
  score: number;
  usage: string;
  muted?: string;
  components: Array<{ name: string; value: number; contribution: number; detail: string }>;
}

function ranking(work: string, ...args: string[]): Ranked[] {
  const result = runCli(['rank', '--json', '--db', 'newsdesk.db', ...args], work);
  expect(result.status, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { candidates: Ranked[] }).candidates;
}

function published(work: string): Array<{ id: string; rank: number; publisher: string; muted?: string }> {
  return (JSON.parse(readFileSync(join(work, 'out/run.json'), 'utf8')) as { candidates: Array<{ id: string; rank: number; publisher: string; muted?: string }> }).candidates;
}

const order = (list: Array<{ id: string }>) => list.map((c) => c.id);

describe('newsdesk rules', () => {
  let work: string;
  let before: Ranked[];
  let publisherOf: Map<string, string>;

  beforeAll(() => {
    work = tempDir('newsdesk-rules-');
    expect(runCli(['run', '--quiet', ...DESK], work).status).toBe(0);
    before = ranking(work);
    publisherOf = new Map(published(work).map((c) => [c.id, c.publisher]));
  });

  it('lists no rules before the first, and says how to add one', () => {
    const result = runCli(['rules', ...DESK], work);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('no mute or boost rules (add one: newsdesk rules mute publisher SLUG)');
    expect(JSON.parse(runCli(['rules', '--json', ...DESK], work).stdout)).toEqual({ run: 1, rules: [], searches: [] });
  });

  it("mutes a publisher: its articles follow every article not muted, in the published run.json too, and --explain says why", () => {
    const lead = before[0]!;
    const publisher = publisherOf.get(lead.id)!;
    const result = runCli(['rules', 'mute', 'publisher', publisher, '--note', 'wire copy', ...DESK], work);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`mute publisher ${publisher} (rule 1)\n`);
    expect(result.stderr).toMatch(/rule 1 kept; \d+ articles moved; re-published \d+ changed files? to out/);

    const after = ranking(work);
    const muted = after.filter((c) => c.muted);
    const originals = after.filter((c) => c.usage !== 'duplicate');
    expect(muted.map((c) => c.id).sort()).toEqual(before.filter((c) => c.usage !== 'duplicate' && publisherOf.get(c.id) === publisher).map((c) => c.id).sort());
    // Muted originals come right after every original not muted, scores unchanged.
    expect(originals.slice(-muted.length).every((c) => c.muted === `publisher ${publisher} (rule 1)`)).toBe(true);
    expect(after.find((c) => c.id === lead.id)!.score).toBe(lead.score);
    expect(order(published(work))).toEqual(order(after));
    expect(published(work).find((c) => c.id === lead.id)!.muted).toBe(`publisher ${publisher} (rule 1)`);

    const explained = runCli(['rank', '--explain', '--db', 'newsdesk.db'], work);
    expect(explained.stdout).toContain(`    muted by publisher ${publisher} (rule 1): ranked after every article not muted`);
    const table = runCli(['rank', '--db', 'newsdesk.db'], work).stdout;
    expect(table).toContain('⊘ muted by a rule: ranked after every article not muted (newsdesk rules)');
  });

  it('boosts a keyword: the boost component lifts what matches, explained; the same rule twice changes nothing', () => {
    const result = runCli(['rules', 'boost', 'keyword', 'comet', ...DESK], work);
    expect(result.status, result.stderr).toBe(0);
    const after = ranking(work);
    const boosted = after.filter((c) => c.components.find((p) => p.name === 'boost')!.value === 1);
    expect(boosted.length).toBeGreaterThan(0);
    for (const c of boosted) {
      expect(c.components.find((p) => p.name === 'boost')).toMatchObject({ contribution: 1, detail: 'boosted by keyword comet (rule 2)' });
      expect(c.score).toBeCloseTo(before.find((b) => b.id === c.id)!.score + 1, 4);
    }
    // The comet story did not lead before; now it does.
    expect(boosted.map((c) => c.id)).not.toContain(before[0]!.id);
    expect(boosted.map((c) => c.id)).toContain(after[0]!.id);
    expect(runCli(['rank', '--explain', '--db', 'newsdesk.db'], work).stdout).toMatch(/boost +1\.0000 × 1 += 1\.0000 {2}boosted by keyword comet \(rule 2\)/);

    const again = runCli(['rules', 'boost', 'keyword', 'Comet', ...DESK], work);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('rule 2 was already kept; nothing changed');
  });

  it('keeps the rules in later runs: a new run ranks exactly as the rule change did', () => {
    const ruled = ranking(work);
    expect(runCli(['run', '--quiet', ...DESK], work).status).toBe(0);
    expect(ranking(work).map((c) => [c.id, c.rank, c.muted])).toEqual(ruled.map((c) => [c.id, c.rank, c.muted]));
  });

  it('refuses what it cannot take, saying why, with exit 2', () => {
    const publisher = publisherOf.get(before[0]!.id)!;
    const cases: Array<[string[], RegExp]> = [
      [['rules', 'boost', 'publisher', publisher.toUpperCase()], new RegExp(`publisher "${publisher}" already has a rule: mute publisher ${publisher} \\(rule 1\\); remove that one first`)],
      [['rules', 'mute', 'topic', 'comet'], /a rule matches keyword, publisher, author, story \(got "topic": for a topic, use keyword with its words, or story with its id\)/],
      [['rules', 'mute', 'story', 's-000000000000'], /no story "s-000000000000" in the store/],
      [['rules', 'mute', 'keyword'], /name what to mute/],
      [['rules', 'remove', '99'], /no rule 99; "newsdesk rules" lists the rules/],
      [['rules', 'remove', 'one'], /give one id as "newsdesk rules" lists it/],
      [['rules', 'hide', 'x'], /"hide" is not a rules command/],
      [['rules', 'save-search', '?!'], /the query "\?!" has no word to search for/],
    ];
    for (const [args, message] of cases) {
      const result = runCli([...args, ...DESK], work);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('saves searches, lists them with the rules and what each matches, and removes them', () => {
    const saved = runCli(['rules', 'save-search', 'comet', 'Hollis', ...DESK], work);
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.stdout).toBe('search 1: comet Hollis\n');
    const listed = JSON.parse(runCli(['rules', '--json', ...DESK], work).stdout) as {
      run: number;
      rules: Array<{ id: number; action: string; matches: number; note: string | null }>;
      searches: Array<{ id: number; query: string; matches: number; new: number }>;
    };
    expect(listed.run).toBe(2);
    expect(listed.rules.map((r) => [r.id, r.action, r.note])).toEqual([
      [1, 'mute', 'wire copy'],
      [2, 'boost', null],
    ]);
    const search = (JSON.parse(runCli(['search', 'comet', 'Hollis', '--json', '--db', 'newsdesk.db'], work).stdout) as { results: unknown[] }).results;
    // Every match was first seen by run 1, so none is new in run 2.
    expect(listed.searches).toEqual([{ id: 1, query: 'comet Hollis', from: 'store', matches: search.length, new: 0 }]);
    expect(runCli(['rules', ...DESK], work).stdout).toMatch(/search +matches +new +query\n1 +\d+ +0 +comet Hollis/);
    expect(runCli(['rules', 'remove-search', '1', ...DESK], work).stdout).toBe('search 1 removed: comet Hollis\n');
    expect(runCli(['rules', 'remove-search', '1', ...DESK], work).status).toBe(2);
  });

  it('gives the ranking back when the rules are removed', () => {
    for (const id of ['2', '1']) expect(runCli(['rules', 'remove', id, ...DESK], work).status).toBe(0);
    const after = ranking(work);
    expect(after.map((c) => [c.id, c.rank, c.score])).toEqual(before.map((c) => [c.id, c.rank, c.score]));
    expect(published(work).some((c) => c.muted)).toBe(false);
  });

  it("applies the config file's rules in a run, lists them as the config's, and refuses a store rule that clashes with them", () => {
    const dir = tempDir('newsdesk-rules-config-');
    const publisher = publisherOf.get(before[0]!.id)!;
    writeFileSync(join(dir, 'newsdesk.yaml'), `ranking:\n  mute:\n    publisher: ${publisher}\nsearches: [comet]\n`);
    expect(runCli(['run', '--quiet', '--config', 'newsdesk.yaml', ...DESK], dir).status).toBe(0);
    const ranked = ranking(dir);
    expect(ranked.find((c) => c.id === before[0]!.id)!.muted).toBe(`publisher ${publisher} (config)`);
    const listed = JSON.parse(runCli(['rules', '--json', '--config', 'newsdesk.yaml', ...DESK], dir).stdout) as { rules: unknown[]; searches: unknown[] };
    expect(listed.rules).toEqual([{ id: null, action: 'mute', field: 'publisher', value: publisher, note: null, created_at: null, from: 'config', matches: expect.any(Number) }]);
    expect(listed.searches).toEqual([{ id: null, query: 'comet', from: 'config', matches: expect.any(Number), new: expect.any(Number) }]);
    // A store rule on what the config already mutes is refused, pointing at the config.
    const clash = runCli(['rules', 'boost', 'publisher', publisher, '--config', 'newsdesk.yaml', ...DESK], dir);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain("the config file's ranking.mute.publisher");
  });
});
