// A run's candidate as both backends' outline query returns it: the same columns on each (SQLite gives the
// components as JSON text, PostgreSQL as parsed jsonb), so one mapping from a row to a Candidate serves both.
import type { Candidate, ScoreComponent, Usage } from '../model.js';
import type { ComponentPool } from '../rank/component-pool.js';

export interface CandidateRow<Components = ScoreComponent[]> {
  id: string;
  story: string;
  rank: number;
  baseRank: number | null;
  score: number;
  components: Components;
  usage: Usage;
  initialRank: number | null;
  pinned: number | null;
  original: string | null;
  capped: string | null;
  muted: string | null;
}

/** The candidate of a row, its components (parsed) shared through the outline's pool. */
export function candidateFromRow(r: CandidateRow<unknown>, components: ScoreComponent[], pool: ComponentPool): Candidate {
  return {
    articleId: r.id,
    storyId: r.story,
    score: r.score,
    components: pool.internAll(components),
    initialRank: r.initialRank ?? r.rank,
    rank: r.rank,
    baseRank: r.baseRank ?? r.rank,
    ...(r.pinned !== null ? { pinned: r.pinned } : {}),
    usage: r.usage,
    ...(r.original ? { duplicateOf: r.original } : {}),
    ...(r.capped ? { capped: r.capped } : {}),
    ...(r.muted ? { muted: r.muted } : {}),
  };
}
