// Summaries a language model writes, published only sentence by sentence where the auditor agrees: the
// article goes out with numbered sentences (prompt.ts), the answer is read whatever its shape (parse.ts),
// and every sentence passes the model gate (audit/model-gate.ts), with one repair request for the rejected.
// Answers are cached by (article content, prompt version, model, request): a re-run asks nothing.
import { createHash } from 'node:crypto';
import type { ChatClient, ChatMessage } from '../../llm/index.js';
import type { Article } from '../../model.js';
import type { ModelAnswerCache } from '../../store/types.js';
import { splitSentences } from '../../text/sentences.js';
import { wordCount } from '../../text/words.js';
import { gateModelDrafts, type ModelGated, type RejectedDraft } from '../../audit/model-gate.js';
import { resolveSummaryOptions, wordBudget, type SummaryOptions } from '../options.js';
import { parseDrafts, type Draft } from './parse.js';
import { PROMPT_VERSION, repairMessages, summaryMessages } from './prompt.js';

export { PROMPT_VERSION } from './prompt.js';
export { parseDrafts, type Draft } from './parse.js';

/** Recorded as the method of a summary the model wrote. */
export const MODEL_SUMMARY_METHOD = `llm-v${PROMPT_VERSION}`;

export interface ModelSummaryDeps {
  client: ChatClient;
  /** Where answers are kept between runs; without one every run asks again. */
  cache?: ModelAnswerCache;
  /** Timestamp recorded with cached answers. */
  now?: () => string;
}

export interface ModelSummary extends ModelGated {
  /** Requests made for this article (0 when every answer came from the cache). */
  requests: number;
}

/** Thrown when the model's answer held no sentence at all: the caller falls back to extraction. */
export class EmptyAnswer extends Error {
  constructor(article: Article) {
    super(`llm: the model's answer for ${article.origin.path} held no sentence`);
    this.name = 'EmptyAnswer';
  }
}

export async function summarizeWithModel(article: Article, options: Partial<SummaryOptions> | undefined, deps: ModelSummaryDeps): Promise<ModelSummary> {
  const settings = resolveSummaryOptions(options);
  const sentences = splitSentences(article.text, article.lang);
  const maxWords = wordBudget(wordCount(article.text), settings);
  const contentHash = createHash('sha256').update(JSON.stringify([article.title, article.text])).digest('hex');
  let requests = 0;

  const ask = async (request: string, messages: ChatMessage[]): Promise<string> => {
    const key = { contentHash, promptVersion: PROMPT_VERSION, model: deps.client.model, request };
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
  };

  const drafts = parseDrafts(await ask('summary', summaryMessages(article.title, sentences, maxWords)), sentences.length, article.lang);
  if (drafts.length === 0) throw new EmptyAnswer(article);
  const repair = async (rejected: RejectedDraft[]): Promise<Array<Draft | undefined>> => {
    const request = `repair:${createHash('sha256').update(JSON.stringify(rejected.map((r) => r.text))).digest('hex').slice(0, 16)}`;
    const answer = await ask(request, repairMessages(article.title, sentences, rejected));
    return matchRepairs(parseDrafts(answer, sentences.length, article.lang), rejected.length);
  };
  const gated = await gateModelDrafts(article, drafts, { method: MODEL_SUMMARY_METHOD, maxWords, repair });
  return { ...gated, requests };
}

/** One rewrite per rejected sentence: by the id the model gave, else by position when the counts agree. */
function matchRepairs(drafts: Draft[], count: number): Array<Draft | undefined> {
  const byId = new Map(drafts.filter((d) => d.id !== undefined).map((d) => [d.id!, d]));
  if (byId.size > 0) return Array.from({ length: count }, (_, i) => byId.get(i + 1));
  return drafts.length === count ? drafts : Array.from({ length: count }, () => undefined);
}
