// Server-rendered pages. Every value goes through hono's `html` template, which escapes it: titles and
// article text come from the web and are treated as hostile. No inline script or style (the CSP forbids it).
import { html } from 'hono/html';
import { USAGES, type Usage } from '../model.js';
import type { ArticleView, Board, BoardFilter } from './review.js';
import { safeHref } from './review.js';
import type { RunState } from './runs.js';
import type { ScheduleState } from './schedule.js';
import { formatDuration } from '../duration.js';
import { CSRF_FIELD } from './security.js';

type Markup = ReturnType<typeof html>;

/** Usages an editor can choose; `duplicate` belongs to dedupe. */
const EDITOR_USAGES: readonly Usage[] = USAGES.filter((u) => u !== 'duplicate');

function layout(title: string, csrf: string, body: Markup): Markup {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${csrf}">
<title>${title} · newsdesk</title>
<link rel="stylesheet" href="/assets/editor.css">
<script src="/assets/editor.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top"><nav aria-label="Main"><a href="/">newsdesk board</a></nav></header>
<main id="main">
${body}
</main>
</body>
</html>`;
}

function option(value: string, label: string, selected: boolean): Markup {
  return selected ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`;
}

function auditStatus(flagged: number, audited: number): Markup {
  if (audited === 0) return html`<span class="audit audit-none">not audited</span>`;
  return flagged === 0
    ? html`<span class="audit audit-ok">audit ok</span>`
    : html`<span class="audit audit-flagged">${flagged} flagged</span>`;
}

/** Windows offered for `since`; the field takes any other like `36h` too. */
const SINCE_CHOICES = ['6h', '24h', '3d', '7d'];

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

function runPanel(run: RunState, csrf: string, schedule?: ScheduleState): Markup {
  const running = run.status === 'running';
  const next = schedule
    ? html`<p class="meta" id="schedule">Runs every ${formatDuration(schedule.everyMs)}; next run <time datetime="${schedule.next}">${schedule.next}</time></p>`
    : html``;
  return html`<form class="run-form" method="post" action="/runs" aria-labelledby="run-button">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  <button type="submit" id="run-button"${running ? html` disabled` : html``}>Run now on the configured sources</button>
  <button type="submit" id="cancel-button" formaction="/runs/cancel"${running && !run.cancelling ? html`` : html` hidden`}>Cancel the run</button>
  <progress id="run-progress" max="${run.progress?.total || 1}" value="${running ? (run.progress?.done ?? 0) : 0}"${running ? html`` : html` hidden`}>${running ? 'running' : ''}</progress>
  <span id="run-status" role="status" aria-live="polite" data-status="${run.status}">${runSummary(run)}</span>
</form>${next}`;
}

export function boardPage(
  board: Board,
  filter: BoardFilter,
  csrf: string,
  run: RunState = { status: 'idle', stages: [] },
  error?: string,
  schedule?: ScheduleState,
): Markup {
  const filters = html`<form class="filters" method="get" action="/" role="search">
  <label>Usage <select name="usage">${option('', 'all', !filter.usage)}${USAGES.map((u) => option(u, u, filter.usage === u))}</select></label>
  <label>Publisher <select name="publisher">${option('', 'all', !filter.publisher)}${board.publishers.map((p) => option(p, p, filter.publisher === p))}</select></label>
  <label>Topic <input type="search" name="topic" value="${filter.topic ?? ''}" maxlength="200" placeholder="words in title or summary"></label>
  <label>Since <input type="text" name="since" value="${filter.since ?? ''}" list="since-choices" size="6" placeholder="24h, 7d"></label>
  <datalist id="since-choices">${SINCE_CHOICES.map((w) => html`<option value="${w}"></option>`)}</datalist>
  <button type="submit">Filter</button>
</form>`;
  const stories = board.stories.map(
    (story) => html`<section class="story" aria-labelledby="story-${story.id}">
  <h2 id="story-${story.id}"><span class="rank">#${story.rank}</span> ${story.label || 'Untitled story'}</h2>
  <p class="badges">${story.publishers.map((p) => html`<span class="badge">${p}</span> `)}</p>
  ${story.id ? storyActions(story.id, csrf) : html``}
  <ol class="entries">${story.articles.map(
    (e) => html`<li class="entry" data-id="${e.articleId}" data-usage="${e.usage}">
    <h3><span class="rank">${e.rank}.</span> <a class="entry-link" href="/articles/${e.articleId}">${e.title}</a>${
      e.pinned !== undefined ? html` <span class="pin" title="pinned by an editor">pinned</span>` : html``
    }</h3>
    <p class="meta"><span class="badge">${e.publisher}</span> <span class="usage usage-${e.usage}" data-role="usage">${e.usage}</span> ${auditStatus(e.flagged, e.audited)}</p>
    <p class="summary">${e.summary}</p>
  </li>`,
  )}</ol>
</section>`,
  );
  const empty = board.runId === undefined ? html`<p>No run yet: run <code>newsdesk run</code> first.</p>` : html`<p>No stories match these filters.</p>`;
  return layout(
    'Board',
    csrf,
    html`<h1>Today's stories</h1>
${board.runId !== undefined ? html`<p class="meta" id="board-run">From run ${board.runId} of <time datetime="${board.generatedAt}">${board.generatedAt}</time></p>` : html``}
${runPanel(run, csrf, schedule)}
${filters}
${error ? html`<p class="error" role="alert">${error}; showing every date.</p>` : html``}
<p class="help" id="shortcuts">Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open, <kbd>s</kbd> select, <kbd>b</kbd> background, <kbd>r</kbd> reject.</p>
<p class="status" role="status" aria-live="polite" id="status"></p>
${board.stories.length > 0 ? stories : empty}`,
  );
}

/** Usages a whole story can be given from the board. */
const STORY_USAGES: readonly Usage[] = ['selected', 'background', 'rejected', 'candidate'];

/** Buttons that set the usage of every original article of a story (they work without script too). */
function storyActions(storyId: string, csrf: string): Markup {
  return html`<form class="story-actions" method="post" action="/stories/${storyId}/usage">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  ${STORY_USAGES.map((u) => html`<button type="submit" name="usage" value="${u}">${u === 'candidate' ? 'reset story' : `${u === 'selected' ? 'select' : u === 'rejected' ? 'reject' : u} story`}</button> `)}
</form>`;
}

function verdictBadge(verdict: string | undefined): Markup {
  if (!verdict) return html``;
  return html`<span class="verdict verdict-${verdict}">${verdict}</span>`;
}

export function articlePage(view: ArticleView, csrf: string): Markup {
  const href = safeHref(view.url);
  const source = view.paragraphs.map(
    (p) => html`<p>${p.sentences.map((s) => html`<span class="src" id="src-${s.index}">${s.text}</span> `)}</p>`,
  );
  const summary = view.summary
    ? html`<p class="summary-text">${view.summary.sentences.map(
        (s, i) => html`<span class="sum${s.verdict && s.verdict !== 'supported' ? ' sum-flagged' : ''}" id="sum-${i}" tabindex="0"
  data-sources="${s.source.map((span) => `src-${span.sentence}`).join(' ')}">${s.text}</span>${verdictBadge(s.verdict === 'supported' ? undefined : s.verdict)}${s.findings.map(
          (f) => html`<span class="finding">${f.kind}: ${f.detail}</span>`,
        )} `,
      )}</p>`
    : html`<p>No summary stored for this article.</p>`;
  const dropped =
    view.dropped.length > 0
      ? html`<h3>Dropped by the audit</h3><ul class="dropped">${view.dropped.map(
          (s) => html`<li>${verdictBadge(s.verdict)} ${s.text} ${s.findings.map((f) => html`<span class="finding">${f.kind}: ${f.detail}</span>`)}</li>`,
        )}</ul>`
      : html``;
  // Usage changes and rank moves in one list, oldest first (ISO times sort as text).
  const events = [
    ...view.changes.map((c) => ({ at: c.at, line: html`${c.previous ?? 'unranked'} → ${c.usage}${c.note ? html` (${c.note})` : html``}` })),
    ...view.rankChanges.map((r) => ({
      at: r.at,
      line: r.rank === undefined ? html`unpinned (was #${r.previous}) in run ${r.runId}` : html`pinned at #${r.rank} (was #${r.previous}) in run ${r.runId}`,
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const changes =
    events.length > 0
      ? html`<ol class="changes">${events.map((e) => html`<li><time datetime="${e.at}">${e.at}</time>: ${e.line}</li>`)}</ol>`
      : html`<p>No changes yet.</p>`;
  const usageForm = view.usage
    ? html`<form class="usage-form" method="post" action="/articles/${view.id}/usage">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  <label>Usage <select name="usage" id="usage-select">${EDITOR_USAGES.map((u) => option(u, u, view.usage === u))}</select></label>
  <label>Note <input type="text" name="note" id="usage-note" maxlength="500"></label>
  <button type="submit">Save usage</button>
</form>`
    : html`<p>This article has not been ranked.</p>`;
  const rankForm =
    view.rank !== undefined
      ? html`<form class="rank-form" method="post" action="/articles/${view.id}/rank">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  <label>Pin at rank <input type="number" name="rank" id="rank-input" min="1" step="1" value="${view.rank}"></label>
  <button type="submit">Pin</button>
  ${view.pinned !== undefined ? html`<button type="submit" name="unpin" value="1" id="unpin">Unpin</button>` : html``}
</form>
<p class="help">A pinned article keeps its place in later runs until it is unpinned.</p>`
      : html``;
  return layout(
    view.title,
    csrf,
    html`<article class="review" data-id="${view.id}">
<header>
  <h1>${view.title}</h1>
  <p class="meta"><span class="badge">${view.publisher}</span> ${view.publisherName}${view.byline.length ? html` · ${view.byline.join(', ')}` : html``}${
    view.published ? html` · <time datetime="${view.published}">${view.published}</time>` : html``
  }${view.rank !== undefined ? html` · rank ${view.rank} (initial ${view.initialRank})${view.pinned !== undefined ? html` · pinned at #${view.pinned}` : html``}` : html``}${view.storyLabel ? html` · story: ${view.storyLabel}` : html``}</p>
  <p class="meta">Usage: <span class="usage usage-${view.usage ?? 'none'}" id="current-usage">${view.usage ?? 'unranked'}</span>${
    href ? html` · <a href="${href}" rel="noopener noreferrer nofollow">original article</a>` : html``
  }</p>
</header>
<div class="columns">
  <section class="source" aria-labelledby="source-h"><h2 id="source-h">Source text</h2>${source}</section>
  <section class="summary-col" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
    <p class="help">Hover or focus a summary sentence to highlight where it comes from.</p>
    ${summary}${dropped}
  </section>
</div>
<section aria-labelledby="usage-h"><h2 id="usage-h">Usage and rank</h2>${usageForm}${rankForm}${changes}</section>
<section aria-labelledby="md-h"><h2 id="md-h">Markdown</h2>${
      view.markdown
        ? html`<p><a href="/api/articles/${view.id}/markdown" download="${view.markdownFile}">Download ${view.markdownFile}</a></p><pre class="markdown">${view.markdown}</pre>`
        : html`<p>No Markdown: the article has no summary or ranking yet.</p>`
    }</section>
</article>`,
  );
}

export function notFoundPage(what: string, csrf: string): Markup {
  return layout('Not found', csrf, html`<h1>Not found</h1><p>${what}</p><p><a href="/">Back to the board</a></p>`);
}
