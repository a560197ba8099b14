// The editor's HTTP contract against the real server on a random loopback port, over a database filled by
// the real pipeline from original fixture articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import { csrfFor } from '../../src/web/security.js';
import type { Board } from '../../src/web/review.js';
import type { ArticleView } from '../../src/web/review.js';

let editor: TestEditor;
let board: Board;

beforeAll(async () => {
  editor = await startTestEditor();
  board = (await (await api('/api/stories')).json()) as Board;
});
afterAll(async () => editor?.stop());

function api(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${editor.token}`);
  return fetch(`${editor.url}${path}`, { ...init, headers, redirect: 'manual' });
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return api(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Origin: editor.url, 'X-CSRF-Token': csrfFor(editor.token), ...headers },
  });
}

function entryByPublisher(publisher: string) {
  const entry = board.stories.flatMap((s) => s.articles).find((a) => a.publisher === publisher);
  if (!entry) throw new Error(`no board entry from ${publisher}`);
  return entry;
}

describe('editor access', () => {
  it('answers 401 to every page, API call and asset without the token', async () => {
    for (const path of ['/', '/api/stories', '/api/session', `/articles/${entryByPublisher('brindle-post').articleId}`, '/assets/editor.js']) {
      const response = await fetch(`${editor.url}${path}`);
      expect(response.status, path).toBe(401);
    }
    const wrong = await fetch(`${editor.url}/api/stories`, { headers: { Authorization: 'Bearer not-the-token-at-all', Cookie: 'newsdesk_token=nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: expect.stringContaining('access token') });
  });

  it('trades the token in the address for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const first = await fetch(`${editor.url}/?token=${editor.token}&usage=selected`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/?usage=selected');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${editor.url}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });
});

describe('editor API', () => {
  it('lists the stories by rank with publishers, summaries and audit status', () => {
    const ranks = board.stories.map((s) => s.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const bridge = board.stories.find((s) => s.articles.some((a) => a.publisher === 'lakeside-ledger'));
    expect(bridge?.publishers.sort()).toEqual(['lakeside-ledger', 'valley-courier']);
    for (const entry of board.stories.flatMap((s) => s.articles)) {
      expect(entry.summary.length).toBeGreaterThan(0);
      expect(entry.audited).toBeGreaterThan(0);
      expect(entry.usage).toBe('candidate');
    }
  });

  it('returns an article with its source sentences and a summary whose provenance points at them', async () => {
    const id = entryByPublisher('brindle-post').articleId;
    const view = (await (await api(`/api/articles/${id}`)).json()) as ArticleView;
    const sources = new Map(view.paragraphs.flatMap((p) => p.sentences).map((s) => [s.index, s.text]));
    expect(sources.get(0)).toMatch(/^Voters in Marrowgate approved a library levy/);
    expect(view.summary?.sentences.length).toBeGreaterThan(0);
    for (const sentence of view.summary!.sentences) {
      expect(sentence.verdict).toBe('supported');
      expect(sentence.source.map((s) => sources.get(s.sentence)).join(' ')).toBe(sentence.text);
    }
    expect(view.markdown).toMatch(/^---\nurl: .*\ntitle: Marrowgate Voters Approve Library Levy\npublisher: brindle-post\nusage: candidate\ninitial_rank: \d+\n/);
    expect((await api('/api/articles/no-such-article')).status).toBe(404);
  });

  it('changes usage with a note, records the change, and the next run keeps it', async () => {
    const id = entryByPublisher('valley-courier').articleId;
    const response = await post(`/api/articles/${id}/usage`, { usage: 'selected', note: 'lead for the evening brief' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ articleId: id, previous: 'candidate', usage: 'selected', note: 'lead for the evening brief', at: '2026-11-23T09:30:00.000Z' });
    const changes = (await (await api(`/api/articles/${id}/usage-changes`)).json()) as { changes: unknown[] };
    expect(changes.changes).toHaveLength(1);
    const selected = (await (await api('/api/stories?usage=selected')).json()) as Board;
    expect(selected.stories.flatMap((s) => s.articles.map((a) => a.articleId))).toEqual([id]);
    expect((await editor.store.recall([id])).get(id)?.usage).toBe('selected');
    const markdown = await api(`/api/articles/${id}/markdown`);
    expect(markdown.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.md"$/);
    expect(await markdown.text()).toContain('\nusage: selected\n');
  });

  it('pins an article: moved to the top it leads the board and the others shift down, until unpinned', async () => {
    // In rank order: the board lists a story's articles together, and one per story leads the ranking.
    const before = board.stories.flatMap((s) => s.articles).sort((a, b) => a.rank - b.rank).map((a) => a.articleId);
    const last = before[before.length - 1]!;
    const moved = await post(`/api/articles/${last}/rank`, { rank: 1 });
    expect(await moved.json()).toEqual({ articleId: last, rank: 1, pinned: 1 });
    const after = (await (await api('/api/stories')).json()) as Board;
    expect(after.stories[0]?.articles.map((a) => [a.articleId, a.rank])[0]).toEqual([last, 1]);
    const ranks = after.stories.flatMap((s) => s.articles).sort((a, b) => a.rank - b.rank);
    expect(ranks.map((a) => a.articleId)).toEqual([last, ...before.slice(0, -1)]);
    expect(ranks.map((a) => a.rank)).toEqual(before.map((_, i) => i + 1));
    // The pin is in the article's audit trail; pinning it where it already is records nothing.
    expect((await post(`/api/articles/${last}/rank`, { rank: 1 })).status).toBe(200);
    const view = (await (await api(`/api/articles/${last}`)).json()) as { rankChanges: unknown[] };
    expect(view.rankChanges).toEqual([{ articleId: last, runId: after.runId, rank: 1, previous: before.length, at: '2026-11-23T09:30:00.000Z' }]);
    expect((await post(`/api/articles/${last}/rank`, { rank: 0 })).status).toBe(400);
    expect((await post(`/api/articles/${last}/rank`, { rank: 'first' })).status).toBe(400);
    expect((await post('/api/articles/nope/rank', { rank: 2 })).status).toBe(404);
    expect((await post(`/api/articles/${last}/rank`, { rank: 3 }, { Origin: 'http://evil.example' })).status).toBe(403);
    // Unpinned, it goes back to its place by score, and the other tests see the pipeline's order.
    const unpinned = await api(`/api/articles/${last}/rank`, { method: 'DELETE', headers: { 'X-CSRF-Token': csrfFor(editor.token), Origin: editor.url } });
    expect(await unpinned.json()).toEqual({ articleId: last, rank: before.length, pinned: null });
    const restored = (await (await api('/api/stories')).json()) as Board;
    expect(restored.stories.flatMap((s) => s.articles).sort((a, b) => a.rank - b.rank).map((a) => a.articleId)).toEqual(before);
  });

  it('refuses bad usage values and unknown articles', async () => {
    const id = entryByPublisher('brindle-post').articleId;
    expect((await post(`/api/articles/${id}/usage`, { usage: 'duplicate' })).status).toBe(400);
    expect((await post(`/api/articles/${id}/usage`, { usage: 'published' })).status).toBe(400);
    expect((await post(`/api/articles/${id}/usage`, { usage: 'rejected', note: 'x'.repeat(501) })).status).toBe(400);
    expect((await post('/api/articles/nope/usage', { usage: 'rejected' })).status).toBe(404);
    expect(await editor.store.usageHistory(id)).toEqual([]);
  });

  it('refuses cross-origin state changes and changes without the CSRF token', async () => {
    const id = entryByPublisher('lakeside-ledger').articleId;
    const attempts = [
      post(`/api/articles/${id}/usage`, { usage: 'rejected' }, { Origin: 'http://evil.example' }),
      post(`/api/articles/${id}/usage`, { usage: 'rejected' }, { 'Sec-Fetch-Site': 'cross-site' }),
      post(`/api/articles/${id}/usage`, { usage: 'rejected' }, { 'X-CSRF-Token': 'forged' }),
      api(`/articles/${id}/usage`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://evil.example' },
        body: new URLSearchParams({ usage: 'rejected', csrf: csrfFor(editor.token) }),
      }),
      api(`/articles/${id}/usage`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ usage: 'rejected' }) }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(403);
    expect(await editor.store.usageHistory(id)).toEqual([]);

    const form = await api(`/articles/${id}/usage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: editor.url },
      body: new URLSearchParams({ usage: 'background', note: 'context only', csrf: csrfFor(editor.token) }),
    });
    expect(form.status).toBe(303);
    expect((await editor.store.usageHistory(id)).map((c) => [c.usage, c.note])).toEqual([['background', 'context only']]);
  });

  it('renders hostile titles, text and links inert', async () => {
    const beacon = board.stories.flatMap((s) => s.articles).filter((a) => a.publisher === 'saltmere-beacon');
    expect(beacon).toHaveLength(2);
    const page = await (await api('/')).text();
    // No real tag carries an event handler and no script but ours: escaped text cannot contain `<` or `>`.
    expect(page).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(page).not.toMatch(/<img|<script>/i);
    // Markup in a title is removed at ingest (titles are plain text); markup in the text is shown escaped.
    expect(page).toContain('Saltmere Harbor Sets Winter Fees');
    expect(page).toContain('posted a notice on Wednesday &lt;script&gt;console.log(&#39;pwned-body&#39;)');
    for (const entry of beacon) {
      const article = await (await api(`/articles/${entry.articleId}`)).text();
      expect(article).not.toMatch(/<[a-z][^>]*\son\w+=|href="javascript:|<img|<a href="javascript/i);
      expect(article.match(/<script\b[^>]*>/g)).toEqual(['<script src="/assets/editor.js" defer>']);
    }
  });
});

describe('board filters', () => {
  const stories = async (query: string) => (await (await api(`/api/stories?${query}`)).json()) as Board;
  const publishers = (b: Board) => b.stories.flatMap((s) => s.articles.map((a) => a.publisher)).sort();

  it('matches a topic against titles and summaries, any case and word form, every word required', async () => {
    expect(publishers(await stories('topic=BRIDGES'))).toEqual(['lakeside-ledger', 'valley-courier']);
    expect(publishers(await stories('topic=bridge+reopens'))).toEqual(['lakeside-ledger', 'valley-courier']);
    expect(publishers(await stories('topic=bridge+levy'))).toEqual([]);
    // "Sundays" is in the levy story's summary, not its title.
    const sunday = await stories('topic=sunday');
    expect(publishers(sunday)).toEqual(['brindle-post']);
    const entry = sunday.stories[0]!.articles[0]!;
    expect(entry.title).not.toMatch(/sunday/i);
    expect(entry.summary).toMatch(/Sundays/);
  });

  it('keeps articles first seen within the since window (the run was at 08:00, the clock says 09:30)', async () => {
    const all = board.stories.flatMap((s) => s.articles).length;
    expect(board.stories.flatMap((s) => s.articles).every((a) => a.firstSeen === '2026-11-23T08:00:00.000Z' && !a.published)).toBe(true);
    expect(publishers(await stories('since=2h'))).toHaveLength(all);
    expect(publishers(await stories('since=1d&topic=bridge'))).toEqual(['lakeside-ledger', 'valley-courier']);
    expect((await stories('since=1h')).stories).toEqual([]);
    const bad = await api('/api/stories?since=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'since "yesterday" is not a window like 24h, 3d or 1w' });
  });

  it('offers topic and since in the page form, keeps their values escaped, and names a bad window', async () => {
    const page = await (await api('/?topic=%22%3E%3Cb%3Ebridge&since=1d')).text();
    expect(page).toContain('<input type="search" name="topic" value="&quot;&gt;&lt;b&gt;bridge"');
    expect(page).toContain('name="since" value="1d"');
    expect(page).toContain('No stories match these filters.');
    const bridge = await (await api('/?topic=bridge&since=1d')).text();
    expect(bridge.match(/ data-usage="/g)).toHaveLength(2);
    const bad = await (await api('/?since=soon')).text();
    expect(bad).toContain('<p class="error" role="alert">since &quot;soon&quot; is not a window like 24h, 3d or 1w; showing every date.</p>');
    expect(bad.match(/ data-usage="/g)).toHaveLength(board.stories.flatMap((s) => s.articles).length);
  });
});

describe('search and read state', () => {
  it('searches every stored article by words of its text, and reads query syntax as words', async () => {
    const found = (await (await api('/api/search?q=dredging')).json()) as { results: Array<{ id: string; title: string; publisher: string; usage: string; snippet: string }> };
    expect(found.results).toHaveLength(1);
    expect(found.results[0]).toMatchObject({ publisher: 'saltmere-beacon', usage: expect.any(String), snippet: expect.stringContaining('dredging') });
    expect(await (await api('/api/search?q=%22NEAR(%20*')).json()).toEqual({ results: [] });
    expect(await (await api('/api/search')).json()).toEqual({ results: [] });
  });

  it('keeps read state per editor cookie and refuses requests without one or with a bad body', async () => {
    const now = (await (await api('/api/stories')).json()) as Board;
    const ids = now.stories.flatMap((s) => s.articles).sort((a, b) => a.rank - b.rank).map((a) => a.articleId);
    expect((await api('/api/read-state')).status).toBe(400);
    const cookie = { Cookie: 'newsdesk_editor=test-editor-1' };
    expect(await (await api('/api/read-state', { headers: cookie })).json()).toEqual({ unseen: ids, seen: 0, total: ids.length });
    expect((await post('/api/read-state', { articleIds: 'all' }, cookie)).status).toBe(400);
    expect((await post('/api/read-state', { articleIds: [ids[0]] }, { Cookie: 'newsdesk_editor=x' })).status).toBe(400);
    expect(await (await post('/api/read-state', { articleIds: [ids[0], 'unknown-id'] }, cookie)).json()).toEqual({ marked: 2 });
    expect(await (await api('/api/read-state', { headers: cookie })).json()).toEqual({ unseen: ids.slice(1), seen: 1, total: ids.length });
    // Without the CSRF token nothing is marked.
    expect((await api('/api/read-state', { method: 'POST', body: JSON.stringify({ articleIds: ids }), headers: { ...cookie, 'Content-Type': 'application/json', Origin: editor.url } })).status).toBe(403);
  });
});
