// Every decision made in the editor reaches the published files before the answer returns: the article's
// Markdown, the briefing and the feeds, rendered from the store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEditor, type TestEditor } from '../helpers/editor.js';
import { csrfFor } from '../../src/web/security.js';
import type { ArticleView, Board } from '../../src/web/review.js';

let editor: TestEditor;

beforeAll(async () => {
  editor = await startTestEditor();
});
afterAll(async () => editor?.stop());

const api = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${editor.url}${path}`, { ...init, headers: { Authorization: `Bearer ${editor.token}`, ...(init.headers as Record<string, string>) } });
const post = (path: string, body: unknown): Promise<Response> =>
  api(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Origin: editor.url, 'X-CSRF-Token': csrfFor(editor.token) } });
const published = (file: string): string => readFileSync(join(editor.outDir, file), 'utf8');
const board = async (): Promise<Board> => (await (await api('/api/stories')).json()) as Board;

describe('decisions in the editor are published at once', () => {
  it('rejecting the top article rewrites its file and drops it from the briefing and the feeds', async () => {
    const top = (await board()).stories[0]!.articles[0]!;
    const view = (await (await api(`/api/articles/${top.articleId}`)).json()) as ArticleView;
    expect(published('briefing.md')).toContain(top.title);
    const answer = await post(`/api/articles/${top.articleId}/usage`, { usage: 'rejected', note: 'off topic' });
    expect(answer.status).toBe(200);
    // By the time the answer arrives, the files say so.
    const file = published(`articles/${top.publisher}/${view.markdownFile}`);
    expect(file).toMatch(/\nusage: rejected\n/);
    expect(published('briefing.md')).not.toContain(top.title);
    expect(published('briefing.html')).not.toContain(top.articleId);
    for (const feed of ['feed.xml', 'feed.json']) expect(published(feed)).not.toContain(top.articleId);
    // The Markdown the editor shows is the file on disk.
    const after = (await (await api(`/api/articles/${top.articleId}`)).json()) as ArticleView;
    expect(after.markdown).toBe(file);
    await post(`/api/articles/${top.articleId}/usage`, { usage: 'candidate' });
  });

  it('selecting a story selects its original articles and puts the story in the feeds', async () => {
    const story = (await board()).stories.find((s) => s.articles.length >= 2)!;
    expect((JSON.parse(published('feed.json')) as { items: unknown[] }).items).toEqual([]);
    const answer = await post(`/api/stories/${story.id}/usage`, { usage: 'selected', note: 'lead' });
    expect(answer.status).toBe(200);
    const { changes } = (await answer.json()) as { changes: Array<{ articleId: string; usage: string }> };
    expect(changes.map((c) => c.usage)).toEqual(story.articles.filter((a) => a.usage !== 'duplicate').map(() => 'selected'));
    // The item is the story's lead article's: its title and link, whatever headline labels the story.
    const lead = story.articles.filter((a) => a.usage !== 'duplicate').sort((a, b) => a.rank - b.rank)[0]!;
    const items = (JSON.parse(published('feed.json')) as { items: Array<{ title: string; url: string }> }).items;
    // A lead with no web address (these are local files) links to its published file.
    const link = lead.url || `http://localhost/articles/${lead.publisher}/${lead.title.toLowerCase().replace(/\s+/g, '-')}.md`;
    expect(items.map((i) => [i.title, i.url])).toEqual([[lead.title, link]]);
    expect(published('feed.xml')).toContain('<item>');
    expect((await post('/api/stories/no-such-story/usage', { usage: 'selected' })).status).toBe(404);
  });
});
