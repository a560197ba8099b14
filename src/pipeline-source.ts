// One input of a queued run, done by whichever worker takes its `source` job: the input read into the run's
// stage as an in-process run reads all of its inputs (stageInputs: ingest, polite fetching with the desk's
// shared per-host politeness, a 304 feed's stored articles kept, each batch summarized, audited and staged).
// It is idempotent: staging keeps the first row per article, so a job done again (its worker died) adds
// nothing. The validators and freshness holds the fetches brought are not saved here but returned, as plain
// JSON kept with the job: the run's commit saves them with the articles they vouch for.
import type { SourceOutcome } from './model.js';
import type { SourceContext, SourceJob } from './queue/kinds/index.js';
import { stageInputs } from './pipeline-batch.js';

/** Thrown when the worker stops while the job's model requests are in flight; the job goes back to the queue. */
class SourceStopped extends Error {
  constructor(input: string) {
    super(`source job: the worker stopped while summarizing ${input}; the job goes back to the queue`);
    this.name = 'SourceStopped';
  }
}

export async function stageSource({ runId, input }: SourceJob, { store, settings, signal }: SourceContext): Promise<SourceOutcome & { [key: string]: unknown }> {
  // One article per id within the input, as in a run; across inputs, the stage keeps the first staged.
  const seen = new Set<string>();
  const staged = await stageInputs(runId, [input], settings, store, {
    hooks: { cancelled: () => signal.aborted, signal, onCancel: () => new SourceStopped(input) },
    staged: (id) => seen.has(id),
    onStaged: (fresh) => fresh.forEach((article) => seen.add(article.id)),
  });
  return {
    articles: seen.size,
    failures: staged.failures,
    notices: staged.notices,
    validators: Object.fromEntries(staged.validators),
    freshness: Object.fromEntries(staged.freshness),
    fetches: staged.fetches,
  };
}
