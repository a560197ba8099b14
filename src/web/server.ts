// The editor: a hono app over the Store (JSON under /api, pages elsewhere) and a loopback HTTP server for it.
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serve } from '@hono/node-server';
import { USAGES, type Usage } from '../model.js';
import type { Store } from '../store/index.js';
import type { PublishTarget } from '../desk.js';
import { buildArticleView, buildBoard, parseSince, type BoardFilter } from './review.js';
import { loadBoard, loadReview } from './views.js';
import { RunTracker, type Runner, type EditorRuns } from './runs.js';
import { Schedule } from './schedule.js';
import { articlePage, boardPage, notFoundPage, searchPage } from './pages.js';
import { searchDesk } from '../search.js';
import { allSavedSearches, savedSearchMatches } from '../saved-search.js';
import { ruleRoutes } from './rules-routes.js';
import { decisionRoutes } from './decision-routes.js';
import { readStateRoutes } from './read-state-routes.js';
import { jobRoutes, type FailedJobSource } from './jobs.js';
import { MAX_QUERY_LENGTH } from '../saved-search.js';
import { csrfFor, requireSameOrigin, requireToken, securityHeaders } from './security.js';

export interface EditorOptions {
  store: Store;
  token: string;
  /** Clock for usage changes, runs and the `since` filter; tests pass a fixed one. */
  now?: () => string;
  /** Sources, output and settings of runs started from the editor; decisions publish to the same output. */
  run: EditorRuns;
  runner?: Runner;
  /** Run the desk this often (schedule.every); undefined: only when an editor asks. */
  everyMs?: number;
  /** Saved searches from the config file (the editors' own are in the store). */
  searches?: readonly string[];
  /** Where failed jobs are read from (jobs.ts); undefined: the desk has no job queue. Closed with the server. */
  jobs?: FailedJobSource;
}

/**
 * Largest request body read, in bytes: a usage change with its note, a rank or a form is well under 2 KB.
 * A declared larger body is refused (413) from its Content-Length before a byte of it is read; a chunked
 * one is cut off as soon as it passes the cap.
 */
export const MAX_BODY_BYTES = 64 * 1024;
/** Longest topic query kept: a few words, not a document to tokenize on every board load. */
export const MAX_TOPIC_LENGTH = MAX_QUERY_LENGTH;

// The assets sit beside this module in src/; the compiled module in dist/src/web/ finds them three levels up.
const ASSET_DIRS = [new URL('./assets/', import.meta.url), new URL('../../../src/web/assets/', import.meta.url)];
const ASSET_TYPES: Record<string, string> = { 'editor.js': 'text/javascript; charset=utf-8', 'editor.css': 'text/css; charset=utf-8' };

function loadAssets(): Map<string, string> {
  const dir = ASSET_DIRS.find((d) => existsSync(fileURLToPath(new URL('editor.js', d))));
  if (!dir) throw new Error('web: editor assets not found (src/web/assets); reinstall newsdesk');
  return new Map(Object.keys(ASSET_TYPES).map((name) => [name, readFileSync(fileURLToPath(new URL(name, dir)), 'utf8')]));
}

/** The board's filters from the query; a bad `since` is reported (400 from the API, a notice on the page). */
function parseFilter(c: Context): { filter: BoardFilter; error?: string } {
  const usage = c.req.query('usage');
  const publisher = c.req.query('publisher');
  const topic = c.req.query('topic')?.trim().slice(0, MAX_TOPIC_LENGTH);
  const since = c.req.query('since')?.trim();
  const badSince = since && parseSince(since) === undefined;
  return {
    filter: {
      ...(usage && (USAGES as readonly string[]).includes(usage) ? { usage: usage as Usage } : {}),
      ...(publisher ? { publisher } : {}),
      ...(topic ? { topic } : {}),
      ...(since && !badSince ? { since } : {}),
    },
    ...(badSince ? { error: `since "${since}" is not a window like 24h, 3d or 1w` } : {}),
  };
}

export function createEditorApp(
  { store, token, now = () => new Date().toISOString(), run: settings, runner, searches = [], jobs }: EditorOptions,
  runs = new RunTracker(store, settings, now, runner),
  schedule?: Schedule,
): Hono {
  const app = new Hono();
  const csrf = csrfFor(token);
  const assets = loadAssets();

  app.use('*', securityHeaders());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // Close the connection: the rest of the body is not wanted, not even to be skipped over.
        c.header('Connection', 'close');
        const error = `request body over ${MAX_BODY_BYTES} bytes; refused`;
        return c.req.path.startsWith('/api/') ? c.json({ error }, 413) : c.text(error, 413);
      },
    }),
  );
  app.use('*', requireToken(token));
  app.use('*', requireSameOrigin(token));

  // Where decisions and rules publish (desk.ts, as `newsdesk mark` does): the runs' own output.
  const target: PublishTarget = { outDir: settings.outDir, options: settings.settings.publish };
  const board = async (filter: BoardFilter) => {
    const { run, entries } = await loadBoard(store);
    const built = buildBoard(entries, filter, run, now());
    // Each saved search with what it finds among the articles shown: the board flags them.
    const saved = await allSavedSearches(store, searches);
    const found = await savedSearchMatches(store, saved, built.stories.flatMap((s) => s.articles.map((a) => a.articleId)));
    return { ...built, searches: saved.map((s, i) => ({ ...(s.id !== undefined ? { id: s.id } : {}), query: s.query, articleIds: found[i]! })) };
  };
  const review = async (id: string) => {
    const found = await loadReview(store, id);
    return found ? buildArticleView(found) : undefined;
  };
  app.get('/api/session', (c) => c.json({ csrf }));
  app.get('/api/stories', async (c) => {
    const { filter, error } = parseFilter(c);
    return error ? c.json({ error }, 400) : c.json(await board(filter));
  });
  app.get('/api/runs/current', async (c) => {
    const last = await store.latestRun();
    return c.json({
      ...runs.current(),
      last: last ? { id: last.id, startedAt: last.startedAt, finishedAt: last.finishedAt ?? null } : null,
      schedule: schedule?.state() ?? null,
    });
  });
  app.post('/api/runs', (c) => {
    const started = runs.start();
    return started ? c.json(started, 202) : c.json({ error: 'a run is already under way; wait for it to finish', ...runs.current() }, 409);
  });
  app.post('/api/runs/current/cancel', (c) => {
    const outcome = runs.cancel();
    return 'state' in outcome ? c.json(outcome.state, 202) : c.json({ error: outcome.error, ...runs.current() }, 409);
  });
  app.get('/api/articles/:id', async (c) => {
    const view = await review(c.req.param('id'));
    return view ? c.json(view) : c.json({ error: `no article ${c.req.param('id')}` }, 404);
  });
  app.get('/api/articles/:id/markdown', async (c) => {
    const view = await review(c.req.param('id'));
    if (!view?.markdown) return c.json({ error: `no Markdown for article ${c.req.param('id')}` }, 404);
    c.header('Content-Disposition', `attachment; filename="${view.markdownFile}"`);
    return c.body(view.markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  });
  app.get('/', async (c) => {
    const { filter, error } = parseFilter(c);
    return c.html(await boardPage(await board(filter), filter, csrf, runs.current(), error, schedule?.state(), c.req.query('view') === 'full' ? 'full' : 'compact'));
  });
  // Without script the run button posts here; the board then shows the run's state.
  app.post('/runs', (c) => (runs.start() ? c.redirect('/', 303) : c.text('a run is already under way; wait for it to finish', 409)));
  app.post('/runs/cancel', (c) => {
    const outcome = runs.cancel();
    return 'state' in outcome ? c.redirect('/', 303) : c.text(outcome.error, 409);
  });
  app.get('/articles/:id', async (c) => {
    const view = await review(c.req.param('id'));
    return view ? c.html(await articlePage(view, csrf, now())) : c.html(await notFoundPage('No article with this id.', csrf), 404);
  });
  // Full-text search over every stored article (the search box; `/` focuses it).
  const searchQuery = (c: Context) => (c.req.query('q') ?? '').trim().slice(0, MAX_TOPIC_LENGTH);
  app.get('/api/search', async (c) => c.json({ results: await searchDesk(store, searchQuery(c)) }));
  app.get('/search', async (c) => {
    const query = searchQuery(c);
    return c.html(await searchPage(query, query ? await searchDesk(store, query) : [], csrf));
  });
  // Editors' decisions (usage, with its history, and pins): the API and the pages' forms.
  decisionRoutes(app, { store, now, target });
  // What each editor has seen of the board.
  readStateRoutes(app, { store, now });
  // Mute and boost rules and saved searches: the API, the rules page and the rule buttons' forms.
  ruleRoutes(app, { store, now, ranking: { weights: settings.settings.weights, ...settings.settings.ranking }, searches, target, csrf });
  // Jobs that failed for good, per run: the API and the page.
  jobRoutes(app, { ...(jobs ? { jobs } : {}), csrf, now });
  // Browsers ask for it on every page; an empty answer keeps their consoles quiet.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/assets/:name', (c) => {
    const name = c.req.param('name');
    const body = assets.get(name);
    return body === undefined ? c.notFound() : c.body(body, 200, { 'Content-Type': ASSET_TYPES[name]! });
  });
  app.notFound(async (c) =>
    c.req.path.startsWith('/api/') ? c.json({ error: 'no such endpoint' }, 404) : c.html(await notFoundPage('No such page.', csrf), 404),
  );
  return app;
}

export interface RunningEditor {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts listening and resolves once the socket is bound (port 0 picks a free port). */
export function startEditor(options: EditorOptions & { host: string; port: number }): Promise<RunningEditor> {
  const runs = new RunTracker(options.store, options.run, options.now ?? (() => new Date().toISOString()), options.runner);
  const schedule = options.everyMs !== undefined ? new Schedule(runs, options.everyMs) : undefined;
  const app = createEditorApp(options, runs, schedule);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      schedule?.start();
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        // A run under way finishes first: closing the store under it would leave a half-written run.
        close: async () => {
          schedule?.stop();
          await new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive sockets from a browser would hold close() open; nothing is mid-write on a local editor.
            if ('closeAllConnections' in server) server.closeAllConnections();
          });
          await runs.settled();
          await options.jobs?.close();
        },
      });
    });
    server.once('error', reject);
  });
}
