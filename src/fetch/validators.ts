// Validators (ETag, Last-Modified) held back until the run has stored what the responses brought. Saved at
// once, a run that failed or was cancelled after fetching would leave an ETag behind, the next run would get
// 304 for it, and the items that response carried would never be read.
import type { HttpValidators, ValidatorCache } from './options.js';

export interface DeferredValidators extends ValidatorCache {
  /** Writes the held validators to the backing cache: call once the run's articles are stored. */
  commit(): void;
}

export function deferValidators(backing: ValidatorCache): DeferredValidators {
  const held = new Map<string, HttpValidators>();
  return {
    getValidators: (url) => backing.getValidators(url),
    saveValidators: (url, validators) => void held.set(url, validators),
    commit() {
      for (const [url, validators] of held) backing.saveValidators(url, validators);
      held.clear();
    },
  };
}
