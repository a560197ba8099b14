// Story digests a language model writes from a story's articles, published only where the auditor agrees:
// the articles go out lettered with their sentences numbered (digest-prompt.ts), the answer is read whatever
// its shape (digest-parse.ts), and every sentence passes the digest gate (digest-gate.ts) against the article
// it cites, with one repair request for the rejected. Answers are cached under the story's articles' content
// hashes, the prompt version, the model and the word budget: a re-run on the same story asks nothing.
import type { Article } from '../../model.js';
import { splitSentences } from '../../text/sentences.js';
import { articleContentHash, askerFor, matchRepairs, repairRequest, sha256, type AskDeps } from './ask.js';
import { parseDigestDrafts, type DigestDraft } from './digest-parse.js';
import { DIGEST_PROMPT_VERSION, digestMessages, digestRepairMessages, type DigestRepairRequest, type DigestSource } from './digest-prompt.js';
import { gateDigestDrafts, type GatedDigest } from './digest-gate.js';
import { EmptyAnswer } from './index.js';

export { DIGEST_PROMPT_VERSION } from './digest-prompt.js';

/** Recorded as the method of a digest the model wrote. */
export const MODEL_DIGEST_METHOD = `llm-digest-v${DIGEST_PROMPT_VERSION}`;

/**
 * Articles of a story the model is shown, in rank order (the lead first). A digest of at most 90 words names
 * who, what and where from two or three of them; five leave room for a fact only a later one has, and keep
 * the prompt near 2,000 words.
 */
export const MAX_DIGEST_ARTICLES = 5;

/**
 * Sentences of each article numbered in the prompt, from its first: who, what and where are in a news
 * article's opening paragraphs. The gate still audits a sentence against the whole article it cites.
 */
export const DIGEST_ARTICLE_SENTENCES = 12;

export interface ModelDigest extends GatedDigest {
  /** Requests made for this story (0 when every answer came from the cache). */
  requests: number;
}

/**
 * The digest of a story from its articles (rank order, lead first; those past MAX_DIGEST_ARTICLES are not
 * shown), at most `maxWords` words. `name` says which story in an error. Throws EmptyAnswer when the answer
 * held no sentence, and the client's LlmError when the model could not be asked.
 */
export async function digestWithModel(story: readonly Article[], maxWords: number, name: string, deps: AskDeps): Promise<ModelDigest> {
  const articles = story.slice(0, MAX_DIGEST_ARTICLES);
  const sources: DigestSource[] = articles.map((a) => ({
    title: a.title,
    publisher: a.publisherName || a.publisher,
    sentences: splitSentences(a.text, a.lang).slice(0, DIGEST_ARTICLE_SENTENCES),
  }));
  const shown = sources.map((s) => s.sentences.length);
  const lang = articles[0]?.lang;
  // The articles in the order they are lettered: the same story in another order is another prompt.
  const asker = askerFor(sha256(JSON.stringify(articles.map(articleContentHash))), DIGEST_PROMPT_VERSION, deps);
  const drafts = parseDigestDrafts(await asker.ask(`digest:${maxWords}`, digestMessages(sources, maxWords)), shown, lang);
  if (drafts.length === 0) throw new EmptyAnswer(name);
  const repair = async (rejected: DigestRepairRequest[]): Promise<Array<DigestDraft | undefined>> => {
    const answer = await asker.ask(repairRequest(`digest-repair:${maxWords}`, rejected), digestRepairMessages(sources, rejected));
    return matchRepairs(parseDigestDrafts(answer, shown, lang), rejected.length);
  };
  const gated = await gateDigestDrafts(articles, drafts, { method: MODEL_DIGEST_METHOD, maxWords, repair });
  return { ...gated, requests: asker.requests };
}
