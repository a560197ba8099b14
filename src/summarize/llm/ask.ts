// One way to ask the model about a text, through the answer cache: an answer kept under the same key
// (content hash, prompt version, model, request) is read back instead of asked for, so a re-run asks nothing.
import { createHash } from 'node:crypto';
import type { ChatClient, ChatMessage } from '../../llm/index.js';
import type { Article } from '../../model.js';
import type { ModelAnswerCache } from '../../store/types.js';

export interface AskDeps {
  client: ChatClient;
  /** Where answers are kept between runs; without one every run asks again. */
  cache?: ModelAnswerCache;
  /** Timestamp recorded with cached answers. */
  now?: () => string;
}

export interface Asker {
  /** The answer's text for this request about the content, from the cache when it holds one. */
  ask(request: string, messages: ChatMessage[]): Promise<string>;
  /** Requests sent so far (answers read from the cache are not counted). */
  readonly requests: number;
}

export function askerFor(contentHash: string, promptVersion: number, deps: AskDeps): Asker {
  let requests = 0;
  return {
    async ask(request, messages) {
      const key = { contentHash, promptVersion, model: deps.client.model, request };
      const cached = await deps.cache?.modelAnswer(key);
      if (cached) return cached.content;
      const answer = await deps.client.complete({ messages, json: true });
      requests += 1;
      await deps.cache?.saveModelAnswer(key, {
        content: answer.content,
        ...(answer.usage ? { promptTokens: answer.usage.promptTokens, completionTokens: answer.usage.completionTokens } : {}),
        at: deps.now?.() ?? new Date().toISOString(),
      });
      return answer.content;
    },
    get requests() {
      return requests;
    },
  };
}

/** sha256 of an article's title and text: what its answers are cached under. */
export function articleContentHash(article: Pick<Article, 'title' | 'text'>): string {
  return sha256(JSON.stringify([article.title, article.text]));
}

/** The cache's name for a repair request: what was rejected, hashed, so another set of rejections asks again. */
export function repairRequest(prefix: string, rejected: ReadonlyArray<{ text: string }>): string {
  return `${prefix}:${sha256(JSON.stringify(rejected.map((r) => r.text))).slice(0, 16)}`;
}

/** One rewrite per rejected sentence: by the id the model gave, else by position when the counts agree. */
export function matchRepairs<D extends { id?: number }>(drafts: readonly D[], count: number): Array<D | undefined> {
  const byId = new Map(drafts.filter((d) => d.id !== undefined).map((d) => [d.id!, d]));
  if (byId.size > 0) return Array.from({ length: count }, (_, i) => byId.get(i + 1));
  return drafts.length === count ? [...drafts] : Array.from({ length: count }, () => undefined);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
