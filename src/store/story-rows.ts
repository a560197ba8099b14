// A story's saved centroid as either backend's story_states row holds it. Rows written before centroids
// were two flat lists hold [term, weight] pairs; both shapes read as the flat one.
import type { ContinuedStory, Story, StoryCentroid } from '../model.js';

type PairedCentroid = Omit<StoryCentroid, 'terms' | 'weights'> & { terms: Array<[string, number]> };
export type StoredCentroid = StoryCentroid | PairedCentroid;

export function centroidFromRow(stored: StoredCentroid): StoryCentroid {
  if ('weights' in stored) return stored;
  const { terms, ...rest } = stored;
  return { ...rest, terms: terms.map(([term]) => term), weights: terms.map(([, weight]) => weight) };
}

/** A staged story as either backend's staged_stories row holds it (JSON text, always the flat shape). */
export function stagedStoryFromRow(row: { story: string; centroid: string }): ContinuedStory {
  return { story: JSON.parse(row.story) as Story, centroid: JSON.parse(row.centroid) as StoryCentroid };
}
