// What can go wrong talking to a model server. Messages name the server and what to do; they never hold
// the API key (the client redacts it from anything a server echoes back).

export type LlmErrorKind =
  /** Connection refused, DNS, reset: the server is not there. */
  | 'unreachable'
  /** A 4xx/5xx answer that retries did not fix. */
  | 'http'
  /** No complete answer within llm.timeoutMs. */
  | 'timeout'
  /** The run's token budget is spent. */
  | 'budget'
  /** The run was cancelled. */
  | 'cancelled'
  /** An answer that is not a chat completion. */
  | 'bad-response'
  /** The URL is refused (scheme, or a private address without --allow-private). */
  | 'refused';

export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    /** The HTTP status of the last answer, for kind 'http'. */
    readonly status?: number,
  ) {
    super(`llm: ${message}`);
    this.name = 'LlmError';
  }
}

/** Worth trying again after a pause. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
