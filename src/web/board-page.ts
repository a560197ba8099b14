// The board: one line per story (rank, title, publishers, usage, audit) that expands on demand, copies folded
// under their original. Works without script (forms post, `?view=full` shows everything); editor.js adds keys.
import { html } from 'hono/html';
import { USAGES, type Usage } from '../model.js';
import type { Board, BoardFilter, BoardSearch, BoardStory } from './review.js';
import { foldCopies, safeHref } from './review.js';
import type { BoardEntry } from './views.js';
import type { RunState } from './runs.js';
import type { ScheduleState } from './schedule.js';
import { formatDuration } from '../duration.js';
import { CSRF_FIELD } from './security.js';
import { auditStatus, layout, option, when, type Markup } from './layout.js';
import { plural, sameDay } from './when.js';
import { ruleMarks, savedSearchBar, searchFlags, storyRuleActions } from './rules-page.js';

/** Windows offered for `since`; the field takes any other like `36h` too. */
const SINCE_CHOICES = ['6h', '24h', '3d', '7d'];

/** How the board is laid out: one line per story (default) or every article with its summary. */
export type BoardView = 'compact' | 'full';

/** One line on the editor-started run: what it is doing, or what it found. editor.js writes the same words. */
export function runSummary(run: RunState): string {
  if (run.status === 'running') {
    const line = run.progress ? `Run in progress: ${run.progress.stage} ${run.progress.done}/${run.progress.total}` : 'Run in progress: starting';
    return run.cancelling ? `${line} (cancelling)` : line;
  }
  if (run.status === 'failed') return `Run failed: ${run.error ?? 'unknown error'}`;
  if (run.status === 'cancelled') return `Run cancelled: ${run.error ?? 'stopped on request'}`;
  if (run.status === 'finished' && run.result) {
    const r = run.result;
    return `Run ${r.runId} finished: ${r.articles} articles, ${r.stories} stories, ${r.duplicates} duplicates, ${r.failures} failed sources`;
  }
  return '';
}

function runPanel(run: RunState, csrf: string, now: string, schedule?: ScheduleState): Markup {
  const running = run.status === 'running';
  const next = schedule ? html`<p class="meta" id="schedule">Runs every ${formatDuration(schedule.everyMs)}; next run ${when(schedule.next, now)}</p>` : html``;
  return html`<form class="run-form" method="post" action="/runs" aria-labelledby="run-button">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  <button type="submit" id="run-button"${running ? html` disabled` : html``}>Run now on the configured sources</button>
  <button type="submit" id="cancel-button" formaction="/runs/cancel"${running && !run.cancelling ? html`` : html` hidden`}>Cancel the run</button>
  <progress id="run-progress" max="${run.progress?.total || 1}" value="${running ? (run.progress?.done ?? 0) : 0}"${running ? html`` : html` hidden`}>${running ? 'running' : ''}</progress>
  <span id="run-status" role="status" aria-live="polite" data-status="${run.status}">${runSummary(run)}</span>
</form>${next}`;
}

/** Usages a whole story can be given from the board. */
const STORY_USAGES: readonly Usage[] = ['selected', 'background', 'rejected', 'candidate'];
const STORY_BUTTON: Record<string, string> = { selected: 'select story', background: 'background story', rejected: 'reject story', candidate: 'reset story' };

/** Buttons that set the usage of every original article of a story (they work without script too). */
function storyActions(storyId: string, csrf: string): Markup {
  return html`<form class="story-actions" method="post" action="/stories/${storyId}/usage" data-story="${storyId}">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  ${STORY_USAGES.map((u) => html`<button type="submit" name="usage" value="${u}">${STORY_BUTTON[u]}</button> `)}
</form>`;
}

/** Buttons for one article (touch screens have no keys); they post the article page's own form without script. */
const ENTRY_USAGES: Array<[Usage, string]> = [
  ['selected', 'select'],
  ['background', 'background'],
  ['rejected', 'reject'],
];

function entryActions(e: BoardEntry, csrf: string): Markup {
  if (e.usage === 'duplicate') return html``;
  return html`<form class="entry-actions" method="post" action="/articles/${e.articleId}/usage" data-id="${e.articleId}" aria-label="Usage of this article">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  ${ENTRY_USAGES.map(([u, label]) => html`<button type="submit" name="usage" value="${u}">${label}</button> `)}
</form>`;
}

/** Attributes editor.js reads: the article, its usage and (when it is a web address) the original. */
function entryData(e: BoardEntry): Markup {
  const href = safeHref(e.url);
  return html`data-id="${e.articleId}" data-usage="${e.usage}"${href ? html` data-url="${href}"` : html``}`;
}

function usageLabel(e: BoardEntry): Markup {
  return html`<span class="usage usage-${e.usage}" data-role="usage">${e.usage}</span>`;
}

function entryCard(e: BoardEntry, copies: BoardEntry[], now: string, csrf: string): Markup {
  const date = e.published ?? e.firstSeen;
  return html`<li class="entry" ${entryData(e)}>
    <h3><span class="rank">${e.rank}.</span> <a class="entry-link" href="/articles/${e.articleId}">${e.title}</a>${
      e.pinned !== undefined ? html` <span class="pin" title="pinned by an editor">pinned</span>` : html``
    }</h3>
    <p class="meta"><span class="badge">${e.publisher}</span> ${usageLabel(e)} ${ruleMarks(e)}${auditStatus(e.flagged, e.audited)}${date ? html` · ${when(date, now)}` : html``}</p>
    <p class="summary">${e.summary}</p>
    ${entryActions(e, csrf)}
    ${copies.length > 0
      ? html`<ol class="copies" aria-label="Copies">${copies.map(
          (c) => html`<li class="entry copy" ${entryData(c)}><a class="entry-link" href="/articles/${c.articleId}">${c.title}</a> <span class="badge">${c.publisher}</span> ${usageLabel(c)}</li>`,
        )}</ol>`
      : html``}
  </li>`;
}

function storyBlock(story: BoardStory, view: BoardView, csrf: string, now: string, searches: BoardSearch[]): Markup {
  const folded = foldCopies(story);
  const lead = folded[0];
  if (!lead) return html``;
  const { entry } = lead;
  const more = story.articles.length - 1;
  const expanded = view === 'full';
  const date = entry.published ?? entry.firstSeen;
  return html`<section class="story" id="story-${story.id}" data-story="${story.id}" aria-labelledby="title-${story.id}">
  <div class="story-row entry lead" ${entryData(entry)}>
    <span class="rank">#${story.rank}</span>
    <a class="entry-link" id="title-${story.id}" href="/articles/${entry.articleId}">${entry.title}</a>${
      entry.pinned !== undefined ? html` <span class="pin" title="pinned by an editor">pinned</span>` : html``
    }
    <span class="row-meta"><span class="badges" title="${story.publishers.join(', ')}">${story.publishers.map((p) => html`<span class="badge">${p}</span> `)}</span>
    ${usageLabel(entry)} ${ruleMarks(entry)}${searchFlags(story, searches)}${auditStatus(entry.flagged, entry.audited)}${date ? html` ${when(date, now)}` : html``}
    <button type="button" class="expand" aria-expanded="${expanded ? 'true' : 'false'}" aria-controls="more-${story.id}" title="Show the summary, every article and the story's buttons (e)">${
      more > 0 ? `+${more}` : 'more'
    }</button></span>
  </div>
  <div class="story-more" id="more-${story.id}"${expanded ? html`` : html` hidden`}>
    ${story.label && story.label !== entry.title ? html`<p class="meta">Story: ${story.label}</p>` : html``}
    <p class="summary">${entry.summary}</p>
    ${entryActions(entry, csrf)}
    ${story.id ? storyActions(story.id, csrf) : html``}
    ${storyRuleActions(story, entry.publisher, csrf)}
    ${lead.copies.length > 0
      ? html`<ol class="copies" aria-label="Copies">${lead.copies.map(
          (c) => html`<li class="entry copy" ${entryData(c)}><a class="entry-link" href="/articles/${c.articleId}">${c.title}</a> <span class="badge">${c.publisher}</span> ${usageLabel(c)}</li>`,
        )}</ol>`
      : html``}
    ${folded.length > 1 ? html`<ol class="entries">${folded.slice(1).map((f) => entryCard(f.entry, f.copies, now, csrf))}</ol>` : html``}
  </div>
</section>`;
}

function heading(board: Board, now: string): Markup {
  if (board.newest && sameDay(board.newest, now)) return html`<h1>Today's stories</h1>`;
  return html`<h1>Stories</h1>${board.newest ? html`<p class="meta" id="news-age">News up to ${when(board.newest, now)}</p>` : html``}`;
}

export function boardPage(
  board: Board,
  filter: BoardFilter,
  csrf: string,
  run: RunState = { status: 'idle', stages: [] },
  error?: string,
  schedule?: ScheduleState,
  view: BoardView = 'compact',
): Markup {
  const now = board.now ?? new Date().toISOString();
  const filters = html`<form class="filters" method="get" action="/">
  <label>Usage <select name="usage">${option('', 'all', !filter.usage)}${USAGES.map((u) => option(u, u, filter.usage === u))}</select></label>
  <label>Publisher <select name="publisher">${option('', 'all', !filter.publisher)}${board.publishers.map((p) => option(p, p, filter.publisher === p))}</select></label>
  <label>Topic <input type="search" name="topic" value="${filter.topic ?? ''}" maxlength="200" placeholder="words in title or summary"></label>
  <label>Since <input type="text" name="since" value="${filter.since ?? ''}" list="since-choices" size="6" placeholder="24h, 7d"></label>
  <datalist id="since-choices">${SINCE_CHOICES.map((w) => html`<option value="${w}"></option>`)}</datalist>
  ${view === 'full' ? html`<input type="hidden" name="view" value="full">` : html``}
  <button type="submit">Filter</button>
</form>`;
  const articles = board.stories.reduce((n, s) => n + s.articles.length, 0);
  const toggle = new URLSearchParams({
    ...(filter.usage ? { usage: filter.usage } : {}),
    ...(filter.publisher ? { publisher: filter.publisher } : {}),
    ...(filter.topic ? { topic: filter.topic } : {}),
    ...(filter.since ? { since: filter.since } : {}),
    ...(view === 'compact' ? { view: 'full' } : {}),
  }).toString();
  const empty = board.runId === undefined ? html`<p>No run yet: run <code>newsdesk run</code> first.</p>` : html`<p>No stories match these filters.</p>`;
  return layout(
    'Board',
    csrf,
    html`${heading(board, now)}
${board.runId !== undefined ? html`<p class="meta" id="board-run">From run ${board.runId}, ${when(board.generatedAt ?? now, now)}</p>` : html``}
${runPanel(run, csrf, now, schedule)}
${filters}
${error ? html`<p class="error" role="alert">${error}; showing every date.</p>` : html``}
<p class="board-bar"><span id="board-count">${plural(board.stories.length, 'story', 'stories')}, ${plural(articles, 'article')}</span><span id="unread" hidden></span> <button type="button" id="mark-seen" hidden>Mark all as seen</button> · <a id="view-toggle" href="/${toggle ? `?${toggle}` : ''}">${
      view === 'compact' ? 'Show every article and summary' : 'One line per story'
    }</a> · <a id="rules-link" href="/rules">Rules and saved searches</a> · <a id="jobs-link" href="/jobs">Failed jobs</a> · <span class="help">Press <kbd>?</kbd> for keys</span></p>
${savedSearchBar(board.searches ?? [])}
<div class="board board-${view}">${board.stories.length > 0 ? board.stories.map((s) => storyBlock(s, view, csrf, now, board.searches ?? [])) : empty}</div>`,
  );
}
