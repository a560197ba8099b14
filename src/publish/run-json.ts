// run.json's parts: the head with its counts (the gate's work on model-written summaries and digests), each
// candidate with its article, summary and audit, and the tail with stories, digests, duplicates, failures and
// notices. Publishing writes them in pieces (index.ts), so that a large run is never one string.
import type { ArticleRecord, AuditReport, Candidate, RunOutline, StoryDigest } from '../model.js';
import { countCopies } from '../dedupe/index.js';
import { webUrl } from '../text/web-url.js';
import { modelGateCounts } from '../audit/gate.js';

/** What the gate did with model-written sentences over a run, and whether any were. */
export interface GateCounts {
  kept: number;
  repaired: number;
  replaced: number;
  dropped: number;
  any: boolean;
}

export function emptyGateCounts(): GateCounts {
  return { kept: 0, repaired: 0, replaced: 0, dropped: 0, any: false };
}

export function addGateCounts(counts: GateCounts, report: AuditReport): void {
  const one = modelGateCounts([report]);
  if (!one) return;
  counts.any = true;
  for (const key of ['kept', 'repaired', 'replaced', 'dropped'] as const) counts[key] += one[key];
}

export function runJsonHead(outline: RunOutline, generatedAt: string, gate: GateCounts): Record<string, unknown> {
  const { any, ...modelSentences } = gate;
  const digestSentences = emptyGateCounts();
  for (const digest of outline.digests ?? []) addGateCounts(digestSentences, { articleId: digest.storyId, sentences: digest.audit });
  const { any: anyDigest, ...digestCounts } = digestSentences;
  return {
    generated_at: generatedAt,
    counts: {
      articles: outline.heads.length,
      stories: outline.stories.length,
      duplicates: countCopies(outline.duplicates),
      failures: outline.failures.length,
    },
    // What the gate did with the sentences a language model wrote (summarize.backend: llm).
    ...(any ? { model_sentences: modelSentences } : {}),
    // The same for the story digests a language model wrote.
    ...(anyDigest ? { digest_sentences: digestCounts } : {}),
  };
}

export function runJsonTail(outline: RunOutline): Record<string, unknown> {
  return {
    stories: outline.stories,
    ...(outline.digests ? { digests: outline.digests.map(digestJson) } : {}),
    duplicates: outline.duplicates,
    failures: outline.failures,
    notices: outline.notices,
  };
}

/**
 * A story's written digest as run.json gives it: the sentences that passed the gate, each with its article and
 * source spans, and the gate's verdict on every draft (without the drafts' text: what failed is not published).
 */
function digestJson({ storyId, digest, audit }: StoryDigest): Record<string, unknown> {
  return {
    story: storyId,
    method: digest.method,
    text: digest.text,
    sentences: digest.sentences,
    audit: audit.filter((s) => s.gate).map(({ verdict, score, findings, gate, articleId }) => ({ article: articleId ?? null, verdict, score, gate, findings })),
  };
}

export function candidateJson(files: Map<string, string>): (c: Candidate, record: ArticleRecord) => Record<string, unknown> {
  return (c, { article: a, summary, audit }) => ({
    id: a.id,
    rank: c.rank,
    initial_rank: c.initialRank,
    usage: c.usage,
    score: c.score,
    components: c.components,
    story: c.storyId,
    ...(c.duplicateOf ? { duplicate_of: c.duplicateOf } : {}),
    ...(c.capped ? { capped: c.capped } : {}),
    ...(c.muted ? { muted: c.muted } : {}),
    url: webUrl(a.url),
    title: a.title,
    publisher: a.publisher,
    publisher_name: a.publisherName,
    byline: a.byline,
    published: a.published ?? null,
    lang: a.lang ?? null,
    file: files.get(a.id) ?? null,
    origin: a.origin,
    summary: summary ?? null,
    // Verdict per summary sentence, in summary order; the text and evidence are the summary's own.
    audit: audit?.sentences.map(({ verdict, score, findings }) => ({ verdict, score, findings })) ?? null,
    text: a.text,
  });
}
