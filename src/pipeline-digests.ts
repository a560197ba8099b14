// Story digests by the model (summarize.backend: llm), made once a run is ranked, before its commit: every
// story of two or more articles in the briefing gets a digest written from its articles (lead first, read
// back from the run's stage) and gated sentence by sentence against the article each sentence cites. The
// answers go through the store's answer cache, so a re-run on the same stories asks nothing. When the model
// is down or the run's token budget is spent, the stories keep the extractive digest, with a notice.
import type { ArticleHead, Candidate, StoryDigest, StoryLinks } from './model.js';
import type { Store } from './store/index.js';
import type { RunSettings } from './config.js';
import { briefingStories, otherPublishers } from './publish/view.js';
import { digestBudget } from './summarize/digest.js';
import { digestWithModel, MAX_DIGEST_ARTICLES, type ModelDigest } from './summarize/llm/digest.js';
import { askInTurn } from './summarize/llm/batch.js';
import { openModelSession, usesModel, type ModelRunOptions } from './pipeline-model.js';

export interface RunDigests {
  digests: StoryDigest[];
  /** One per story the gate changed, why stories kept the extractive digest, and what the digests cost. */
  notices: string[];
}

/** A story the model is asked to digest: its id and label, and its articles in the briefing, lead first. */
interface DigestRequest {
  story: StoryLinks | undefined;
  storyId: string;
  articleIds: string[];
  /** Words the digest's sentences may use: the briefing's digest budget less "Also reported by …". */
  maxWords: number;
}

/** The run's articles without their texts (what it kept of each), by id: who published each. */
type RunHeads = ReadonlyMap<string, ArticleHead>;

export interface DigestRunOptions extends Omit<ModelRunOptions, 'env' | 'onDone'> {
  /** Told before the first story and as each story is done. */
  onProgress?: (done: number, total: number) => void;
}

/** The run's ranked stories: `articles` are the run's articles without their texts. */
export async function digestStories(
  runId: number,
  ranked: { candidates: Candidate[]; stories: StoryLinks[]; articles: readonly ArticleHead[] },
  settings: RunSettings,
  store: Store,
  options: DigestRunOptions,
): Promise<RunDigests> {
  if (!usesModel(settings)) return { digests: [], notices: [] };
  const requests = digestRequests({ ...ranked, heads: new Map(ranked.articles.map((a) => [a.id, a])) }, settings);
  if (requests.length === 0) return { digests: [], notices: [] };
  options.onProgress?.(0, requests.length);
  const session = openModelSession(settings, options);
  try {
    const outcomes = await askInTurn(
      requests,
      async (request) => digestWithModel(await store.stagedArticles(runId, request.articleIds.slice(0, MAX_DIGEST_ARTICLES)), request.maxWords, storyName(request), { client: session.client, cache: store }),
      {
        concurrency: settings.llm!.concurrency,
        abort: session.abort,
        halt: session.halt,
        onCancel: options.onCancel,
        ...(options.cancelled ? { cancelled: options.cancelled } : {}),
        ...(options.onProgress ? { onDone: (done: number) => options.onProgress!(done, requests.length) } : {}),
      },
    );
    const digests: StoryDigest[] = [];
    const notices: string[] = [];
    for (const outcome of outcomes) {
      if ('failure' in outcome) {
        session.failed(outcome.failure);
        continue;
      }
      digests.push({ storyId: outcome.item.storyId, digest: outcome.made.digest, audit: outcome.made.audit });
      const notice = digestNotice(outcome.item, outcome.made);
      if (notice) notices.push(notice);
    }
    return { digests, notices: [...session.notices((n) => `${n} ${n === 1 ? 'story' : 'stories'} got the extractive digest instead`, 'story digests'), ...notices] };
  } finally {
    await session.close();
  }
}

/** The briefing's stories of two or more articles (copies and rejected articles left out, as the briefing does). */
function digestRequests({ candidates, stories, heads }: { candidates: Candidate[]; stories: StoryLinks[]; heads: RunHeads }, settings: RunSettings): DigestRequest[] {
  const byId = new Map(stories.map((s) => [s.id, s]));
  return briefingStories(candidates).flatMap(({ key, members }) => {
    const lead = heads.get(members[0]!.articleId);
    if (members.length < 2 || !members[0]!.storyId || !lead) return [];
    const others = otherPublishers(lead.id, members.flatMap((m) => heads.get(m.articleId) ?? []));
    const { budget } = digestBudget(lead.publisherName, others, settings.publish.digestWords);
    return budget > 0 ? [{ story: byId.get(key), storyId: key, articleIds: members.map((m) => m.articleId), maxWords: budget }] : [];
  });
}

function storyName(request: DigestRequest): string {
  return `story ${request.storyId}${request.story ? ` ("${request.story.label}")` : ''}`;
}

/** What the gate did with a story's digest, when it did anything but keep the model's sentences. */
function digestNotice(request: DigestRequest, made: ModelDigest): string | undefined {
  const { kept, repaired, replaced, dropped } = made.counts;
  if (repaired + replaced + dropped === 0) return undefined;
  return `${storyName(request)}: model digest: ${kept} sentence${kept === 1 ? '' : 's'} kept, ${repaired} repaired, ${replaced} replaced by source sentences, ${dropped} dropped`;
}
