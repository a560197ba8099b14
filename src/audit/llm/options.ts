// Every knob of the model-backed audit check, with the reason for its default. The API key is not one
// of them: it comes only from the environment (NEWSDESK_LLM_API_KEY), never from a file or a flag.

export interface LlmAuditOptions {
  /** Base URL of an OpenAI-compatible server ("http://localhost:11434/v1"); /chat/completions is appended. */
  url: string;
  /** Model name the server knows. */
  model: string;
  /** Longest one request may take, answer included. */
  timeoutMs: number;
  /** Extra attempts after a 429, a 5xx or a network error. */
  retries: number;
  backoffBaseMs: number;
  /** A Retry-After longer than this is not waited for: the check fails and says when to come back. */
  maxRetryAfterMs: number;
  /** Sentences checked at once. */
  concurrency: number;
  /** Longest answer asked for: a verdict, a sentence number, a span and one sentence of reason. */
  maxTokens: number;
}

export const DEFAULT_LLM_AUDIT_OPTIONS: Omit<LlmAuditOptions, 'url' | 'model'> = {
  // 60 s: a small local model on a laptop CPU reads a 1,000-word article and answers in tens of seconds.
  timeoutMs: 60_000,
  // Two retries ride out a restarting server or a short rate limit without stalling an audit for long.
  retries: 2,
  backoffBaseMs: 500,
  // Hosted APIs ask for up to a minute when rate limiting; longer means come back later.
  maxRetryAfterMs: 60_000,
  // Four requests at once keep a hosted API busy without tripping per-minute limits on small plans.
  concurrency: 4,
  maxTokens: 300,
};

/** How the numeric options are bounded, for the config's checks: whole numbers; these at least 1. */
export const LLM_AUDIT_NUMBER_BOUNDS = {
  positive: ['timeoutMs', 'concurrency', 'maxTokens'],
  fractional: [],
} as const satisfies Record<'positive' | 'fractional', readonly (keyof typeof DEFAULT_LLM_AUDIT_OPTIONS)[]>;

/** The environment variable holding the API key, sent as a bearer token and never logged. */
export const API_KEY_ENV = 'NEWSDESK_LLM_API_KEY';
