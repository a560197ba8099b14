// The job kinds a worker knows, by name: a table, so that a kind is added in one place.
import type { RunSettings } from '../../config.js';
import type { Fetcher } from '../../fetch/index.js';
import type { Store } from '../../store/index.js';
import type { JobKind } from '../worker.js';
import { FETCH_KIND, fetchKind } from './fetch.js';
import { SOURCE_KIND, sourceKind, type SourceStage } from './source.js';

export { FETCH_KIND, fetchJob } from './fetch.js';
export { SOURCE_KIND, sourceJob, type SourceContext, type SourceJob, type SourceStage } from './source.js';

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
