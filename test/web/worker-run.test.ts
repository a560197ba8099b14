// Runs started from the editor as `newsdesk serve` starts them: in a worker thread with its own connection
// to the database. The pipeline's stages from dedupe to publish never yield, so a server running them in
// its own thread could only answer again once the run was over; here it answers while they work.
import { EventEmitter, once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/corpus.js';
import { DEFAULT_CONFIG, runSettings } from '../../src/config.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import type { Progress } from '../../src/pipeline.js';
import { workerRunner, type Runner, type RunState } from '../../src/web/runs.js';
import { csrfFor, newToken } from '../../src/web/security.js';
import { startEditor, type RunningEditor } from '../../src/web/server.js';
import { tempDir } from '../helpers/cli.js';

/** Enough generated articles that the synchronous stages take a while on any machine. */
const ARTICLES = 400;

const dir = tempDir('newsdesk-worker-run-');
const dbPath = join(dir, 'newsdesk.db');
const token = newToken();
let store: Store;
let editor: RunningEditor;
/** The worker's progress events, as the editor receives them: what the tests synchronize on. */
const progress = new EventEmitter();
/** The worker runner, passing each progress event on to the editor first and then to `progress`. */
const observed = (runner: Runner): Runner => (options, runStore, signal) =>
  runner({ ...options, onProgress: (event) => (options.onProgress?.(event), progress.emit('progress', event)) }, runStore, signal);
/** Resolves at the first progress event of one of `stages`. */
async function reached(stages: string[]): Promise<Progress> {
  for (;;) {
    const [event] = (await once(progress, 'progress')) as [Progress];
    if (stages.includes(event.stage)) return event;
  }
}

beforeAll(async () => {
  writeSyntheticCorpus(join(dir, 'in'), ARTICLES);
  store = openSqliteStore(dbPath);
  editor = await startEditor({
    store,
    token,
    host: '127.0.0.1',
    port: 0,
    now: () => '2026-11-23T09:30:00.000Z',
    run: { inputs: [join(dir, 'in')], outDir: join(dir, 'out'), settings: runSettings(DEFAULT_CONFIG) },
    runner: observed(workerRunner(dbPath)),
  });
});
afterAll(async () => {
  await editor?.close();
  store?.close();
});

const api = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${editor.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
const post = (path: string): Promise<Response> => api(path, { method: 'POST', headers: { Origin: editor.url, 'X-CSRF-Token': csrfFor(token) } });

/** Asks for the run's state until it has ended: only the end is waited for, nothing depends on the timing. */
async function untilEnded(): Promise<RunState> {
  for (;;) {
    const state = (await (await api('/api/runs/current')).json()) as RunState;
    if (state.status !== 'running') return state;
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

describe('a run in a worker thread', () => {
  it('leaves the editor answering during the synchronous stages, then reports the counts', async () => {
    const dedupe = reached(['dedupe']);
    expect((await post('/api/runs')).status).toBe(202);
    await dedupe;
    // Asked as soon as the worker reports the first stage that never yields: the editor answers with the run
    // still there (summarizing 400 articles takes it far longer than one request on the loopback).
    const during = (await (await api('/api/runs/current')).json()) as RunState;
    expect(during).toMatchObject({ status: 'running' });
    expect(['dedupe', 'cluster', 'summarize']).toContain(during.progress?.stage);
    const state = await untilEnded();
    expect(state).toMatchObject({ status: 'finished', result: { runId: 1, articles: expect.any(Number), failures: 0 } });
    expect(state.result!.articles).toBeGreaterThan(ARTICLES * 0.9);
    // The server's own connection sees what the worker's wrote.
    expect(await store.latestRun()).toMatchObject({ id: 1, articleCount: state.result!.articles });
    expect((await (await api('/api/stories')).json()) as { runId: number }).toMatchObject({ runId: 1 });
  });

  it('stops a run cancelled in its synchronous stages before it stores anything, and runs again after', async () => {
    expect((await post('/api/runs/current/cancel')).status).toBe(409);
    const candidates = await store.countRows('candidates');
    const dedupe = reached(['dedupe']);
    expect((await post('/api/runs')).status).toBe(202);
    // Cancelled when the worker reports dedupe: after the checkpoint before it, long before the one before rank.
    await dedupe;
    const cancel = await post('/api/runs/current/cancel');
    expect(cancel.status).toBe(202);
    expect(await cancel.json()).toMatchObject({ status: 'running', cancelling: true });
    const state = await untilEnded();
    expect(state).toMatchObject({ status: 'cancelled', error: expect.stringMatching(/^the run was cancelled before (cluster|summarize|rank); nothing from it was stored$/) });
    expect(await store.countRows('candidates')).toBe(candidates);
    expect((await store.latestRun())?.id).toBe(1);
    expect(await (await api('/')).text()).toContain('Run cancelled: the run was cancelled before');

    expect((await post('/api/runs')).status).toBe(202);
    expect(await untilEnded()).toMatchObject({ status: 'finished', result: { runId: 3 } });
  });

  it('reports a run that cannot open its database as failed, with the reason', async () => {
    const run = workerRunner(join(dir, 'in', '000001.txt', 'newsdesk.db'));
    await expect(run({ inputs: [], outDir: join(dir, 'x'), settings: runSettings(DEFAULT_CONFIG), now: '2026-11-23T09:30:00.000Z' }, store, new AbortController().signal)).rejects.toThrow(
      /000001\.txt/,
    );
  });
});
