// Fetch failures carry a kind, so callers can tell "retry later" from "never fetch this".

export type FetchErrorKind =
  | 'scheme'
  | 'private-address'
  | 'too-large'
  | 'timeout'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'http'
  | 'network'
  | 'backed-off'
  | 'robots';

export class FetchError extends Error {
  /** From a Retry-After header on a 429 or 503. */
  retryAfterMs: number | undefined;

  constructor(
    readonly kind: FetchErrorKind,
    readonly reason: string,
    readonly status?: number,
  ) {
    super(`fetch: ${reason}`);
    this.name = 'FetchError';
  }
}

/** Kinds worth another attempt: the server or the network may do better in a moment. */
export function isRetryable(error: FetchError): boolean {
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return error.kind === 'http' && error.status !== undefined && (error.status >= 500 || error.status === 429);
}
