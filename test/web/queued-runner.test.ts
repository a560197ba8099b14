// `newsdesk serve --queue`: the editor's runs (and its schedule's) as queued runs, in the run thread as serve
// starts them. On SQLite the thread does the source jobs itself; the run ranks what a run without the queue ranks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, runSettings } from '../../src/config.js';
import type { Stage } from '../../src/pipeline.js';
import { openSqliteStore } from '../../src/store/index.js';
import { workerRunner } from '../../src/web/runs.js';
import { REPO, runCli, tempDir } from '../helpers/cli.js';

const DEMO = join(REPO, 'examples/demo');

describe('a queued run from the editor', () => {
  it('goes through the queue in the run thread and gives the counts and ranks of a plain run', async () => {
    const dir = tempDir('newsdesk-queued-runner-');
    const options = { inputs: [join(DEMO, 'feeds'), join(DEMO, 'pages')], settings: runSettings(DEFAULT_CONFIG), now: '2026-11-24T07:00:00.000Z' };
    const runs: Array<{ counts: unknown; stages: Stage[]; ranks: unknown }> = [];
    for (const queue of [undefined, {}]) {
      const db = join(dir, queue ? 'queued.db' : 'plain.db');
      const store = openSqliteStore(db);
      const stages: Stage[] = [];
      try {
        const counts = await workerRunner(db, queue)(
          { ...options, outDir: join(dir, queue ? 'out-queued' : 'out-plain'), onProgress: (p) => void (stages.at(-1) !== p.stage && stages.push(p.stage)) },
          store,
          new AbortController().signal,
        );
        const outline = await store.loadOutline(1);
        runs.push({ counts, stages, ranks: outline.candidates.map((c) => [c.articleId, c.initialRank, c.rank, c.usage]) });
      } finally {
        await store.close();
      }
    }
    const [plain, queued] = runs;
    expect(plain!.stages).not.toContain('jobs');
    expect(queued!.stages.slice(0, 2)).toEqual(['jobs', 'summarize']);
    expect(queued!.counts).toEqual(plain!.counts);
    expect((plain!.ranks as unknown[]).length).toBeGreaterThan(20);
    expect(queued!.ranks).toEqual(plain!.ranks);
  });

  it('is named in serve --help', () => {
    expect(runCli(['serve', '--help'], tempDir()).stdout).toMatch(/--queue {10}runs \(the schedule's and the run button's\) go to the desk's job queue/);
  });
});
