// A copy that arrives in a later run than its original: `newsdesk run` recognizes it against the articles
// of the stories it continues, marks it a duplicate of the stored original and keeps it in that story.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const FIXTURES = join(REPO, 'test/fixtures/cluster-store/canonical');

interface RunJson {
  candidates: Array<{ id: string; story: string; usage: string; duplicate_of?: string; publisher: string }>;
  duplicates: Array<{ originalId: string; duplicateIds: string[]; reason: string }>;
}

describe('dedupe across runs', () => {
  it("marks today's copy of yesterday's article a duplicate of the stored original, in the original's story", () => {
    const work = tempDir('newsdesk-across-');
    const args = ['--db', 'n.db', '--out', 'out', '--quiet', '--json'];
    const first = runCli(['run', ...args, join(FIXTURES, 'courier-original.html')], work);
    expect(first.status, first.stderr).toBe(0);
    const [original] = (JSON.parse(first.stdout) as RunJson).candidates;
    expect(original).toMatchObject({ usage: 'candidate', publisher: 'brackenfordcourier' });

    const second = runCli(['run', ...args, join(FIXTURES, 'partner-copy.html')], work);
    expect(second.status, second.stderr).toBe(0);
    const run = JSON.parse(second.stdout) as RunJson;
    expect(run.candidates).toHaveLength(1);
    expect(run.candidates[0]).toMatchObject({ usage: 'duplicate', duplicate_of: original!.id, story: original!.story });
    expect(run.duplicates).toEqual([
      { originalId: original!.id, duplicateIds: [run.candidates[0]!.id], reason: expect.stringMatching(/\(the original came in an earlier run\)$/) },
    ]);
    // The published file says so too.
    const jsonl = readFileSync(join(work, 'out/articles.jsonl'), 'utf8');
    expect(jsonl).toContain(`"duplicate_of":"${original!.id}"`);
  });
});
