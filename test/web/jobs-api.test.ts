// The editor's failed jobs over HTTP, on the real server: a PostgreSQL desk whose queue holds jobs a real
// worker failed for good (grouped per run, newest first, with kind, URL, attempts, last error and time; a
// database that restarts is reported, without its password), and a SQLite desk, which has no queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFailedJobsDesk, type FailedJobsDesk } from '../helpers/failed-jobs.js';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import { NO_QUEUE_NOTE, type FailedJobsView } from '../../src/web/jobs.js';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function client(url: string, token: string) {
  return (path: string): Promise<Response> => fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('failed jobs on a PostgreSQL desk', () => {
  let desk: FailedJobsDesk;
  let api: (path: string) => Promise<Response>;
  beforeAll(async () => {
    desk = await startFailedJobsDesk();
    api = client(desk.editor.url, desk.token);
  });
  afterAll(async () => desk?.stop());

  it('lists the jobs that failed for good per run, newest run first, with kind, URL, attempts, last error and time', async () => {
    const response = await api('/api/jobs/failed');
    expect(response.status).toBe(200);
    const view = (await response.json()) as FailedJobsView;
    expect(view.queue).toMatch(/^the job queue in postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/\w+$/);
    expect(view.runs.map((r) => r.run)).toEqual([2, 1]);
    const [two, one] = view.runs;
    expect(one!.jobs).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'fetch',
        source: desk.feeds.quarry,
        key: desk.feeds.quarry,
        attempts: 2,
        maxAttempts: 2,
        lastError: 'fetch: HTTP 503 Service Unavailable',
        failedAt: expect.stringMatching(ISO),
      },
    ]);
    // The feed that answered is done, not listed.
    expect(two!.jobs.map((j) => [j.source, j.attempts, j.lastError])).toEqual([[desk.feeds.lantern, 2, 'fetch: HTTP 503 Service Unavailable']]);
    expect(JSON.stringify(view)).not.toContain(desk.pg.password);
  });

  it('narrows to one run and to the newest few, and refuses what is not a whole number', async () => {
    const one = (await (await api('/api/jobs/failed?run=1')).json()) as FailedJobsView;
    expect(one.runs.map((r) => [r.run, r.jobs.map((j) => j.source)])).toEqual([[1, [desk.feeds.quarry]]]);
    const none = (await (await api('/api/jobs/failed?run=7')).json()) as FailedJobsView;
    expect(none.runs).toEqual([]);
    const newest = (await (await api('/api/jobs/failed?limit=1')).json()) as FailedJobsView;
    expect(newest.runs.map((r) => r.run)).toEqual([2]);
    for (const [query, error] of [
      ['run=0', 'run "0" is not a whole number from 1'],
      ['run=two', 'run "two" is not a whole number from 1'],
      ['limit=5000', 'limit "5000" is not a whole number from 1 to 1000'],
    ]) {
      const refused = await api(`/api/jobs/failed?${query}`);
      expect(refused.status, query).toBe(400);
      expect(((await refused.json()) as { error: string }).error, query).toContain(error!);
    }
  });

  it('shows them on the page, and says so when the database cannot be read, without its password', async () => {
    const page = await (await api('/jobs')).text();
    expect(page).toContain('<h1>Failed jobs</h1>');
    expect(page).toContain(`href="${desk.feeds.quarry}"`);
    expect(page).toContain('fetch: HTTP 503 Service Unavailable');
    expect(page).toContain('2 of 2 attempts');
    let whileDown: { api: Response; page: Response } | undefined;
    await desk.pg.restart(async () => {
      whileDown = { api: await api('/api/jobs/failed'), page: await api('/jobs') };
    });
    expect(whileDown!.api.status).toBe(503);
    const { error } = (await whileDown!.api.json()) as { error: string };
    expect(error).toMatch(/^jobs: cannot read the job queue in postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:\d+\/\w+: .*ECONNREFUSED.*; check that the database runs, then reload$/);
    expect(whileDown!.page.status).toBe(503);
    expect(await whileDown!.page.text()).toContain('check that the database runs, then reload');
    // Back up: the same list again.
    const again = (await (await api('/api/jobs/failed')).json()) as FailedJobsView;
    expect(again.runs.map((r) => r.run)).toEqual([2, 1]);
  });

  it('answers 401 without the token', async () => {
    expect((await fetch(`${desk.editor.url}/api/jobs/failed`)).status).toBe(401);
    expect((await fetch(`${desk.editor.url}/jobs`)).status).toBe(401);
  });
});

describe('failed jobs on a SQLite desk without a queue', () => {
  let editor: TestEditor;
  beforeAll(async () => {
    editor = await startTestEditor();
  });
  afterAll(async () => editor?.stop());

  it('says there is no queue, in the API and on the page', async () => {
    const api = client(editor.url, editor.token);
    expect(await (await api('/api/jobs/failed')).json()).toEqual({ queue: null, note: NO_QUEUE_NOTE, runs: [] });
    const page = await (await api('/jobs')).text();
    expect(page).toContain('<p id="no-queue">This desk has no job queue');
  });
});
