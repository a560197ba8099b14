// The ranked list with each candidate's score taken apart: what `rank --explain` and `run --explain` print.
import type { RankedArticles } from '../model.js';
import type { RunResult } from '../model.js';

/** `before`: ranks in the stored ranking, shown beside each rank after a re-rank. */
export function explainText(result: RankedArticles, before?: Map<string, number>): string {
  const articles = new Map(result.articles.map((a) => [a.id, a]));
  const blocks = result.candidates.map((c) => {
    const a = articles.get(c.articleId);
    const was = before ? `  (stored #${before.get(c.articleId) ?? '?'})` : '';
    const head = `#${c.rank}${was}  score ${c.score.toFixed(4)}  ${c.usage}  ${a?.publisher ?? '?'}  ${a?.title ?? c.articleId}\n    id ${c.articleId}  story ${c.storyId || '-'}`;
    const width = c.components.reduce((widest, p) => Math.max(widest, p.name.length), 0);
    const lines = c.components.map(
      (p) => `    ${p.name.padEnd(width)}  ${p.value.toFixed(4)} × ${String(p.weight).padEnd(4)} = ${p.contribution.toFixed(4)}  ${p.detail}`,
    );
    const notes = [
      ...(c.duplicateOf ? [`    copy of ${c.duplicateOf}: ranked after every original`] : []),
      ...(c.capped ? [`    moved down by the ${c.capped}`] : []),
      ...(c.muted ? [`    muted by ${c.muted}: ranked after every article not muted`] : []),
      ...(c.pinned !== undefined ? [`    pinned at #${c.pinned} by an editor (#${c.baseRank ?? c.rank} by score); unpin it in the editor`] : []),
      ...(c.usage === 'rejected' ? [`    rejected by an editor: ranked after every article still in play`] : []),
    ];
    return [head, ...lines, `    ${'sum'.padEnd(width)}  ${' '.repeat(15)}= ${c.score.toFixed(4)}`, ...notes].join('\n');
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : 'no candidates\n';
}

export function explainJson(result: RankedArticles, before?: Map<string, number>): unknown {
  return {
    candidates: result.candidates.map((c) => ({
      id: c.articleId,
      story: c.storyId,
      rank: c.rank,
      ...(before ? { stored_rank: before.get(c.articleId) ?? null } : {}),
      score: c.score,
      usage: c.usage,
      components: c.components,
      ...(c.duplicateOf ? { duplicate_of: c.duplicateOf } : {}),
      ...(c.capped ? { capped: c.capped } : {}),
      ...(c.muted ? { muted: c.muted } : {}),
      ...(c.pinned !== undefined ? { pinned: c.pinned, base_rank: c.baseRank ?? c.rank } : {}),
    })),
  };
}
