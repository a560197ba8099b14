// What every editor page shares: the frame (one script, one stylesheet, no inline code: the CSP forbids it),
// the search box, the keyboard help, and small pieces such as dates and audit badges.
import { html } from 'hono/html';
import { humanTime } from './when.js';

export type Markup = ReturnType<typeof html>;

/** The keys editor.js answers to, shown by `?` (and as a list without script). */
const KEYS: Array<[string, string]> = [
  ['j / k', 'next / previous story (on an article: next / previous article)'],
  ['Enter', 'open the story under the cursor'],
  ['e', 'expand or fold the story under the cursor'],
  ['s / b / r', 'select / background / reject the article'],
  ['x', 'select the whole story'],
  ['m', 'mark the story as seen'],
  ['u', 'undo the last change'],
  ['o', 'open the original article'],
  ['/', 'search every stored article'],
  ['?', 'show or hide this help'],
];

export function layout(title: string, csrf: string, body: Markup, query = ''): Markup {
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
<header class="top"><nav aria-label="Main"><a href="/">newsdesk board</a></nav>
<form class="search" method="get" action="/search" role="search"><label for="search" class="visually-hidden">Search every article</label><input type="search" id="search" name="q" value="${query}" maxlength="200" placeholder="Search articles ( / )"><button type="submit">Search</button></form>
<button type="button" id="help-button" aria-controls="help" aria-expanded="false">Keys ( ? )</button>
</header>
<section id="help" class="help-panel" aria-label="Keyboard shortcuts" hidden>
<h2>Keyboard shortcuts</h2>
<dl>${KEYS.map(([key, what]) => html`<dt><kbd>${key}</kbd></dt><dd>${what}</dd>`)}</dl>
</section>
<main id="main">
<p class="status" role="status" aria-live="polite" id="status"></p>
${body}
</main>
</body>
</html>`;
}

export function option(value: string, label: string, selected: boolean): Markup {
  return selected ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`;
}

export function auditStatus(flagged: number, audited: number): Markup {
  if (audited === 0) return html`<span class="audit audit-none">not audited</span>`;
  return flagged === 0
    ? html`<span class="audit audit-ok">audit ok</span>`
    : html`<span class="audit audit-flagged">${flagged} flagged</span>`;
}

/** A date as people read it ("2 h ago"), the exact time in the tooltip and the datetime attribute. */
export function when(iso: string, now: string): Markup {
  return html`<time datetime="${iso}" title="${iso}">${humanTime(iso, now)}</time>`;
}
