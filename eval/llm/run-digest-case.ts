// One scripted digest case through the real path: a fake server answering as the case says, the client, the
// story's articles as ingest reads them, the model digest and its gate. Returns what was published and how
// each draft fared.
import type { Article, StorySummary } from '../../src/model.js';
import { createChatClient, DEFAULT_LLM_OPTIONS } from '../../src/llm/index.js';
import { ingest } from '../../src/ingest/index.js';
import { DEFAULT_DIGEST_WORDS } from '../../src/summarize/options.js';
import { digestWithModel } from '../../src/summarize/llm/digest.js';
import type { GatedCaseResult } from './run-case.js';
import { digestAnswerText, digestRepairText, faultyDigestTexts, isDigestRepair, storyFiles, type DigestCase } from './digest-cases.js';
import { promptOf, startFakeModel, type Script } from './fake-server.js';

export interface DigestCaseResult extends GatedCaseResult {
  digest: StorySummary;
  articles: Article[];
}

export function digestScript(digestCase: DigestCase): Script {
  return (request) => {
    const prompt = promptOf(request);
    return { content: isDigestRepair(request) ? digestRepairText(digestCase, prompt) : digestAnswerText(digestCase.shape, digestCase.sentences, prompt) };
  };
}

/** The story's articles, read as a run reads them, in the order the case's files sort (the first is the lead). */
export async function storyArticles(digestCase: DigestCase): Promise<Article[]> {
  return (await ingest(storyFiles(digestCase.story))).articles;
}

export async function runDigestCase(digestCase: DigestCase): Promise<DigestCaseResult> {
  const server = await startFakeModel(digestScript(digestCase));
  const client = createChatClient({ ...DEFAULT_LLM_OPTIONS, url: server.url, model: 'fake-7b', allowPrivate: true });
  try {
    const articles = await storyArticles(digestCase);
    const made = await digestWithModel(articles, DEFAULT_DIGEST_WORDS, digestCase.name, { client });
    const faulty = faultyDigestTexts(digestCase);
    const published = made.digest.sentences.map((s) => s.text);
    const asWritten = made.digest.sentences.filter((s) => s.method === 'llm').map((s) => s.text);
    const faithful = digestCase.sentences.filter((s) => !s.fault).map((s) => s.text);
    return {
      digest: made.digest,
      counts: made.counts,
      drafts: made.audit.filter((s) => s.gate),
      faultyPublished: published.filter((t) => faulty.has(t)),
      faithfulKept: faithful.filter((t) => asWritten.includes(t)).length,
      faithfulTotal: faithful.length,
      requests: server.requests.length,
      articles,
    };
  } finally {
    await client.close();
    await server.close();
  }
}
