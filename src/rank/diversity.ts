// Diversity caps: at most K candidates per publisher and per story in the top N. Candidates over a cap
// keep their score order but move below the top N, with the reason recorded for the explanation.
import type { DiversitySettings } from './settings.js';

export interface Placed<T> {
  entry: T;
  capped: string | undefined;
}

interface Capped {
  article: { publisher: string };
  storyId: string;
}

/**
 * `sorted` is in score order. When too few candidates respect the caps to fill the top N, the head stays
 * short and the deferred ones follow it: a cap never drops a candidate, it only moves it down.
 */
export function applyDiversity<T extends Capped>(sorted: T[], { topN, perPublisher, perStory }: DiversitySettings): Array<Placed<T>> {
  const head: Array<Placed<T>> = [];
  const tail: Array<Placed<T>> = [];
  const perPublisherCount = new Map<string, number>();
  const perStoryCount = new Map<string, number>();
  for (const entry of sorted) {
    const publisher = entry.article.publisher;
    // Articles outside any story count as their own story.
    const story = entry.storyId || `article:${head.length + tail.length}`;
    if (head.length >= topN) {
      tail.push({ entry, capped: undefined });
      continue;
    }
    const byPublisher = perPublisherCount.get(publisher) ?? 0;
    const byStory = perStoryCount.get(story) ?? 0;
    if (byPublisher >= perPublisher) {
      tail.push({ entry, capped: `publisher cap: ${publisher} already has ${perPublisher} in the top ${topN}` });
    } else if (byStory >= perStory) {
      tail.push({ entry, capped: `story cap: its story already has ${perStory} in the top ${topN}` });
    } else {
      head.push({ entry, capped: undefined });
      perPublisherCount.set(publisher, byPublisher + 1);
      perStoryCount.set(story, byStory + 1);
    }
  }
  // The tail was filled in score order, so capped and later candidates interleave by score.
  return [...head, ...tail];
}
