// The bundled briefing templates (Eta syntax: `<%= %>` escapes, `<%~ %>` does not, `it` is the
// BriefingView). Raw output only ever holds it.md(…) (escaped link text), it.href(a.url) (http(s) only, checked in
// view.ts, with what would end a Markdown link encoded) and a.file (a slug path). Kept as strings so the compiled package needs no asset files; a user's template file
// (config publish.templates.html / .markdown) replaces them. The Markdown template leaves one blank line between
// stories, so that tidying it (briefing.ts) finds nothing to collapse and copies nothing.

/** What the bundled Markdown template writes before its stories, for each story (`story`), and after them. */
const MARKDOWN_HEAD = `# Briefing
`;
const MARKDOWN_STORY = `
## <%= story.number %>. <%~ it.md(story.label) %><%= story.selected ? ' (selected)' : '' %>

Publishers: <%= story.publishers.join(', ') %>

<%= story.summary %>

<% story.articles.forEach((a, i) => { -%>
<%= story.articles.length > 1 ? (i + 1) + '.' : '-' %> <%~ a.url ? '[' + it.md(a.title) + '](' + it.href(a.url) + ')' : it.md(a.title) %> (<%= a.publisherName %>, rank <%= a.rank %>)<%~ a.file ? ' [file](' + a.file + ')' : '' %>
<% }) -%>
`;
const MARKDOWN_FOOT = `
`;

export const MARKDOWN_TEMPLATE = `${MARKDOWN_HEAD}<% for (const story of it.stories) { %>${MARKDOWN_STORY}<% } %>${MARKDOWN_FOOT}`;

/** The bundled HTML template's parts, as for Markdown. Its `%>` eats the newline after it (autoTrim 'nl'). */
const HTML_HEAD = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %></title>
<style>
  :root { color-scheme: light dark; }
  body { font: 17px/1.55 Georgia, "Times New Roman", serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }
  header p, .meta, footer { font: 14px/1.4 system-ui, sans-serif; color: #666; }
  h1 { font-size: 1.8rem; margin-bottom: .2rem; }
  h2 { font-size: 1.25rem; margin: 2rem 0 .3rem; }
  .selected { font: 12px system-ui, sans-serif; background: #1a7f37; color: #fff; padding: 1px 6px; border-radius: 3px; vertical-align: middle; }
  ul { padding-left: 1.2rem; }
  a { color: #0b57d0; }
  article { break-inside: avoid; }
  @media print { body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; } a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; color: #555; } }
</style>
</head>
<body>
<header>
<h1><%= it.title %></h1>
<p><%= it.stories.length %> <%= it.stories.length === 1 ? 'story' : 'stories' %> · news up to <time datetime="<%= it.asOf %>"><%= it.asOf %></time></p>
</header>
<main>
`;
const HTML_STORY = `<article id="story-<%= story.id %>">
<h2><%= story.number %>. <%= story.label %><% if (story.selected) { %> <span class="selected">selected</span><% } %></h2>
<p class="meta"><%= story.publishers.join(' · ') %></p>
<p><%= story.summary %></p>
<ol>
<% for (const a of story.articles) { %>
<li><% if (a.url) { %><a href="<%= a.url %>"><%= a.title %></a><% } else { %><%= a.title %><% } %> <span class="meta">(<%= a.publisherName %>, rank <%= a.rank %>)</span></li>
<% } %>
</ol>
</article>
`;
const HTML_FOOT = `</main>
<footer><p>Summaries are sentences taken verbatim from each article.</p></footer>
</body>
</html>
`;

export const HTML_TEMPLATE = `${HTML_HEAD}<% for (const story of it.stories) { %>\n${HTML_STORY}<% } %>\n${HTML_FOOT}`;

/**
 * A bundled template in three parts, so that a briefing of thousands of stories is rendered and written a
 * story at a time (briefing.ts): `head` and `foot` see the whole view as `it`, `story` sees it with one story
 * as `it.story`. Put together around the loop over `it.stories`, they are the template users are given.
 */
export interface TemplateParts {
  head: string;
  story: string;
  foot: string;
}

export const MARKDOWN_PARTS: TemplateParts = { head: MARKDOWN_HEAD, story: `<% const story = it.story %>${MARKDOWN_STORY}`, foot: MARKDOWN_FOOT };
export const HTML_PARTS: TemplateParts = { head: HTML_HEAD, story: `<% const story = it.story %>${HTML_STORY}`, foot: HTML_FOOT };
