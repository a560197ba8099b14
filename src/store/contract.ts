// The contract every storage backend passes: one suite, run against each backend's factory (see
// sqlite/sqlite.test.ts). Written against the interfaces in types.ts only, never a backend's SQL.
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Candidate, ContinuedStory, Story, StoryDigest } from '../model.js';
import { DeskBusy, runCommit, type RunCommit, type Store } from './types.js';

/** Opens a fresh, empty store; `second` opens another connection to the same one (another process's view). */
export interface StoreFactory {
  open(): Promise<{ store: Store; second: () => Promise<Store> }>;
}

const T0 = '2026-11-22T00:00:00.000Z';
const T1 = '2026-11-23T00:00:00.000Z';

function article(id: string, extra: Partial<Article> = {}): Article {
  return {
    id,
    url: `https://www.harborgazette.example/${id}`,
    title: `Ferry board story ${id}`,
    byline: ['Ada Quill'],
    publisher: 'harborgazette',
    publisherName: 'Harbor Gazette',
    text: `The ferry board met on Tuesday about ${id}.`,
    origin: { path: `/fixtures/${id}.txt`, kind: 'text' },
    warnings: [],
    ...extra,
  };
}

function candidate(articleId: string, rank: number, extra: Partial<Candidate> = {}): Candidate {
  return { articleId, storyId: 's-ferry', score: 2 - rank / 10, components: [], initialRank: rank, rank, baseRank: rank, usage: 'candidate', ...extra };
}

const story: Story = { id: 's-ferry', label: 'Ferry vote', articleIds: ['a1', 'a2', 'a3'], publishers: ['harborgazette'] };

function commit({ finishedAt = T0, ...parts }: Partial<RunCommit> = {}): RunCommit {
  return runCommit(finishedAt, parts);
}

/** A committed run of three articles in one story, the third a copy of the first. */
async function seed(store: Store, at = T0): Promise<number> {
  const run = await store.beginRun({ startedAt: at, inputs: ['in'], pid: 4711 });
  await store.commitRun(
    run,
    commit({
      finishedAt: at,
      articles: ['a1', 'a2', 'a3'].map((id) => article(id)),
      duplicates: [{ originalId: 'a1', duplicateIds: ['a3'], reason: 'identical text' }],
      stories: [story],
      summaries: ['a1', 'a2', 'a3'].map((articleId) => ({ articleId, text: 'The board voted.', sentences: [], wordCount: 3, method: 'test' })),
      audits: [{ articleId: 'a1', sentences: [{ text: 'The board voted.', verdict: 'supported', score: 1, evidence: [], findings: [] }] }],
      summaryKeys: new Map([
        ['a1', 'key-a1'],
        ['a2', 'key-a2'],
      ]),
      candidates: [candidate('a1', 1), candidate('a2', 2), candidate('a3', 3, { usage: 'duplicate', duplicateOf: 'a1' })],
      storySizes: new Map([['s-ferry', 2]]),
      failures: [{ path: '/in/broken.xml', reason: 'not a feed' }],
      notices: ['one note'],
    }),
  );
  return run;
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    const opened: Store[] = [];
    const open = async () => {
      const made = await factory.open();
      opened.push(made.store);
      return {
        store: made.store,
        second: async () => {
          const other = await made.second();
          opened.push(other);
          return other;
        },
      };
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    describe('runs', () => {
      it('commits everything a run produced at once and reads it back as the latest run', async () => {
        const { store } = await open();
        expect(await store.latestRun()).toBeUndefined();
        const run = await seed(store);
        expect(await store.latestRun()).toMatchObject({ id: run, status: 'committed', finishedAt: T0, articleCount: 3, failureCount: 1, pid: 4711, command: 'run' });
        const loaded = await store.loadRun(run);
        expect(loaded.candidates.map((c) => [c.articleId, c.rank, c.usage, c.duplicateOf])).toEqual([
          ['a1', 1, 'candidate', undefined],
          ['a2', 2, 'candidate', undefined],
          ['a3', 3, 'duplicate', 'a1'],
        ]);
        expect(loaded.articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
        expect(loaded.articles[0]).toMatchObject({ title: 'Ferry board story a1', byline: ['Ada Quill'], text: 'The ferry board met on Tuesday about a1.' });
        expect(loaded.stories).toEqual([story]);
        expect(loaded.duplicates).toEqual([{ originalId: 'a1', duplicateIds: ['a3'], reason: 'identical text' }]);
        expect(loaded.summaries).toHaveLength(3);
        expect(loaded.audits.map((a) => a.articleId)).toEqual(['a1']);
        expect(loaded.failures).toEqual([{ path: '/in/broken.xml', reason: 'not a feed' }]);
        expect(loaded.notices).toEqual(['one note']);
        expect(await store.countRows('articles')).toBe(3);
        expect(await store.countRows('candidates')).toBe(3);
      });

      it('gives a run as an outline of heads in rank order, and its articles with summary and audit on demand', async () => {
        const { store } = await open();
        const run = await seed(store);
        const { heads, ...outline } = await store.loadOutline(run);
        const { articles, summaries, audits, ...whole } = await store.loadRun(run);
        expect(outline).toEqual(whole);
        expect(heads).toEqual(articles.map(({ id, url, title, publisher, publisherName }) => ({ id, url, title, publisher, publisherName })));
        expect(heads.map((h) => h.id)).toEqual(['a1', 'a2', 'a3']);
        const records = await store.loadRecords(['a2', 'nope', 'a1']);
        expect([...records.keys()].sort()).toEqual(['a1', 'a2']);
        expect(records.get('a1')).toEqual({ article: articles[0], summary: summaries[0], audit: audits[0] });
        expect(records.get('a2')?.summary?.text).toBe('The board voted.');
        expect(records.get('a2')?.audit).toBeUndefined();
      });

      it('keeps the story digests a run committed with that run, and gives none for a run that made none', async () => {
        const { store, second } = await open();
        const digest: StoryDigest = {
          storyId: 's-ferry',
          digest: {
            articleIds: ['a1', 'a2'],
            text: 'The ferry board met on Tuesday. The board voted.',
            sentences: [
              { text: 'The ferry board met on Tuesday.', source: [{ sentence: 0, start: 0, end: 31 }], edits: [], articleId: 'a1', method: 'llm' },
              { text: 'The board voted.', source: [{ sentence: 0, start: 0, end: 16 }], edits: [], articleId: 'a2', method: 'extractive' },
            ],
            wordCount: 9,
            method: 'llm-digest-v1',
          },
          audit: [
            { text: 'The ferry board met on Tuesday.', verdict: 'supported', score: 1, evidence: [{ sentence: 0, start: 0, end: 31 }], findings: [], gate: 'kept', articleId: 'a1' },
            { text: 'The board voted 6 to 1.', verdict: 'contradicted', score: 0.8, evidence: [], findings: [{ kind: 'number', detail: 'not 6 to 1' }], gate: 'replaced', articleId: 'a2' },
          ],
        };
        const first = await store.beginRun({ startedAt: T0, inputs: ['in'] });
        await store.commitRun(first, commit({ articles: [article('a1'), article('a2')], stories: [{ ...story, articleIds: ['a1', 'a2'] }], candidates: [candidate('a1', 1), candidate('a2', 2)], digests: [digest] }));
        const later = await seed(store, T1);
        expect((await store.loadOutline(first)).digests).toEqual([digest]);
        expect((await (await second()).loadRun(first)).digests).toEqual([digest]);
        expect((await store.loadOutline(later)).digests).toBeUndefined();
      });

      it('gives back a summary and its audit for reuse only under the key it was made with', async () => {
        const { store } = await open();
        await seed(store);
        const reused = await store.reusableSummaries(
          new Map([
            ['a1', 'key-a1'],
            ['a2', 'changed'],
            ['a3', 'key-a3'],
            ['nope', 'key-a1'],
          ]),
        );
        expect([...reused.keys()]).toEqual(['a1']);
        expect(reused.get('a1')?.summary).toEqual({ articleId: 'a1', text: 'The board voted.', sentences: [], wordCount: 3, method: 'test' });
        expect(reused.get('a1')?.audit.sentences[0]?.verdict).toBe('supported');
      });

      it('keeps what a running run staged apart from the desk until its commit takes all of it', async () => {
        const { store, second } = await open();
        const first = await seed(store);
        const run = await store.beginRun({ startedAt: T1, inputs: ['in'] });
        const summary = { articleId: 'b1', text: 'The ferry runs again.', sentences: [], wordCount: 4, method: 'test' };
        const audit = { articleId: 'b1', sentences: [{ text: 'The ferry runs again.', verdict: 'supported' as const, score: 1, evidence: [], findings: [] }] };
        await store.stageArticles(run, [{ article: article('b1'), summary, audit, summaryKey: 'key-b1' }, { article: article('b2') }]);
        // A second staging of b1 in the same run is ignored: the first reading of an article is the run's.
        await store.stageArticles(run, [{ article: article('b1', { title: 'Second reading' }) }, { article: article('a2', { title: 'Ferry board story a2, updated' }) }]);
        expect((await store.stagedArticles(run, ['b2', 'nope', 'b1'])).map((a) => [a.id, a.title])).toEqual([
          ['b2', 'Ferry board story b2'],
          ['b1', 'Ferry board story b1'],
        ]);
        // Not part of the desk yet, for this connection or another.
        const other = await second();
        for (const view of [store, other]) {
          expect(await view.getArticles(['b1', 'b2'])).toEqual([]);
          expect((await view.getArticles(['a2']))[0]?.title).toBe('Ferry board story a2');
          expect(await view.countRows('articles')).toBe(3);
          expect((await view.latestRun())?.id).toBe(first);
          expect((await view.searchArticles('ferry', 10)).map((h) => h.articleId).sort()).toEqual(['a1', 'a2', 'a3']);
        }
        await store.commitRun(run, commit({ finishedAt: T1, articles: [article('c1')] }));
        expect((await store.getArticles(['b1', 'b2', 'a2', 'c1'])).map((a) => a.title)).toEqual([
          'Ferry board story b1',
          'Ferry board story b2',
          'Ferry board story a2, updated',
          'Ferry board story c1',
        ]);
        expect(await store.latestRun()).toMatchObject({ id: run, articleCount: 4 });
        // Committed staged articles are found by search in their words as staged, an updated one by its new title.
        expect((await store.searchArticles('ferry', 10)).map((h) => h.articleId).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1']);
        expect((await store.searchArticles('updated', 10)).map((h) => h.articleId)).toEqual(['a2']);
        const reused = await store.reusableSummaries(new Map([['b1', 'key-b1'], ['b2', 'key-b2']]));
        expect([...reused.keys()]).toEqual(['b1']);
        expect(reused.get('b1')).toEqual({ summary, audit });
        expect(await store.stagedArticles(run, ['b1', 'b2'])).toEqual([]);
      });

      it('commits a staged article, summary and audit exactly as one committed directly, a lone surrogate as U+FFFD', async () => {
        const { store } = await open();
        const run = await store.beginRun({ startedAt: T0, inputs: ['in'] });
        const full = (id: string, text: string): Article =>
          article(id, {
            byline: ['Ada Quill', 'Ines “Nessa” Varga'],
            published: '2026-11-21T09:30:00.000Z',
            lang: 'pt',
            syndicatedFrom: 'Valley Ledger',
            text,
            origin: { path: `/fixtures/${id}.txt`, kind: 'text', feedPosition: 3 },
          });
        const text = 'Café “Vela” — the ferry 🚢 ran at 0.5 knots.\n\nA line\twith a tab and a \\ backslash.';
        const summary = (articleId: string) => ({
          articleId,
          text: 'Café “Vela” ran.',
          sentences: [{ text: 'Café “Vela” ran.', sources: [0], weight: 0.30000000000000004 }] as never,
          wordCount: 3,
          method: 'extractive',
        });
        const audit = (articleId: string) => ({ articleId, sentences: [{ text: 'Café “Vela” ran.', verdict: 'supported' as const, score: 0.1 + 0.2, evidence: [], findings: [] }] });
        await store.stageArticles(run, [
          { article: full('staged', text), summary: summary('staged'), audit: audit('staged'), summaryKey: 'key-staged' },
          { article: article('bare', { text: 'The ferry board met.' }) },
          { article: full('lone', 'A broken pair \ud83d here.'), summary: { ...summary('lone'), text: 'Broken \udc00 pair.' }, summaryKey: 'key-lone' },
        ]);
        await store.commitRun(
          run,
          commit({ articles: [full('direct', text), article('bare-direct', { text: 'The ferry board met.' })], summaries: [summary('direct')], audits: [audit('direct')], summaryKeys: new Map([['direct', 'key-direct']]) }),
        );
        const [staged, bare, lone, direct, bareDirect] = await store.getArticles(['staged', 'bare', 'lone', 'direct', 'bare-direct']);
        expect({ ...staged!, id: 'x', url: 'x', title: 'x', origin: { ...staged!.origin, path: 'x' } }).toEqual({ ...direct!, id: 'x', url: 'x', title: 'x', origin: { ...direct!.origin, path: 'x' } });
        expect(staged!.text).toBe(text);
        expect({ ...bare!, id: 'x', url: 'x', title: 'x', origin: { ...bare!.origin, path: 'x' } }).toEqual({ ...bareDirect!, id: 'x', url: 'x', title: 'x', origin: { ...bareDirect!.origin, path: 'x' } });
        expect(bare!.published).toBeUndefined();
        expect(lone!.text).toBe('A broken pair \ufffd here.');
        const reused = await store.reusableSummaries(new Map([['staged', 'key-staged'], ['direct', 'key-direct'], ['lone', 'key-lone']]));
        expect(reused.get('staged')).toEqual({ summary: summary('staged'), audit: audit('staged') });
        expect(reused.get('direct')).toEqual({ summary: summary('direct'), audit: audit('direct') });
        // Committed without an audit, so not reusable; its summary is kept, with U+FFFD for the lone surrogate.
        expect(reused.has('lone')).toBe(false);
        expect((await store.loadRecords(['lone'])).get('lone')?.summary?.text).toBe('Broken \ufffd pair.');
      });

      it('lists a run\'s staged article ids in byte order, and reads them back by id', async () => {
        const { store, second } = await open();
        const run = await store.beginRun({ startedAt: T0, inputs: ['in'] });
        const other = await store.beginRun({ startedAt: T0, inputs: ['other'] });
        // Upper case sorts before lower case by bytes, whatever the database's locale says.
        const ids = ['b2', 'B1', 'a10', 'a9', 'Z3'];
        await store.stageArticles(run, ids.map((id) => ({ article: article(id) })));
        await store.stageArticles(run, [{ article: article('a9', { title: 'Second reading' }) }]);
        await store.stageArticles(other, [{ article: article('a1') }]);
        const reader = await second();
        expect(await reader.stagedIds(run)).toEqual(['B1', 'Z3', 'a10', 'a9', 'b2']);
        expect((await reader.stagedArticles(run, ['a9']))[0]?.title).toBe('Ferry board story a9');
        expect(await store.stagedIds(other)).toEqual(['a1']);
        await store.endRun(run, 'failed', T0, 'no input could be read');
        expect(await store.stagedIds(run)).toEqual([]);
      });

      it('drops what a run staged when it fails, is cancelled or its process dies', async () => {
        const { store, second } = await open();
        const failed = await store.beginRun({ startedAt: T0, inputs: ['in'] });
        await store.stageArticles(failed, [{ article: article('f1') }]);
        expect((await store.stagedArticles(failed, ['f1'])).map((a) => a.id)).toEqual(['f1']);
        await store.endRun(failed, 'failed', T0, 'no input could be read');
        const cancelled = await store.beginRun({ startedAt: T0, inputs: ['in'] });
        await store.stageArticles(cancelled, [{ article: article('k1') }]);
        await store.endRun(cancelled, 'cancelled', T0, 'cancelled before dedupe');
        const orphan = await store.beginRun({ startedAt: T0, inputs: ['in'], pid: 999_999 });
        await store.stageArticles(orphan, [{ article: article('o1') }]);
        expect((await store.stagedArticles(orphan, ['o1'])).map((a) => a.id)).toEqual(['o1']);
        // The next writer finds the orphan running with the lock free: its process died.
        const lease = await (await second()).acquireLock('run', { wait: false });
        expect(lease.abandoned).toEqual([orphan]);
        await lease.release();
        expect(await store.stagedArticles(failed, ['f1'])).toEqual([]);
        expect(await store.stagedArticles(cancelled, ['k1'])).toEqual([]);
        expect(await store.stagedArticles(orphan, ['o1'])).toEqual([]);
        expect(await store.countRows('articles')).toBe(0);
        const again = await store.acquireLock('run', { wait: false });
        expect(again.abandoned).toEqual([]);
        await again.release();
      });

      it('refuses a batch for a run that is not running: a worker still reading for a run that ended stages nothing', async () => {
        const { store, second } = await open();
        const committed = await seed(store);
        const failed = await store.beginRun({ startedAt: T1, inputs: ['in'] });
        await store.endRun(failed, 'failed', T1, 'no input could be read');
        const orphan = await store.beginRun({ startedAt: T1, inputs: ['in'], pid: 999_999 });
        await store.stageArticles(orphan, [{ article: article('o1') }]);
        const lease = await (await second()).acquireLock('run', { wait: false });
        await lease.release();
        for (const [run, status] of [[committed, 'committed'], [failed, 'failed'], [orphan, 'abandoned'], [99, 'unknown']] as const) {
          await expect(store.stageArticles(run, [{ article: article('late') }])).rejects.toThrow(`store: run ${run} is ${status}, not running; nothing is staged for it`);
          expect(await store.stagedIds(run)).toEqual([]);
        }
      });

      it('leaves the desk as it was when a run fails or is cancelled, and keeps why', async () => {
        const { store } = await open();
        const run = await seed(store);
        const failed = await store.beginRun({ startedAt: T1, inputs: ['missing'] });
        await store.endRun(failed, 'failed', T1, 'no input could be read');
        const cancelled = await store.beginRun({ startedAt: T1, inputs: ['in'] });
        await store.endRun(cancelled, 'cancelled', T1, 'cancelled before summarize');
        expect((await store.latestRun())?.id).toBe(run);
        expect((await store.listRuns()).map((r) => [r.status, r.finishedAt ?? null, r.reason ?? null])).toEqual([
          ['committed', T0, null],
          ['failed', T1, 'no input could be read'],
          ['cancelled', T1, 'cancelled before summarize'],
        ]);
        await expect(store.commitRun(failed, commit())).rejects.toThrow(/not running/);
        expect(await store.countRows('articles')).toBe(3);
      });

      it('keeps the first initial rank and the editor usage when a later run ranks an article again', async () => {
        const { store } = await open();
        const run1 = await seed(store);
        await store.setUsage(['a2'], 'selected', T0);
        const run2 = await store.beginRun({ startedAt: T1, inputs: ['in'] });
        await store.commitRun(run2, commit({ finishedAt: T1, articles: [article('a2', { title: 'Updated title' })], candidates: [candidate('a2', 1, { initialRank: 9 })] }));
        expect(await store.recall(['a2', 'missing'])).toEqual(new Map([['a2', { firstSeenRun: run1, initialRank: 2, usage: 'selected' }]]));
        expect((await store.getArticles(['a2']))[0]?.title).toBe('Updated title');
        expect((await store.loadRun(run2)).candidates.map((c) => [c.articleId, c.initialRank, c.usage])).toEqual([['a2', 2, 'selected']]);
      });

      it('records clusterings as runs of their own that the latest ranked run ignores', async () => {
        const { store } = await open();
        const ranked = await seed(store);
        const clustered = await store.beginRun({ startedAt: T1, inputs: ['b'], command: 'cluster' });
        await store.commitRun(clustered, commit({ finishedAt: T1, articles: [article('b1')] }));
        expect((await store.listRuns()).map((r) => r.command)).toEqual(['run', 'cluster']);
        expect((await store.latestRun())?.id).toBe(ranked);
        expect((await store.recall(['b1'])).get('b1')?.firstSeenRun).toBe(clustered);
      });

      it("gives back a source's articles as the newest run that read it saved them", async () => {
        const { store } = await open();
        const feed = 'https://courier.example/feed.xml';
        const item = (id: string, position: number, path = feed) => article(id, { origin: { path, kind: 'rss', feedItemId: id, feedPosition: position } });
        const run1 = await store.beginRun({ startedAt: T0, inputs: [feed] });
        await store.commitRun(run1, commit({ articles: [item('old', 0), item('kept', 1), item('other', 0, 'https://elsewhere.example/feed.xml')] }));
        const run2 = await store.beginRun({ startedAt: T1, inputs: [feed] });
        await store.commitRun(run2, commit({ finishedAt: T1, articles: [item('kept', 1), item('new', 0)] }));
        expect((await store.articlesFromSources([feed])).map((a) => a.id)).toEqual(['new', 'kept']);
        expect(await store.articlesFromSources(['https://never.example/feed.xml'])).toEqual([]);
      });

      it('finds the stories a run may continue by member and by time', async () => {
        const { store } = await open();
        const run = await store.beginRun({ startedAt: T0, inputs: [] });
        const continued: ContinuedStory = {
          story: { ...story, firstSeen: '2026-11-20T00:00:00.000Z', lastSeen: '2026-11-21T00:00:00.000Z' },
          centroid: { storyId: 's-ferry', founderId: 'a1', terms: ['ferry', 'board'], weights: [1.5, 0.25], size: 3, lastSeen: '2026-11-21T00:00:00.000Z' },
        };
        await store.commitRun(run, commit({ articles: ['a1', 'a2', 'a3'].map((id) => article(id)), stories: [story], storyStates: [continued] }));
        expect(await store.loadStories({ articleIds: ['a2'] })).toEqual([continued]);
        expect(await store.loadStories({ articleIds: ['zz'], from: '2026-11-22T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' })).toEqual([]);
        expect((await store.loadStories({ articleIds: [], from: '2026-11-19T00:00:00.000Z', to: '2026-11-20T12:00:00.000Z' }))[0]?.story.lastSeen).toBe(
          '2026-11-21T00:00:00.000Z',
        );
      });

      it('takes the stories a run staged into the desk with its commit, the last staging of each, and drops them when it ends otherwise', async () => {
        const { store } = await open();
        const staged = (id: string, articleIds: string[], label: string): ContinuedStory => ({
          story: { id, label, articleIds, publishers: ['harborgazette'], firstSeen: T0, lastSeen: T0 },
          centroid: { storyId: id, founderId: articleIds[0]!, terms: ['ferry', label.toLowerCase()], weights: [0.75, 0.5], size: articleIds.length, lastSeen: T0 },
        });
        const failed = await store.beginRun({ startedAt: T0, inputs: ['in'] });
        await store.stageStories(failed, [staged('s-dropped', ['d1'], 'Dropped')]);
        await store.endRun(failed, 'failed', T0, 'no input could be read');
        const run = await store.beginRun({ startedAt: T0, inputs: ['in'] });
        await store.stageStories(run, [staged('s-2', ['b1'], 'Bridge'), staged('s-1', ['a1'], 'First')]);
        // Staged again with a second member: the later staging is the one committed.
        await store.stageStories(run, [staged('s-1', ['a1', 'a2'], 'Ferry')]);
        await store.commitRun(run, commit({ articles: ['a1', 'a2', 'b1', 'd1'].map((id) => article(id)), stories: [], storyStates: [] }));
        expect(await store.loadStories({ articleIds: ['a2', 'b1'] })).toEqual([staged('s-1', ['a1', 'a2'], 'Ferry'), staged('s-2', ['b1'], 'Bridge')]);
        expect(await store.loadStories({ articleIds: ['d1'] })).toEqual([]);
        expect(await store.storyArticleIds('s-1')).toEqual(['a1', 'a2']);
        await expect(store.stageStories(run, [staged('s-3', ['c1'], 'Late')])).rejects.toThrow(`store: run ${run} is committed, not running; nothing is staged for it`);
      });

      it('remembers story sizes per committed run for novelty', async () => {
        const { store } = await open();
        const run1 = await seed(store);
        const run2 = await store.beginRun({ startedAt: T1, inputs: ['in'] });
        await store.commitRun(run2, commit({ finishedAt: T1, storySizes: new Map([['s-ferry', 5]]) }));
        expect(await store.shownStorySizes(run1)).toEqual(new Map());
        expect(await store.shownStorySizes(run2)).toEqual(new Map([['s-ferry', 2]]));
        expect(await store.shownStorySizes(run2 + 1)).toEqual(new Map([['s-ferry', 5]]));
      });
    });

    describe('editorial', () => {
      it('records usage changes with time and note, oldest first, and refuses unranked articles whole', async () => {
        const { store } = await open();
        await seed(store);
        await store.setUsage(['a1'], 'selected', '2026-11-22T08:00:00.000Z', 'lead story');
        await store.setUsage(['a1'], 'background', '2026-11-22T09:00:00.000Z');
        expect(await store.usageHistory('a1')).toEqual([
          { articleId: 'a1', usage: 'selected', previous: 'candidate', note: 'lead story', at: '2026-11-22T08:00:00.000Z' },
          { articleId: 'a1', usage: 'background', previous: 'selected', at: '2026-11-22T09:00:00.000Z' },
        ]);
        await expect(store.setUsage(['a2', 'nope'], 'rejected', T1)).rejects.toThrow(/article nope has not been ranked/);
        expect((await store.recall(['a2'])).get('a2')?.usage).toBe('candidate');
        expect(await store.usageHistory('a2')).toEqual([]);
      });

      it('pins and unpins with an audit trail, and stores a new arrangement of a run', async () => {
        const { store } = await open();
        const run = await seed(store);
        expect(await store.pinRank(run, 'a2', 1, 2, T1)).toEqual({ articleId: 'a2', runId: run, rank: 1, previous: 2, at: T1 });
        expect((await store.recall(['a2'])).get('a2')?.pinnedRank).toBe(1);
        await store.saveArrangement(run, [
          { articleId: 'a2', rank: 1 },
          { articleId: 'a1', rank: 2 },
        ]);
        const loaded = await store.loadRun(run);
        expect(loaded.candidates.map((c) => [c.articleId, c.rank, c.baseRank, c.pinned])).toEqual([
          ['a2', 1, 2, 1],
          ['a1', 2, 1, undefined],
          ['a3', 3, 3, undefined],
        ]);
        await store.pinRank(run, 'a2', undefined, 1, '2026-11-23T01:00:00.000Z');
        expect((await store.recall(['a2'])).get('a2')?.pinnedRank).toBeUndefined();
        expect((await store.rankHistory('a2')).map((e) => [e.rank, e.previous])).toEqual([
          [1, 2],
          [undefined, 1],
        ]);
        await expect(store.pinRank(run, 'nope', 1, 1, T1)).rejects.toThrow(/nope has not been ranked/);
      });

      it("lists a story's articles and gives an article's summary and audit", async () => {
        const { store } = await open();
        await seed(store);
        expect(await store.storyArticleIds('s-ferry')).toEqual(['a1', 'a2', 'a3']);
        const records = await store.articleRecords('a1');
        expect(records.summary?.text).toBe('The board voted.');
        expect(records.audit?.sentences[0]?.verdict).toBe('supported');
        expect(await store.articleRecords('nope')).toEqual({});
      });
    });

    describe('search', () => {
      it('finds articles of any run by a word of their text in any inflection, title matches first, and keeps the index in step', async () => {
        const { store } = await open();
        await seed(store);
        const run = await store.beginRun({ startedAt: T1, inputs: ['in'] });
        await store.commitRun(
          run,
          commit({
            finishedAt: T1,
            articles: [
              article('b1', { title: 'Quarry road repaved', text: 'Crews worked through three nights on the quarry road. The gravel came from Tolland.' }),
              article('b2', { title: 'Tolland gravel pit expands', text: 'The pit will double in size.' }),
              // a1 again with a new text: the old words leave the index, the new ones arrive.
              article('a1', { text: 'The harbor committee adjourned without a vote.' }),
            ],
          }),
        );
        expect((await store.searchArticles('Tolland', 10)).map((h) => h.articleId)).toEqual(['b2', 'b1']);
        const [hit] = await store.searchArticles('night', 10);
        expect(hit).toEqual({ articleId: 'b1', title: 'Quarry road repaved', publisher: 'harborgazette', snippet: expect.stringContaining('nights') });
        expect((await store.searchArticles('quarry gravel', 10)).map((h) => h.articleId)).toEqual(['b1']);
        expect((await store.searchArticles('ferry', 10)).map((h) => h.articleId).sort()).toEqual(['a1', 'a2', 'a3']);
        expect((await store.searchArticles('adjourned', 10)).map((h) => h.articleId)).toEqual(['a1']);
        expect(await store.searchArticles('Tuesday a1', 10)).toEqual([]);
        // Query syntax is read as words: quotes, stars and operators neither fail nor widen the search.
        expect(await store.searchArticles('"NEAR( OR * -', 10)).toEqual([]);
        expect(await store.searchArticles('   ', 10)).toEqual([]);
        expect(await store.searchArticles('ferry', 1)).toHaveLength(1);
      });
    });

    describe('rules and saved searches', () => {
      it('keeps rules oldest first with their ids, once each, across connections, and removes them by id', async () => {
        const { store, second } = await open();
        expect(await store.listRules()).toEqual([]);
        const mute = await store.addRule({ action: 'mute', field: 'publisher', value: 'islandwire', note: 'wire copy' }, T0);
        expect(mute).toEqual({ id: expect.any(Number), action: 'mute', field: 'publisher', value: 'islandwire', note: 'wire copy', createdAt: T0 });
        const boost = await store.addRule({ action: 'boost', field: 'keyword', value: 'dam repairs' }, T1);
        // The same rule again is the one kept: same id, first time and note.
        expect(await store.addRule({ action: 'mute', field: 'publisher', value: 'islandwire' }, T1)).toEqual(mute);
        const other = await second();
        expect(await other.listRules()).toEqual([mute, { id: boost.id, action: 'boost', field: 'keyword', value: 'dam repairs', createdAt: T1 }]);
        expect(await other.removeRule(mute.id!)).toEqual(mute);
        expect(await store.removeRule(mute.id!)).toBeUndefined();
        expect((await store.listRules()).map((r) => r.id)).toEqual([boost.id]);
        // Explanations name rules by id: a removed rule's id never names another.
        const later = await store.addRule({ action: 'mute', field: 'publisher', value: 'islandwire' }, T1);
        expect(later.id).toBeGreaterThan(boost.id!);
      });

      it('keeps saved searches once each and removes them by id', async () => {
        const { store } = await open();
        const dam = await store.saveSearch('dam spillway', T0);
        expect(dam).toEqual({ id: expect.any(Number), query: 'dam spillway', createdAt: T0 });
        expect(await store.saveSearch('dam spillway', T1)).toEqual(dam);
        const ferry = await store.saveSearch('ferry fares', T1);
        expect(await store.listSavedSearches()).toEqual([dam, ferry]);
        expect(await store.removeSavedSearch(dam.id!)).toEqual(dam);
        expect(await store.removeSavedSearch(dam.id!)).toBeUndefined();
        expect(await store.listSavedSearches()).toEqual([ferry]);
        expect((await store.saveSearch('dam spillway', T1)).id).toBeGreaterThan(ferry.id!);
      });

      it('searches among given articles only, for the matches on the board', async () => {
        const { store } = await open();
        await seed(store);
        expect((await store.searchArticles('ferry', 10, ['a2', 'a3', 'nope'])).map((h) => h.articleId).sort()).toEqual(['a2', 'a3']);
        expect(await store.searchArticles('ferry', 10, [])).toEqual([]);
        expect(await store.searchArticles('quarry', 10, ['a1'])).toEqual([]);
      });

      it("stores a run's ranking again after a rule changed it: scores, components, ranks, caps and mutes", async () => {
        const { store } = await open();
        const run = await seed(store);
        const boost = { name: 'boost', value: 1, weight: 1, contribution: 1, detail: 'boosted by publisher harborgazette (rule 1)' };
        await store.saveRanking(run, [
          candidate('a2', 1, { score: 2.5, components: [boost], baseRank: 1, initialRank: 2 }),
          candidate('a1', 2, { score: 1.9, baseRank: 2, capped: 'story cap: its story already has 1 in the top 10', muted: 'keyword ferry (rule 2)' }),
          candidate('nope', 3),
        ]);
        const loaded = await store.loadRun(run);
        expect(loaded.candidates.map((c) => [c.articleId, c.rank, c.baseRank, c.score, c.initialRank])).toEqual([
          ['a2', 1, 1, 2.5, 2],
          ['a1', 2, 2, 1.9, 1],
          ['a3', 3, 3, 1.7, 3],
        ]);
        expect(loaded.candidates[0]!.components).toEqual([boost]);
        expect(loaded.candidates[1]).toMatchObject({ capped: 'story cap: its story already has 1 in the top 10', muted: 'keyword ferry (rule 2)' });
        expect(loaded.candidates[0]!.muted).toBeUndefined();
        // A run commits its mutes too.
        const next = await store.beginRun({ startedAt: T1, inputs: ['in'] });
        await store.commitRun(next, commit({ finishedAt: T1, articles: [article('a1')], candidates: [candidate('a1', 1, { muted: 'story s-ferry (config)' })] }));
        expect((await store.loadRun(next)).candidates[0]!.muted).toBe('story s-ferry (config)');
      });
    });

    describe('read state', () => {
      it("keeps what each editor has seen apart, ignores unknown articles, and never unsees", async () => {
        const { store } = await open();
        await seed(store);
        await store.markSeen('editor-a', ['a1', 'nope'], T1);
        await store.markSeen('editor-a', ['a1', 'a2'], '2026-11-23T01:00:00.000Z');
        expect([...(await store.seenBy('editor-a', ['a1', 'a2', 'a3', 'nope']))].sort()).toEqual(['a1', 'a2']);
        expect(await store.seenBy('editor-b', ['a1', 'a2', 'a3'])).toEqual(new Set());
        expect(await store.seenBy('editor-a', [])).toEqual(new Set());
      });
    });

    describe('fetch state', () => {
      it('keeps validators per URL, counts a failure streak that a success resets, and commits validators with a run', async () => {
        const { store } = await open();
        const url = 'https://www.ashfordcourier.example/feed.xml';
        expect(await store.getValidators(url)).toBeUndefined();
        await store.saveValidators(url, { etag: '"abc"', lastModified: 'Tue, 03 Nov 2026 08:00:00 GMT' });
        expect(await store.getValidators(url)).toEqual({ etag: '"abc"', lastModified: 'Tue, 03 Nov 2026 08:00:00 GMT' });
        await store.recordFetch(url, T0, 'HTTP 503');
        await store.recordFetch(url, T1, 'HTTP 503');
        expect(await store.getFetchHealth(url)).toEqual({ failures: 2, lastError: 'HTTP 503', lastAttempt: T1 });
        await store.recordFetch(url, '2026-11-24T00:00:00.000Z');
        expect((await store.getFetchHealth(url))?.failures).toBe(0);
        expect(await store.getValidators(url)).toEqual({ etag: '"abc"', lastModified: 'Tue, 03 Nov 2026 08:00:00 GMT' });
        await store.recordFetch(url, '2026-11-24T01:00:00.000Z', undefined, '2026-11-24T02:00:00.000Z');
        expect((await store.getFetchHealth(url))?.freshUntil).toBe('2026-11-24T02:00:00.000Z');
        const run = await store.beginRun({ startedAt: T1, inputs: [url] });
        await store.commitRun(run, commit({ validators: new Map([[url, { etag: '"def"' }]]), freshness: new Map([[url, '2026-11-24T03:00:00.000Z']]) }));
        expect(await store.getValidators(url)).toEqual({ etag: '"def"' });
        expect(await store.getFetchHealth(url)).toEqual({ failures: 0, lastAttempt: '2026-11-24T01:00:00.000Z', freshUntil: '2026-11-24T03:00:00.000Z' });
      });
    });

    describe('model answers', () => {
      const key = { contentHash: 'c0ffee', promptVersion: 1, model: 'qwen2.5:7b', request: 'summary' };

      it('keeps an answer under its whole key, across connections, and replaces it when saved again', async () => {
        const { store, second } = await open();
        expect(await store.modelAnswer(key)).toBeUndefined();
        await store.saveModelAnswer(key, { content: '{"sentences":[]}', promptTokens: 812, completionTokens: 96, at: T0 });
        const other = await second();
        expect(await other.modelAnswer(key)).toEqual({ content: '{"sentences":[]}', promptTokens: 812, completionTokens: 96, at: T0 });
        // Any part of the key that differs is another answer: a new prompt, model or request asks again.
        for (const changed of [{ promptVersion: 2 }, { model: 'llama3.1:8b' }, { request: 'repair:ab12' }, { contentHash: 'beef' }]) {
          expect(await store.modelAnswer({ ...key, ...changed })).toBeUndefined();
        }
        await store.saveModelAnswer(key, { content: 'Prose instead.', at: T1 });
        expect(await store.modelAnswer(key)).toEqual({ content: 'Prose instead.', at: T1 });
      });
    });

    describe('locks', () => {
      it('lets one run write at a time: a second waits, and without waiting is told who holds it', async () => {
        const { store, second } = await open();
        const other = await second();
        const lease = await store.acquireLock('run', { wait: true });
        const run = await store.beginRun({ startedAt: T0, inputs: [], pid: 4711 });
        const refused = await other.acquireLock('run', { wait: false }).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(DeskBusy);
        expect((refused as DeskBusy).holder).toMatchObject({ runId: run, pid: 4711, startedAt: T0 });

        const seen: unknown[] = [];
        const waiting = other.acquireLock('run', { wait: true, onWait: (holder) => seen.push(holder) });
        let acquired = false;
        void waiting.then(() => (acquired = true));
        // The waiter says for whom it waits before the holder lets go.
        await expect.poll(() => seen.length).toBe(1);
        expect(acquired).toBe(false);
        await store.commitRun(run, commit());
        await lease.release();
        const next = await waiting;
        expect(acquired).toBe(true);
        await next.release();
      });

      it('closes a run whose process died before committing when the next writer takes the lock', async () => {
        const { store } = await open();
        const orphan = await store.beginRun({ startedAt: T0, inputs: [], pid: 999_999 });
        const lease = await store.acquireLock('run', { wait: false });
        await lease.release();
        expect((await store.listRuns()).find((r) => r.id === orphan)).toMatchObject({ status: 'abandoned' });
        expect(await store.latestRun()).toBeUndefined();
      });

      it('keeps the publish lock apart from the run lock', async () => {
        const { store } = await open();
        const run = await store.acquireLock('run', { wait: false });
        const publish = await store.acquireLock('publish', { wait: false });
        await expect(store.acquireLock('publish', { wait: false })).rejects.toBeInstanceOf(DeskBusy);
        await publish.release();
        await run.release();
      });
    });
  });
}
