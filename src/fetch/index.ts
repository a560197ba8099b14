// The fetch stage: polite, safe HTTP for feeds and article pages.
export { createFetcher, type Fetcher, type FetchedDocument, type FetchRequest } from './client.js';
export { FetchError, type FetchErrorKind } from './errors.js';
export { DEFAULT_FETCH_OPTIONS, type FetchOptions, type HttpValidators, type ValidatorCache } from './options.js';
export { isPrivateAddress } from './address.js';
export { deferValidators, type DeferredValidators } from './validators.js';
export { remoteSource, retryNotBefore, type FetchStateStore } from './remote.js';
