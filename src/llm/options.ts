// The model backend's settings, as the config holds them (config key `llm`). The API key is not here: it
// comes only from the environment (NEWSDESK_LLM_API_KEY), so it can never be written to a config file,
// a log, an error or run.json.

export interface LlmOptions {
  /** Base URL of an OpenAI-compatible API, up to and including `/v1` (chat/completions is appended). */
  url?: string;
  /** Model name sent with every request. */
  model?: string;
  /** Low: a summary should restate, not invent. */
  temperature: number;
  /** Most tokens one answer may use. */
  maxTokens: number;
  /** Longest one request may take, headers and body included. */
  timeoutMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Retries after 429, 5xx and network errors. */
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this is not waited for: the request fails and the article falls back. */
  maxRetryAfterMs: number;
  /** Most tokens (prompt + completion, as the server reports them) one run may spend; 0: no limit. */
  tokenBudget: number;
  /** Prices for the cost estimate, per million tokens, in the user's currency. */
  inputPricePerMillion: number;
  outputPricePerMillion: number;
  /** Ask for `response_format: {type: "json_object"}`; servers that refuse it are asked again without. */
  jsonMode: boolean;
  /** Reach a model server on a loopback or private address (the fetch stage's guard; see README). */
  allowPrivate: boolean;
}

/**
 * temperature 0.2: near-deterministic restatement. 700 tokens: five short sentences with citations and
 * room for a model that thinks aloud first. 60 s: a local 8B model on a CPU answers a 1,000-word article
 * in 20–40 s. 2 in flight: what a single local GPU serves without queueing; raise it for hosted APIs.
 * 200,000 tokens: about 100 articles of 1,000 words, a day's desk; prices 0 (local servers are free).
 */
export const DEFAULT_LLM_OPTIONS: Readonly<LlmOptions> = {
  temperature: 0.2,
  maxTokens: 700,
  timeoutMs: 60_000,
  concurrency: 2,
  retries: 2,
  backoffBaseMs: 1_000,
  backoffMaxMs: 16_000,
  maxRetryAfterMs: 60_000,
  tokenBudget: 200_000,
  inputPricePerMillion: 0,
  outputPricePerMillion: 0,
  jsonMode: true,
  allowPrivate: false,
};

/**
 * How the numeric options are bounded, for the config's checks: whole numbers but for the temperature and
 * the prices; a request needs room for at least one token, time to answer and one request at a time.
 */
export const LLM_NUMBER_BOUNDS = {
  positive: ['maxTokens', 'timeoutMs', 'concurrency'],
  fractional: ['temperature', 'inputPricePerMillion', 'outputPricePerMillion'],
} as const satisfies Record<'positive' | 'fractional', readonly (keyof LlmOptions)[]>;

/** The environment variable the API key is read from, and the only place it comes from. */
export const API_KEY_ENV = 'NEWSDESK_LLM_API_KEY';
