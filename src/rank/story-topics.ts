// A story's topics: the desk's configured topics (`ranking.topics`) its articles match, as the topic
// component found them. They are what a feed item's categories say the story is about; a publisher or a
// feed's title never is one.
import type { Candidate } from '../model.js';

/** Topics a story carries at most: a reader's category list past five names everything and says nothing. */
export const MAX_STORY_TOPICS = 5;

/** The topic phrases one candidate's articles match, in config order (none when no topic is configured). */
export function candidateTopics(candidate: Candidate): string[] {
  return candidate.components.find((c) => c.name === 'topic')?.topics ?? [];
}

/**
 * The topics of a story from its members (the articles it shows, lead first): the topics most of its
 * articles match come first, ties in the order the members first name them. Empty when none matches.
 */
export function storyTopics(members: readonly Candidate[]): string[] {
  const counts = new Map<string, number>();
  for (const member of members) for (const topic of new Set(candidateTopics(member))) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  // Map order is first mention; the sort is stable, so equal counts keep it.
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_STORY_TOPICS)
    .map(([topic]) => topic);
}
