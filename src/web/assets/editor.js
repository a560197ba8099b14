// The editor's only script, served from /assets (the CSP allows no inline script). Progressive: every page
// works without it; it adds provenance highlighting and the board's keyboard shortcuts.
'use strict';

/** How often the board asks how a run is going: often enough to see stages move, cheap for the server. */
const RUN_POLL_MS = 400;

/** Board keys that set the current entry's usage. */
const USAGE_KEYS = { s: 'selected', b: 'background', r: 'rejected' };

function csrfToken() {
  const meta = document.querySelector('meta[name="csrf-token"]');
  return meta ? meta.getAttribute('content') : '';
}

function say(message) {
  const status = document.getElementById('status');
  if (status) status.textContent = message;
}

// Article view: a summary sentence under the pointer or focus lights up the source sentences it cites.
function highlightSources(sentence, on) {
  const ids = (sentence.dataset.sources || '').split(' ').filter(Boolean);
  ids.forEach((id, i) => {
    const source = document.getElementById(id);
    if (!source) return;
    source.classList.toggle('hl', on);
    if (on && i === 0 && sentence === document.activeElement) source.scrollIntoView({ block: 'nearest' });
  });
  sentence.classList.toggle('active', on);
}

function wireSummary() {
  for (const sentence of document.querySelectorAll('.sum')) {
    sentence.addEventListener('mouseenter', () => highlightSources(sentence, true));
    sentence.addEventListener('mouseleave', () => highlightSources(sentence, false));
    sentence.addEventListener('focus', () => highlightSources(sentence, true));
    sentence.addEventListener('blur', () => highlightSources(sentence, false));
  }
}

// Board: j/k move between the visible entries (one line per story until a story is expanded); s/b/r set
// usage, x selects the whole story, u undoes, e expands, o opens the original; all through the same API.
function entries() {
  return Array.from(document.querySelectorAll('.board .entry')).filter((e) => e.getClientRects().length > 0);
}

function currentEntry() {
  const active = document.activeElement;
  const focused = active ? active.closest('.entry') : null;
  return focused || document.querySelector('.entry.current');
}

function move(step) {
  const list = entries();
  if (list.length === 0) return;
  const index = list.indexOf(currentEntry());
  const next = index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step));
  for (const entry of document.querySelectorAll('.entry.current')) entry.classList.remove('current');
  list[next].classList.add('current');
  list[next].querySelector('.entry-link').focus();
}

/** Changes that `u` takes back, newest last: each a list of [article id, usage before]. */
const undoStack = [];

function postJson(url, body) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
}

/** Shows a new usage wherever the article appears on the page. */
function showUsage(articleId, usage) {
  for (const entry of document.querySelectorAll(`[data-id="${CSS.escape(articleId)}"]`)) {
    entry.dataset.usage = usage;
    const label = entry.querySelector('[data-role="usage"]');
    if (label && label.closest('[data-id]') === entry) {
      label.textContent = usage;
      label.className = `usage usage-${usage}`;
    }
  }
  const current = document.getElementById('current-usage');
  const review = document.querySelector('article.review');
  if (current && review && review.dataset.id === articleId) {
    current.textContent = usage;
    current.className = `usage usage-${usage}`;
    const select = document.getElementById('usage-select');
    if (select) select.value = usage;
  }
}

async function setUsage(articleId, title, usage, note = 'keyboard shortcut') {
  const response = await postJson(`/api/articles/${encodeURIComponent(articleId)}/usage`, { usage, note });
  if (!response.ok) {
    say(`Could not change usage (${response.status}).`);
    return undefined;
  }
  const change = await response.json();
  showUsage(articleId, usage);
  say(`${title}: ${usage}. Press u to undo.`);
  return change;
}

async function setStoryUsage(storyId, usage) {
  const response = await postJson(`/api/stories/${encodeURIComponent(storyId)}/usage`, { usage, note: 'story decision on the board' });
  if (!response.ok) {
    say(`Could not change the story (${response.status}).`);
    return;
  }
  const { changes } = await response.json();
  for (const change of changes) showUsage(change.articleId, change.usage);
  undoStack.push(changes.map((c) => [c.articleId, c.previous || 'candidate']));
  say(`Story: ${changes.length} article${changes.length === 1 ? '' : 's'} ${usage}. Press u to undo.`);
}

async function undo() {
  const last = undoStack.pop();
  if (!last) {
    say('Nothing to undo.');
    return;
  }
  for (const [articleId, previous] of last) {
    const response = await postJson(`/api/articles/${encodeURIComponent(articleId)}/usage`, { usage: previous, note: 'undo' });
    if (!response.ok) {
      say(`Could not undo (${response.status}).`);
      return;
    }
    showUsage(articleId, previous);
  }
  say(`Undone: back to ${last.map((l) => l[1]).join(', ')}.`);
}

function titleOf(entry) {
  const link = entry.querySelector('.entry-link') || entry.querySelector('h1');
  return link ? link.textContent : entry.dataset.id;
}

async function decide(entry, usage) {
  const before = entry.dataset.usage || 'candidate';
  const change = await setUsage(entry.dataset.id, titleOf(entry), usage);
  if (change) undoStack.push([[entry.dataset.id, change.previous || before]]);
}

function toggleStory(story, open) {
  const button = story.querySelector('.expand');
  const more = story.querySelector('.story-more');
  if (!button || !more) return;
  const show = open === undefined ? more.hidden : open;
  more.hidden = !show;
  button.setAttribute('aria-expanded', show ? 'true' : 'false');
}

function openOriginal(entry) {
  if (entry && entry.dataset.url) window.open(entry.dataset.url, '_blank', 'noopener,noreferrer');
  else say('No original address for this article.');
}

function toggleHelp(show) {
  const help = document.getElementById('help');
  const button = document.getElementById('help-button');
  if (!help) return;
  help.hidden = show === undefined ? !help.hidden : !show;
  if (button) button.setAttribute('aria-expanded', help.hidden ? 'false' : 'true');
}

function wireCommon() {
  const helpButton = document.getElementById('help-button');
  if (helpButton) helpButton.addEventListener('click', () => toggleHelp());
  // Dates read "2 h ago"; the tooltip adds the reader's own local time to the exact time.
  for (const time of document.querySelectorAll('time[datetime]')) {
    const at = new Date(time.getAttribute('datetime'));
    if (!Number.isNaN(at.getTime())) time.title = `${at.toLocaleString()} (${time.getAttribute('datetime')})`;
  }
}

function onKey(handler) {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && target.closest && target.closest('input, select, textarea')) {
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (event.key === '/') {
      const search = document.getElementById('search');
      if (search) search.focus();
    } else if (event.key === '?') toggleHelp();
    else if (event.key === 'Escape') toggleHelp(false);
    else if (event.key === 'u') undo();
    else if (!handler(event.key)) return;
    event.preventDefault();
  });
}

function wireBoard() {
  if (!document.querySelector('.board')) return;
  for (const story of document.querySelectorAll('.story')) {
    const button = story.querySelector('.expand');
    if (button) button.addEventListener('click', () => toggleStory(story));
  }
  // Story buttons go through the API so that they can be undone and the board keeps its place.
  for (const form of document.querySelectorAll('.story-actions')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const usage = event.submitter ? event.submitter.value : 'selected';
      setStoryUsage(form.dataset.story, usage);
    });
  }
  // Article buttons likewise; the entry they belong to is the one with the same id on the board.
  for (const form of document.querySelectorAll('.entry-actions')) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const entry = document.querySelector(`.board .entry[data-id="${CSS.escape(form.dataset.id)}"]`);
      if (entry && event.submitter) decide(entry, event.submitter.value);
    });
  }
  onKey((key) => {
    if (key === 'j') move(1);
    else if (key === 'k') move(-1);
    else {
      const entry = currentEntry();
      if (!entry) {
        if (!'sbrxeom'.includes(key)) return false;
        say('Move to a story with j or k first.');
        return true;
      }
      const story = entry.closest('.story');
      if (USAGE_KEYS[key]) decide(entry, USAGE_KEYS[key]);
      else if (key === 'x' && story) setStoryUsage(story.dataset.story, 'selected');
      else if (key === 'e' && story) toggleStory(story);
      else if (key === 'o') openOriginal(entry);
      else if (key === 'm' && story) seeEntries(Array.from(story.querySelectorAll('.entry')));
      else return false;
    }
    return true;
  });
}

// Read state: the browser names its editor in a cookie; the board marks what this editor has not seen yet.
const EDITOR_COOKIE = 'newsdesk_editor';
/** A year: the id outlives sessions, so "new since your last visit" means something. */
const EDITOR_COOKIE_SECONDS = 365 * 24 * 3600;

function editorId() {
  const match = new RegExp(`(?:^|; )${EDITOR_COOKIE}=([A-Za-z0-9_-]{8,64})`).exec(document.cookie);
  if (match) return match[1];
  const id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
  document.cookie = `${EDITOR_COOKIE}=${id}; path=/; max-age=${EDITOR_COOKIE_SECONDS}; SameSite=Strict`;
  return id;
}

async function markSeen(ids) {
  if (ids.length === 0) return true;
  const response = await postJson('/api/read-state', { articleIds: ids });
  if (!response.ok) say(`Could not mark as seen (${response.status}).`);
  return response.ok;
}

function showUnread() {
  const unseen = document.querySelectorAll('.board .entry.unseen').length;
  const count = document.getElementById('unread');
  const button = document.getElementById('mark-seen');
  if (count) {
    count.hidden = false;
    count.textContent = ` · ${unseen} new`;
    count.dataset.count = String(unseen);
  }
  if (button) button.hidden = unseen === 0;
}

function setSeen(entry) {
  entry.classList.remove('unseen');
  const mark = entry.querySelector(':scope > .new-mark, :scope > h3 > .new-mark');
  if (mark) mark.remove();
}

// Saved searches: a flag on a story is new while any article it found there is unseen; the bar above the
// board counts each search's unseen matches.
function showSearchMatches() {
  const unseen = new Set(Array.from(document.querySelectorAll('.board .entry.unseen'), (e) => e.dataset.id));
  const fresh = (el) => (el.dataset.articles || '').split(' ').filter((id) => unseen.has(id));
  for (const flag of document.querySelectorAll('.search-flag')) flag.classList.toggle('new', fresh(flag).length > 0);
  for (const search of document.querySelectorAll('.saved-searches li[data-search]')) {
    const count = search.querySelector('.new-count');
    const n = fresh(search).length;
    count.hidden = n === 0;
    count.textContent = `${n} new`;
    count.dataset.count = String(n);
  }
}

async function seeEntries(entries) {
  if (await markSeen(entries.map((e) => e.dataset.id))) {
    entries.forEach(setSeen);
    showUnread();
    showSearchMatches();
  }
}

async function wireReadState() {
  editorId();
  const review = document.querySelector('article.review');
  if (review) {
    await markSeen([review.dataset.id]);
    return;
  }
  if (!document.querySelector('.board')) return;
  const response = await fetch('/api/read-state', { credentials: 'same-origin' });
  if (!response.ok) return;
  const { unseen } = await response.json();
  const fresh = new Set(unseen);
  for (const entry of document.querySelectorAll('.board .entry')) {
    if (!fresh.has(entry.dataset.id)) continue;
    entry.classList.add('unseen');
    const mark = document.createElement('span');
    mark.className = 'new-mark';
    mark.textContent = 'new';
    const link = entry.querySelector('.entry-link');
    link.parentNode.insertBefore(mark, link);
  }
  showUnread();
  showSearchMatches();
  const button = document.getElementById('mark-seen');
  if (button) button.addEventListener('click', () => seeEntries(Array.from(document.querySelectorAll('.board .entry.unseen'))));
}

// Article page: s/b/r set usage, o opens the original, j/k go to the next / previous article on the board.
function wireArticle() {
  const review = document.querySelector('article.review');
  if (!review) return;
  onKey((key) => {
    if (USAGE_KEYS[key] && review.dataset.usage !== undefined && review.dataset.usage !== '') decide(review, USAGE_KEYS[key]);
    else if (key === 'o') openOriginal(review);
    else if (key === 'j' || key === 'k') {
      const link = document.getElementById(key === 'j' ? 'next-article' : 'previous-article');
      if (link) window.location.href = link.href;
      else say(key === 'j' ? 'This is the last article.' : 'This is the first article.');
    } else return false;
    return true;
  });
}

// Board: the run button starts a run through the API, shows the pipeline's progress, and reloads the board
// when the run is done. The same words as the server-rendered line (pages.ts runSummary).
function runSummary(run) {
  if (run.status === 'running') {
    const line = run.progress ? `Run in progress: ${run.progress.stage} ${run.progress.done}/${run.progress.total}` : 'Run in progress: starting';
    return run.cancelling ? `${line} (cancelling)` : line;
  }
  if (run.status === 'failed') return `Run failed: ${run.error || 'unknown error'}`;
  if (run.status === 'cancelled') return `Run cancelled: ${run.error || 'stopped on request'}`;
  if (run.status === 'finished' && run.result) {
    const r = run.result;
    return `Run ${r.runId} finished: ${r.articles} articles, ${r.stories} stories, ${r.duplicates} duplicates, ${r.failures} failed sources`;
  }
  return '';
}

function showRun(run) {
  const status = document.getElementById('run-status');
  const bar = document.getElementById('run-progress');
  const button = document.getElementById('run-button');
  const cancel = document.getElementById('cancel-button');
  status.textContent = runSummary(run);
  status.dataset.status = run.status;
  button.disabled = run.status === 'running';
  cancel.hidden = run.status !== 'running' || Boolean(run.cancelling);
  bar.hidden = run.status !== 'running';
  if (run.progress) {
    bar.max = Math.max(1, run.progress.total);
    bar.value = run.progress.done;
  }
}

async function watchRun() {
  const response = await fetch('/api/runs/current', { credentials: 'same-origin' });
  if (!response.ok) {
    say(`Could not read the run's progress (${response.status}).`);
    return;
  }
  const run = await response.json();
  showRun(run);
  if (run.status === 'running') setTimeout(watchRun, RUN_POLL_MS);
  // The board page shows the finished run's line again after the reload.
  else if (run.status === 'finished') window.location.reload();
}

function wireRun() {
  const form = document.querySelector('.run-form');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (event.submitter && event.submitter.id === 'cancel-button') {
      const response = await fetch('/api/runs/current/cancel', {
        method: 'POST',
        headers: { 'X-CSRF-Token': csrfToken() },
        credentials: 'same-origin',
      });
      const run = await response.json();
      if (!response.ok) say(`Could not cancel the run: ${run.error || response.status}`);
      showRun(run);
      return;
    }
    const response = await fetch('/api/runs', {
      method: 'POST',
      headers: { 'X-CSRF-Token': csrfToken() },
      credentials: 'same-origin',
    });
    const run = await response.json();
    if (response.status === 409) say('A run is already under way.');
    else if (!response.ok) {
      say(`Could not start a run (${response.status}): ${run.error || ''}`);
      return;
    }
    showRun(run);
    setTimeout(watchRun, RUN_POLL_MS);
  });
  const status = document.getElementById('run-status');
  if (status && status.dataset.status === 'running') setTimeout(watchRun, RUN_POLL_MS);
}

wireCommon();
wireSummary();
wireBoard();
wireArticle();
wireRun();
wireReadState();
