// The living desk on the demo corpus, in this process with a real SQLite file: decisions are published at
// once, pins hold across runs, a run that reads nothing changes nothing, and runs take turns.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import Database from 'better-sqlite3';
import { DEFAULT_CONFIG, runSettings } from '../src/config.js';
import { decideUsage, deskState, pinArticle, storyOriginals, type PublishTarget } from '../src/desk.js';
import { runPipeline, type RunOptions } from '../src/pipeline.js';
import { openSqliteStore, type LockHolder, type Store } from '../src/store/index.js';
import { loadReview } from '../src/web/views.js';
import { listFiles, REPO, tempDir } from './helpers/cli.js';
import { startServer } from './helpers/server.js';

const DEMO_CORPUS = join(REPO, 'examples/demo');

const NOW = '2026-11-24T06:00:00.000Z';

function desk(): { store: Store; target: PublishTarget; options: RunOptions; db: string } {
  const dir = tempDir('newsdesk-desk-');
  const db = join(dir, 'desk.db');
  const target = { outDir: join(dir, 'out'), options: DEFAULT_CONFIG.publish };
  return { store: openSqliteStore(db), target, db, options: { inputs: [DEMO_CORPUS], outDir: target.outDir, settings: runSettings(DEFAULT_CONFIG), now: NOW } };
}

const read = (target: PublishTarget, file: string): string => readFileSync(join(target.outDir, file), 'utf8');
const front = (markdown: string): Record<string, unknown> => parse(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]!) as Record<string, unknown>;
const snapshot = (target: PublishTarget): Map<string, string> => new Map(listFiles(target.outDir).map((f) => [f, read(target, f)]));

describe('the living desk', () => {
  it('publishes a rejection at once: the file says so and the briefing and feeds drop the article', async () => {
    const { store, target, options } = desk();
    const { published } = await runPipeline(options, store);
    const top = (await deskState(store))!.result.candidates[0]!;
    const file = published!.files.get(top.articleId)!;
    const title = front(read(target, file)).title as string;
    expect(read(target, 'briefing.md')).toContain(title);

    await decideUsage(store, [top.articleId], 'rejected', NOW, 'not ours', target);
    expect(front(read(target, file)).usage).toBe('rejected');
    for (const output of ['briefing.md', 'briefing.html', 'feed.xml', 'feed.json']) expect(read(target, output), output).not.toContain(top.articleId);
    expect(read(target, 'briefing.md')).not.toContain(`[${title}]`);
    // It leaves the top of the list: every article still in play ranks above it.
    const after = (await deskState(store))!.result.candidates;
    const rejected = after.find((c) => c.articleId === top.articleId)!;
    expect(after.filter((c) => c.usage !== 'duplicate' && c.usage !== 'rejected').every((c) => c.rank < rejected.rank)).toBe(true);
    await store.close();
  });

  it('selects a whole story: its original articles are selected and the feeds carry it', async () => {
    const { store, target, options } = desk();
    await runPipeline(options, store);
    const state = (await deskState(store))!;
    const story = state.result.stories.find((s) => storyOriginals(state.result, s.id).length >= 2)!;
    const originals = storyOriginals(state.result, story.id);
    expect(JSON.parse(read(target, 'feed.json')).items).toEqual([]);
    await decideUsage(store, originals, 'selected', NOW, undefined, target);
    const usages = (await deskState(store))!.result.candidates.filter((c) => c.storyId === story.id).map((c) => c.usage);
    expect(usages.filter((u) => u === 'selected')).toHaveLength(originals.length);
    // The item is the story's lead article's (its best-ranked original), whatever headline labels the story.
    const lead = (await deskState(store))!.result.candidates.filter((c) => c.storyId === story.id && c.usage !== 'duplicate').sort((a, b) => a.rank - b.rank)[0]!;
    const leadTitle = state.result.articles.find((a) => a.id === lead.articleId)!.title;
    expect(read(target, 'feed.xml')).toContain(`<title>${leadTitle.replace(/&/g, '&amp;')}</title>`);
    expect((JSON.parse(read(target, 'feed.json')) as { items: Array<{ title: string }> }).items.map((i) => i.title)).toEqual([leadTitle]);
    await store.close();
  });

  it("shows in the editor each article's Markdown exactly as the file on disk", async () => {
    const { store, target, options } = desk();
    await runPipeline(options, store);
    const state = (await deskState(store))!;
    for (const candidate of state.result.candidates.slice(0, 8)) {
      const review = (await loadReview(store, candidate.articleId))!;
      expect(review.file!.markdown).toBe(read(target, review.file!.path));
      expect(review.file!.markdown).toMatch(/\nsummary_provenance: /);
    }
    await store.close();
  });

  it('keeps a pinned article where the editor put it through the next run on the same inputs, until unpinned', async () => {
    const { store, target, options } = desk();
    await runPipeline(options, store);
    const sixth = (await deskState(store))!.result.candidates[5]!;
    const { candidate } = await pinArticle(store, sixth.articleId, 2, NOW, target);
    expect(candidate).toMatchObject({ rank: 2, pinned: 2, baseRank: 6 });

    const again = await runPipeline({ ...options, now: '2026-11-24T07:00:00.000Z' }, store);
    const rerun = again.result.candidates.find((c) => c.articleId === sixth.articleId)!;
    expect(rerun).toMatchObject({ rank: 2, pinned: 2 });
    expect(JSON.parse(read(target, 'run.json').split('\n')[0]!).candidates[1].id).toBe(sixth.articleId);
    // initial_rank stays the first rank the article was ever given.
    expect(rerun.initialRank).toBe(sixth.initialRank);

    await pinArticle(store, sixth.articleId, undefined, NOW, target);
    const unpinned = (await deskState(store))!.result.candidates.find((c) => c.articleId === sixth.articleId)!;
    expect(unpinned.rank).toBe(6);
    expect(unpinned.pinned).toBeUndefined();
    await store.close();
  });

  it('reuses the stored summary of an article that has not changed, and summarizes again when the settings change', async () => {
    const { store, options, db } = desk();
    await runPipeline(options, store);
    const id = (await deskState(store))!.result.candidates[0]!.articleId;
    // Marked in the store behind the desk's back, to see whether the next run reads it or makes its own.
    const raw = new Database(db);
    raw.prepare("UPDATE summaries SET body = 'As stored.' WHERE article_id = ?").run(id);
    raw.close();
    await runPipeline({ ...options, now: '2026-11-24T07:00:00.000Z' }, store);
    expect((await store.articleRecords(id)).summary?.text).toBe('As stored.');
    const shorter = { ...options.settings, summary: { ...options.settings.summary, maxWords: 200 } };
    await runPipeline({ ...options, settings: shorter, now: '2026-11-24T08:00:00.000Z' }, store);
    expect((await store.articleRecords(id)).summary?.text).not.toBe('As stored.');
    await store.close();
  });

  it('changes nothing when no input gives an article: the outputs stay byte for byte, the latest run stays', async () => {
    const { store, target, options } = desk();
    const first = await runPipeline(options, store);
    const before = snapshot(target);
    const failed = await runPipeline({ ...options, inputs: [join(target.outDir, '..', 'no-such-folder')], now: '2026-11-25T00:00:00.000Z' }, store);
    expect(failed.committed).toBe(false);
    expect(failed.result.failures[0]?.reason).toMatch(/no such file/);
    expect(snapshot(target)).toEqual(before);
    expect((await store.latestRun())?.id).toBe(first.runId);
    expect((await store.listRuns()).map((r) => r.status)).toEqual(['committed', 'failed']);
    await store.close();
  });

  it('runs one writer at a time: a second run on the same database waits, says for whom, then runs', async () => {
    const { store, options, db, target } = desk();
    const other = openSqliteStore(db);
    const waitedFor: LockHolder[] = [];
    let firstDone = false;
    const secondSawFirstDone: boolean[] = [];
    let second: ReturnType<typeof runPipeline> | undefined;
    // The second run starts while the first is reading its inputs, holding the lock.
    const first = runPipeline(
      {
        ...options,
        onProgress: (progress) => {
          if (progress.stage === 'ingest' && !second) {
            second = runPipeline(
              {
                ...options,
                now: '2026-11-24T08:00:00.000Z',
                onWait: (holder) => waitedFor.push(holder),
                // By the time the second reads anything, the first has committed and published.
                onProgress: (p) => void (p.stage === 'ingest' && secondSawFirstDone.push(firstDone)),
              },
              other,
            );
          }
        },
      },
      store,
    ).then((outcome) => ((firstDone = true), outcome));
    const a = await first;
    const b = await second!;
    expect(secondSawFirstDone[0]).toBe(true);
    expect(waitedFor).toEqual([{ runId: a.runId, pid: process.pid, startedAt: NOW, command: 'run' }]);
    expect(b.runId).toBe(a.runId + 1);
    // What is published is the latest committed run.
    const runJson = JSON.parse(read(target, 'run.json')) as { generated_at: string; candidates: Array<{ id: string }> };
    expect(runJson.generated_at).toBe('2026-11-24T08:00:00.000Z');
    expect(runJson.candidates.map((c) => c.id)).toEqual((await deskState(store))!.result.candidates.map((c) => c.articleId));
    await other.close();
    await store.close();
  });

  it("leaves a feed alone for as long as its <ttl> says, keeping its articles, and only once a run has committed them", async () => {
    const { store, options } = desk();
    const body = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Gazette</title><link>https://harborgazette.example/</link><ttl>30</ttl>
      <item><title>${title}</title><link>https://harborgazette.example/${title.length}</link><pubDate>Sun, 22 Nov 2026 09:00:00 GMT</pubDate>
      <description>${'The harbor board met on Tuesday night and voted to keep the ferry running through the winter months. '.repeat(20)}</description></item></channel></rss>`;
    const server = await startServer({ '/feed.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body('Ferry keeps winter timetable')) });
    try {
      const remote: RunOptions = { ...options, inputs: [server.url('/feed.xml')], settings: { ...options.settings, fetch: { ...options.settings.fetch, allowPrivate: true, hostDelayMs: 0 } } };
      // A run that fails after fetching commits nothing, its freshness included: the next run fetches again.
      await expect(runPipeline({ ...remote, cancelled: () => server.hits('/feed.xml') > 0 }, store)).rejects.toThrow(/cancelled/);
      const first = await runPipeline(remote, store);
      expect(server.hits('/feed.xml')).toBe(2);
      expect(first.result.heads.map((a) => a.title)).toEqual(['Ferry keeps winter timetable']);
      const health = await store.getFetchHealth(server.url('/feed.xml'));
      expect(Date.parse(health!.freshUntil!) - Date.now()).toBeGreaterThan(25 * 60_000);

      const second = await runPipeline({ ...remote, now: '2026-11-24T06:10:00.000Z' }, store);
      expect(server.hits('/feed.xml')).toBe(2);
      expect(second.result.heads.map((a) => a.title)).toEqual(['Ferry keeps winter timetable']);
      expect(second.result.notices.join('\n')).toMatch(/feed\.xml: not modified since the last run; kept its 1 article from the store/);
    } finally {
      await server.close();
      await store.close();
    }
  });
});
