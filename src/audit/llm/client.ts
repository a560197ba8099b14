// A small chat-completions client for any OpenAI-compatible server (a hosted API, vLLM, llama.cpp's
// server, Ollama's /v1), on the fetch that Node ships (undici). One request at a time per call, with a
// timeout, and retries on 429, 5xx and network errors that honour Retry-After. Errors name the URL and
// the status, never the API key.
import type { LlmAuditOptions } from './options.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatClient {
  complete(messages: readonly ChatMessage[]): Promise<string>;
}

/** Statuses worth another attempt: rate limited, or the server failing for now. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

export class ChatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChatError';
  }
}

export interface ChatClientDeps {
  apiKey?: string;
  /** How to wait between attempts; tests pass one that records the delays instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

export function chatCompletionsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return /\/chat\/completions$/.test(trimmed) ? trimmed : `${trimmed}/chat/completions`;
}

/** Milliseconds a Retry-After header asks for: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(header.trim())) return Math.round(Number(header.trim()) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function createChatClient(options: Pick<LlmAuditOptions, 'url' | 'model' | 'timeoutMs' | 'retries' | 'backoffBaseMs' | 'maxRetryAfterMs' | 'maxTokens'>, deps: ChatClientDeps = {}): ChatClient {
  const url = chatCompletionsUrl(options.url);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (deps.apiKey) headers.authorization = `Bearer ${deps.apiKey}`;
  return {
    async complete(messages) {
      // Temperature 0: an audit should give the same verdict for the same sentence.
      const body = JSON.stringify({ model: options.model, messages, temperature: 0, max_tokens: options.maxTokens, stream: false });
      let lastProblem = '';
      let attempts = 0;
      for (let attempt = 0; attempt <= options.retries; attempt++) {
        attempts += 1;
        let wait = options.backoffBaseMs * 2 ** attempt;
        try {
          const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
          if (response.ok) return contentOf(await response.json(), url);
          lastProblem = `HTTP ${response.status}`;
          await response.body?.cancel();
          if (!RETRY_STATUSES.has(response.status)) break;
          const asked = retryAfterMs(response.headers.get('retry-after'));
          if (asked !== undefined) {
            if (asked > options.maxRetryAfterMs) throw new ChatError(`${url}: HTTP ${response.status}, and the server asks to wait ${Math.ceil(asked / 1000)} s; try again later`);
            wait = asked;
          }
        } catch (error) {
          if (error instanceof ChatError) throw error;
          const e = error as Error;
          lastProblem = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${options.timeoutMs} ms` : (e.cause as Error | undefined)?.message ?? e.message;
        }
        if (attempt < options.retries) await sleep(wait);
      }
      throw new ChatError(`${url}: ${lastProblem} after ${attempts} attempt(s); check that the server is up and the model name is right`);
    },
  };
}

function contentOf(json: unknown, url: string): string {
  const content = (json as { choices?: { message?: { content?: unknown } }[] })?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new ChatError(`${url}: the answer has no choices[0].message.content; is this an OpenAI-compatible chat-completions server?`);
  return content;
}
