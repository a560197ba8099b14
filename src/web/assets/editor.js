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

// Board: j/k move between entries, s/b/r set usage through the same API the rest of the editor uses.
function entries() {
  return Array.from(document.querySelectorAll('.entry'));
}

function currentEntry() {
  const active = document.activeElement;
  return active ? active.closest('.entry') : null;
}

function move(step) {
  const list = entries();
  if (list.length === 0) return;
  const index = list.indexOf(currentEntry());
  const next = index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + step));
  for (const entry of list) entry.classList.remove('current');
  list[next].classList.add('current');
  list[next].querySelector('.entry-link').focus();
}

async function setUsage(entry, usage) {
  const response = await fetch(`/api/articles/${encodeURIComponent(entry.dataset.id)}/usage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
    body: JSON.stringify({ usage, note: 'keyboard shortcut on the board' }),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    say(`Could not change usage (${response.status}).`);
    return;
  }
  entry.dataset.usage = usage;
  const label = entry.querySelector('[data-role="usage"]');
  if (label) {
    label.textContent = usage;
    label.className = `usage usage-${usage}`;
  }
  say(`${entry.querySelector('.entry-link').textContent}: ${usage}`);
}

function wireBoard() {
  if (entries().length === 0) return;
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && target.closest && target.closest('input, select, textarea, button')) return;
    if (event.key === 'j') move(1);
    else if (event.key === 'k') move(-1);
    else if (USAGE_KEYS[event.key]) {
      const entry = currentEntry();
      if (entry) setUsage(entry, USAGE_KEYS[event.key]);
      else say('Move to a story with j or k first.');
    } else return;
    event.preventDefault();
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

wireSummary();
wireBoard();
wireRun();
