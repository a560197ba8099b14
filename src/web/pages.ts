// Server-rendered pages. Every value goes through hono's `html` template, which escapes it: titles and
// article text come from the web and are treated as hostile. No inline script or style (the CSP forbids it).
import { html } from 'hono/html';
import { USAGES, type Usage } from '../model.js';
import type { ArticleView } from './review.js';
import { safeHref } from './review.js';
import { CSRF_FIELD } from './security.js';
import { layout, option, when, type Markup } from './layout.js';
import type { SearchResult } from '../search.js';
import { plural } from './when.js';
import { articleRuleForm } from './rules-page.js';

export { boardPage, runSummary, type BoardView } from './board-page.js';

/** Usages an editor can choose; `duplicate` belongs to dedupe. */
const EDITOR_USAGES: readonly Usage[] = USAGES.filter((u) => u !== 'duplicate');

function verdictBadge(verdict: string | undefined): Markup {
  if (!verdict) return html``;
  return html`<span class="verdict verdict-${verdict}">${verdict}</span>`;
}

export function articlePage(view: ArticleView, csrf: string, now = new Date().toISOString()): Markup {
  const href = safeHref(view.url);
  // Source sentences the summary draws on are marked on the page itself, not only while a pointer is over it.
  const used = new Set(view.summary?.sentences.flatMap((s) => s.source.map((span) => span.sentence)) ?? []);
  const source = view.paragraphs.map(
    (p) => html`<p>${p.sentences.map((s) => html`<span class="src${used.has(s.index) ? ' used' : ''}" id="src-${s.index}">${s.text}</span> `)}</p>`,
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
      ? html`<ol class="changes">${events.map((e) => html`<li>${when(e.at, now)}: ${e.line}</li>`)}</ol>`
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
    html`<article class="review" data-id="${view.id}" data-usage="${view.usage ?? ''}"${href ? html` data-url="${href}"` : html``}>
<header>
  <h1>${view.title}</h1>
  <p class="meta"><span class="badge">${view.publisher}</span> ${view.publisherName}${view.byline.length ? html` · ${view.byline.join(', ')}` : html``}${
    view.published ? html` · ${when(view.published, now)}` : html``
  }${view.rank !== undefined ? html` · rank ${view.rank} (initial ${view.initialRank})${view.pinned !== undefined ? html` · pinned at #${view.pinned}` : html``}` : html``}${view.storyLabel ? html` · story: ${view.storyLabel}` : html``}</p>
  <p class="meta">Usage: <span class="usage usage-${view.usage ?? 'none'}" id="current-usage">${view.usage ?? 'unranked'}</span>${
    href ? html` · <a id="original" href="${href}" rel="noopener noreferrer nofollow">original article</a> (o)` : html``
  }</p>
  ${ruleEffects(view)}
  ${articleNav(view)}
</header>
<section class="controls" aria-labelledby="usage-h"><h2 id="usage-h" class="visually-hidden">Usage, rank and rules</h2>${usageForm}${rankForm}${articleRuleForm(view, csrf)}</section>
<div class="columns">
  <section class="summary-col" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
    <p class="help">Source sentences the summary uses are <span class="src used">marked</span>; hover or focus a summary sentence to light up its own.</p>
    ${summary}${dropped}
  </section>
  <section class="source" aria-labelledby="source-h"><h2 id="source-h">Source text</h2>${source}</section>
</div>
<section aria-labelledby="changes-h"><h2 id="changes-h">Changes</h2>${changes}</section>
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

/** What mute and boost rules did to the article's rank. */
function ruleEffects(view: ArticleView): Markup {
  if (!view.muted && !view.boosted) return html``;
  return html`<p class="meta" id="rule-effects">${view.muted ? html`<span class="rule-mark rule-muted">muted</span> by ${view.muted}: ranked after every article not muted. ` : html``}${
    view.boosted ? html`<span class="rule-mark rule-boosted">boosted</span> ${view.boosted.replace(/^boosted /, '')}.` : html``
  } <a href="/rules">Rules</a></p>`;
}

/** Previous / next article on the board (j / k on the page). */
function articleNav(view: ArticleView): Markup {
  const { previous, next } = view.neighbours ?? {};
  if (!previous && !next) return html``;
  return html`<nav class="article-nav" aria-label="Articles">${
    previous ? html`<a id="previous-article" rel="prev" href="/articles/${previous.id}">← previous</a>` : html``
  } <a href="/#story-${view.storyId ?? ''}">board</a> ${next ? html`<a id="next-article" rel="next" href="/articles/${next.id}">next →</a>` : html``}</nav>`;
}

/** Results of the search box: every stored article holding the words, with its usage and a snippet. */
export function searchPage(query: string, results: SearchResult[], csrf: string): Markup {
  const list = results.map(
    (r) => html`<li class="result" data-id="${r.id}"><a class="entry-link" href="/articles/${r.id}">${r.title}</a>
  <span class="badge">${r.publisher}</span> <span class="usage usage-${r.usage ?? 'none'}">${r.usage ?? 'unranked'}</span>
  <p class="summary">${r.snippet}</p></li>`,
  );
  return layout(
    query ? `Search: ${query}` : 'Search',
    csrf,
    html`<h1>Search</h1>
${query
  ? html`<p class="meta" id="result-count">${plural(results.length, 'article')} ${results.length === 1 ? 'holds' : 'hold'} every word of “${query}”</p>`
  : html`<p class="meta">Type words into the box above (press <kbd>/</kbd>): every stored article is searched, titles first.</p>`}
${results.length > 0 ? html`<ol class="results">${list}</ol>` : html``}`,
    query,
  );
}
