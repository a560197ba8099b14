// NDCG@k of a story ordering against an editor's ordering: the first story the editor would run earns
// the most. Linear gains (not 2^rel − 1): with 18 grades the exponential form gives the top story
// 2^18 and makes the score a test of position 1 alone.

/** Graded relevance from the editor's position: n for the first of n stories down to 1 for the last. */
export function editorGains(editorOrder: string[]): Map<string, number> {
  return new Map(editorOrder.map((id, i) => [id, editorOrder.length - i]));
}

export function ndcgAt(k: number, ranked: string[], gains: Map<string, number>): number {
  const dcg = (ids: string[]): number => ids.slice(0, k).reduce((sum, id, i) => sum + (gains.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = dcg([...gains.keys()].sort((a, b) => gains.get(b)! - gains.get(a)!));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}
