// The failed-jobs page (`/jobs`): per run, each job that failed for good with its kind, its source or URL,
// its attempts, its last error and when it failed; or, on a desk without a queue, why there is nothing to list.
// Sources and errors come from the web and from other machines: every value goes through hono's escaping.
import { html } from 'hono/html';
import type { FailedJobsView, FailedJobView } from './jobs.js';
import { layout, when, type Markup } from './layout.js';
import { safeHref } from './review.js';
import { plural } from './when.js';

function jobItem(job: FailedJobView, now: string): Markup {
  const href = safeHref(job.source);
  return html`<li class="job" data-job="${job.id}">
  <p class="job-head"><span class="badge job-kind">${job.kind}</span> ${
    href ? html`<a class="job-source" href="${href}" rel="noopener noreferrer nofollow">${job.source}</a>` : html`<span class="job-source">${job.source}</span>`
  }</p>
  <p class="meta"><span class="job-attempts">${job.attempts} of ${job.maxAttempts} attempts</span>${job.failedAt ? html` · failed ${when(job.failedAt, now)}` : html``}</p>
  <p class="job-error">${job.lastError ?? 'no error was recorded'}</p>
</li>`;
}

function runSection(group: FailedJobsView['runs'][number], now: string): Markup {
  const title = group.run === null ? 'Jobs of no run' : `Run ${group.run}`;
  const id = `run-${group.run ?? 'none'}`;
  return html`<section class="job-run" data-run="${group.run ?? ''}" aria-labelledby="${id}">
<h2 id="${id}">${group.run === null ? title : html`<a href="/jobs?run=${group.run}">${title}</a>`} <span class="meta">${plural(group.jobs.length, 'failed job')}</span></h2>
<ol class="jobs">${group.jobs.map((job) => jobItem(job, now))}</ol>
</section>`;
}

export function failedJobsPage(view: FailedJobsView, csrf: string, now: string, runId?: number, error?: string): Markup {
  const body = error
    ? html`<p class="error" role="alert">${error}</p>`
    : view.queue === null
      ? html`<p id="no-queue">${view.note ?? 'This desk has no job queue.'}</p>`
      : view.runs.length === 0
        ? html`<p id="no-failed-jobs">No failed jobs${runId !== undefined ? html` in run ${runId}` : html``}.</p>`
        : html`${view.runs.map((group) => runSection(group, now))}`;
  return layout(
    'Failed jobs',
    csrf,
    html`<h1>Failed jobs${runId !== undefined ? html` of run ${runId}` : html``}</h1>
${view.queue !== null ? html`<p class="help" id="jobs-from">Jobs that failed for good, newest first, from ${view.queue}. A run reports each of its sources whose job failed as a failed input and commits the rest; the next run reads that source again. On a PostgreSQL desk <code>newsdesk jobs --failed</code> lists the same.</p>` : html``}
${runId !== undefined ? html`<p><a href="/jobs">Every run's failed jobs</a></p>` : html``}
${body}`,
  );
}
