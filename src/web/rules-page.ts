// Rules and saved searches in the editor: the page that lists and changes them (`/rules`), and the pieces the
// board and the article page show: what a rule did to an article, quick rule buttons, saved-search flags.
// Every form posts without script; the server answers with a redirect back to where the editor was.
import { html } from 'hono/html';
import { RULE_FIELDS, type Rule, type SavedSearch } from '../model.js';
import { describeRule, MAX_RULE_VALUE_LENGTH } from '../rank/rules.js';
import { MAX_QUERY_LENGTH } from '../saved-search.js';
import { CSRF_FIELD } from './security.js';
import { layout, when, type Markup } from './layout.js';
import type { BoardSearch, BoardStory } from './review.js';
import { plural } from './when.js';

/** What the rules page shows. */
export interface RulesView {
  runId?: number;
  /** The config's rules, then the store's, each with the articles of the latest run it matches. */
  rules: Array<Rule & { matches: number }>;
  searches: Array<SavedSearch & { matches: number }>;
  /** Publishers of the latest run: suggestions for a publisher rule. */
  publishers: string[];
  now: string;
}

/** What a rule did to an article, as short marks with the reason in the tooltip. */
export function ruleMarks(entry: { muted?: string; boosted?: string }): Markup {
  return html`${entry.muted ? html`<span class="rule-mark rule-muted" title="muted by ${entry.muted}">muted</span> ` : html``}${
    entry.boosted ? html`<span class="rule-mark rule-boosted" title="${entry.boosted}">boosted</span> ` : html``
  }`;
}

/** The rule buttons of a story on the board: mute or boost the story, mute the lead's publisher. */
export function storyRuleActions(story: BoardStory, publisher: string, csrf: string): Markup {
  const choices: Array<[label: string, rule: string]> = [
    ...(story.id
      ? ([
          ['mute story', `mute story ${story.id}`],
          ['boost story', `boost story ${story.id}`],
        ] as Array<[string, string]>)
      : []),
    [`mute ${publisher}`, `mute publisher ${publisher}`],
  ];
  return html`<form class="rule-actions" method="post" action="/rules" aria-label="Rules for this story">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}"><input type="hidden" name="return" value="/#story-${story.id}">
  ${choices.map(([label, rule]) => html`<button type="submit" name="rule" value="${rule}">${label}</button> `)}
</form>`;
}

/** The article page's rule form: mute or boost its publisher, its story or a name of its byline. */
export function articleRuleForm(view: { id: string; publisher: string; byline: string[]; storyId?: string }, csrf: string): Markup {
  const targets = [`publisher ${view.publisher}`, ...(view.storyId ? [`story ${view.storyId}`] : []), ...view.byline.slice(0, 4).map((name) => `author ${name}`)];
  const choices = targets.flatMap((t) => [`mute ${t}`, `boost ${t}`]);
  return html`<form class="rule-form" method="post" action="/rules">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}"><input type="hidden" name="return" value="/articles/${view.id}">
  <label>Rule <select name="rule" id="rule-select">${choices.map((c) => html`<option value="${c}">${c}</option>`)}</select></label>
  <button type="submit">Add rule</button> <a href="/rules">all rules</a>
</form>`;
}

/** Saved-search flags on a story's line: which searches find any of its articles (editor.js marks new ones). */
export function searchFlags(story: BoardStory, searches: BoardSearch[]): Markup {
  const ids = new Set(story.articles.map((a) => a.articleId));
  return html`${searches.map((search, i) => {
    const found = search.articleIds.filter((id) => ids.has(id));
    return found.length > 0
      ? html`<span class="search-flag" data-search="${i}" data-articles="${found.join(' ')}" title="found by the saved search “${search.query}”">${search.query}</span> `
      : html``;
  })}`;
}

/** The board's line of saved searches: what each finds on the board, and (editor.js) how much of it is new. */
export function savedSearchBar(searches: BoardSearch[]): Markup {
  if (searches.length === 0) return html``;
  return html`<ul class="saved-searches" aria-label="Saved searches">${searches.map(
    (s, i) => html`<li data-search="${i}" data-articles="${s.articleIds.join(' ')}"><a href="/search?q=${encodeURIComponent(s.query)}">${s.query}</a>
  <span class="match-count">${plural(s.articleIds.length, 'match', 'matches')}</span><span class="new-count" hidden></span></li>`,
  )}<li><a href="/rules">rules and searches</a></li></ul>`;
}

function removeButton(action: string, label: string, csrf: string): Markup {
  return html`<form class="remove-form" method="post" action="${action}"><input type="hidden" name="${CSRF_FIELD}" value="${csrf}"><button type="submit">${label}</button></form>`;
}

function ruleItem(rule: RulesView['rules'][number], now: string, csrf: string): Markup {
  const from = rule.id === undefined ? html`from the config file` : html`added ${rule.createdAt ? when(rule.createdAt, now) : html``}`;
  return html`<li class="rule" data-rule="${rule.id ?? 'config'}"><span class="rule-text"><span class="rule-action rule-${rule.action}">${rule.action}</span> ${describeRule(rule).slice(rule.action.length + 1)}</span>
  <span class="meta">${plural(rule.matches, 'article')} · ${from}${rule.note ? html` · ${rule.note}` : html``}</span>
  ${rule.id !== undefined ? removeButton(`/rules/${rule.id}/delete`, 'Remove', csrf) : html``}</li>`;
}

function searchItem(search: RulesView['searches'][number], csrf: string): Markup {
  return html`<li class="saved" data-search-id="${search.id ?? 'config'}"><a href="/search?q=${encodeURIComponent(search.query)}">${search.query}</a>
  <span class="meta">${plural(search.matches, 'match', 'matches')} on the board${search.id === undefined ? ' · from the config file' : ''}</span>
  ${search.id !== undefined ? removeButton(`/searches/${search.id}/delete`, 'Remove', csrf) : html``}</li>`;
}

export function rulesPage(view: RulesView, csrf: string, error?: string): Markup {
  const option = (value: string) => html`<option value="${value}">${value}</option>`;
  return layout(
    'Rules',
    csrf,
    html`<h1>Rules and saved searches</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : html``}
<section aria-labelledby="rules-h"><h2 id="rules-h">Mute and boost</h2>
<p class="help">A muted article ranks after every article not muted; a boosted one gains the boost component in its score. A change ranks ${
      view.runId !== undefined ? `run ${view.runId}` : 'the latest run'
    } again and publishes it at once; <code>newsdesk rank --explain</code> says which rule moved what.</p>
${view.rules.length > 0 ? html`<ul class="rule-list">${view.rules.map((r) => ruleItem(r, view.now, csrf))}</ul>` : html`<p id="no-rules">No rules yet.</p>`}
<form class="rule-form" method="post" action="/rules">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  <label>Action <select name="action" id="rule-action">${option('mute')}${option('boost')}</select></label>
  <label>Match <select name="field" id="rule-field">${RULE_FIELDS.map(option)}</select></label>
  <label>Value <input type="text" name="value" id="rule-value" required maxlength="${MAX_RULE_VALUE_LENGTH}" list="rule-publishers" placeholder="a word, publisher, name or story id"></label>
  <datalist id="rule-publishers">${view.publishers.map((p) => html`<option value="${p}"></option>`)}</datalist>
  <label>Note <input type="text" name="note" id="rule-note" maxlength="500"></label>
  <button type="submit">Add rule</button>
</form>
</section>
<section aria-labelledby="searches-h"><h2 id="searches-h">Saved searches</h2>
<p class="help">The board flags the stories a saved search finds, and marks the matches you have not seen yet.</p>
${view.searches.length > 0 ? html`<ul class="saved-list">${view.searches.map((s) => searchItem(s, csrf))}</ul>` : html`<p id="no-searches">No saved searches yet.</p>`}
<form class="search-form" method="post" action="/searches">
  <input type="hidden" name="${CSRF_FIELD}" value="${csrf}">
  <label>Words <input type="text" name="query" id="saved-query" required maxlength="${MAX_QUERY_LENGTH}" placeholder="dam spillway"></label>
  <button type="submit">Save search</button>
</form>
</section>`,
  );
}
