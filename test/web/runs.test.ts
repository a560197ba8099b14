// Runs started from the editor, against the real server on a random loopback port: the real pipeline on the
// fixture sources, held open at its end by a gate so the test can look at a run under way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import { csrfFor } from '../../src/web/security.js';
import { inProcessRunner, type RunState } from '../../src/web/runs.js';
import type { Board } from '../../src/web/review.js';

let editor: TestEditor;
let release: () => void = () => {};

beforeAll(async () => {
  editor = await startTestEditor({
    runner: async (options, store, signal) => {
      const gate = new Promise<void>((open) => (release = open));
      const outcome = await inProcessRunner(options, store, signal);
      await gate;
      return outcome;
    },
  });
});
afterAll(async () => {
  release();
  await editor?.stop();
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${editor.token}`);
  return fetch(`${editor.url}${path}`, { ...init, headers, redirect: 'manual' });
}

function trigger(headers: Record<string, string> = {}): Promise<Response> {
  return api('/api/runs', { method: 'POST', headers: { Origin: editor.url, 'X-CSRF-Token': csrfFor(editor.token), ...headers } });
}

async function current(): Promise<RunState> {
  return (await (await api('/api/runs/current')).json()) as RunState;
}

/** Polls the API the way the board does until the pipeline has reported its last stage. */
async function untilStage(stage: string): Promise<RunState> {
  for (;;) {
    const state = await current();
    if (state.progress?.stage === stage || state.status !== 'running') return state;
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

async function untilDone(): Promise<RunState> {
  for (;;) {
    const state = await current();
    if (state.status !== 'running') return state;
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

const ids = (board: Board) => board.stories.flatMap((s) => s.articles.map((a) => a.articleId)).sort();

describe('run trigger', () => {
  it('is idle before any run and refuses triggers without the token, from another origin, or without CSRF', async () => {
    // Idle, with the last committed run (the one the test editor was filled with) and no schedule.
    expect(await current()).toEqual({ status: 'idle', stages: [], last: { id: 1, startedAt: '2026-11-23T08:00:00.000Z', finishedAt: '2026-11-23T08:00:00.000Z' }, schedule: null });
    const refused = await Promise.all([
      fetch(`${editor.url}/api/runs`, { method: 'POST' }),
      trigger({ Origin: 'http://evil.example' }),
      trigger({ 'Sec-Fetch-Site': 'cross-site' }),
      trigger({ 'X-CSRF-Token': 'forged' }),
      api('/runs', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({}) }),
    ]);
    expect(refused.map((r) => r.status)).toEqual([401, 403, 403, 403, 403]);
    expect((await current()).status).toBe('idle');
    expect((await editor.store.latestRun())?.id).toBe(1);
  });

  it('runs the pipeline on the configured sources, one run at a time, reporting progress and then the counts', async () => {
    const before = (await (await api('/api/stories')).json()) as Board;
    const selected = before.stories[0]!.articles[0]!.articleId;
    await api(`/api/articles/${selected}/usage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: editor.url, 'X-CSRF-Token': csrfFor(editor.token) },
      body: JSON.stringify({ usage: 'selected', note: 'kept across runs' }),
    });

    const started = await trigger();
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ status: 'running', startedAt: '2026-11-23T09:30:00.000Z' });

    const busy = await trigger();
    expect(busy.status).toBe(409);
    expect(await busy.json()).toMatchObject({ error: expect.stringContaining('already under way'), status: 'running' });
    expect((await api('/runs', { method: 'POST', headers: { 'X-CSRF-Token': csrfFor(editor.token) } })).status).toBe(409);

    const during = await untilStage('publish');
    expect(during.status).toBe('running');
    const total = before.stories.flatMap((s) => s.articles).length;
    // Publish reports its end as every stage does; the test's gate holds the run after it.
    expect(during.progress).toEqual({ stage: 'publish', done: total, total });
    expect(during.stages).toEqual(['ingest', 'summarize', 'dedupe', 'cluster', 'rank', 'store', 'publish']);
    // From the store stage on a run finishes: the store never holds half a run.
    const late = await api('/api/runs/current/cancel', { method: 'POST', headers: { Origin: editor.url, 'X-CSRF-Token': csrfFor(editor.token) } });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ error: 'the run is already at publish, writing its results; it will finish shortly', status: 'running' });

    release();
    const done = await untilDone();
    expect(done).toMatchObject({
      status: 'finished',
      finishedAt: '2026-11-23T09:30:00.000Z',
      result: { runId: 2, articles: 5, duplicates: 0, failures: 0, candidates: 5, stories: before.stories.length },
    });

    const after = (await (await api('/api/stories')).json()) as Board;
    expect(after.runId).toBe(2);
    expect(ids(after)).toEqual(ids(before));
    expect(after.stories.flatMap((s) => s.articles).find((a) => a.articleId === selected)?.usage).toBe('selected');
    expect(await editor.store.latestRun()).toMatchObject({ id: 2, articleCount: 5, failureCount: 0 });
  });

  it('accepts a new run once the last one is done, and the page form starts one too', async () => {
    const page = await api('/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: editor.url },
      body: new URLSearchParams({ csrf: csrfFor(editor.token) }),
    });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/');
    const board = await (await api('/')).text();
    expect(board).toMatch(/<button type="submit" id="run-button" disabled>/);
    release();
    expect((await untilDone()).result?.runId).toBe(3);
    expect(await (await api('/')).text()).toContain('Run 3 finished: 5 articles');
  });
});
