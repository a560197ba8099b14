// Validators (ETag, Last-Modified) held back until the run commits what the responses brought. Saved at
// once, a run that failed or was cancelled after fetching would leave an ETag behind, the next run would get
// 304 for it, and the items that response carried would never be read.
import type { HttpValidators, ValidatorCache } from './options.js';

export interface DeferredValidators extends ValidatorCache {
  /** The validators held so far, for the run to commit with its articles. */
  held(): Map<string, HttpValidators>;
}

export function deferValidators(backing: Pick<ValidatorCache, 'getValidators'>): DeferredValidators {
  const held = new Map<string, HttpValidators>();
  return {
    getValidators: (url) => backing.getValidators(url),
    saveValidators: async (url, validators) => void held.set(url, validators),
    held: () => new Map(held),
  };
}
