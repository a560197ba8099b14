// The editor's rules and saved searches: the JSON API under /api and the forms of the rules page, the board
// and the article page (they work without script: post, then a redirect back). Rule changes go through
// rules.ts, as `newsdesk rules` does: the latest run ranked again and published at once.
import type { Context, Hono } from 'hono';
import type { RankSettings } from '../rank/index.js';
import { addRule, allRules, removeRule, RuleRefused, ruleJson, ruleMatchCounts, type RuleChange } from '../rules.js';
import { allSavedSearches, keepSearch, savedSearchJson, savedSearchMatches } from '../saved-search.js';
import type { Store } from '../store/index.js';
import { deskState, type PublishTarget } from '../desk.js';
import { rulesPage, type RulesView } from './rules-page.js';

export interface RuleRoutesOptions {
  store: Store;
  now: () => string;
  /** The rank stage's settings from the config (its rules included), as runs from the editor use them. */
  ranking: RankSettings;
  /** Saved searches from the config file. */
  searches: readonly string[];
  target: PublishTarget;
  csrf: string;
}

/** Where a form may send the editor back to: the board (at a story), the rules page or an article. */
const RETURN_PATH = /^\/(?:#story-[\w-]*|rules|articles\/[\w-]+)?$/;

/** The rules page's data: every rule and saved search with what it matches in the latest run. */
export async function rulesView({ store, ranking, searches: configured, now }: RuleRoutesOptions): Promise<RulesView> {
  const state = await deskState(store);
  const rules = await allRules(store, ranking);
  const counts = state ? ruleMatchCounts(state.result, rules) : rules.map(() => 0);
  const searches = await allSavedSearches(store, configured);
  const found = await savedSearchMatches(store, searches, state?.result.candidates.map((c) => c.articleId) ?? []);
  return {
    ...(state ? { runId: state.run.id } : {}),
    rules: rules.map((r, i) => ({ ...r, matches: counts[i]! })),
    searches: searches.map((s, i) => ({ ...s, matches: found[i]!.length })),
    publishers: [...new Set(state?.result.articles.map((a) => a.publisher) ?? [])].sort(),
    now: now(),
  };
}

function changeJson(change: RuleChange): Record<string, unknown> {
  return { rule: ruleJson(change.rule), changed: change.changed, moved: change.moved };
}

/** A form's rule: one `rule` field ("mute publisher islandwire", from a button or a list), or its parts. */
function formRule(form: Record<string, unknown>): { action: unknown; field: unknown; value: unknown; note: unknown } {
  if (typeof form.rule === 'string') {
    const [action, field, ...value] = form.rule.trim().split(' ');
    return { action, field, value: value.join(' '), note: undefined };
  }
  return { action: form.action, field: form.field, value: form.value, note: form.note || undefined };
}

const idOf = (c: Context): number | undefined => {
  const id = Number(c.req.param('id'));
  return Number.isInteger(id) && id > 0 ? id : undefined;
};

export function ruleRoutes(app: Hono, options: RuleRoutesOptions): void {
  const { store, now, ranking, searches, target, csrf } = options;
  const add = async (input: Parameters<typeof addRule>[1]): Promise<RuleChange | string> => {
    try {
      return await addRule(store, input, now(), ranking, target);
    } catch (error) {
      if (error instanceof RuleRefused) return error.message;
      throw error;
    }
  };
  const remove = async (c: Context) => {
    const id = idOf(c);
    return id === undefined ? undefined : removeRule(store, id, ranking, target);
  };
  const json = async (c: Context): Promise<Record<string, unknown> | undefined> => {
    const body: unknown = await c.req.json().catch(() => undefined);
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  };

  app.get('/api/rules', async (c) => {
    const view = await rulesView(options);
    return c.json({ run: view.runId ?? null, rules: view.rules.map((r) => ruleJson(r, r.matches)), searches: view.searches.map((s) => savedSearchJson(s, { matches: s.matches })) });
  });
  app.post('/api/rules', async (c) => {
    const body = await json(c);
    if (!body) return c.json({ error: 'body must be JSON: {"action": "mute|boost", "field": "keyword|publisher|author|story", "value": "...", "note": "..."}' }, 400);
    const change = await add({ action: body.action, field: body.field, value: body.value, note: body.note });
    return typeof change === 'string' ? c.json({ error: change }, 400) : c.json(changeJson(change), change.changed ? 201 : 200);
  });
  app.delete('/api/rules/:id', async (c) => {
    const change = await remove(c);
    return change ? c.json(changeJson(change)) : c.json({ error: `no rule ${c.req.param('id')}; rules from the config file are changed there` }, 404);
  });
  app.post('/api/searches', async (c) => {
    const body = await json(c);
    const search = await keepSearch(store, body?.query, now(), searches);
    return typeof search === 'string' ? c.json({ error: search }, 400) : c.json({ search: savedSearchJson(search) }, 201);
  });
  app.delete('/api/searches/:id', async (c) => {
    const id = idOf(c);
    const removed = id === undefined ? undefined : await store.removeSavedSearch(id);
    return removed ? c.json({ search: savedSearchJson(removed) }) : c.json({ error: `no saved search ${c.req.param('id')}; searches from the config file are changed there` }, 404);
  });

  // The page and its forms.
  const page = async (c: Context, error?: string, status: 400 | 404 = 400) => c.html(await rulesPage(await rulesView(options), csrf, error), error ? status : 200);
  const back = (c: Context, form: Record<string, unknown>) => c.redirect(typeof form.return === 'string' && RETURN_PATH.test(form.return) ? form.return : '/rules', 303);
  app.get('/rules', (c) => page(c));
  app.post('/rules', async (c) => {
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const change = await add(formRule(form));
    return typeof change === 'string' ? page(c, change) : back(c, form);
  });
  app.post('/rules/:id/delete', async (c) => ((await remove(c)) ? c.redirect('/rules', 303) : page(c, `no rule ${c.req.param('id')}`, 404)));
  app.post('/searches', async (c) => {
    const form = (await c.req.parseBody()) as Record<string, unknown>;
    const search = await keepSearch(store, form.query, now(), searches);
    return typeof search === 'string' ? page(c, search) : back(c, form);
  });
  app.post('/searches/:id/delete', async (c) => {
    const id = idOf(c);
    return (id !== undefined && (await store.removeSavedSearch(id))) ? c.redirect('/rules', 303) : page(c, `no saved search ${c.req.param('id')}`, 404);
  });
}
