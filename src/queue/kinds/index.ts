// The job kinds a worker knows, by name: a table, so that a kind is added in one place.
import type { RunSettings } from '../../config.js';
import type { Fetcher } from '../../fetch/index.js';
import type { JobRecord } from '../../model.js';
import type { Store } from '../../store/index.js';
import type { JobKind } from '../worker.js';
import { FETCH_KIND, fetchKind } from './fetch.js';
import { SOURCE_KIND, sourceKind, type SourceStage } from './source.js';

export { FETCH_KIND, fetchJob } from './fetch.js';
export { SOURCE_KIND, sourceJob, sourceKind, type SourceContext, type SourceJob, type SourceStage } from './source.js';

export interface KindContext {
  store: Store;
  fetcher: Fetcher;
  settings: RunSettings;
  /** The pipeline's per-source stage; without it the worker takes no `source` jobs. */
  sourceStage?: SourceStage;
}

export function jobKinds({ store, fetcher, settings, sourceStage }: KindContext): Record<string, JobKind> {
  return {
    [FETCH_KIND]: fetchKind(fetcher, store),
    ...(sourceStage ? { [SOURCE_KIND]: sourceKind(sourceStage, { store, settings }) } : {}),
  };
}

/** The field of a job's data that says what it is about, per kind: a source job's input, a fetch job's URL. */
const SUBJECT_FIELDS: Readonly<Record<string, string>> = { [SOURCE_KIND]: 'input', [FETCH_KIND]: 'url' };

/** What a job is about, as a person knows it (the source or URL); its key for a kind that names none. */
export function jobSubject(job: Pick<JobRecord, 'kind' | 'key' | 'data'>): string {
  const field = SUBJECT_FIELDS[job.kind];
  const value = field === undefined ? undefined : job.data[field];
  return typeof value === 'string' ? value : job.key;
}
