// Read state per editor: the browser names its editor in a cookie (editor.js makes the id on first use), and
// the board asks which of its articles that editor has not seen yet.
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Store } from '../store/index.js';
import { loadBoard } from './views.js';

/** The cookie that names an editor for read state, and what an id looks like. */
export const EDITOR_COOKIE = 'newsdesk_editor';
const EDITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** Most articles one "mark as seen" names: a whole board. */
const MAX_SEEN_PER_REQUEST = 5000;

export function readStateRoutes(app: Hono, { store, now }: { store: Store; now: () => string }): void {
  const editorOf = (c: Context) => {
    const id = getCookie(c, EDITOR_COOKIE);
    return id && EDITOR_ID.test(id) ? id : undefined;
  };
  const noEditor = `no editor id: the ${EDITOR_COOKIE} cookie names one (8 to 64 letters, digits, - or _)`;
  app.get('/api/read-state', async (c) => {
    const editor = editorOf(c);
    if (!editor) return c.json({ error: noEditor }, 400);
    const ids = (await loadBoard(store)).entries.map((e) => e.articleId);
    const seen = await store.seenBy(editor, ids);
    return c.json({ unseen: ids.filter((id) => !seen.has(id)), seen: seen.size, total: ids.length });
  });
  app.post('/api/read-state', async (c) => {
    const editor = editorOf(c);
    if (!editor) return c.json({ error: noEditor }, 400);
    const body = (await c.req.json().catch(() => null)) as { articleIds?: unknown } | null;
    const ids = body?.articleIds;
    if (!Array.isArray(ids) || ids.length > MAX_SEEN_PER_REQUEST || !ids.every((id) => typeof id === 'string' && id.length <= 200)) {
      return c.json({ error: `body must be {"articleIds": [...]} with at most ${MAX_SEEN_PER_REQUEST} ids` }, 400);
    }
    await store.markSeen(editor, ids as string[], now());
    return c.json({ marked: ids.length });
  });
}
