// Summaries a language model writes, published only sentence by sentence where the auditor agrees: the
// article goes out with numbered sentences (prompt.ts), the answer is read whatever its shape (parse.ts),
// and every sentence passes the model gate (audit/model-gate.ts), with one repair request for the rejected.
// Answers are cached by (article content, prompt version, model, request): a re-run asks nothing.
import type { Article } from '../../model.js';
import { splitSentences } from '../../text/sentences.js';
import { wordCount } from '../../text/words.js';
import { gateModelDrafts, type ModelGated, type RejectedDraft } from '../../audit/model-gate.js';
import { resolveSummaryOptions, wordBudget, type SummaryOptions } from '../options.js';
import { parseDrafts, type Draft } from './parse.js';
import { PROMPT_VERSION, repairMessages, summaryMessages } from './prompt.js';
import { articleContentHash, askerFor, matchRepairs, repairRequest, type AskDeps } from './ask.js';

export { PROMPT_VERSION } from './prompt.js';
export { parseDrafts, type Draft } from './parse.js';

/** Recorded as the method of a summary the model wrote. */
export const MODEL_SUMMARY_METHOD = `llm-v${PROMPT_VERSION}`;

export type ModelSummaryDeps = AskDeps;

export interface ModelSummary extends ModelGated {
  /** Requests made for this article (0 when every answer came from the cache). */
  requests: number;
}

/** Thrown when the model's answer held no sentence at all: the caller falls back to extraction. */
export class EmptyAnswer extends Error {
  /** `what`: the article's path, or the story, the answer was about. */
  constructor(what: string) {
    super(`llm: the model's answer for ${what} held no sentence`);
    this.name = 'EmptyAnswer';
  }
}

export async function summarizeWithModel(article: Article, options: Partial<SummaryOptions> | undefined, deps: ModelSummaryDeps): Promise<ModelSummary> {
  const settings = resolveSummaryOptions(options);
  const sentences = splitSentences(article.text, article.lang);
  const maxWords = wordBudget(wordCount(article.text), settings);
  const asker = askerFor(articleContentHash(article), PROMPT_VERSION, deps);
  const drafts = parseDrafts(await asker.ask('summary', summaryMessages(article.title, sentences, maxWords)), sentences.length, article.lang);
  if (drafts.length === 0) throw new EmptyAnswer(article.origin.path);
  const repair = async (rejected: RejectedDraft[]): Promise<Array<Draft | undefined>> => {
    const answer = await asker.ask(repairRequest('repair', rejected), repairMessages(article.title, sentences, rejected));
    return matchRepairs(parseDrafts(answer, sentences.length, article.lang), rejected.length);
  };
  const gated = await gateModelDrafts(article, drafts, { method: MODEL_SUMMARY_METHOD, maxWords, repair });
  return { ...gated, requests: asker.requests };
}
