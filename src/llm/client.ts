// A small client for OpenAI-compatible chat completions (hosted APIs, vLLM, llama.cpp's server, Ollama's
// /v1). Our own on undici rather than the `openai` package: undici is already the fetch stage's client, so
// the model server gets the same private-address guard; and the few things a desk needs (Retry-After with
// a ceiling, a per-run token budget, servers that stream or ignore response_format) are each a few lines
// here but options to fight in a general SDK.
import { Agent, fetch as undiciFetch } from 'undici';
import { assertPublicLiteral, guardedLookup } from '../fetch/address.js';
import { backoffMs, retryAfterMs } from '../fetch/retry.js';
import { readCompletion, readStream, type ChatAnswer, type Usage } from './answer.js';
import { isRetryableStatus, LlmError } from './errors.js';
import { createLimiter } from './limiter.js';
import type { LlmOptions } from './options.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Ask for a JSON object (when the server supports response_format). */
  json?: boolean;
}

/** What the client has spent in this run. */
export interface LlmSpending {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** From the per-token prices in config; 0 when they are not set. */
  cost: number;
}

export interface ChatClient {
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatAnswer>;
  spending(): LlmSpending;
  close(): Promise<void>;
}

export interface ClientSetup {
  /** From NEWSDESK_LLM_API_KEY; sent as a Bearer token, never printed. */
  apiKey?: string;
  /** The run's cancellation: aborts requests in flight and waits between retries. */
  signal?: AbortSignal;
  /** Tokens the run spent through an earlier client: the budget (llm.tokenBudget) is the run's, not the client's. */
  spentBefore?: number;
}

/** Longest answer body read: a summary is a few hundred tokens; anything far larger is a broken server. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
/** Characters of a server's error body quoted in an error: enough to show its reason. */
const ERROR_BODY_CHARS = 200;

export function createChatClient(options: LlmOptions, setup: ClientSetup = {}): ChatClient {
  const { url: base, model } = options;
  if (!base || !model) throw new LlmError('refused', 'a model backend needs llm.url and llm.model (or --llm-url and --llm-model)');
  const endpoint = completionsUrl(base, options.allowPrivate);
  const agent = new Agent({ connect: options.allowPrivate ? {} : { lookup: guardedLookup } });
  const limit = createLimiter(options.concurrency);
  const spent: LlmSpending = { requests: 0, promptTokens: 0, completionTokens: 0, cost: 0 };
  let jsonSupported = options.jsonMode;
  const redact = (text: string): string => (setup.apiKey ? text.split(setup.apiKey).join('[key]') : text);

  const record = (usage: Usage | undefined): void => {
    spent.requests += 1;
    if (!usage) return;
    spent.promptTokens += usage.promptTokens;
    spent.completionTokens += usage.completionTokens;
    spent.cost = (spent.promptTokens * options.inputPricePerMillion + spent.completionTokens * options.outputPricePerMillion) / 1e6;
  };

  const attempt = async (request: ChatRequest): Promise<{ status: number; retryAfter?: string | null; answer?: ChatAnswer; error?: string }> => {
    const json = Boolean(request.json) && jsonSupported;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = setup.signal ? AbortSignal.any([setup.signal, timeout]) : timeout;
    const response = await undiciFetch(endpoint, {
      method: 'POST',
      dispatcher: agent,
      signal,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(setup.apiKey ? { authorization: `Bearer ${setup.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model,
        messages: request.messages,
        temperature: options.temperature,
        max_tokens: options.maxTokens,
        stream: false,
        ...(json ? { response_format: { type: 'json_object' } } : {}),
      }),
    });
    const body = await readCapped(response.body, MAX_ANSWER_BYTES);
    if (!response.ok) {
      // A server that does not know response_format says so with a 400/422: ask again without it.
      if (json && (response.status === 400 || response.status === 422) && /response_format|json/i.test(body)) {
        jsonSupported = false;
        return attempt(request);
      }
      return { status: response.status, retryAfter: response.headers.get('retry-after'), error: body.slice(0, ERROR_BODY_CHARS) };
    }
    const streamed = /text\/event-stream/i.test(response.headers.get('content-type') ?? '') || /^\s*data:/.test(body);
    const answer = streamed ? readStream(body) : readCompletion(body);
    return { status: response.status, ...(answer ? { answer } : { error: `not a chat completion: ${body.slice(0, ERROR_BODY_CHARS)}` }) };
  };

  const complete = async (request: ChatRequest): Promise<ChatAnswer> => {
    for (let retry = 0; ; retry++) {
      if (setup.signal?.aborted) throw new LlmError('cancelled', 'the run was cancelled');
      if (options.tokenBudget > 0 && (setup.spentBefore ?? 0) + spent.promptTokens + spent.completionTokens >= options.tokenBudget) {
        throw new LlmError('budget', `the run's token budget (${options.tokenBudget}, llm.tokenBudget) is spent; raise it or summarize fewer articles`);
      }
      let outcome;
      try {
        outcome = await attempt(request);
      } catch (error) {
        if (setup.signal?.aborted) throw new LlmError('cancelled', 'the run was cancelled');
        const timedOut = (error as Error).name === 'TimeoutError';
        const refused = (error as { kind?: string; cause?: { kind?: string } }).cause?.kind === 'private-address';
        if (refused) throw new LlmError('refused', `${endpoint} is a private or local address; pass --allow-private (or set llm.allowPrivate) for a model server on this machine or the LAN`);
        if (retry < options.retries && !timedOut) {
          await pause(backoffMs(retry, options.backoffBaseMs, options.backoffMaxMs), setup.signal);
          continue;
        }
        if (timedOut) throw new LlmError('timeout', `${endpoint} gave no complete answer within ${options.timeoutMs} ms (llm.timeoutMs)`);
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new LlmError('unreachable', `cannot reach ${endpoint} (${redact(cause?.code ?? cause?.message ?? (error as Error).message)}); is the model server running?`);
      }
      if (outcome.answer) {
        record(outcome.answer.usage);
        return outcome.answer;
      }
      if (isRetryableStatus(outcome.status) && retry < options.retries) {
        const asked = retryAfterMs(outcome.retryAfter);
        if (asked !== undefined && asked > options.maxRetryAfterMs) {
          throw new LlmError('http', `${endpoint} answered ${outcome.status} and asks to wait ${Math.ceil(asked / 1000)} s, more than llm.maxRetryAfterMs`, outcome.status);
        }
        await pause(asked ?? backoffMs(retry, options.backoffBaseMs, options.backoffMaxMs), setup.signal);
        continue;
      }
      const kind = outcome.status >= 200 && outcome.status < 300 ? 'bad-response' : 'http';
      throw new LlmError(kind, `${endpoint} answered ${outcome.status}: ${redact(outcome.error ?? '')}`.trim(), outcome.status);
    }
  };

  return {
    model,
    complete: (request) => limit(() => complete(request)),
    spending: () => ({ ...spent }),
    close: () => agent.close(),
  };
}

/** `<base>/chat/completions`, checked: http(s) only, and a private address only when allowed. */
function completionsUrl(base: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(`${base.replace(/\/+$/, '')}/chat/completions`);
  } catch {
    throw new LlmError('refused', `"${base}" is not a URL; give the server's base URL, e.g. http://localhost:11434/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LlmError('refused', `${base}: only http and https model servers are supported`);
  if (url.username || url.password) throw new LlmError('refused', `${url.host}: put the API key in NEWSDESK_LLM_API_KEY, not in the URL`);
  if (!allowPrivate) {
    try {
      assertPublicLiteral(url);
    } catch {
      throw new LlmError('refused', `${url.origin} is a private or local address; pass --allow-private (or set llm.allowPrivate) for a model server on this machine or the LAN`);
    }
  }
  return url.toString();
}

async function readCapped(body: AsyncIterable<Uint8Array> | null, cap: number): Promise<string> {
  if (!body) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > cap) throw new LlmError('bad-response', `answer larger than ${cap} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Waits `ms`, or less when the run is cancelled meanwhile. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('cancelled', 'the run was cancelled'));
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', done);
      clearTimeout(timer);
      if (signal?.aborted) reject(new LlmError('cancelled', 'the run was cancelled'));
      else resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
