// Editors' decisions in the editor: an article's or a story's usage (with a note, and the history of
// changes), and an article's pinned rank. JSON under /api, and the forms the pages post without script.
// Every decision goes through desk.ts, as `newsdesk mark` does: one audit trail, published at once.
import type { Context, Hono } from 'hono';
import { USAGES, type Usage } from '../model.js';
import type { Store, UsageEvent } from '../store/index.js';
import { decideUsage, deskState, pinArticle, storyOriginals, type PublishTarget } from '../desk.js';

/** Longest usage note kept: a sentence or two of why, not an essay in the audit trail. */
export const MAX_NOTE_LENGTH = 500;

const EDITOR_USAGES = USAGES.filter((u) => u !== 'duplicate');

export interface DecisionDeps {
  store: Store;
  now: () => string;
  target: PublishTarget;
}

/** Validates a usage change from JSON or a form; returns an error message or the change. */
function readUsageChange(body: Record<string, unknown>): { usage: Usage; note: string } | string {
  const usage = body.usage;
  const note = body.note ?? '';
  if (typeof usage !== 'string' || !(EDITOR_USAGES as readonly string[]).includes(usage)) {
    return `usage must be one of ${EDITOR_USAGES.join(', ')}`;
  }
  if (typeof note !== 'string') return 'note must be text';
  if (note.length > MAX_NOTE_LENGTH) return `note is longer than ${MAX_NOTE_LENGTH} characters`;
  return { usage: usage as Usage, note: note.trim() };
}

async function jsonBody(c: Context): Promise<Record<string, unknown> | string> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return 'body must be JSON: {"usage": "...", "note": "..."}';
  }
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : 'body must be a JSON object';
}

export function decisionRoutes(app: Hono, { store, now, target }: DecisionDeps): void {
  type Outcome = { status: 400 | 404; error: string } | { status: 200; changes: UsageEvent[] };
  const changeUsage = async (ids: (state: NonNullable<Awaited<ReturnType<typeof deskState>>>) => string[], body: Record<string, unknown>, what: string): Promise<Outcome> => {
    const change = readUsageChange(body);
    if (typeof change === 'string') return { status: 400, error: change };
    const state = await deskState(store);
    const chosen = state ? ids(state) : [];
    if (chosen.length === 0) return { status: 404, error: `no ranked ${what} in the latest run` };
    const { events } = await decideUsage(store, chosen, change.usage, now(), change.note || undefined, target);
    return { status: 200, changes: events };
  };
  const articleUsage = (id: string, body: Record<string, unknown>) =>
    changeUsage((state) => (state.result.candidates.some((c) => c.articleId === id) ? [id] : []), body, `article ${id}`);
  const storyUsage = (id: string, body: Record<string, unknown>) => changeUsage((state) => storyOriginals(state.result, id), body, `story ${id}`);

  type Moved = { status: 400 | 404; error: string } | { status: 200; rank: number; pinned?: number };
  // Pins apply to the latest run's ranking (the one the board shows) and hold in later runs until unpinned.
  const move = async (id: string, raw: unknown, unpin: boolean): Promise<Moved> => {
    const rank = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (!unpin && (typeof rank !== 'number' || !Number.isInteger(rank) || rank < 1)) return { status: 400, error: 'rank must be a whole number from 1' };
    const state = await deskState(store);
    if (!state?.result.candidates.some((c) => c.articleId === id)) return { status: 404, error: `article ${id} is not on the board` };
    const { candidate } = await pinArticle(store, id, unpin ? undefined : (rank as number), now(), target);
    return { status: 200, rank: candidate.rank, ...(candidate.pinned !== undefined ? { pinned: candidate.pinned } : {}) };
  };

  app.get('/api/articles/:id/usage-changes', async (c) => c.json({ changes: await store.usageHistory(c.req.param('id')) }));
  app.post('/api/articles/:id/usage', async (c) => {
    const body = await jsonBody(c);
    if (typeof body === 'string') return c.json({ error: body }, 400);
    const result = await articleUsage(c.req.param('id'), body);
    return result.status === 200 ? c.json(result.changes[0]!) : c.json({ error: result.error }, result.status);
  });
  app.post('/api/stories/:id/usage', async (c) => {
    const body = await jsonBody(c);
    if (typeof body === 'string') return c.json({ error: body }, 400);
    const result = await storyUsage(c.req.param('id'), body);
    return result.status === 200 ? c.json({ changes: result.changes }) : c.json({ error: result.error }, result.status);
  });

  const pinned = async (c: Context, unpin: boolean) => {
    const body = (await c.req.json().catch(() => null)) as { rank?: unknown } | null;
    const result = await move(c.req.param('id')!, body?.rank, unpin);
    return result.status === 200
      ? c.json({ articleId: c.req.param('id'), rank: result.rank, pinned: result.pinned ?? null })
      : c.json({ error: result.error }, result.status);
  };
  app.post('/api/articles/:id/rank', (c) => pinned(c, false));
  app.delete('/api/articles/:id/rank', (c) => pinned(c, true));

  // The pages' forms work without script: post, then back to the page (303 so a reload does not re-post).
  app.post('/stories/:id/usage', async (c) => {
    const result = await storyUsage(c.req.param('id'), (await c.req.parseBody()) as Record<string, unknown>);
    if (result.status !== 200) return c.text(result.error, result.status);
    return c.redirect(`/#story-${encodeURIComponent(c.req.param('id'))}`, 303);
  });
  app.post('/articles/:id/usage', async (c) => {
    const id = c.req.param('id');
    const result = await articleUsage(id, (await c.req.parseBody()) as Record<string, unknown>);
    if (result.status !== 200) return c.text(result.error, result.status);
    return c.redirect(`/articles/${encodeURIComponent(id)}`, 303);
  });
  app.post('/articles/:id/rank', async (c) => {
    const id = c.req.param('id');
    const form = await c.req.parseBody();
    const result = await move(id, form.rank, form.unpin === '1');
    if (result.status !== 200) return c.text(result.error, result.status);
    return c.redirect(`/articles/${encodeURIComponent(id)}`, 303);
  });
}
